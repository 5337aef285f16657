//! Coverage: what a check of one document reached, and what it could not.
//!
//! Built after the rules have run, from the document, the per-rule comparison
//! counts ([`crate::tolerance::evaluations`]) and the findings lowered for
//! inferred facts ([`crate::certainty`]).

use std::collections::BTreeMap;

use gongkai_model::{
    CheckCoverage, Claim, ClaimCoverage, Coverage, Disclosure, DocumentPart, Measure, NotChecked, NotCheckedReason,
    PageCoverage, Provenance, PurchaseKind, RuleChecks, SectionKind, TableCoverage, TableKind, TocEntry, Unresolved,
    UnresolvedReason, comparison_key,
};

use crate::Context;
use crate::rules::narrative::parts_checked;
use crate::rules::narrative::resolve::{
    bracketed_code, claim_stage, of_any_stage, prints_kinds, prints_stage, resolve, sentence_before, share_word, wan,
};

/// The coverage of a check.
pub fn build(ctx: &Context<'_>, by_rule: Vec<RuleChecks>, lowered: &[String]) -> Coverage {
    let doc = ctx.doc;
    let evaluated = by_rule.iter().map(|r| r.evaluated).sum();
    let mut not_checked: Vec<NotChecked> = ctx
        .template
        .tables
        .iter()
        .filter(|t| doc.table(t.kind).is_none())
        .map(|t| NotChecked { reason: NotCheckedReason::TableAbsent, what: t.title.clone() })
        .collect();
    let mut by_lowered: BTreeMap<&str, u32> = BTreeMap::new();
    for rule in lowered {
        *by_lowered.entry(rule.as_str()).or_default() += 1;
    }
    not_checked.extend(
        by_lowered
            .iter()
            .map(|(rule, n)| NotChecked { reason: NotCheckedReason::FactInferred, what: format!("{rule} ×{n}") }),
    );
    Coverage {
        tables: tables(doc),
        checks: CheckCoverage {
            evaluated,
            by_rule,
            lowered: u32::try_from(lowered.len()).unwrap_or(u32::MAX),
            not_checked,
        },
        claims: claims(ctx),
        pages: PageCoverage { total: doc.meta.source.pages, without_text: doc.meta.source.pages_without_text.clone() },
    }
}

/// The disclosure tables the 目录 lists (performance-target forms aside).
pub fn listed_tables(doc: &Disclosure) -> impl Iterator<Item = &TocEntry> {
    doc.contents.iter().filter(|e| e.table.is_some() && matches!(e.part, DocumentPart::Tables | DocumentPart::Other))
}

/// The 目录's table entries that no table of the document matches: a listed
/// kind is matched by a table of that kind (as many as are listed), a listed
/// table of no known kind by its title.
pub fn listed_not_found(doc: &Disclosure) -> Vec<&TocEntry> {
    let mut used = vec![false; doc.tables.len()];
    let mut missing = Vec::new();
    for entry in listed_tables(doc) {
        let kind = entry.table.unwrap_or(TableKind::Other);
        let key = comparison_key(&entry.title);
        // The table printing the entry's number, when it is of the listed kind
        // or the 目录's title names no kind (the printed titles of one table
        // may word its qualifier differently: `按支出经济分类科目` / `按经济分类科目分`).
        let by_number = entry.table_number().and_then(|n| {
            doc.tables
                .iter()
                .enumerate()
                .position(|(i, t)| !used[i] && t.number == Some(n) && (t.kind == kind || kind == TableKind::Other))
        });
        let found = by_number.or_else(|| {
            doc.tables.iter().enumerate().position(|(i, t)| {
                !used[i]
                    && t.kind == kind
                    && (kind != TableKind::Other || {
                        let title = comparison_key(&t.title);
                        title.contains(&key) || key.contains(&title)
                    })
            })
        });
        match found {
            Some(i) => used[i] = true,
            None => missing.push(entry),
        }
    }
    missing
}

