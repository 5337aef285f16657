//! The resolver shared by the narrative rules: which table values a claim of the
//! explanation text talks about.
//!
//! A claim names its subject in words (`一般公共预算`, `基本支出`, `公务接待费`, or a
//! chain of 类/款/项 names). The resolver maps those words, read in the context of
//! the section they stand in, to *candidate* cells: a claim agrees when it agrees
//! with any of them (a text may legitimately quote either of two equal lines, e.g.
//! 表1's 一般公共预算拨款 or its 一般财力 line). An unknown subject resolves to no
//! candidate, and the rules stay silent about it.

use gongkai_catalog::Catalog;
use gongkai_model::{
    Claim, ClaimKind, ClassCode, Column, Decimal, Disclosure, DocumentKind, Level, LevelName, Location, Measure,
    Number, Quantity, Row, RowRole, Scheme, SectionKind, Side, Stage, Table, TableKind, TablePart,
};

use crate::Context;
use crate::context::{cell_location, column_name, row_name, text_location};
use crate::tolerance::{Comparison, Tolerance};

mod by_unit;
mod procurement;
use by_unit::by_unit;
pub use procurement::{prints_kinds, share_word};

/// A table value a claim may be compared with: one cell, or a sum of cells
/// the tables print in parts ([`Sum`]).
#[derive(Clone)]
pub struct Candidate<'a> {
    /// The value in 万元; `None` for an empty cell (an exact zero).
    pub value: Option<Number>,
    /// The table.
    pub table: &'a Table,
    /// Its part.
    pub part: &'a TablePart,
    /// The row (of a sum: its first cell's, or the total's where it adds
    /// nothing).
    pub row: &'a Row,
    /// The column index.
    pub column: usize,
    /// The cells the value adds up, where no one cell prints it.
    pub sum: Option<Sum<'a>>,
}

/// A figure no table prints in one cell but whose parts the tables print and
/// nothing else beside them: a kind of purchase as the procurement table's
/// items of that kind, a line of the general budget's spending as its basic
/// and its project spending's lines.
#[derive(Clone)]
pub struct Sum<'a> {
    /// The cells added (none: nothing of it is printed, the sum is zero).
    pub cells: Vec<Cell<'a>>,
    /// What is added, for messages (`采购目录为A（货物）的各行之和`).
    pub what: String,
}

/// One cell of a table.
#[derive(Clone, Copy)]
pub struct Cell<'a> {
    pub table: &'a Table,
    pub part: &'a TablePart,
    pub row: &'a Row,
    pub column: usize,
}

impl Cell<'_> {
    /// The value in 万元; `None` for an empty cell.
    pub fn value(&self) -> Option<Number> {
        cell_wan(self.table, self.row, self.column)
    }
}

impl<'a> Candidate<'a> {
    /// The figure of one cell.
    pub fn cell(table: &'a Table, part: &'a TablePart, row: &'a Row, column: usize) -> Self {
        Candidate { value: cell_wan(table, row, column), table, part, row, column, sum: None }
    }

    /// The figure adding `cells` up; `anchor` is where it is shown when
    /// nothing is added (the table's total row).
    pub fn sum(anchor: Cell<'a>, cells: Vec<Cell<'a>>, what: String) -> Self {
        let value = cells.iter().filter_map(Cell::value).map(|n| n.0).fold(zero().0, |a, b| a + b);
        let first = cells.first().copied().unwrap_or(anchor);
        Candidate {
            value: Some(Number(value)),
            table: first.table,
            part: first.part,
            row: first.row,
            column: first.column,
            sum: Some(Sum { cells, what }),
        }
    }

    /// Compares the figure with a claim's `actual` amount: a sum as the claim
    /// against its parts, each rounded as printed.
    pub fn compare(&self, tolerance: &Tolerance, actual: Number) -> Comparison {
        match &self.sum {
            Some(sum) => {
                let parts: Vec<Option<Number>> = sum.cells.iter().map(Cell::value).collect();
                // (As `same` reads it: the table's figure expected, the claim's actual.)
                tolerance.sum(Some(actual), &parts)
            }
            None => tolerance.same(self.value, Some(actual)),
        }
    }

    /// Where the figure stands: its cell, or every cell of a sum.
    pub fn locations(&self) -> Vec<Location> {
        match &self.sum {
            Some(sum) if !sum.cells.is_empty() => {
                sum.cells.iter().map(|c| cell_location(c.table, c.part, c.row, c.column)).collect()
            }
            _ => vec![self.location()],
        }
    }

    /// Where the cell stands.
    pub fn location(&self) -> Location {
        cell_location(self.table, self.part, self.row, self.column)
    }

    /// `表5“一般公共预算支出情况表” “总计”行 “基本支出”列`; a sum:
    /// `表12“政府采购预算表” 采购目录为A（货物）的各行之和`.
    pub fn describe(&self) -> String {
        if let Some(sum) = &self.sum {
            return format!("{}{}", self.table.display(), sum.what);
        }
        let side = self.part.side.map(|s| format!("{}方", s.name_zh())).unwrap_or_default();
        format!("{}{} {} {}", self.table.display(), side, row_name(self.row), column_name(self.part, self.column))
    }

    /// The value as a figure for messages (`空` → 0).
    pub fn shown(&self) -> String {
        self.value.map_or_else(|| "0（空）".to_owned(), |n| n.to_string())
    }
}

/// Normalises a name for comparison (the shared comparison key).
pub use gongkai_model::comparison_key as norm;
use gongkai_model::same_name;

/// A name without a trailing level marker: `社会保障和就业支出(类)` → `社会保障和就业支出`.
pub fn strip_level(name: &str) -> String {
    let n = norm(name);
    // (`“卫生健康支出”科目`: the class named as a 科目.)
    for marker in ["(类)", "(款)", "(项)", "科目"] {
        if let Some(stripped) = n.strip_suffix(marker) {
            return stripped.to_owned();
        }
    }
    n
}

/// The value of a cell in 万元, `None` when the cell is empty.
pub fn cell_wan(table: &Table, row: &Row, column: usize) -> Option<Number> {
    let n = row.amount(column)?;
    Quantity::new(n, table.unit).in_wan_yuan()
}

/// A money quantity in 万元.
pub fn wan(q: Option<Quantity>) -> Option<Number> {
    q.and_then(Quantity::in_wan_yuan)
}

/// An exact zero printed with two decimals, for an empty cell used as an amount.
pub fn zero() -> Number {
    Number(Decimal::new(0, 2))
}

/// How a claim's subject is named in messages: the 类/款/项 chain of a per-code
/// paragraph, else the label.
pub fn subject_name(claim: &Claim) -> String {
    if claim.subject.names.is_empty() {
        return claim.subject.label.clone();
    }
    claim.subject.names.iter().map(|n| format!("{}（{}）", n.name, n.level.name_zh())).collect()
}

/// Where a claim's amount is printed (its clause when the amount has no span).
pub fn amount_location(claim: &Claim) -> Location {
    text_location(claim.amount_at.as_ref().unwrap_or(&claim.source))
}

/// The tables a per-code paragraph of a section speaks of, the first printed
/// one being the one it is read against: the overview's and the 支出 section's
/// of all the department's money (表3 支出总表); a fund's section of that fund's
/// table (`城乡社区支出（类）国有土地使用权出让收入安排的支出（款）…` under 政府性
/// 基金 is no row of 表5); elsewhere (一般公共预算 sections) of the general
/// budget (表5).
pub fn code_paragraph_tables(section: SectionKind) -> &'static [TableKind] {
    match section {
        SectionKind::Overview | SectionKind::Expenditure => {
            &[TableKind::ExpenditureSummary, TableKind::GeneralBudgetExpenditure]
        }
        SectionKind::GovernmentFund => &[TableKind::GovernmentFundExpenditure],
        SectionKind::StateCapital => &[TableKind::StateCapitalExpenditure],
        // The fiscal allocations are the three budgets' money.
        SectionKind::FiscalAllocation => &[
            TableKind::GeneralBudgetExpenditure,
            TableKind::GovernmentFundExpenditure,
            TableKind::StateCapitalExpenditure,
        ],
        _ => &[TableKind::GeneralBudgetExpenditure, TableKind::ExpenditureSummary],
    }
}

/// The table a per-code paragraph is read against, with its chain: of the
/// tables its section speaks of, the first printed one whose rows hold the
/// paragraph's deepest name (a fiscal-allocation section names the codes of
/// all three budgets: `彩票公益金安排的支出（款）…` is the fund's), else the first
/// printed one.
pub fn code_paragraph_chain<'a, 'n>(
    ctx: &Context<'a>,
    claim: &'n Claim,
) -> Option<(&'a Table, &'a TablePart, Chain<'a, 'n>)> {
    let printed: Vec<(&'a Table, &'a TablePart)> =
        code_paragraph_tables(claim.section).iter().filter_map(|&k| ctx.part(k)).collect();
    let first = printed.first().copied()?;
    printed
        .iter()
        .map(|&(table, part)| (table, part, find_chain(part, &claim.subject.names)))
        .find(|(_, _, chain)| chain.row.is_some())
        .or_else(|| Some((first.0, first.1, find_chain(first.1, &claim.subject.names))))
}

