//! The JSON exchange format: validated against the published schema *before* it is
//! deserialised, so that a county's system gets every violation with its JSON
//! pointer rather than serde's first error.

use std::sync::OnceLock;

use gongkai_model::Disclosure;

use crate::Limits;
use crate::error::ImportError;

fn validator() -> Result<&'static jsonschema::Validator, String> {
    static VALIDATOR: OnceLock<Result<jsonschema::Validator, String>> = OnceLock::new();
    VALIDATOR
        .get_or_init(|| {
            let schema: serde_json::Value = serde_json::from_str(&gongkai_model::schema::disclosure_schema_json())
                .map_err(|e| format!("built-in schema is not JSON: {e}"))?;
            jsonschema::draft202012::new(&schema).map_err(|e| format!("built-in schema does not compile: {e}"))
        })
        .as_ref()
        .map_err(Clone::clone)
}

/// How many violations are kept (the first 20 are shown): a hostile document can
/// violate the schema once per array element, millions of times.
const KEPT_VIOLATIONS: usize = 1_000;

/// The schema violations of a JSON value, as `pointer: message`, sorted (the
/// first [`KEPT_VIOLATIONS`] found), and how many there are in all.
fn violations(value: &serde_json::Value) -> Result<(Vec<String>, usize), String> {
    let validator = validator()?;
    let mut count = 0;
    let mut out: Vec<String> = Vec::new();
    for e in validator.iter_errors(value) {
        count += 1;
        if out.len() < KEPT_VIOLATIONS {
            let pointer = e.instance_path().to_string();
            let pointer = if pointer.is_empty() { "/".to_owned() } else { pointer };
            out.push(format!("{pointer}: {e}"));
        }
    }
    out.sort();
    Ok((out, count))
}

/// Every schema violation of a JSON value, as `pointer: message`, sorted.
pub fn schema_violations(value: &serde_json::Value) -> Result<Vec<String>, String> {
    violations(value).map(|(v, _)| v)
}

/// Reads a disclosure from JSON text, with the default [`Limits`].
pub fn read_json(text: &str, file: &str) -> Result<Disclosure, ImportError> {
    read_json_limited(text, file, &Limits::default())
}

/// Reads a disclosure from JSON text: its shape against `limits` (nesting depth,
/// array lengths) before anything is built, then the schema, then the model.
pub fn read_json_limited(text: &str, file: &str, limits: &Limits) -> Result<Disclosure, ImportError> {
    check_shape(text, file, limits)?;
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| {
        let line = u32::try_from(e.line()).unwrap_or(0);
        ImportError::at(file, line, format!("不是有效的 JSON（{e}）"), format!("not valid JSON: {e}"))
    })?;
    let (violations, count) =
        violations(&value).map_err(|e| ImportError::file(file, format!("无法按公开数据格式校验（{e}）"), e))?;
    if count > 0 {
        let shown: Vec<&str> = violations.iter().take(20).map(String::as_str).collect();
        let more = if count > 20 { format!("\n  … and {} more", count - 20) } else { String::new() };
        let list = format!("{}{more}", shown.join("\n  "));
        return Err(ImportError::file(
            file,
            format!("不符合公开数据格式（schema），共 {count} 处：\n  {list}"),
            format!("does not match the disclosure schema ({count} violation(s)):\n  {list}"),
        ));
    }
    serde_json::from_value(value)
        .map_err(|e| ImportError::file(file, format!("公开数据内容无效（{e}）"), format!("invalid disclosure: {e}")))
}

/// One open array or object while scanning.
struct Open {
    array: bool,
    /// Elements of an array so far (commas + 1 once a value started).
    elements: u64,
}

/// Scans the text once, without building anything, for nesting deeper than
/// `--max-json-depth` and arrays longer than `--max-json-array`, so that the
/// refusal names our limit, its option and the line and column where it was
/// crossed (serde_json would stop at its own depth of 128 with neither, and
/// would build a huge array before the schema could refuse it). Anything that
/// is not well-formed is left to serde_json to report.
fn check_shape(text: &str, file: &str, limits: &Limits) -> Result<(), ImportError> {
    let (mut line, mut column) = (1u32, 0u32);
    let mut stack: Vec<Open> = Vec::new();
    let mut in_string = false;
    let mut escaped = false;
    for c in text.chars() {
        if c == '\n' {
            (line, column) = (line.saturating_add(1), 0);
        } else {
            column = column.saturating_add(1);
        }
        if in_string {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => in_string = false,
                _ => {}
            }
            continue;
        }
        let at = |zh: String, en: String| {
            ImportError::at(file, line, format!("第 {column} 列：{zh}"), format!("column {column}: {en}"))
        };
        // A value starting inside an empty array makes its first element.
        if let Some(top) = stack.last_mut().filter(|t| t.array && t.elements == 0)
            && !c.is_whitespace()
            && c != ']'
        {
            top.elements = 1;
        }
        match c {
            '"' => in_string = true,
            '[' | '{' if stack.len() as u64 >= u64::from(limits.max_json_depth) => {
                return Err(at(
                    format!("JSON 嵌套超过 {} 层的上限（可用 --max-json-depth 调高）", limits.max_json_depth),
                    format!(
                        "JSON nested deeper than the limit of {} levels (raise it with --max-json-depth)",
                        limits.max_json_depth
                    ),
                ));
            }
            '[' => stack.push(Open { array: true, elements: 0 }),
            '{' => stack.push(Open { array: false, elements: 0 }),
            ']' | '}' => {
                stack.pop();
            }
            ',' => {
                if let Some(top) = stack.last_mut().filter(|t| t.array) {
                    top.elements += 1;
                    if top.elements > limits.max_json_array {
                        return Err(at(
                            format!(
                                "JSON 数组超过 {} 个元素的上限（可用 --max-json-array 调高）",
                                limits.max_json_array
                            ),
                            format!(
                                "JSON array longer than the limit of {} elements (raise it with --max-json-array)",
                                limits.max_json_array
                            ),
                        ));
                    }
                }
            }
            _ => {}
        }
    }
    Ok(())
}