fn tables(doc: &Disclosure) -> TableCoverage {
    let listed = u32::try_from(listed_tables(doc).count()).unwrap_or(u32::MAX);
    let not_found = listed_not_found(doc);
    let inferred = |t: &&gongkai_model::Table| {
        t.parts.iter().any(|p| {
            p.columns.iter().any(|c| c.inferred.is_some())
                || p.rows.iter().any(|r| r.inferred.is_some() || r.cells.iter().any(|c| c.inferred.is_some()))
        })
    };
    TableCoverage {
        listed,
        listed_recognised: listed.saturating_sub(u32::try_from(not_found.len()).unwrap_or(u32::MAX)),
        listed_not_found: not_found.iter().map(|e| e.title.clone()).collect(),
        recognised: doc.tables.iter().map(|t| t.kind).filter(|k| *k != TableKind::Other).collect(),
        unknown_kind: doc.tables.iter().filter(|t| t.kind == TableKind::Other).map(|t| t.title.clone()).collect(),
        with_inferred_facts: doc.tables.iter().filter(inferred).map(|t| t.title.clone()).collect(),
        performance_forms: u32::try_from(doc.performance_targets.len()).unwrap_or(u32::MAX),
    }
}

fn claims(ctx: &Context<'_>) -> ClaimCoverage {
    let doc = ctx.doc;
    let mut out = ClaimCoverage {
        parsed: u32::try_from(doc.claims.len()).unwrap_or(u32::MAX),
        paragraphs_with_figures: u32::try_from(paragraphs_with_figures(doc).len()).unwrap_or(u32::MAX),
        ..ClaimCoverage::default()
    };
    let mut unresolved: BTreeMap<UnresolvedReason, u32> = BTreeMap::new();
    let parts = parts_checked(ctx);
    for claim in doc.claims.iter().filter(|c| wan(c.amount).is_some()) {
        out.with_amount += 1;
        match resolution(ctx, claim, &parts) {
            None => out.resolved += 1,
            Some(reason) => *unresolved.entry(reason).or_default() += 1,
        }
    }
    out.unresolved = unresolved.into_iter().map(|(reason, count)| Unresolved { reason, count }).collect();
    out
}

/// Why a claim's amount is not compared with exactly one figure (`None`: it
/// is); `parts_checked` are the claims N113 checks as parts of a listed whole
/// ([`parts_checked`]).
pub fn resolution(ctx: &Context<'_>, claim: &Claim, parts_checked: &[&Claim]) -> Option<UnresolvedReason> {
    if ctx.doc.tables.iter().all(|t| t.has_no_amounts()) {
        return Some(UnresolvedReason::NoTables);
    }
    let candidates = resolve(ctx, claim);
    if candidates.is_empty() {
        return Some(if not_printed(ctx, claim) {
            UnresolvedReason::NotPrinted
        } else if parts_checked.iter().any(|p| std::ptr::eq(*p, claim) || restates(p, claim)) {
            UnresolvedReason::PartOfListedWhole
        } else {
            UnresolvedReason::SubjectUnknown
        });
    }
    // Two printings of one figure that agree within rounding (a table's
    // total 74,868.33 and another's 74,868.34) are one figure to compare with;
    // N101 compares the claim with each. (An empty cell is an exact zero.)
    let agree = candidates.iter().all(|a| candidates.iter().all(|b| ctx.tolerance.same(a.value, b.value).agrees()));
    if agree { None } else { Some(UnresolvedReason::Ambiguous) }
}

/// Whether `claim` states `part`'s figure again (`包括甲工作50.00万元、…` and then
/// `（一）甲工作50.00万元，主要用于…`): the same subject with the same amount. The
/// particle 的 is no part of a name (`对个人和家庭的补助支出` and
/// `对个人和家庭补助支出` are one subject).
fn restates(part: &Claim, claim: &Claim) -> bool {
    let (a, b) = (&part.subject, &claim.subject);
    let label = |l: &str| l.replace('的', "");
    part.section == claim.section
        && a.code == b.code
        && a.names == b.names
        && gongkai_model::same_name(&label(&a.label), &label(&b.label))
        && wan(part.amount) == wan(claim.amount)
}

