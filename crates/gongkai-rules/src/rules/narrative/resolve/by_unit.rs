//! Claims in a section about one unit of the department: its figures are
//! that unit's lines of the tables by unit.

use gongkai_model::{Claim, Measure, Row, TableKind};

use super::{Candidate, norm, part_of, push_measure, top_section};
use crate::Context;

/// A claim in a section about one unit of the department (深圳 explains each
/// unit under a heading that is the unit's name): its budget as a whole
/// (`某中心预算63,051.28万元`), its 基本支出 and its 项目支出 are that unit's row
/// in the tables by unit (支出总表, 收入总表), which print the unit's name and
/// figures on a line of their own. Nothing else in such a section is read.
pub(super) fn by_unit<'a>(ctx: &Context<'a>, claim: &Claim, out: &mut Vec<Candidate<'a>>) {
    use Measure as M;
    use TableKind as T;
    // The innermost section the claim stands in (a unit's section may be a
    // subsection of `第三部分 部门预算支出具体情况`).
    let Some(index) = top_section(ctx.doc, claim.source.line) else { return };
    let mut section = &ctx.doc.sections[index];
    while let Some(sub) = section.subsections.iter().rev().find(|s| s.heading.source.line <= claim.source.line) {
        section = sub;
    }
    let unit = norm(split_heading_numbering(&section.heading.text));
    if unit.chars().count() < 4 {
        return;
    }
    // The department's units: the uncoded lines of the tables by unit (a
    // department of one unit prints it as the total line). A section whose
    // heading is none of them is no unit's (nearly every section).
    // (Asked for every claim: a line's length is looked at before its name is
    // normalised.)
    let length = unit.chars().count();
    let names_unit =
        |r: &Row| r.code.is_none() && r.label.chars().count().abs_diff(length) <= 2 && norm(&r.label) == unit;
    let printed = |kind: T| part_of(ctx, kind, None).is_some_and(|(_, p)| p.rows.iter().any(names_unit));
    if !printed(T::ExpenditureSummary) && !printed(T::IncomeSummary) {
        return;
    }
    let units: Vec<String> = part_of(ctx, T::ExpenditureSummary, None)
        .map(|(_, p)| p.rows.iter().filter(|r| r.code.is_none()).map(|r| norm(&r.label)).collect())
        .unwrap_or_default();
    let label = norm(&claim.subject.label);
    let rest = short_names(&unit).iter().find_map(|name| label.strip_prefix(name.as_str())).unwrap_or(&label);
    let mut whole = rest.to_owned();
    for word in ["年度", "年", "部门", "单位", "本级", "预算", "总计", "合计", "总额", "安排", "数"]
    {
        whole = whole.replace(word, "");
    }
    whole.retain(|c| !c.is_ascii_digit());
    let wanted: &[(T, M)] = if whole.is_empty() || whole == "支出" || whole == "收支" {
        &[(T::ExpenditureSummary, M::Total), (T::IncomeSummary, M::Total)]
    } else if whole == "收入" {
        &[(T::IncomeSummary, M::Total)]
    } else if rest == "基本支出" && printed_alone(&claim.text, rest) {
        &[(T::ExpenditureSummary, M::Basic)]
    } else if rest == "项目支出" && printed_alone(&claim.text, rest) {
        &[(T::ExpenditureSummary, M::Project)]
    } else if let Some(class) = economic_class(rest) {
        unit_economic_class(ctx, &unit, &units, class, out);
        return;
    } else {
        unit_category(ctx, &unit, &units, rest, out);
        return;
    };
    for (kind, measure) in wanted {
        let Some((table, part)) = part_of(ctx, *kind, None) else { continue };
        let Some(row) = part.rows.iter().find(|r| r.code.is_none() && norm(&r.label) == unit) else {
            continue;
        };
        push_measure(out, table, part, row, Some(measure));
    }
}

/// The names a text calls a unit by: its own, and without the city's name
/// before its 市 (`深圳市某局某管理局` → `市某局某管理局`, `某局某管理局`), as a
/// city's documents shorten the names of its own bodies.
fn short_names(unit: &str) -> Vec<String> {
    let mut names = vec![unit.to_owned()];
    if let Some((at, _)) = unit.char_indices().take(6).skip(1).find(|(_, c)| *c == '市') {
        let after = &unit[at + '市'.len_utf8()..];
        if after.chars().count() >= 4 {
            names.push(format!("市{after}"));
            names.push(after.to_owned());
        }
    }
    names
}

/// A category of the unit's projects (`某类项目300.00万元`): the row of
/// that name among the unit's lines of the project table — from the unit's
/// own line to the next of `units` (the lines by unit of the 支出总表).
fn unit_category<'a>(ctx: &Context<'a>, unit: &str, units: &[String], label: &str, out: &mut Vec<Candidate<'a>>) {
    let name = label.strip_suffix("项目支出").or_else(|| label.strip_suffix("项目")).unwrap_or(label);
    if name.chars().count() < 2 {
        return;
    }
    let Some((table, part)) = part_of(ctx, TableKind::ProjectExpenditure, None) else { return };
    let Some(start) = part.rows.iter().position(|r| r.code.is_none() && norm(&r.label) == unit) else { return };
    let block = part.rows[start + 1..].iter().take_while(|r| !units.contains(&norm(&r.label)));
    let found: Vec<&Row> = block.filter(|r| r.code.is_none() && norm(&r.label) == name).collect();
    // (Two lines of one name under one unit: which one is meant is unknown.)
    if let [row] = found.as_slice() {
        push_measure(out, table, part, row, Some(&Measure::Total));
    }
}

