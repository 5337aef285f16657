use gongkai_catalog::{AttestedName, NameCheck, YearSet};
use gongkai_model::{Claim, ClaimKind, Level, LevelName, Location, Severity, TableKind};

use super::common::{attested_list, catalog, code_at, evidence_is_strong, expected_names, years_zh};
use crate::context::{row_location, text_location};
use crate::rules::narrative::resolve::{find_chain, names_level, strip_level, subject_name};
use crate::{Context, Findings, Rule, declare_rule};

declare_rule! {
    /// ## What it checks
    /// The 类/款/项 names of the explanation text — per-code paragraphs
    /// (`社会保障和就业支出(类)行政事业单位养老支出(款)行政单位离退休(项)：…`) and
    /// structure lines (`社会保障和就业支出（类）933.03万元，占92.34%`) — are the
    /// catalog names of the codes they refer to, in the document's year. The code is
    /// taken from the text when it prints one, else from the 一般公共预算支出表 row
    /// the names designate (as the narrative rules resolve them), else from a catalog
    /// search of the deepest name confirmed by the other names. Each name is compared
    /// with the catalog name of the code's ancestor at its level (a 类 named without
    /// its `支出`, `一般公共服务（类）`, is named right). Nothing is reported
    /// when the code cannot be determined or is not in the catalog, nor when a code
    /// found through the names differs from the catalog in more than one of them
    /// (the text is then about another code, which N105 reports against the table).
    /// A name the catalog attests for the code only in earlier years is its
    /// former name: the message says so (`这是该科目2019年使用的旧名称，此后已更名`)
    /// beside the current one.
    ///
    /// ## Why it matters
    /// The explanation repeats the 科目名称 so that a reader can follow it without the
    /// tables; a mistyped or outdated name there makes the paragraph ambiguous, and
    /// it is not caught by comparing the text with the tables when the tables carry
    /// the same mistake.
    ///
    /// ## Example
    /// `社会保障和就业支出(类)行政事业单位养老保险支出(款)行政单位离退休(项)`: the 项
    /// designates `2080501` in 表5, whose 款 `20805` is `行政事业单位养老支出` in the
    /// 2024 catalog, so the 款 name is reported. `行政事业单位离退休(款)` in a 2024
    /// document is 20805's name of 2019: reported as its former name.
    pub struct NarrativeNames {
        id: "G106", name: "narrative-names", category: Catalog, severity: Warning,
        title_zh: "说明中的类、款、项名称与目录一致",
        doc_zh: r#"
## 检查内容
情况说明文字中的类、款、项名称——分科目说明段落
（`社会保障和就业支出(类)行政事业单位养老支出(款)行政单位离退休(项)：…`）和结构
说明（`社会保障和就业支出（类）933.03万元，占92.34%`）——须是所指编码在文件所属
年度科目目录中的名称。编码这样确定：文字中印有编码的，取该编码；否则取这些名称所
指的一般公共预算支出表中的行（与说明类各规则的识别方法相同）；再否则，在科目目录
中查找最深一级的名称，取其他名称能够印证的编码。每个名称与该编码在这一级次上的科
目（类名对所属类，款名对所属款）的目录名称比较（类名省去“支出”二字的，如
`一般公共服务（类）`，算作名称正确）。无法确定编码、或编码不在科目目录中的，不报
告；通过名称查得的编码若有一个以上名称与目录不符，也不报告（此时文字说的是另一个
编码，由 N105 对照表格报告）。目录中该编码只在此前年度用过的名称是它的旧名称：报
告在给出现行名称的同时说明这一点（`这是该科目2019年使用的旧名称，此后已更名`）。

## 为何重要
情况说明重复列出科目名称，是为了让读者不看表格也能读懂；名称写错或过时，段落就含
义不明，而如果表格也有同样的错误，把文字与表格相比也发现不了。

## 示例
`社会保障和就业支出(类)行政事业单位养老保险支出(款)行政单位离退休(项)`：该项在
表5 中对应 `2080501`，其款 `20805` 在 2024 年科目目录中名为
`行政事业单位养老支出`，因此报告款名。2024 年文件中的 `行政事业单位离退休(款)` 是
20805 在 2019 年的名称：报告为旧名称。
"#,
    }
}

impl Rule for NarrativeNames {
    fn meta(&self) -> &'static crate::RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Findings) {
        for claim in crate::rules::narrative::resolve::naming_claims(ctx.doc) {
            let names = claim_names(claim);
            if names.is_empty() {
                continue;
            }
            let Some((code, mut locations)) = claim_code(ctx, claim, &names) else { continue };
            let wrong = mismatches(ctx, &code, &names);
            // A code found through the names is trusted only if at most one of them
            // differs from the catalog; with more, the text is about another code.
            let printed = claim.subject.code.is_some();
            if wrong.is_empty() || (!printed && wrong.len() > 1) {
                continue;
            }
            let parts: Vec<String> = wrong
                .iter()
                .map(|(n, at, attested, printed_years)| {
                    let mut part = format!(
                        "{}名“{}”与已核实目录中 {} 的名称不符，应为{}",
                        n.level.name_zh(),
                        n.name,
                        at,
                        attested_list(attested)
                    );
                    part.push_str(&outdated_note(*printed_years, ctx.doc.meta.fiscal_year));
                    part
                })
                .collect();
            let message = format!(
                "{}：{}“{}”（科目 {}）中的{}",
                ctx.section_name(claim.section),
                if claim.kind == ClaimKind::CodeParagraph { "分项说明" } else { "结构说明" },
                subject_name(claim),
                code,
                parts.join("；")
            );
            locations.insert(0, text_location(&claim.source));
            let mut finding = ctx.finding(message, None, locations);
            finding.expected = Some(wrong.iter().map(|(_, _, a, _)| expected_names(a)).collect::<Vec<_>>().join("、"));
            finding.actual = Some(wrong.iter().map(|(n, ..)| n.name.clone()).collect::<Vec<_>>().join("、"));
            if wrong.iter().all(|(_, _, a, _)| evidence_is_strong(a)) {
                out.push(finding);
            } else {
                out.push_with(finding, Severity::Info);
            }
        }
    }
}