/// Whether a claim states a matter of which the document prints no table: the
/// national tables hold no performance-target funds and no asset values;
/// procurement has its table (or the spending summary's 政府采购 column, which
/// holds the whole but no kind of purchase), and 机关运行经费 its own.
///
/// A class named by its code (`机关工资福利支出（501）`) is not printed where no
/// table prints a class of its classification (the government economic
/// classes beside tables by department economic class), nor, stated as
/// nothing (`（2019901）0.00万元，较上年减少…`), where no table prints it.
fn not_printed(ctx: &Context<'_>, claim: &Claim) -> bool {
    // A figure of a stage no table prints (a 决算's `…支出年初预算139,217.01万元`
    // where only the “三公” table prints any budget), or that the tables print
    // of its subject only at another stage.
    if !prints_stage(ctx.doc, claim_stage(ctx.doc, claim)) || !of_any_stage(ctx, claim).is_empty() {
        return true;
    }
    if let Some(code) = bracketed_code(&claim.subject.label) {
        let rows =
            || ctx.doc.tables.iter().flat_map(|t| &t.parts).flat_map(|p| &p.rows).filter_map(|r| r.code.as_ref());
        let scheme_printed = rows().any(|c| c.scheme() == code.scheme());
        let nothing = wan(claim.amount).is_some_and(|n| n.value().is_zero());
        if !scheme_printed || (nothing && !rows().any(|c| *c == code)) {
            return true;
        }
    }
    // 会议费 and 培训费 where no table prints them: neither beside the “三公”
    // categories nor as economic lines (30215, 30216) — outside the 基本支出
    // section, a line of the basic-spending table is only part of them.
    for (word, measure, code) in [("会议费", Measure::Meetings, "30215"), ("培训费", Measure::Training, "30216")]
    {
        if comparison_key(&claim.subject.label).contains(word) {
            let parts = || ctx.doc.tables.iter().flat_map(|t| &t.parts);
            let column = parts().any(|p| p.columns.iter().any(|c| c.measure == measure));
            let of_the_whole = |t: &&gongkai_model::Table| {
                claim.section == SectionKind::BasicExpenditure || t.kind != TableKind::GeneralBudgetBasicExpenditure
            };
            let lines = ctx.doc.tables.iter().filter(of_the_whole).flat_map(|t| &t.parts);
            let line = lines.flat_map(|p| &p.rows).any(|r| {
                r.code.as_ref().is_some_and(|c| c.as_str() == code) || comparison_key(&r.label).ends_with(word)
            });
            if !column && !line {
                return true;
            }
        }
    }
    if states_a_cause(ctx, claim) {
        return true;
    }
    // The projects paid from money other than the fiscal allocations
    // (`当年非财政拨款项目有1个，涉及预算资金26.02万元`): the tables split the
    // spending by fund or by project, not both, unless a line or column is
    // named so.
    let label = comparison_key(&claim.subject.label);
    if label.contains("非财政拨款") && label.contains("项目") {
        let parts = || ctx.doc.tables.iter().flat_map(|t| &t.parts);
        let named = |name: &str| name.contains("非财政拨款") && name.contains("项目");
        let printed =
            parts().any(|p| p.columns.iter().any(|c| named(&c.header)) || p.rows.iter().any(|r| named(&r.label)));
        if !printed {
            return true;
        }
    }
    // An average (`平均每辆2.71万元`, `人均…`) is a quotient of two figures:
    // no table prints it, unless a line or column is named so.
    let average = |name: &str| name.contains("平均") || name.starts_with("人均");
    if average(&label) {
        let parts = || ctx.doc.tables.iter().flat_map(|t| &t.parts);
        let printed = parts().any(|p| {
            p.columns.iter().any(|c| average(&comparison_key(&c.header)))
                || p.rows.iter().any(|r| average(&comparison_key(&r.label)))
        });
        if !printed {
            return true;
        }
    }
    match claim.section {
        SectionKind::Performance | SectionKind::Assets => true,
        SectionKind::Procurement => {
            let summary_column = ctx
                .part(TableKind::ExpenditureSummary)
                .is_some_and(|(_, p)| p.columns.iter().any(|c| c.header.contains("政府采购")));
            let of_a_kind = !PurchaseKind::all_named_in(&comparison_key(&claim.subject.label)).is_empty();
            // A share reserved for small enterprises or a contract amount,
            // where no table of procurement (nor the spending summary's
            // procurement columns) prints a line or column of it. (Other
            // tables' lines may hold the word: `支持中小企业发展和管理支出`.)
            if let Some(word) = share_word(&claim.subject.label) {
                let procurement = [TableKind::GovernmentProcurement, TableKind::ExpenditureSummary];
                let parts = || ctx.doc.tables.iter().filter(|t| procurement.contains(&t.kind)).flat_map(|t| &t.parts);
                let column = parts().flat_map(|p| &p.columns).any(|c| c.header.contains(word));
                let line = parts().flat_map(|p| &p.rows).any(|r| r.label.contains(word));
                return !column && !line;
            }
            match ctx.table(TableKind::GovernmentProcurement) {
                None => !summary_column || of_a_kind,
                // A table of items, some without a catalogue code (the kinds
                // are then not added up), and no line of any kind.
                Some(table) => of_a_kind && !prints_kinds(table),
            }
        }
        SectionKind::AgencyOperating => ctx.table(TableKind::AgencyOperatingExpenses).is_none(),
        _ => false,
    }
}

