//! The per-document summary as CSV (`--summary FILE.csv`), for a spreadsheet:
//! Chinese headers and status values by default, English with `--lang en`.

use gongkai_model::DocumentFindings;

use crate::lang::Lang;

fn field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) { format!("\"{}\"", text.replace('"', "\"\"")) } else { text.to_owned() }
}

/// The header, per language (same columns, same order).
const HEADER_ZH: &str = "文件,单位,年度,状态,错误,警告,提示,目录所列表数,识别表数,核对项数,说明中的金额数,已比对金额数,降级数,无文字层页数,原因";
const HEADER_EN: &str = "file,unit,year,status,errors,warnings,infos,\
tables_listed,tables_recognised,checks,claims_with_amount,claims_compared,lowered,pages_without_text,reason";

/// The CSV text (UTF-8 with a BOM, which Excel needs to show Chinese correctly).
pub fn render(docs: &[DocumentFindings]) -> String {
    let lang = Lang::current();
    let mut out = format!("\u{feff}{}\n", lang.pick(HEADER_ZH, HEADER_EN));
    for d in docs {
        // 通过: nothing of error severity (warnings are for a person to weigh).
        let status = if d.error.is_some() {
            lang.pick("无法读取", "unreadable")
        } else if d.counts.errors > 0 {
            lang.pick("需修改", "errors")
        } else {
            lang.pick("通过", "ok")
        };
        // Coverage columns stay empty for a document that could not be read.
        let coverage = d.coverage.as_ref().map_or_else(
            || ",,,,,,".to_owned(),
            |c| {
                let (found, listed) = c.tables_ratio();
                format!(
                    "{listed},{found},{},{},{},{},{}",
                    c.checks.evaluated,
                    c.claims.with_amount,
                    c.claims.resolved,
                    c.checks.lowered,
                    c.pages.without_text.len()
                )
            },
        );
        let name = d.files.join(" + ");
        // Why a file could not be read, without the file name it starts with.
        let reason = d
            .error
            .as_deref()
            .map_or("", |e| e.strip_prefix(name.as_str()).map_or(e, |rest| rest.trim_start_matches([':', '：', ' '])));
        out.push_str(&format!(
            "{},{},{},{},{},{},{},{coverage},{}\n",
            field(&name),
            field(d.unit_name.as_deref().unwrap_or("")),
            d.fiscal_year.map(|y| y.to_string()).unwrap_or_default(),
            status,
            d.counts.errors,
            d.counts.warnings,
            d.counts.infos,
            field(reason)
        ));
    }
    out
}