/// A classification code printed in brackets after a subject's name
/// (`行政运行（2010801）`, `工资福利支出（301）`).
pub fn bracketed_code(label: &str) -> Option<ClassCode> {
    let inner = label.trim_end().strip_suffix(['）', ')'])?;
    let open = inner.rfind(['（', '('])?;
    let digits = &inner[open + inner[open..].chars().next()?.len_utf8()..];
    (digits.len() >= 3 && digits.chars().all(|c| c.is_ascii_digit())).then(|| ClassCode::new(digits).ok()).flatten()
}

/// The row printing a claim's bracketed code: a function code in the table
/// its section speaks of (as a per-code paragraph's); an economic code in the
/// one table of the section's spending that prints it (the basic-spending
/// table under 基本支出, otherwise a table by economic class of no one part
/// of the spending). None when that is not one table.
fn by_code<'a>(ctx: &Context<'a>, section: SectionKind, code: &ClassCode, out: &mut Vec<Candidate<'a>>) {
    let prints = |t: &&'a Table| t.parts.iter().any(|p| p.row_by_code(code).is_some());
    let table = match code.scheme() {
        Scheme::Function => {
            code_paragraph_tables(section).iter().find_map(|&k| ctx.part(k)).map(|(t, _)| t).filter(prints)
        }
        Scheme::EconomicDepartment | Scheme::EconomicGovernment => {
            economic_table(ctx, section == SectionKind::BasicExpenditure, prints)
        }
    };
    let Some(table) = table else { return };
    for part in &table.parts {
        if let Some(row) = part.row_by_code(code) {
            push_measure(out, table, part, row, Some(&Measure::Total));
        }
    }
}

/// The one table by economic class that prints what `prints` asks: the
/// basic-spending table in the 基本支出 section, otherwise a table by
/// economic class of no one part of the spending (outside 基本支出, a table of
/// one part — `…项目支出情况表（按经济分类科目）` — holds no figure of the whole).
/// None when that is not one table.
fn economic_table<'a>(ctx: &Context<'a>, basic: bool, prints: impl Fn(&&'a Table) -> bool) -> Option<&'a Table> {
    let of_a_part = |t: &Table| ["基本支出", "项目支出"].iter().any(|w| t.title.contains(w));
    let mut tables = ctx.doc.tables.iter().filter(prints).filter(|t| {
        let is_basic = t.kind == TableKind::GeneralBudgetBasicExpenditure;
        if basic { is_basic } else { t.kind == TableKind::Other && !of_a_part(t) }
    });
    tables.next().filter(|_| tables.next().is_none())
}

/// An economic class named in the general budget's section (`工资福利支出…`):
/// its coded row in the one table of the general budget by economic class.
/// Returns whether a row matched.
fn economic_named<'a>(ctx: &Context<'a>, name: &str, out: &mut Vec<Candidate<'a>>) -> bool {
    let economic = |r: &Row| {
        r.project.is_none()
            && r.code
                .as_ref()
                .is_some_and(|c| matches!(c.scheme(), Scheme::EconomicDepartment | Scheme::EconomicGovernment))
            && same_name(&r.label, name)
    };
    let prints = |t: &&'a Table| t.parts.iter().any(|p| p.rows.iter().any(economic));
    let Some(table) = economic_table(ctx, false, prints) else { return false };
    let before = out.len();
    for part in &table.parts {
        for row in part.rows.iter().filter(|r| economic(r)) {
            push_measure(out, table, part, row, Some(&Measure::Total));
        }
    }
    out.len() > before
}

/// A line of the general budget's spending printed only on the fiscal
/// summary's spending side (西安's 表4 lists the spending by function, by
/// department economic class and by government economic class,
/// `机关工资福利支出 2243.55`): its general-budget column, or, where the
/// summary prints one amount a line, that amount when all the fiscal
/// allocations are the general budget's (its 一般公共预算 line makes the
/// income total: no other fund, no carry-over). Returns whether a line matched.
fn general_budget_lines_of_fiscal_summary<'a>(ctx: &Context<'a>, name: &str, out: &mut Vec<Candidate<'a>>) -> bool {
    let Some(table) = ctx.table(TableKind::FiscalAllocationSummary) else { return false };
    let all_general = table.side(Side::Income).is_some_and(|income| {
        let general =
            income.rows.iter().find(|r| r.role != RowRole::Total && r.measure == Some(Measure::GeneralBudget));
        match (income.total_row(), general) {
            (Some(total), Some(general)) => ctx.tolerance.same(total.amount(0), general.amount(0)).agrees(),
            _ => false,
        }
    });
    let before = out.len();
    for part in table.parts.iter().filter(|p| p.side == Some(Side::Expenditure)) {
        let column = match part.column(&Measure::GeneralBudget) {
            Some(column) => column,
            None if all_general && part.columns.len() == 1 => 0,
            None => continue,
        };
        for row in part.rows.iter().filter(|r| r.role != RowRole::Total && same_name(&r.label, name)) {
            out.push(Candidate::cell(table, part, row, column));
        }
    }
    out.len() > before
}

/// The economic line a label names as paid from the general budget:
/// `一般公共预算安排委托业务费` → `委托业务费` (also `一般公共预算拨款安排的…`).
fn general_budget_line(label: &str) -> Option<&str> {
    let rest = label.strip_prefix("一般公共预算")?;
    let rest = rest.strip_prefix("拨款").unwrap_or(rest);
    let rest = rest.strip_prefix("安排").unwrap_or(rest);
    let rest = rest.strip_prefix("的").unwrap_or(rest);
    (!rest.is_empty()).then_some(rest)
}

/// An economic line of the general budget's spending where no table prints
/// it for the whole spending but the basic-spending table and the
/// project-spending table by economic class both do (广州's 表6 and 表7): the
/// two cells added. Both must print it: a line missing from one might be a
/// line not read.
fn basic_and_project_line<'a>(ctx: &Context<'a>, name: &str, out: &mut Vec<Candidate<'a>>) -> bool {
    let line = |t: &'a Table| {
        t.parts.iter().find_map(|part| {
            let row = part.rows.iter().find(|r| {
                r.project.is_none()
                    && r.code
                        .as_ref()
                        .is_some_and(|c| matches!(c.scheme(), Scheme::EconomicDepartment | Scheme::EconomicGovernment))
                    && same_name(&r.label, name)
            })?;
            Some(Cell { table: t, part, row, column: part.column(&Measure::Total).unwrap_or(0) })
        })
    };
    // The project spending by economic class: a table of the general
    // budget's 项目支出 whose lines are economic classes.
    let project = |t: &&'a Table| {
        matches!(t.kind, TableKind::GeneralBudgetProjectExpenditure | TableKind::Other)
            && t.title.contains("一般公共预算")
            && t.title.contains("项目支出")
    };
    let basic = ctx.table(TableKind::GeneralBudgetBasicExpenditure).and_then(line);
    let mut projects = ctx.doc.tables.iter().filter(project);
    let (Some(project), None) = (projects.next(), projects.next()) else { return false };
    let (Some(basic), Some(project)) = (basic, line(project)) else { return false };
    let what = format!(" “{}”行与{}同一行之和", row_name(basic.row), project.table.display());
    out.push(Candidate::sum(basic, vec![basic, project], what));
    true
}

/// The index of the top-level explanation section a line falls in.
pub fn top_section(doc: &Disclosure, line: u32) -> Option<usize> {
    doc.sections.iter().enumerate().rev().find(|(_, s)| s.heading.source.line <= line).map(|(i, _)| i)
}

/// The candidate cells of a claim; empty when the subject is not understood.
pub fn resolve<'a>(ctx: &Context<'a>, claim: &Claim) -> Vec<Candidate<'a>> {
    let mut out = of_any_stage(ctx, claim);
    // A figure of another stage is another figure (`因公出国（境）费支出决算4.69万元`
    // beside a “三公” table printing the 预算数 before the 决算数).
    let stage = claim_stage(ctx.doc, claim);
    out.retain(|c| candidate_stage(ctx.doc, c) == stage);
    out
}

