//! `data/sources.toml`: a strict TOML subset read with `std` only. Any line outside the
//! subset stops the build with its line number instead of being half-understood.

use std::collections::{BTreeMap, BTreeSet};

use crate::code::Scheme;

/// Errors are plain messages: the build prints them and stops.
pub(crate) type Result<T> = std::result::Result<T, String>;

/// Must match `YearSet::MIN_YEAR` in `src/years.rs`: bit `i` is year `MIN_YEAR + i`.
pub(crate) const MIN_YEAR: u16 = 2000;
pub(crate) const MAX_YEAR: u16 = MIN_YEAR + 63;

/// Orders evidence strongest first; mirrors the declaration order of `Attestation`.
pub(crate) fn attestation_rank(id: &str) -> u8 {
    match id {
        "official" => 0,
        "hand_checked" => 1,
        "observed" => 2,
        _ => 3,
    }
}

/// The `Attestation` variant for a manifest id.
pub(crate) fn attestation_variant(id: &str) -> Result<&'static str> {
    Ok(match id {
        "official" => "Official",
        "hand_checked" => "HandChecked",
        "observed" => "Observed",
        "unverified" => "Unverified",
        other => {
            return Err(format!("attestation {other:?} is none of official, hand_checked, observed, unverified"));
        }
    })
}

pub(crate) struct Source {
    pub(crate) id: String,
    pub(crate) years: Vec<u16>,
    pub(crate) title: String,
    pub(crate) location: String,
}

pub(crate) struct FileEntry {
    pub(crate) path: String,
    pub(crate) schemes: Vec<Scheme>,
    pub(crate) years: Vec<u16>,
    pub(crate) attestation: String,
    pub(crate) complete: bool,
    pub(crate) sources: Vec<String>,
    pub(crate) row_sources: Option<String>,
    pub(crate) note: String,
}

pub(crate) struct Manifest {
    pub(crate) sources: BTreeMap<String, Source>,
    pub(crate) files: Vec<FileEntry>,
}

#[derive(Clone, Debug)]
enum Value {
    Str(String),
    Int(i64),
    Bool(bool),
    Array(Vec<Value>),
}

/// One `[[header]]` block: its kind, the line it starts on and its `key = value` pairs.
struct Block {
    kind: String,
    line: usize,
    fields: BTreeMap<String, Value>,
}