/// The first-level economic classes of basic spending, as the unit's block of
/// the basic-spending table prints them (`对个人和家庭的补助`), each with the
/// key both the claim and the line are reduced to.
const ECONOMIC_CLASSES: [&str; 4] = ["工资福利", "商品和服务", "对个人和家庭补助", "资本性"];

/// A name reduced to what tells the economic classes apart: without `的`
/// and a trailing `支出` (`对个人和家庭的补助支出` → `对个人和家庭补助`).
fn class_key(name: &str) -> String {
    let n = norm(name).replace('的', "");
    n.strip_suffix("支出").map(str::to_owned).unwrap_or(n)
}

/// Which line of a unit's basic spending a claim names: one of the economic
/// classes, or 公用经费 — 商品和服务支出, and 资本性支出 where the unit has one
/// (DOMAIN §6), so only a unit without a capital line resolves it.
#[derive(Clone, Copy, PartialEq)]
enum UnitLine {
    Class(&'static str),
    PublicUse,
}

fn economic_class(label: &str) -> Option<UnitLine> {
    let key = class_key(label);
    if key == "公用经费" {
        return Some(UnitLine::PublicUse);
    }
    ECONOMIC_CLASSES.iter().find(|c| **c == key).map(|c| UnitLine::Class(c))
}

/// A line of the unit's basic spending (`对个人和家庭的补助支出5.00万元`,
/// `公用经费15.00万元`): the line of that class among the unit's lines of
/// the basic-spending table, from its own line to the next unit's.
fn unit_economic_class<'a>(
    ctx: &Context<'a>,
    unit: &str,
    units: &[String],
    line: UnitLine,
    out: &mut Vec<Candidate<'a>>,
) {
    let Some((table, part)) = part_of(ctx, TableKind::GeneralBudgetBasicExpenditure, None) else { return };
    let Some(start) = part.rows.iter().position(|r| r.code.is_none() && norm(&r.label) == unit) else { return };
    let block: Vec<&Row> = part.rows[start + 1..].iter().take_while(|r| !units.contains(&norm(&r.label))).collect();
    let of_class =
        |class: &str| -> Vec<&Row> { block.iter().copied().filter(|r| class_key(&r.label) == class).collect() };
    let class = match line {
        UnitLine::Class(class) => class,
        UnitLine::PublicUse if of_class("资本性").is_empty() => "商品和服务",
        UnitLine::PublicUse => return,
    };
    // (Two lines of one class under one unit: which one is meant is unknown.)
    if let [row] = of_class(class).as_slice() {
        push_measure(out, table, part, row, Some(&Measure::Total));
    }
}

/// Whether `word` stands in `text` with nothing of a name before it (`（五）项目
/// 支出…`, `…、项目支出…`), not as the end of a longer subject
/// (`生态环境监测项目支出…`: one category's projects, not the unit's).
fn printed_alone(text: &str, word: &str) -> bool {
    text.match_indices(word)
        .any(|(at, _)| text[..at].chars().next_back().is_none_or(|c| !c.is_alphanumeric() || c.is_ascii_digit()))
}

/// A heading without its numbering (`一、某中心` → `某中心`).
fn split_heading_numbering(text: &str) -> &str {
    let t = text.trim();
    let start = t.trim_start_matches(['(', '（']);
    let body = start.trim_start_matches(|c: char| "一二三四五六七八九十百0123456789".contains(c));
    // Numbering only where a mark ends it: `一带一路…中心` begins with a
    // numeral and is a name.
    let after = body.trim_start_matches([')', '）', '、', '.', '．', ' ']);
    if body.len() < start.len() && after.len() < body.len() { after } else { t }
}

#[cfg(test)]
mod tests {
    use super::{short_names, split_heading_numbering};

    #[test]
    fn numbering_is_a_numeral_with_its_mark() {
        assert_eq!(split_heading_numbering("七、某某中心"), "某某中心");
        assert_eq!(split_heading_numbering("（十二）某某中心"), "某某中心");
        assert_eq!(split_heading_numbering("一带一路某某中心（深圳）"), "一带一路某某中心（深圳）");
    }

    #[test]
    fn a_city_body_is_also_named_without_its_city() {
        assert_eq!(short_names("某某市某局某管理局"), ["某某市某局某管理局", "市某局某管理局", "某局某管理局"]);
        // (A name without a city before 市, or too short after it, has no other.)
        assert_eq!(short_names("市某局"), ["市某局"]);
        assert_eq!(short_names("某某市某局"), ["某某市某局"]);
    }
}