/// The candidates of a claim's subject, of whatever stage they are.
pub fn of_any_stage<'a>(ctx: &Context<'a>, claim: &Claim) -> Vec<Candidate<'a>> {
    let mut out = Vec::new();
    match claim.kind {
        ClaimKind::CodeParagraph => {
            if let Some((table, part, chain)) = code_paragraph_chain(ctx, claim)
                && let Some(row) = chain.row.filter(|_| !chain.contradicted)
            {
                push_measure(&mut out, table, part, row, Some(&Measure::Total));
                // (A 决算's fund table heads its spending `本年支出/小计`
                // beside the balances: no column totals the row.)
                if out.is_empty() {
                    push_measure(&mut out, table, part, row, Some(&Measure::CurrentYearExpenditure));
                }
            }
        }
        ClaimKind::StructureShare => {
            let name = claim.subject.names.first().map_or_else(|| strip_level(&claim.subject.label), |n| norm(&n.name));
            named_rows(ctx, &mut out, TableKind::GeneralBudgetExpenditure, None, &name, &[Some(Measure::Total)]);
            if claim.section == SectionKind::FiscalAllocation {
                named_rows(
                    ctx,
                    &mut out,
                    TableKind::FiscalAllocationSummary,
                    Some(Side::Expenditure),
                    &name,
                    &[Some(Measure::GeneralBudget)],
                );
            }
        }
        ClaimKind::Amount | ClaimKind::Composition => {
            // In a section about one of the department's units, its figures
            // are that unit's; else the section's own tables.
            by_unit(ctx, claim, &mut out);
            if out.is_empty() {
                match bracketed_code(&claim.subject.label) {
                    Some(code) => by_code(ctx, claim.section, &code, &mut out),
                    None => {
                        let label = without_own_name(ctx, &strip_level(&claim.subject.label));
                        if claim.section == SectionKind::Procurement {
                            procurement::resolve(ctx, claim, &label, &mut out);
                        }
                        if out.is_empty() {
                            by_label(ctx, claim.section, &label, &mut out);
                        }
                    }
                }
            }
            // A project's paragraph (`项目名称：某项目` … `预算安排规模：282.26万元`)
            // speaks of that project's rows, where the table names it so (a
            // table may name it otherwise: `…生活费(县级配套)` for `…生活费补助项目`;
            // the candidates then stay, compared only if they agree).
            if claim.section == SectionKind::ProjectExpenditure
                && let Some(name) = project_named_before(ctx, claim)
                && out.iter().any(|c| c.row.project.as_deref().is_some_and(|p| same_name(p, &name)))
            {
                out.retain(|c| c.row.project.as_deref().is_some_and(|p| same_name(p, &name)));
            }
            // A line listed after one fund's spending (`一般公共预算支出包括：
            // 社会保障和就业支出861.81万元`) is that fund's: its column where the
            // candidates stand in several.
            if out.len() > 1
                && let Some(fund) = sentence_before(ctx, claim).and_then(one_fund_named)
                && out.iter().any(|c| c.part.columns.get(c.column).is_some_and(|col| col.measure == fund))
            {
                out.retain(|c| c.part.columns.get(c.column).is_some_and(|col| col.measure == fund));
            }
            // A whole whose own list names money of earlier years (`当年预算收入
            // A万元，其中：…、上年结转B万元、上年实户资金余额C万元`) includes it:
            // it is the total, not the year's subtotal or one of its lines.
            if out.len() > 1 && lists_prior_money(&claim.text) && out.iter().any(|c| c.row.role == RowRole::Total) {
                out.retain(|c| c.row.role == RowRole::Total);
            }
        }
    }
    out
}

/// The figures a whole named in words stands for (`本年支出合计`, the whole a
/// share names), read as a claim's subject would be in `section`, of the stage
/// the name names (else the document's).
pub fn resolve_name<'a>(ctx: &Context<'a>, section: SectionKind, name: &str) -> Vec<Candidate<'a>> {
    let mut out = Vec::new();
    by_label(ctx, section, &without_own_name(ctx, &strip_level(name)), &mut out);
    let stage = Stage::named_in(name).unwrap_or_else(|| document_stage(ctx.doc));
    out.retain(|c| candidate_stage(ctx.doc, c) == stage);
    out
}

/// The claims printing a chain of 类/款/项 names, each chain once: a claim
/// following one with the same names (a 决算's `…（项）。年初预算…，支出决算…`)
/// states another figure of the same chain, not the chain again.
pub fn naming_claims(doc: &Disclosure) -> impl Iterator<Item = &Claim> {
    let mut previous: Option<&Vec<LevelName>> = None;
    doc.claims.iter().filter(move |c| {
        let again = !c.subject.names.is_empty() && previous == Some(&c.subject.names);
        previous = Some(&c.subject.names);
        !again
    })
}

/// The stage of the figures a document's tables print where they name none:
/// a 决算's are final, a budget's budgeted.
pub fn document_stage(doc: &Disclosure) -> Stage {
    match doc.meta.kind {
        DocumentKind::Budget => Stage::Budget,
        DocumentKind::FinalAccounts => Stage::Final,
    }
}

/// The stage a claim speaks of: the one its subject names (`…支出年初预算`,
/// `…支出决算`), else the one its clause names before the amount (a per-code
/// paragraph `…（项）。年初预算999.83万元`), else the document's own.
pub fn claim_stage(doc: &Disclosure, claim: &Claim) -> Stage {
    Stage::named_in(&claim.subject.label)
        .or_else(|| match own_clause(claim) {
            // The words of the figure's own clause (`…，2026年预算安排A万元`), not
            // those of another figure before it in the text (`2025年预算执行数为B万元，`).
            Some((clause, first)) => {
                Stage::named_in(clause).or_else(|| first.then(|| Stage::named_in(lead(&claim.text))).flatten())
            }
            None => Stage::named_in(lead(&claim.text)),
        })
        .unwrap_or_else(|| document_stage(doc))
}

/// The words of the clause the claim's amount stands in, before it, and
/// whether the amount is the text's first figure; `None` where the amount's
/// place in the text is not known (another line than the text's start).
fn own_clause(claim: &Claim) -> Option<(&str, bool)> {
    let (at, source) = (claim.amount_at.as_ref()?, &claim.source);
    if at.line != source.line {
        return None;
    }
    let offset = usize::try_from(at.column?.checked_sub(source.column?)?).ok()?;
    let end = claim.text.char_indices().nth(offset).map_or(claim.text.len(), |(i, _)| i);
    let before = &claim.text[..end];
    let start = before
        .rfind(['，', ',', '。', '；', ';', '：', ':'])
        .map_or(0, |i| i + before[i..].chars().next().map_or(0, char::len_utf8));
    let first = lead(&claim.text).len() >= before.len();
    Some((&before[start..], first))
}

/// A clause's words before its first figure, a year (`2024年`) read through:
/// what the figure is said to be (`…（项）。年初预算`), not what it is
/// compared with after it (`…，比上年决算数增加`).
fn lead(text: &str) -> &str {
    let mut rest = text;
    let mut at = 0;
    while let Some(start) = rest.find(|c: char| c.is_ascii_digit()) {
        let digits = rest[start..].find(|c: char| !c.is_ascii_digit()).map_or(rest.len(), |e| start + e);
        if !rest[digits..].starts_with('年') {
            return &text[..at + start];
        }
        at += digits;
        rest = &rest[digits..];
    }
    text
}

/// The stage of a candidate's figure: its column's (`决算数/公务接待费`), else its
/// row's (`预算数`), else the document's.
fn candidate_stage(doc: &Disclosure, c: &Candidate<'_>) -> Stage {
    c.part
        .columns
        .get(c.column)
        .and_then(Column::stage)
        .or_else(|| c.row.stage())
        .unwrap_or_else(|| document_stage(doc))
}

/// Whether any table prints figures of a stage: the document's own, or a
/// column or row naming it.
pub fn prints_stage(doc: &Disclosure, stage: Stage) -> bool {
    stage == document_stage(doc)
        || doc.tables.iter().flat_map(|t| &t.parts).any(|p| {
            p.columns.iter().any(|c| c.stage() == Some(stage)) || p.rows.iter().any(|r| r.stage() == Some(stage))
        })
}

/// The words of a claim's sentence before its clause: from the end of the
/// sentence before (`。`) to where the claim's clause begins, in the
/// paragraph holding it.
pub fn sentence_before<'a>(ctx: &Context<'a>, claim: &Claim) -> Option<&'a str> {
    let paragraphs = ctx.prose().iter().filter(|p| p.source.line <= claim.source.line);
    let (paragraph, at) = paragraphs.rev().find_map(|p| p.text.find(&claim.text).map(|at| (p, at)))?;
    let before = &paragraph.text[..at];
    Some(&before[before.rfind('。').map_or(0, |i| i + '。'.len_utf8())..])
}

/// The one fund a text names (`一般公共预算支出包括：`), if it names one.
fn one_fund_named(text: &str) -> Option<Measure> {
    let funds = [
        ("一般公共预算", Measure::GeneralBudget),
        ("政府性基金", Measure::GovernmentFund),
        ("国有资本经营", Measure::StateCapital),
    ];
    let mut named = funds.into_iter().filter(|(w, _)| text.contains(w)).map(|(_, m)| m);
    let fund = named.next()?;
    named.next().is_none().then_some(fund)
}

/// The project a claim of the project section is about: the name after
/// `项目名称：` in the nearest paragraph before it, within its section.
fn project_named_before(ctx: &Context<'_>, claim: &Claim) -> Option<String> {
    let section = top_section(ctx.doc, claim.source.line)?;
    let heading = ctx.doc.sections[section].heading.source.line;
    let before = ctx.prose().iter().rev().filter(|p| p.source.line <= claim.source.line && p.source.line > heading);
    before.filter_map(|p| p.text.find("项目名称").map(|at| &p.text[at + "项目名称".len()..])).find_map(|rest| {
        let name = rest.trim_start_matches(['：', ':', ' ']);
        let name = &name[..name.find(['，', '。', '；', '\n']).unwrap_or(name.len())];
        (!name.trim().is_empty()).then(|| name.trim().to_owned())
    })
}