pub(crate) fn parse_manifest(text: &str) -> Result<Manifest> {
    let mut blocks: Vec<Block> = Vec::new();
    for (index, raw) in text.lines().enumerate() {
        let line_no = index + 1;
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(kind) = line.strip_prefix("[[").and_then(|l| l.strip_suffix("]]")) {
            blocks.push(Block { kind: kind.trim().to_string(), line: line_no, fields: BTreeMap::new() });
            continue;
        }
        let (key, rest) =
            line.split_once('=').ok_or_else(|| format!("line {line_no}: expected `key = value` or `[[table]]`"))?;
        let key = key.trim();
        if key.is_empty() || !key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
            return Err(format!("line {line_no}: bad key {key:?}"));
        }
        let mut cursor = Cursor { chars: rest.trim().chars().collect(), pos: 0 };
        let value = cursor.value(true).map_err(|e| format!("line {line_no}: {e}"))?;
        cursor.skip_spaces();
        if !cursor.at_end() && cursor.peek() != Some('#') {
            return Err(format!("line {line_no}: unexpected text after the value"));
        }
        let block =
            blocks.last_mut().ok_or_else(|| format!("line {line_no}: key outside a [[source]] or [[file]] block"))?;
        if block.fields.insert(key.to_string(), value).is_some() {
            return Err(format!("line {line_no}: duplicate key {key:?}"));
        }
    }

    let mut sources = BTreeMap::new();
    let mut files = Vec::new();
    for mut block in blocks {
        let context = format!("[[{}]] at line {}", block.kind, block.line);
        let ctx = |e: String| format!("{context}: {e}");
        match block.kind.as_str() {
            "source" => {
                let source = Source {
                    id: take_str(&mut block, "id").map_err(ctx)?,
                    years: take_years(&mut block, "years").map_err(ctx)?,
                    title: take_str(&mut block, "title").map_err(ctx)?,
                    location: take_str(&mut block, "location").map_err(ctx)?,
                };
                no_leftovers(&block).map_err(ctx)?;
                if sources.contains_key(&source.id) {
                    return Err(ctx(format!("duplicate source id {:?}", source.id)));
                }
                sources.insert(source.id.clone(), source);
            }
            "file" => {
                let schemes = match block.fields.remove("scheme") {
                    Some(Value::Str(s)) => vec![s],
                    Some(Value::Array(items)) => items
                        .into_iter()
                        .map(|v| match v {
                            Value::Str(s) => Ok(s),
                            other => Err(format!("scheme: expected strings, got {other:?}")),
                        })
                        .collect::<Result<Vec<_>>>()
                        .map_err(ctx)?,
                    _ => return Err(ctx("scheme: missing or not a string/array".to_string())),
                };
                let schemes = schemes
                    .iter()
                    .map(|s| {
                        Scheme::from_id(s).ok_or_else(|| {
                            format!("scheme {s:?} is none of function, economic_department, economic_government")
                        })
                    })
                    .collect::<Result<Vec<_>>>()
                    .map_err(ctx)?;
                let entry = FileEntry {
                    path: take_str(&mut block, "path").map_err(ctx)?,
                    schemes,
                    years: take_years(&mut block, "years").map_err(ctx)?,
                    attestation: take_str(&mut block, "attestation").map_err(ctx)?,
                    complete: match block.fields.remove("complete") {
                        Some(Value::Bool(b)) => b,
                        _ => return Err(ctx("complete: missing or not true/false".to_string())),
                    },
                    sources: take_str_array(&mut block, "sources").map_err(ctx)?,
                    row_sources: match block.fields.remove("row_sources") {
                        None => None,
                        Some(Value::Str(s)) => Some(s),
                        Some(_) => return Err(ctx("row_sources: not a string".to_string())),
                    },
                    note: match block.fields.remove("note") {
                        None => String::new(),
                        Some(Value::Str(s)) => s,
                        Some(_) => return Err(ctx("note: not a string".to_string())),
                    },
                };
                no_leftovers(&block).map_err(ctx)?;
                attestation_variant(&entry.attestation).map_err(ctx)?;
                if entry.complete && entry.attestation != "official" {
                    return Err(ctx(
                        "complete = true needs attestation = \"official\": only the Ministry's own list is complete"
                            .to_string(),
                    ));
                }
                if entry.complete && entry.years.is_empty() {
                    return Err(ctx("a complete file must name its years".to_string()));
                }
                if entry.path.contains("..") || entry.path.starts_with('/') {
                    return Err(ctx("path must stay inside data/".to_string()));
                }
                files.push(entry);
            }
            other => return Err(ctx(format!("unknown block [[{other}]]"))),
        }
    }
    for file in &files {
        for id in &file.sources {
            if !sources.contains_key(id) {
                return Err(format!("{}: unknown source id {id:?}", file.path));
            }
        }
    }
    if files.iter().map(|f| &f.path).collect::<BTreeSet<_>>().len() != files.len() {
        return Err("a data file is listed twice".to_string());
    }
    Ok(Manifest { sources, files })
}

fn take_str(block: &mut Block, key: &str) -> Result<String> {
    match block.fields.remove(key) {
        Some(Value::Str(s)) => Ok(s),
        Some(other) => Err(format!("{key}: expected a string, got {other:?}")),
        None => Err(format!("{key}: missing")),
    }
}

fn take_str_array(block: &mut Block, key: &str) -> Result<Vec<String>> {
    match block.fields.remove(key) {
        Some(Value::Array(items)) => items
            .into_iter()
            .map(|v| match v {
                Value::Str(s) => Ok(s),
                other => Err(format!("{key}: expected strings, got {other:?}")),
            })
            .collect(),
        Some(other) => Err(format!("{key}: expected an array, got {other:?}")),
        None => Err(format!("{key}: missing")),
    }
}