/// Whether a claim's amount stands in the reason given for a change
/// (`比2025年增加1,066.60万元，主要原因是2025年度结转1,036.60万元，某委划转某资金30万元`):
/// the causes of a change are no table's figures. The reason runs from its
/// word to the end of its sentence.
fn states_a_cause(ctx: &Context<'_>, claim: &Claim) -> bool {
    const REASONS: [&str; 4] = ["原因是", "原因为", "主要是由于", "主要由于"];
    // The sentence before the claim and its own words before its first digit
    // (`主要原因是2025年度结转…`).
    let own = &claim.text[..claim.text.find(|c: char| c.is_ascii_digit()).unwrap_or(0)];
    sentence_before(ctx, claim).is_some_and(|before| REASONS.iter().any(|w| before.contains(w) || own.contains(w)))
}

/// The paragraphs outside the tables that print an amount: of the explanation,
/// and text the importer could not place in any part (an explanation whose
/// headings were not recognised ends up there, and is then not checked).
pub fn paragraphs_with_figures(doc: &Disclosure) -> Vec<(&str, &Provenance)> {
    let sections = doc.all_sections().into_iter().flat_map(|s| &s.paragraphs).map(|p| (p.text.as_str(), &p.source));
    let unplaced = doc.unparsed.iter().map(|u| (u.text.as_str(), &u.source));
    sections.chain(unplaced).filter(|(text, _)| prints_amount(text)).collect()
}

/// Whether a paragraph prints an amount: a digit before `元` or `万元`/`亿元`.
pub fn prints_amount(text: &str) -> bool {
    let mut previous: [char; 2] = [' ', ' '];
    for c in text.chars().filter(|c| !c.is_whitespace()) {
        if c == '元'
            && (previous[1].is_ascii_digit() || (matches!(previous[1], '万' | '亿') && previous[0].is_ascii_digit()))
        {
            return true;
        }
        previous = [previous[1], c];
    }
    false
}

#[cfg(test)]
mod tests {
    use super::prints_amount;

    #[test]
    fn amounts_in_text() {
        assert!(prints_amount("一般公共预算1,008.93万元，占99.82%"));
        assert!(prints_amount("支出 500 元"));
        assert!(prints_amount("共12亿元"));
        assert!(!prints_amount("单位：万元"));
        assert!(!prints_amount("车辆12辆"));
    }
}