/// Whether a claim's list (after its `其中`) names money of earlier years:
/// `上年结转`, `上年结余`, `上年实户资金余额` — not a comparison with last year
/// (`较上年增加…`).
fn lists_prior_money(text: &str) -> bool {
    let Some(at) = text.find("其中") else { return false };
    let list = &text[at..];
    list.match_indices("上年").any(|(i, w)| {
        let after = &list[i + w.len()..];
        ["结转", "结余", "实户", "资金余额", "余额"].iter().any(|m| after.starts_with(m))
    })
}

/// The income lines of the fund a label names, wherever the label stands
/// (`涉及当年一般公共预算拨款` in the performance overview → 表1's 一般公共预算拨款
/// line and 表2's 一般公共预算 total); empty when it names no fund.
pub fn fund_lines<'a>(ctx: &Context<'a>, label: &str) -> Vec<Candidate<'a>> {
    let mut out = Vec::new();
    if ["一般公共预算", "政府性基金", "国有资本", "财政拨款"].iter().any(|w| label.contains(w)) {
        by_label(ctx, SectionKind::Income, &strip_level(label), &mut out);
    }
    out
}

/// The spending table of a budget's money (`GeneralBudget` → 一般公共预算支出表).
fn spending_table(budget: &Measure) -> TableKind {
    match budget {
        Measure::GeneralBudget => TableKind::GeneralBudgetExpenditure,
        Measure::GovernmentFund => TableKind::GovernmentFundExpenditure,
        _ => TableKind::StateCapitalExpenditure,
    }
}

/// Whether a label names the income line `word` itself: the word, with at
/// most a word of kind or stage after it (`其他收入`, `事业收入预算`,
/// `财政专户管理资金`, `上年结转结余`), and not a thing of its own named after
/// it (`其他收入工作经费` is a project paid from it).
fn names_income(label: &str, word: &str) -> bool {
    const AFTER: &[&str] = &[
        "",
        "收入",
        "预算",
        "收入预算",
        "预算数",
        "资金",
        "管理资金",
        "管理资金收入",
        "拨款",
        "合计",
        "结余",
        "结转结余",
        "资金结转",
        "和结余",
    ];
    label.rfind(word).is_some_and(|p| AFTER.contains(&&label[p + word.len()..]))
}

fn push_measure<'a>(
    out: &mut Vec<Candidate<'a>>,
    table: &'a Table,
    part: &'a TablePart,
    row: &'a Row,
    m: Option<&Measure>,
) {
    let column = match m {
        None => Some(0),
        Some(m) => part.column(m),
    };
    if let Some(column) = column.filter(|c| *c < part.columns.len()) {
        out.push(Candidate::cell(table, part, row, column));
    }
}

fn part_of<'a>(ctx: &Context<'a>, kind: TableKind, side: Option<Side>) -> Option<(&'a Table, &'a TablePart)> {
    let table = ctx.table(kind)?;
    let part = match side {
        Some(s) => table.side(s)?,
        None => table.parts.iter().find(|p| p.side.is_none()).or_else(|| table.main())?,
    };
    Some((table, part))
}

/// The total row of a table (side), in the column measuring `col` (`None`: the first column).
fn total<'a>(
    ctx: &Context<'a>,
    out: &mut Vec<Candidate<'a>>,
    kind: TableKind,
    side: Option<Side>,
    col: Option<Measure>,
) {
    if let Some((table, part)) = part_of(ctx, kind, side)
        && let Some(row) = part.total_row()
    {
        push_measure(out, table, part, row, col.as_ref());
    }
}

/// The first labelled line measuring each of `measures`, in the column `col`.
fn lines<'a>(
    ctx: &Context<'a>,
    out: &mut Vec<Candidate<'a>>,
    kind: TableKind,
    side: Option<Side>,
    measures: &[Measure],
    col: Option<Measure>,
) {
    if let Some((table, part)) = part_of(ctx, kind, side) {
        // A fund's line under the carry-over (`二、上年结转` / `（一）一般公共预算拨款`)
        // is that fund's carry-over, not its income of the year.
        let carried = |r: &Row| {
            r.part_of.and_then(|p| part.rows.get(p as usize)).is_some_and(|parent| {
                matches!(
                    parent.measure,
                    Some(Measure::CarryOver | Measure::FiscalCarryOver | Measure::NonFiscalCarryOver)
                )
            })
        };
        for m in measures {
            if let Some(row) =
                part.rows.iter().find(|r| r.role != RowRole::Total && r.measure.as_ref() == Some(m) && !carried(r))
            {
                push_measure(out, table, part, row, col.as_ref());
            }
        }
    }
}

/// A table printing its categories as columns (`合计 | 因公出国(境)费 | 公务接待费
/// | 公务用车…`): the category's cell in the total row, or in the table's only
/// row with amounts when it prints no total; never in a column whose header
/// was not read for sure.
fn category_column<'a>(ctx: &Context<'a>, out: &mut Vec<Candidate<'a>>, kind: TableKind, m: Measure) {
    let Some((table, part)) = part_of(ctx, kind, None) else { return };
    for row in rows_of_stages(ctx, part) {
        // Only a column read from its own header: a category column guessed by
        // position (a header misread) names no figure a claim can be held to.
        // The category's first column of each stage (a 决算 prints its 预算数
        // and its 决算数): the claim's stage picks one.
        let mut stages = Vec::new();
        let columns: Vec<usize> = (0..part.columns.len())
            .filter(|&c| part.columns[c].measure == m && part.columns[c].inferred.is_none())
            .filter(|&c| {
                let stage = part.columns[c].stage();
                let first = !stages.contains(&stage);
                stages.push(stage);
                first
            })
            .collect();
        if columns.is_empty()
            && let Some(column) = general_budget_of_category(part, row, &m)
        {
            out.push(Candidate::cell(table, part, row, column));
        }
        for column in columns {
            out.push(Candidate::cell(table, part, row, column));
        }
    }
}

/// The row of a table of categories whose figures a claim is compared with:
/// its total or only row, else one row per stage where its rows are the
/// stages (a 决算's `预算数` and `决算数` rows); none else.
fn rows_of_stages<'p>(ctx: &Context<'_>, part: &'p TablePart) -> Vec<&'p Row> {
    if let Some(row) = total_or_only_row(ctx, part) {
        return vec![row];
    }
    let rows: Vec<&Row> = part.rows.iter().filter(|r| r.cells.iter().any(|c| c.amount.is_some())).collect();
    let stages: Vec<Option<Stage>> = rows.iter().map(|r| r.stage()).collect();
    let distinct = stages.iter().enumerate().all(|(i, s)| s.is_some() && !stages[..i].contains(s));
    if distinct { rows } else { Vec::new() }
}

/// A category printed as a group of columns by fund (`因公出国(境)费 /
/// 一般公共预算 | 政府性基金预算 | 国有资本经营预算`): its general-budget column
/// where the other funds' columns of the group are empty or zero in `row` —
/// the category's amount is then that cell. None where another fund spends
/// on it too (the claim's figure would be a sum no cell prints).
fn general_budget_of_category(part: &TablePart, row: &Row, m: &Measure) -> Option<usize> {
    let of_category = |c: &&gongkai_model::Column| {
        let path: Vec<&str> = c.header.split('/').collect();
        let funds = [Measure::GeneralBudget, Measure::GovernmentFund, Measure::StateCapital];
        if c.inferred.is_some() || path.len() < 2 || !funds.contains(&c.measure) {
            return false;
        }
        // (`公务用车购置及运行维护费/小计/一般公共预算`: the 小计 is its group's.)
        let mut owner = path[path.len() - 2];
        if matches!(norm(owner).as_str(), "小计" | "合计") && path.len() >= 3 {
            owner = path[path.len() - 3];
        }
        three_public_category(owner).as_ref() == Some(m)
    };
    let columns: Vec<usize> = part.columns.iter().enumerate().filter(|(_, c)| of_category(c)).map(|(i, _)| i).collect();
    let general = *columns.iter().find(|&&c| part.columns[c].measure == Measure::GeneralBudget)?;
    let others_nil = columns.iter().filter(|&&c| c != general).all(|&c| row.amount(c).is_none_or(|n| n.0.is_zero()));
    others_nil.then_some(general)
}

/// The “三公” category a column group or a claim names (`因公出国(境)费`,
/// `公务用车购置及运行维护费`, `总计`); the vehicle group before its parts.
pub fn three_public_category(text: &str) -> Option<Measure> {
    let t = norm(text);
    let has = |words: &[&str]| words.iter().any(|w| t.contains(w));
    Some(if has(&["购置及运行", "购置和运行"]) {
        Measure::Vehicles
    } else if has(&["公务用车购置"]) {
        Measure::VehiclePurchase
    } else if has(&["公务用车运行"]) {
        Measure::VehicleOperation
    } else if has(&["因公出国"]) {
        Measure::Abroad
    } else if has(&["公务接待"]) {
        Measure::Reception
    } else if has(&["会议费"]) {
        Measure::Meetings
    } else if has(&["培训费"]) {
        Measure::Training
    } else if has(&["三公"]) || matches!(t.as_str(), "总计" | "合计") {
        Measure::Total
    } else {
        return None;
    })
}