fn take_years(block: &mut Block, key: &str) -> Result<Vec<u16>> {
    match block.fields.remove(key) {
        Some(Value::Array(items)) => items
            .into_iter()
            .map(|v| match v {
                Value::Int(i) => year_from_int(i),
                other => Err(format!("{key}: expected integers, got {other:?}")),
            })
            .collect(),
        Some(other) => Err(format!("{key}: expected an array, got {other:?}")),
        None => Err(format!("{key}: missing")),
    }
}

pub(crate) fn year_from_int(i: i64) -> Result<u16> {
    u16::try_from(i)
        .ok()
        .filter(|y| (MIN_YEAR..=MAX_YEAR).contains(y))
        .ok_or_else(|| format!("year {i} is outside {MIN_YEAR}..={MAX_YEAR}"))
}

fn no_leftovers(block: &Block) -> Result<()> {
    match block.fields.keys().next() {
        Some(key) => Err(format!("unknown key {key:?}")),
        None => Ok(()),
    }
}

/// A hand-written reader for the value forms the manifest allows.
struct Cursor {
    chars: Vec<char>,
    pos: usize,
}

impl Cursor {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }

    fn at_end(&self) -> bool {
        self.pos >= self.chars.len()
    }

    fn skip_spaces(&mut self) {
        while matches!(self.peek(), Some(' ' | '\t')) {
            self.pos += 1;
        }
    }

    fn value(&mut self, allow_array: bool) -> Result<Value> {
        self.skip_spaces();
        match self.peek() {
            Some('"') => self.string().map(Value::Str),
            Some('[') if allow_array => self.array(),
            Some('[') => Err("nested arrays are not supported".to_string()),
            Some(c) if c == '-' || c.is_ascii_digit() => {
                let start = self.pos;
                self.pos += 1;
                while self.peek().is_some_and(|c| c.is_ascii_digit() || c == '_') {
                    self.pos += 1;
                }
                let text: String = self.chars[start..self.pos].iter().filter(|&&c| c != '_').collect();
                text.parse().map(Value::Int).map_err(|_| format!("bad integer {text:?}"))
            }
            Some(_) => {
                let start = self.pos;
                while self.peek().is_some_and(|c| c.is_ascii_alphabetic()) {
                    self.pos += 1;
                }
                let word: String = self.chars[start..self.pos].iter().collect();
                match word.as_str() {
                    "true" => Ok(Value::Bool(true)),
                    "false" => Ok(Value::Bool(false)),
                    _ => Err(format!(
                        "unsupported value starting {:?} (strings need double quotes)",
                        self.chars[start..].iter().take(12).collect::<String>()
                    )),
                }
            }
            None => Err("missing value".to_string()),
        }
    }

    fn string(&mut self) -> Result<String> {
        self.pos += 1; // opening quote
        let mut out = String::new();
        loop {
            let c = self.peek().ok_or("unterminated string")?;
            self.pos += 1;
            match c {
                '"' => return Ok(out),
                '\\' => {
                    let escaped = self.peek().ok_or("unterminated escape")?;
                    self.pos += 1;
                    match escaped {
                        '"' => out.push('"'),
                        '\\' => out.push('\\'),
                        'n' => out.push('\n'),
                        't' => out.push('\t'),
                        other => return Err(format!("unsupported escape \\{other}")),
                    }
                }
                c => out.push(c),
            }
        }
    }

    fn array(&mut self) -> Result<Value> {
        self.pos += 1; // [
        let mut items = Vec::new();
        loop {
            self.skip_spaces();
            match self.peek() {
                Some(']') => {
                    self.pos += 1;
                    return Ok(Value::Array(items));
                }
                None => return Err("unterminated array (arrays must fit on one line)".to_string()),
                _ => {}
            }
            items.push(self.value(false)?);
            self.skip_spaces();
            match self.peek() {
                Some(',') => self.pos += 1,
                Some(']') => {}
                _ => return Err("expected `,` or `]` in array".to_string()),
            }
        }
    }
}
