use gongkai_plugin::gongkai_model::{Disclosure, Finding, Location, Provenance, Severity};
use gongkai_plugin::{Years, finding};

use crate::template::TABLES;

gongkai_plugin::rule! {
    /// ## What it checks
    /// The document publishes all 11 tables of the Xinjiang template (表1
    /// 单位收支总体情况表 … 表11 上年结转结余情况明细表), each recognised by what it
    /// is, whatever its printed title or number.
    ///
    /// ## Why it matters
    /// Xinjiang requires every table even when it has no figures: an empty
    /// table is published with its headers and the statement that it is empty
    /// (the example does this for 表9). Saying in the explanation that a table
    /// "为空表" does not replace publishing it.
    ///
    /// ## Example
    /// Qitai 2024 lists 表8 政府性基金预算支出情况表 and 表11 上年结转结余情况明细表
    /// in its 目录 and calls both empty in the explanation, but prints neither:
    /// two errors, each naming the template number and title.
    pub static TEMPLATE_TABLES = {
        id: "XJ004", name: "template-tables", title: "应公开新疆模板规定的11张表（空表也须公开）",
        severity: Error, kinds: [Budget], years: Years::from(2024), check: check,
    };
}

fn check(doc: &Disclosure) -> Vec<Finding> {
    let mut out = Vec::new();
    for (number, kind, title, _) in TABLES {
        if doc.table(kind).is_some() {
            continue;
        }
        let missing = doc.missing_tables.iter().find(|m| m.kind == kind);
        let mut message = format!("缺少新疆模板表{number}“{title}”");
        let mut locations = Vec::new();
        if let Some(listed) = missing.and_then(|m| m.listed_as.as_ref()) {
            message.push_str("（目录中列出，但正文中没有该表）");
            locations.push(Location { at: listed.source.clone(), table: Some(kind), ..Location::default() });
        }
        if let Some(said) = missing.and_then(|m| m.mentioned_empty.as_ref()) {
            message.push_str("；说明中称其为空表，但空表也须公开");
            locations.push(Location { at: said.source.clone(), ..Location::default() });
        }
        if locations.is_empty() {
            let line = doc.meta.unit_name.as_ref().map_or(1, |u| u.source.line);
            locations.push(Location { at: Provenance::line(line), table: Some(kind), ..Location::default() });
        }
        out.push(finding(Severity::Error, message, locations));
    }
    out
}