/// The total row of a table printing its categories as columns; when it
/// prints no total, the one row of the document's year where its rows are
/// years (`2025年 | 2026年 | 增减变化金额`: a claim's amount is this year's,
/// the year before is only the base of its change), else its only row with
/// amounts.
fn total_or_only_row<'p>(ctx: &Context<'_>, part: &'p TablePart) -> Option<&'p Row> {
    part.total_row().or_else(|| {
        let with_amounts = || part.rows.iter().filter(|r| r.cells.iter().any(|c| c.amount.is_some()));
        if let Some(year) = ctx.doc.meta.fiscal_year {
            let this_year = format!("{year}年");
            let names_year = |r: &&Row| {
                [Some(&r.label), r.project.as_ref()].into_iter().flatten().any(|t| norm(t).starts_with(&this_year))
            };
            let of_year: Vec<&Row> = with_amounts().filter(names_year).collect();
            match of_year.as_slice() {
                [] => {}
                [row] => return Some(row),
                // A block of rows per unit, the department's first: its
                // block is the one its name opens.
                _ => return department_row(ctx, part, &of_year),
            }
        }
        let mut rows = with_amounts();
        let only = rows.next()?;
        rows.next().is_none().then_some(only)
    })
}

/// Of `rows` (rows of one year, one per unit block), the one in the block the
/// department's own name opens (`某局 | 2025年 …`, `2026年 …`, `增减变化金额`,
/// `某局（本级） | 2025年 …`): the first of them after that row, when no row
/// between names another unit.
fn department_row<'p>(ctx: &Context<'_>, part: &'p TablePart, rows: &[&'p Row]) -> Option<&'p Row> {
    let name = norm(&ctx.doc.meta.unit_name.as_ref()?.text);
    let opens = part.rows.iter().position(|r| norm(&r.label) == name)?;
    let first = rows.iter().find_map(|r| part.rows.iter().position(|x| std::ptr::eq(x, *r)).filter(|&i| i >= opens))?;
    // (A row between opener and the year's row that is neither a year nor a
    // change names another unit: the blocks are not what they seem.)
    let year_like = |r: &Row| {
        let label = norm(&r.label);
        let digits = label.chars().take_while(char::is_ascii_digit).count();
        (digits == 4 && label[4..].starts_with('年')) || label.contains("增减")
    };
    part.rows[opens + 1..first].iter().all(year_like).then_some(&part.rows[first])
}

/// Coded rows whose name is `name`, in each of the columns `cols`. Returns whether a row matched.
fn named_rows<'a>(
    ctx: &Context<'a>,
    out: &mut Vec<Candidate<'a>>,
    kind: TableKind,
    side: Option<Side>,
    name: &str,
    cols: &[Option<Measure>],
) -> bool {
    let Some((table, part)) = part_of(ctx, kind, side) else { return false };
    let mut found = false;
    // A coded row, or a labelled line of a summary table that prints the
    // function classes without codes (`一、一般公共服务支出`).
    let named = |r: &&Row| {
        r.project.is_none()
            && (r.code.is_some() || matches!(r.role, RowRole::Line | RowRole::OfWhich | RowRole::Group))
            && same_name(&r.label, name)
    };
    for row in part.rows.iter().filter(named) {
        found = true;
        for col in cols {
            push_measure(out, table, part, row, col.as_ref());
        }
    }
    found
}

/// The rows of a project table that name a project, and its total row.
fn project_rows<'a>(ctx: &Context<'a>, out: &mut Vec<Candidate<'a>>) {
    for kind in [TableKind::GeneralBudgetProjectExpenditure, TableKind::ProjectExpenditure] {
        if let Some((table, part)) = part_of(ctx, kind, None) {
            for row in part.rows.iter().filter(|r| r.project.is_some() || r.role == RowRole::Total) {
                push_measure(out, table, part, row, Some(&Measure::Total));
            }
        }
    }
}