/// The level names a claim prints: a per-code paragraph's chain, a structure line's
/// 类 (its label when the parser recorded no level name).
fn claim_names(claim: &Claim) -> Vec<LevelName> {
    match claim.kind {
        ClaimKind::CodeParagraph => claim.subject.names.clone(),
        ClaimKind::StructureShare if claim.subject.names.is_empty() => {
            let name = strip_level(&claim.subject.label);
            if name.is_empty() { Vec::new() } else { vec![LevelName { level: Level::Lei, name }] }
        }
        ClaimKind::StructureShare => claim.subject.names.clone(),
        _ => Vec::new(),
    }
}

fn rank(level: Level) -> u8 {
    match level {
        Level::Lei => 0,
        Level::Kuan => 1,
        Level::Xiang => 2,
    }
}

/// The function code a claim is about, with the table row it was found by (if any).
fn claim_code(ctx: &Context<'_>, claim: &Claim, names: &[LevelName]) -> Option<(String, Vec<Location>)> {
    let deepest = names.iter().max_by_key(|n| rank(n.level))?;
    if let Some(code) = &claim.subject.code {
        return Some((code.to_string(), Vec::new()));
    }
    // The row of the 一般公共预算支出表 the names designate.
    if let Some((table, part)) = ctx.part(TableKind::GeneralBudgetExpenditure) {
        let row = match claim.kind {
            ClaimKind::CodeParagraph => {
                // A name the chain contradicts is a misnaming of the chain's code
                // (this rule's finding) unless it is another code's name at that
                // level (`人大事务（款）` is 20101's, not a wrong name of 20104):
                // then the paragraph is about that other code, not this row's.
                let chain = find_chain(part, names);
                let another_code = chain
                    .unmatched
                    .iter()
                    .any(|n| catalog().codes_named(&n.name).into_iter().any(|c| code_at(c, n.level) == Some(c)));
                chain.row.filter(|_| !(chain.contradicted && another_code))
            }
            _ => {
                let mut rows = part.rows.iter().filter(|r| {
                    r.project.is_none()
                        && r.code.as_ref().is_some_and(|c| c.level() == deepest.level)
                        && names_level(&r.label, deepest)
                });
                rows.next().filter(|_| rows.next().is_none())
            }
        };
        if let Some(row) = row
            && let Some(code) = row.code.as_ref().filter(|c| c.level() == deepest.level)
        {
            return Some((code.to_string(), vec![row_location(table, part, row)]));
        }
    }
    // A catalog search: the function codes carrying the deepest name whose other
    // names are all (but at most one) their ancestors' catalog names; the one with
    // the fewest differences, if it is the only one.
    let candidates: Vec<(&str, usize)> = catalog()
        .codes_named(&deepest.name)
        .into_iter()
        .filter(|c| c.starts_with('2') && gongkai_catalog::is_well_formed(c).is_ok())
        .filter(|c| code_at(c, deepest.level) == Some(c))
        .map(|c| (c, mismatches(ctx, c, names).len()))
        .filter(|(_, wrong)| *wrong <= 1)
        .collect();
    let fewest = candidates.iter().map(|(_, wrong)| *wrong).min()?;
    let mut best = candidates.iter().filter(|(_, wrong)| *wrong == fewest);
    let (code, _) = best.next()?;
    if best.next().is_some() {
        return None;
    }
    Some(((*code).to_owned(), Vec::new()))
}

/// The printed names that differ from the catalog names of `code`'s ancestors at
/// their levels, with the ancestor code and the catalog evidence.
fn mismatches<'n>(
    ctx: &Context<'_>,
    code: &str,
    names: &'n [LevelName],
) -> Vec<(&'n LevelName, String, Vec<AttestedName<'static>>, YearSet)> {
    let year = ctx.doc.meta.fiscal_year;
    let mut wrong = Vec::new();
    for name in names {
        let Some(at) = code_at(code, name.level) else { continue };
        if let NameCheck::Mismatch { attested, printed_years } = catalog().name_matches(at, &name.name, year) {
            // A 类 named without its `支出` (`一般公共服务（类）`) is named, the
            // way writers shorten every 类 of the function classification.
            let shortened = name.level == Level::Lei
                && !name.name.ends_with("支出")
                && !matches!(
                    catalog().name_matches(at, &format!("{}支出", name.name), year),
                    NameCheck::Mismatch { .. }
                );
            if !shortened {
                wrong.push((name, at.to_owned(), attested, printed_years));
            }
        }
    }
    wrong
}

/// What the years a printed name is attested in say of it: a name of earlier
/// years only is the code's former name (`行政事业单位离退休`, 20805's until
/// 2019), renamed since; a name of other years, another year's.
fn outdated_note(printed_years: YearSet, year: Option<u16>) -> String {
    if printed_years.is_empty() {
        return String::new();
    }
    let years = years_zh(printed_years);
    match year {
        Some(y) if printed_years.iter().all(|p| p < y) => format!("；这是该科目{years}使用的旧名称，此后已更名"),
        _ => format!("；印出的名称是该科目{years}使用的名称"),
    }
}