fn by_label<'a>(ctx: &Context<'a>, section: SectionKind, l: &str, out: &mut Vec<Candidate<'a>>) {
    use Measure as M;
    use SectionKind as S;
    use TableKind as T;
    // Terms that mean one thing wherever they stand. In the “三公” section, the
    // fiscal allocations' spending named with no category (`“三公”经费财政拨款支出
    // 预算为76.43万元` read as `财政拨款支出预算`) is the section's: the “三公” total.
    let of_the_section = section == S::ThreePublicExpenses && l.contains("财政拨款") && {
        let mut rest = l.to_owned();
        for word in ["财政拨款", "支出", "年初", "全年", "预算", "决算", "数", "安排", "的", "合计", "总额"]
        {
            rest = rest.replace(word, "");
        }
        rest.is_empty()
    };
    if l.contains("三公") || of_the_section {
        // Where 会议费 and 培训费 share the table, its 合计 includes them and the
        // “三公” total is the 小计 column after it; none when that column was
        // not read.
        // A 合计 column whose own header names the “三公” total (`“三公”经费合计`)
        // is that total; a 合计 under a group heading that names 三公 for the
        // whole table (`…“三公”经费预算 / 合计 | 小计 | …`) may include 会议费
        // and 培训费.
        if let Some((table, part)) = part_of(ctx, T::ThreePublicExpenses, None)
            && part.columns.iter().any(|c| matches!(c.measure, M::Meetings | M::Training))
        {
            for row in rows_of_stages(ctx, part) {
                let totals = || part.columns.iter().enumerate().filter(|(_, c)| c.measure == M::Total);
                let headed = totals()
                    .filter(|(_, c)| c.header.rsplit('/').next().is_some_and(|h| h.contains("三公")))
                    .map(|(i, _)| i)
                    .collect::<Vec<_>>();
                // (One total under the group naming 三公, beside 会议费 and 培训费
                // printed apart — 西安's `财政拨款安排的“三公”经费 / 小计` — is the
                // “三公” total: nothing else stands under that group.)
                let under_group: Vec<usize> =
                    totals().filter(|(_, c)| c.header.contains("三公")).map(|(i, _)| i).collect();
                let columns = match (headed.is_empty(), under_group.as_slice()) {
                    (false, _) => headed,
                    (true, [only]) if totals().count() == 1 => vec![*only],
                    _ => totals().skip(1).map(|(i, _)| i).collect(),
                };
                for column in columns {
                    out.push(Candidate::cell(table, part, row, column));
                }
            }
            return;
        }
        total(ctx, out, T::ThreePublicExpenses, None, Some(M::Total));
        if out.is_empty() {
            category_column(ctx, out, T::ThreePublicExpenses, M::Total);
        }
        // A table of lines by fund (广州: 行政经费 | “三公”经费 | （一）因公出国…)
        // prints the total as the line of that name.
        if out.is_empty()
            && let Some((table, part)) = part_of(ctx, T::ThreePublicExpenses, None)
        {
            let names_total = |r: &&Row| {
                let n = norm(&r.label);
                r.role == RowRole::Line && n.contains("三公") && ["经费", "合计", "小计"].iter().any(|w| n.ends_with(w))
            };
            for row in part.rows.iter().filter(names_total) {
                push_measure(out, table, part, row, Some(&M::Total));
            }
        }
        return;
    }
    // The three categories and the vehicles' parts, named as the table's
    // column groups name them (`three_public_category`).
    let category = three_public_category(l)
        .filter(|m| matches!(m, M::Abroad | M::Reception | M::Vehicles | M::VehiclePurchase | M::VehicleOperation));
    if let Some(m) = category {
        lines(ctx, out, T::ThreePublicExpenses, None, std::slice::from_ref(&m), Some(M::Total));
        if out.is_empty() {
            category_column(ctx, out, T::ThreePublicExpenses, m);
        }
        return;
    }
    // 会议费 and 培训费 printed beside the “三公” categories (无锡's 表9); in the
    // 基本支出 section they are economic lines (30215, 30216) instead.
    for (word, m) in [("会议费", M::Meetings), ("培训费", M::Training)] {
        if l.contains(word) && section != S::BasicExpenditure {
            category_column(ctx, out, T::ThreePublicExpenses, m);
            if !out.is_empty() {
                return;
            }
        }
    }
    // 机关运行经费 is the 公用经费 of administrative units only: a department with
    // public institutions spends more 公用经费. N108 (a warning) compares them.
    if l.contains("运行经费") {
        // (A table of one column prints it under its own name: `机关运行经费支出`.)
        total(ctx, out, T::AgencyOperatingExpenses, None, Some(M::Total));
        if out.is_empty() {
            total(ctx, out, T::AgencyOperatingExpenses, None, Some(M::AgencyOperating));
        }
        return;
    }
    // 人员经费 and 公用经费 (杭州: 人员支出, 日常公用支出): in the sections on all
    // the department's money, the spending summary's columns of them where
    // it splits 基本支出 so; else the general budget's basic-spending table.
    let personnel = l.contains("人员经费") || l == "人员支出";
    let public_use = l.contains("公用经费") || matches!(l, "日常公用支出" | "公用支出");
    if personnel || public_use {
        let m = if personnel { M::Personnel } else { M::PublicUse };
        if matches!(section, S::Overview | S::Expenditure) {
            total(ctx, out, T::ExpenditureSummary, None, Some(m.clone()));
        }
        if out.is_empty() {
            total(ctx, out, T::GeneralBudgetBasicExpenditure, None, Some(m.clone()));
        }
        // (A basic-spending table printing the two side by side ends each with
        // its own total line: `人员经费合计 626.18 | 公用经费合计 166.33`.)
        if out.is_empty() {
            lines(ctx, out, T::GeneralBudgetBasicExpenditure, None, &[m], None);
        }
        return;
    }
    // (The procurement budget is the procurement module's.)
    if section == S::Procurement {
        return;
    }
    // A line of the economic classification paid from the general budget,
    // wherever it is named (`一般公共预算安排委托业务费`).
    if let Some(line) = general_budget_line(l)
        && (economic_named(ctx, line, out) || basic_and_project_line(ctx, line, out))
    {
        return;
    }
    // A fund's own section (政府性基金预算支出情况说明): its spending as a whole
    // (`某局2026年政府性基金支出预算支出120万元`) is the fund's spending table's
    // total; nothing else is read there.
    let fund = match section {
        S::GovernmentFund => Some(M::GovernmentFund),
        S::StateCapital => Some(M::StateCapital),
        _ => None,
    };
    if let Some(fund) = fund {
        // (A 决算's fund table prints the fund's balances and flows as columns:
        // `年初结转和结余 | 本年收入 | 本年支出 | 年末结转和结余`.)
        if let Some(m) = fund_flow(l) {
            total(ctx, out, spending_table(&fund), None, Some(m));
            return;
        }
        if names_fund_spending(l) {
            total(ctx, out, spending_table(&fund), None, Some(M::Total));
            // (A table whose total column is headed `本年支出合计`.)
            if out.is_empty() {
                total(ctx, out, spending_table(&fund), None, Some(M::CurrentYearExpenditure));
            }
        }
        return;
    }
    let general = matches!(section, S::GeneralBudget | S::GeneralBudgetDetail);
    match section {
        S::ProjectExpenditure => {
            if ["规模", "金额", "预算", "资金", "合计"].iter().any(|w| l.contains(w)) {
                project_rows(ctx, out);
            }
            return;
        }
        S::Overview | S::Income | S::Expenditure | S::FiscalAllocation | S::BasicExpenditure => {}
        _ if general => {}
        _ => return,
    }
    if l.contains("基本支出") {
        // `财政拨款基本支出`, `一般公共预算基本支出`: the basic spending of the
        // fiscal allocations, not of all funds (表3 includes 事业收入 and the rest).
        if l.contains("财政拨款") || l.contains("一般公共预算") {
            total(ctx, out, T::GeneralBudgetBasicExpenditure, None, Some(M::Total));
            total(ctx, out, T::GeneralBudgetExpenditure, None, Some(M::Basic));
            return;
        }
        match section {
            S::Overview | S::Expenditure => {
                total(ctx, out, T::ExpenditureSummary, None, Some(M::Basic));
                if out.is_empty() {
                    total(ctx, out, T::GeneralBudgetExpenditure, None, Some(M::Basic));
                }
            }
            S::BasicExpenditure => {
                total(ctx, out, T::GeneralBudgetBasicExpenditure, None, Some(M::Total));
                total(ctx, out, T::GeneralBudgetExpenditure, None, Some(M::Basic));
            }
            _ => total(ctx, out, T::GeneralBudgetExpenditure, None, Some(M::Basic)),
        }
        return;
    }
    if l.contains("项目支出") {
        match section {
            S::Overview | S::Expenditure => {
                total(ctx, out, T::ExpenditureSummary, None, Some(M::Project));
                if out.is_empty() {
                    total(ctx, out, T::GeneralBudgetExpenditure, None, Some(M::Project));
                }
            }
            _ => total(ctx, out, T::GeneralBudgetExpenditure, None, Some(M::Project)),
        }
        return;
    }
    // A classification name (社会保障和就业支出 …) in the tables the section explains.
    let found = match section {
        S::Overview | S::Expenditure => {
            let a = named_rows(ctx, out, T::IncomeExpenditureSummary, Some(Side::Expenditure), l, &[None]);
            let b = named_rows(ctx, out, T::ExpenditureSummary, None, l, &[Some(M::Total)]);
            // An overview that is the whole explanation (上海's 编制说明) lists the
            // classes of the fiscal allocations too (`财政拨款支出主要内容如下：
            // 1.“…支出”科目17374万元`).
            let c = section == S::Overview
                && named_rows(
                    ctx,
                    out,
                    T::FiscalAllocationSummary,
                    Some(Side::Expenditure),
                    l,
                    &[Some(M::Total), Some(M::BudgetAmount)],
                );
            a || b || c
        }
        S::Income => named_rows(ctx, out, T::IncomeSummary, None, l, &[Some(M::Total)]),
        S::FiscalAllocation => {
            let a = named_rows(
                ctx,
                out,
                T::FiscalAllocationSummary,
                Some(Side::Expenditure),
                l,
                // A 表4 printing one amount per line (预算数) as well as one by budget.
                &[Some(M::Total), Some(M::GeneralBudget), Some(M::BudgetAmount)],
            );
            // (The 财政拨款 section explains 表4; 表5 holds the general budget
            // only, and is its stand-in only where 表4 prints no such line.)
            a || named_rows(ctx, out, T::GeneralBudgetExpenditure, None, l, &[Some(M::Total)])
        }
        S::BasicExpenditure => named_rows(ctx, out, T::GeneralBudgetBasicExpenditure, None, l, &[Some(M::Total)]),
        // (The general budget explained by economic class, `工资福利支出…`: its
        // table by economic class.)
        _ => {
            named_rows(ctx, out, T::GeneralBudgetExpenditure, None, l, &[Some(M::Total)])
                || (general && economic_named(ctx, l, out))
                || (general && general_budget_lines_of_fiscal_summary(ctx, l, out))
        }
    };
    if found {
        return;
    }
    // Sources of income.
    // A part of the carry-over (`上年结转结余的一般公共预算收入`) is printed in
    // few templates' tables; never compare it with the current year's line.
    // Where the carry-over as a whole is printed as nothing, every part of it
    // is nothing too: the part is that (empty or zero) figure.
    // The carry-over as a whole, in the section on the fiscal allocations: the
    // fiscal summary's carry-over line (表1's includes the other money's).
    // (`年初结转和结余`, a 决算's name of the same money.)
    let whole_carry_over =
        matches!(l, "上年结转" | "上年结转结余" | "上年结转收入" | "上年结转结余收入" | "年初结转和结余");
    // The balance left at the year's end (a 决算's `年末结转和结余`): the spending
    // side's line of it, 表4's in the 财政拨款 section.
    if matches!(l, "年末结转和结余" | "年末结转结余") {
        let kind =
            if section == S::FiscalAllocation { T::FiscalAllocationSummary } else { T::IncomeExpenditureSummary };
        lines(ctx, out, kind, Some(Side::Expenditure), &[M::CarryForward, M::FiscalCarryOver], None);
        return;
    }
    if whole_carry_over && section == S::FiscalAllocation {
        lines(ctx, out, T::FiscalAllocationSummary, Some(Side::Income), &[M::CarryOver, M::FiscalCarryOver], None);
        if !out.is_empty() {
            return;
        }
    }
    if l.contains("结转") && !whole_carry_over {
        if l.starts_with("上年结转") && section == S::Income {
            lines(ctx, out, T::IncomeExpenditureSummary, Some(Side::Income), &[M::CarryOver], None);
            total(ctx, out, T::IncomeSummary, None, Some(M::CarryOver));
            if out.iter().any(|c| c.value.is_some_and(|v| !v.value().is_zero())) {
                out.clear();
            }
        }
        return;
    }
    let transfer = l.contains("上级") || l.contains("转移支付");
    let source: Option<(Vec<M>, M)> = if l.contains("一般公共预算") {
        Some(if transfer {
            (vec![M::GeneralBudgetTransfer], M::GeneralBudgetTransfer)
        } else {
            (vec![M::GeneralBudget, M::GeneralBudgetOwn], M::GeneralBudget)
        })
    } else if l.contains("政府性基金") {
        Some(if transfer {
            (vec![M::GovernmentFundTransfer], M::GovernmentFundTransfer)
        } else {
            (vec![M::GovernmentFund, M::GovernmentFundOwn], M::GovernmentFund)
        })
    } else if l.contains("国有资本") {
        Some(if transfer {
            (vec![M::StateCapitalTransfer], M::StateCapitalTransfer)
        } else {
            (vec![M::StateCapital, M::StateCapitalOwn], M::StateCapital)
        })
    } else {
        // A source of its own line: its word, with at most a word of kind or stage after it.
        [
            ("财政专户", M::FiscalSpecialAccount),
            ("单位资金", M::UnitFunds),
            ("事业收入", M::OperationalIncome),
            ("上级补助收入", M::SuperiorSubsidy),
            ("附属单位上缴收入", M::SubsidiaryRemittance),
            ("经营收入", M::BusinessIncome),
            ("其他收入", M::OtherIncome),
            ("上年结转", M::CarryOver),
            ("年初结转", M::CarryOver),
        ]
        .into_iter()
        .find(|(word, _)| names_income(l, word))
        .map(|(_, m)| (vec![m.clone()], m))
    };
    if let Some((line_measures, column)) = source {
        let budget_type = matches!(column, M::GeneralBudget | M::GovernmentFund | M::StateCapital);
        let spending = l.contains("支出") && !l.contains("收入");
        if general && column == M::GeneralBudget {
            total(ctx, out, T::GeneralBudgetExpenditure, None, Some(M::Total));
            // Its spending (`一般公共预算财政拨款支出`) is also 表4's 本年支出 line in
            // the general budget's column; the income line stands in for it only
            // where neither is printed (a 决算 spends its opening balance too).
            if spending {
                let (year, budget) = (M::CurrentYearExpenditure, Some(M::GeneralBudget));
                lines(ctx, out, T::FiscalAllocationSummary, Some(Side::Expenditure), &[year], budget);
            }
            if !spending || out.is_empty() {
                lines(ctx, out, T::FiscalAllocationSummary, Some(Side::Income), &[M::GeneralBudget], None);
            }
        } else if section == S::FiscalAllocation && budget_type {
            // A budget's spending (`政府性基金预算支出`) is the spending side's;
            // its income may be stated with or without the carry-over, so
            // either side's figure is what it may mean.
            let income_line = |out: &mut Vec<Candidate<'a>>| {
                lines(ctx, out, T::FiscalAllocationSummary, Some(Side::Income), std::slice::from_ref(&column), None);
            };
            if !spending {
                income_line(out);
            }
            total(ctx, out, T::FiscalAllocationSummary, Some(Side::Expenditure), Some(column.clone()));
            // (A 表4 printing one amount per spending line: the budget's own
            // spending table, else its income line, which it spends.)
            if spending && out.is_empty() {
                total(ctx, out, spending_table(&column), None, Some(M::Total));
            }
            if spending && out.is_empty() {
                income_line(out);
            }
        } else if budget_type && !transfer && spending {
            // A budget's spending (`政府性基金拨款支出预算`) is its spending
            // table's total and its column of the fiscal summary's spending side.
            total(ctx, out, spending_table(&column), None, Some(M::Total));
            total(ctx, out, T::FiscalAllocationSummary, Some(Side::Expenditure), Some(column.clone()));
        } else {
            lines(ctx, out, T::IncomeExpenditureSummary, Some(Side::Income), &line_measures, None);
            total(ctx, out, T::IncomeSummary, None, Some(column));
        }
        return;
    }
    // The year's spending of the fiscal allocations (`财政拨款支出13,733.80万元`):
    // 表4's 本年支出 line where it prints one — its total adds the balance left
    // at the year's end, large in a 决算 — in the general budget's column in
    // the general budget's section.
    let year_spending = l.contains("支出") && !l.contains("收入") && !l.contains('总') && !l.contains("收支");
    if l.contains("财政拨款") && year_spending {
        let column = if general { M::GeneralBudget } else { M::Total };
        lines(
            ctx,
            out,
            T::FiscalAllocationSummary,
            Some(Side::Expenditure),
            &[M::CurrentYearExpenditure],
            Some(column),
        );
        if !out.is_empty() {
            return;
        }
    }
    if l.contains("财政拨款") {
        // A total (`财政拨款收支总决算`, `财政拨款收入总计`) is 表4's, on the side
        // it names (both for 收支); the income table's column is the year's income.
        if l.contains('总') {
            let spending = l.contains("支出") || l.contains("收支");
            if l.contains("收入") || l.contains("收支") || !spending {
                total(ctx, out, T::FiscalAllocationSummary, Some(Side::Income), None);
            }
            if spending {
                total(ctx, out, T::FiscalAllocationSummary, Some(Side::Expenditure), Some(M::Total));
            }
            return;
        }
        // In the section on income by source (`本年收入合计…，其中：财政拨款收入
        // 805,251.56万元`), the year's income: the income table's column and 表4's
        // line of the year's income, where printed.
        if section == S::Income {
            total(ctx, out, T::IncomeSummary, None, Some(M::FiscalAllocation));
            lines(ctx, out, T::FiscalAllocationSummary, Some(Side::Income), &[M::CurrentYearIncome], None);
            if !out.is_empty() {
                return;
            }
        }
        total(ctx, out, T::FiscalAllocationSummary, Some(Side::Income), None);
        lines(ctx, out, T::FiscalAllocationSummary, Some(Side::Income), &[M::FiscalAllocation], None);
        total(ctx, out, T::FiscalAllocationSummary, Some(Side::Expenditure), Some(M::Total));
        total(ctx, out, T::IncomeSummary, None, Some(M::FiscalAllocation));
        return;
    }
    // A source or use printed as a column of its own name (`上年实户资金余额`).
    if matches!(section, S::Overview | S::Income | S::Expenditure) && named_column(ctx, out, l) {
        return;
    }
    // Totals.
    // Only a subject that names the whole (`收入预算`, `支出总计`, `2026年部门收支总预算`)
    // is the table's total; a named item not found in any table (`工资福利支出`,
    // a class printed under another name) has nothing to be compared with.
    if !names_the_whole(l) {
        return;
    }
    // (`收、支总计`: the pair named apart.)
    let pair = l.replace(['、', '和'], "");
    let income = l.contains("收入") || pair.contains("收支");
    let expenditure = l.contains("支出") || pair.contains("收支");
    // The income (spending) table holds a 总计 only where it prints the money of
    // other years in a column (a 决算's 收入决算表 holds the year's income only).
    let holds_total =
        |kind: TableKind| !l.contains("总计") || part_of(ctx, kind, None).is_some_and(|(_, p)| p.prints_other_years());
    if income {
        // A total (`收支总预算`, `收入预算总计`) is the 收入总计 with the carry-over;
        // without 总 it may be the year's own income too, and a sum named as such
        // (`本年收入合计`) is the year's income where the side prints it as a line
        // of its own (beside a 决算's opening balance, which is no income).
        let mut year = Vec::new();
        if !l.contains('总') {
            lines(ctx, &mut year, T::IncomeExpenditureSummary, Some(Side::Income), &[M::CurrentYearIncome], None);
        }
        if year.is_empty() || !l.contains("合计") {
            total(ctx, out, T::IncomeExpenditureSummary, Some(Side::Income), None);
        }
        out.append(&mut year);
        if holds_total(T::IncomeSummary) {
            total(ctx, out, T::IncomeSummary, None, Some(M::Total));
        }
    }
    if expenditure {
        // Spending named as such (`支出合计`, `总支出`), not the side's total
        // (`支出总计`), is the year's spending where the side prints it as a
        // line of its own (`本年支出合计`, beside the balance carried forward, which
        // is no spending): the 总计 adds that balance.
        let mut year = Vec::new();
        if !l.contains("总计") {
            lines(
                ctx,
                &mut year,
                T::IncomeExpenditureSummary,
                Some(Side::Expenditure),
                &[M::CurrentYearExpenditure],
                None,
            );
        }
        if year.is_empty() {
            total(ctx, out, T::IncomeExpenditureSummary, Some(Side::Expenditure), None);
        }
        out.append(&mut year);
        if holds_total(T::ExpenditureSummary) {
            total(ctx, out, T::ExpenditureSummary, None, Some(M::Total));
        }
    }
}

/// The total row's cell of every column of the income and spending summaries
/// whose header (its last line) is the subject's name. Returns whether one was found.
fn named_column<'a>(ctx: &Context<'a>, out: &mut Vec<Candidate<'a>>, label: &str) -> bool {
    let name = norm(label);
    let mut found = false;
    for kind in [TableKind::IncomeSummary, TableKind::ExpenditureSummary] {
        let Some((table, part)) = part_of(ctx, kind, None) else { continue };
        let Some(row) = part.total_row() else { continue };
        for (column, c) in part.columns.iter().enumerate() {
            let leaf = c.header.rsplit('/').next().unwrap_or_default();
            if c.inferred.is_none() && norm(leaf) == name {
                out.push(Candidate::cell(table, part, row, column));
                found = true;
            }
        }
    }
    found
}

/// A subject without the document's own unit name before it
/// (`某局部门预算收入` → `部门预算收入`): the unit's name says whose budget, which
/// the document already says. A name standing alone is kept.
fn without_own_name(ctx: &Context<'_>, label: &str) -> String {
    let own = ctx.doc.meta.unit_name.as_ref().map(|n| norm(&n.text)).filter(|n| n.chars().count() >= 2);
    match own {
        Some(own) => {
            let rest = norm(label);
            match rest.strip_prefix(own.as_str()) {
                Some(tail) if !tail.is_empty() => tail.to_owned(),
                _ => label.to_owned(),
            }
        }
        None => label.to_owned(),
    }
}

/// The outcome of matching a per-code paragraph's 类/款/项 names with a table.
/// The words that qualify a total (年度, 部门, 预算, 总计 …).
const TOTAL_QUALIFIERS: [&str; 19] = [
    "年初", "本年", "全年", "当年", "年度", "年", "部门", "单位", "本级", "预算", "总计", "合计", "总额", "总", "数",
    "安排", "规模", "共计", "合",
];

/// A label without digits and the words that qualify a total.
fn without_total_qualifiers(label: &str) -> String {
    let mut rest: String = label.chars().filter(|c| !c.is_ascii_digit()).collect();
    for word in TOTAL_QUALIFIERS {
        rest = rest.replace(word, "");
    }
    rest
}

/// Whether a claim's subject is the budget as a whole: what is left after the
/// words that qualify a total is 收入, 支出 or 收支 (`收入、支出预算总计` too).
fn names_the_whole(label: &str) -> bool {
    let rest = without_total_qualifiers(label).replace(['、', '和'], "");
    matches!(rest.as_str(), "收入" | "支出" | "收支" | "收入支出")
}

/// The column of a fund's table a subject in the fund's section names when it
/// is one of the fund's balances or its income (`政府性基金预算财政拨款年初结转和
/// 结余`, `收入决算`, `年末结转和结余`): the fund's name, the stage and the words
/// that qualify a total left out.
fn fund_flow(label: &str) -> Option<Measure> {
    let mut rest = label.to_owned();
    for word in ["政府性基金", "国有资本经营", "国有资本", "预算", "决算", "拨款", "财政", "的", "数", "本年"]
    {
        rest = rest.replace(word, "");
    }
    match rest.as_str() {
        "年初结转和结余" | "年初结转结余" | "上年结转" | "上年结转结余" => {
            Some(Measure::CarryOver)
        }
        "年末结转和结余" | "年末结转结余" => Some(Measure::CarryForward),
        "收入" => Some(Measure::CurrentYearIncome),
        _ => None,
    }
}

/// Whether a subject in a fund's section is that fund's spending as a whole
/// (`政府性基金支出预算支出`, `国有资本经营预算拨款支出`): nothing but the fund's
/// name, 支出 and the words that qualify a total.
fn names_fund_spending(label: &str) -> bool {
    let mut rest = without_total_qualifiers(label);
    for word in ["政府性基金", "国有资本经营", "国有资本", "拨款", "财政", "的", "决算"] {
        rest = rest.replace(word, "");
    }
    !rest.is_empty() && rest.replace("支出", "").is_empty()
}

pub struct Chain<'a, 'n> {
    /// The row of the deepest name, when one matches (with as many of its
    /// ancestors matching the other names as possible).
    pub row: Option<&'a Row>,
    /// The names that match no row of the chain.
    pub unmatched: Vec<&'n LevelName>,
    /// The deepest row of the best chain whose name matches (for messages).
    pub closest: Option<&'a Row>,
    /// Whether the chain prints a level the names name, under another name
    /// (`人大事务（款）一般行政管理事务（项）` against the 发展与改革事务 款's
    /// row): the row is then another code's, not the one the names designate.
    pub contradicted: bool,
}

/// Matches the names of a per-code paragraph with the rows of a function-coded
/// table: the row of the deepest name and its 款 and 类 ancestors.
pub fn find_chain<'a, 'n>(part: &'a TablePart, names: &'n [LevelName]) -> Chain<'a, 'n> {
    let Some(deepest) = names.iter().max_by_key(|n| level_rank(n.level)) else {
        return Chain { row: None, unmatched: Vec::new(), closest: None, contradicted: false };
    };
    let ancestors = |row: &'a Row| -> Vec<&'a Row> {
        let mut out = vec![row];
        let mut code = row.code.clone();
        while let Some(parent) = code.as_ref().and_then(|c| c.parent()) {
            if let Some(r) = part.rows.iter().find(|r| r.code.as_ref() == Some(&parent) && r.project.is_none()) {
                out.push(r);
            }
            code = Some(parent);
        }
        out
    };
    let matched = |chain: &[&Row], n: &LevelName| {
        chain.iter().any(|r| r.code.as_ref().is_some_and(|c| c.level() == n.level) && names_level(&r.label, n))
    };
    // Candidate rows: the rows at the deepest level whose name matches, else every
    // row at that level (so that the ancestors can still be matched).
    let at_level = |want_name: bool| -> Vec<&'a Row> {
        part.rows
            .iter()
            .filter(|r| r.project.is_none())
            .filter(|r| r.code.as_ref().is_some_and(|c| c.level() == deepest.level))
            .filter(|r| !want_name || names_level(&r.label, deepest))
            .collect()
    };
    let mut rows = at_level(true);
    let named = !rows.is_empty();
    if !named {
        rows = at_level(false);
    }
    let scored: Vec<(&'a Row, Vec<&'a Row>, usize)> = rows
        .into_iter()
        .map(|r| {
            let chain = ancestors(r);
            let score = names.iter().filter(|n| matched(&chain, n)).count();
            (r, chain, score)
        })
        .collect();
    // Two rows that match the names equally well (`一般行政管理事务` under 司法 and
    // under 强制隔离戒毒, for names saying 监狱 whose row the table prints without
    // a code) leave the row unknown: picking one would compare the claim with
    // another code's figure.
    let top = scored.iter().map(|(_, _, score)| *score).max().unwrap_or(0);
    let tied = scored.iter().filter(|(_, _, score)| *score == top).count() > 1;
    let best = scored.into_iter().find(|(_, _, score)| *score == top);
    match best {
        Some((row, chain, score)) if score > 0 => {
            let unmatched: Vec<&LevelName> = names.iter().filter(|n| !matched(&chain, n)).collect();
            let closest = chain.iter().copied().find(|r| {
                names.iter().any(|n| r.code.as_ref().is_some_and(|c| c.level() == n.level) && names_level(&r.label, n))
            });
            // (A name the catalog gives the chain's own code in another year —
            // `行政事业单位离退休（款）`, 20805's name until 2019 — names that
            // code: N105 and G106 report it, but it designates this row.)
            let contradicted = unmatched.iter().any(|n| {
                chain.iter().any(|r| {
                    r.code.as_ref().is_some_and(|c| {
                        c.level() == n.level && !Catalog::builtin().name_matches(c.as_str(), &n.name, None).is_match()
                    })
                })
            });
            Chain { row: (named && !tied).then_some(row), unmatched, closest, contradicted }
        }
        _ => Chain { row: None, unmatched: names.iter().collect(), closest: None, contradicted: false },
    }
}

/// Whether a row's label is the name a paragraph gives a level. Every 类 of
/// the function classification is named `…支出`, and writers often leave the
/// word out (`一般公共服务（类）支出5,140.00万元` for 一般公共服务支出): at 类
/// level the names agree without it.
pub fn names_level(label: &str, name: &LevelName) -> bool {
    same_name(label, &name.name)
        || (name.level == Level::Lei && {
            let bare = |t: &str| norm(t).trim_end_matches("支出").to_owned();
            bare(label) == bare(&name.name)
        })
}

fn level_rank(level: Level) -> u8 {
    match level {
        Level::Lei => 0,
        Level::Kuan => 1,
        Level::Xiang => 2,
    }
}

/// The total claim of a claim's section: the largest money amount without a share
/// stated before it in the same top-level section.
pub fn section_total(doc: &Disclosure, index: usize) -> Option<&Claim> {
    let claim = &doc.claims[index];
    let top = top_section(doc, claim.source.line);
    doc.claims[..index]
        .iter()
        .filter(|c| c.kind == ClaimKind::Amount && c.share.is_none())
        .filter(|c| top_section(doc, c.source.line) == top)
        .filter(|c| wan(c.amount).is_some() && same_stage(&c.subject.label, &claim.subject.label))
        .max_by_key(|c| wan(c.amount).map(Number::value))
}

/// Whether two subjects can be part and whole by the stage of the figure they
/// name: a 决算 figure (the year's outturn) is a part of a 决算 total, never of the
/// 预算 it is set against (`“三公”经费支出预算76.43万元，支出决算46.21万元 … 因公出国
/// （境）费支出决算4.69万元，占10.15%` divides by 46.21). Subjects that name no
/// stage fit either.
pub fn same_stage(a: &str, b: &str) -> bool {
    let is_final = |label: &str| Stage::named_in(label).map(|s| s == Stage::Final);
    match (is_final(a), is_final(b)) {
        (Some(x), Some(y)) => x == y,
        _ => true,
    }
}

/// The total of the innermost section a claim stands in, when that is a
/// subsection of its top-level section (`（二）一般公共预算当年拨款…` under
/// `二、…预算说明`): the largest amount without a share stated before the claim
/// since the subsection's heading. Shares in a subsection are of its own total.
pub fn subsection_total(doc: &Disclosure, index: usize) -> Option<&Claim> {
    let claim = &doc.claims[index];
    let line = claim.source.line;
    let innermost = doc.all_sections().into_iter().rfind(|s| s.heading.source.line <= line)?;
    let top = top_section(doc, line)?;
    if std::ptr::eq(innermost, &doc.sections[top]) {
        return None;
    }
    let start = innermost.heading.source.line;
    doc.claims[..index]
        .iter()
        .filter(|c| c.kind == ClaimKind::Amount && c.share.is_none())
        .filter(|c| c.source.line >= start)
        .filter(|c| wan(c.amount).is_some() && same_stage(&c.subject.label, &claim.subject.label))
        .max_by_key(|c| wan(c.amount).map(Number::value))
}
