use gongkai_model::{Location, Measure, Side, TableKind};

use crate::context::{table_location, text_location};
use crate::rules::cross_table::lookup::{
    At, Term, cell, compare, counts_carry_over, current_line, fund_carry_over, in_carry_over, total_column,
};
use crate::{Context, Findings, Rule, declare_rule};

declare_rule! {
    /// ## What it checks
    /// The government-fund table (政府性基金预算支出表), the state-capital table
    /// (国有资本经营预算支出表) and the carry-over table (上年结转结余情况明细表) against
    /// the summary lines that announce them: each table's 总计 — zero when the table
    /// is empty, or not published though the document names it (in its 目录 or its
    /// text; a table it never names is not compared) — equals 表1's 基金预算拨款 /
    /// 国有资本经营预算拨款 / 上年结转结余 line and, for the two fund tables, 表4's
    /// 政府性基金预算 / 国有资本经营预算 income line and expenditure 总计. Where the summaries print the fund's carry-over from last
    /// year (表4's line under 上年结转结余, or 表2's column of that fund under
    /// 上年结转结余) and the table's 总计 is this year's line plus it, the table
    /// spends both (杭州's 政府性基金预算支出表 does) and the line is compared with
    /// the sum.
    ///
    /// ## Why it matters
    /// Most units have no fund or state-capital money, and these tables are often
    /// published empty or left out. That is only right when the summary tables
    /// agree: a fund allocation in 表1 with an empty or missing fund table means
    /// money was budgeted that no table shows how it is spent.
    ///
    /// ## Example
    /// 表1 prints 2、基金预算拨款 5.00, but the 政府性基金预算支出情况表 is not published
    /// (the text says it is empty): the finding points at the 表1 line and at the
    /// table-of-contents entry of the missing table.
    pub struct EmptyFundTables {
        id: "X109", name: "empty-fund-tables", category: CrossTable, severity: Error,
        title_zh: "政府性基金、国有资本经营、上年结转结余各表的总计与汇总表中相应各行一致",
        doc_zh: r#"
## 检查内容
政府性基金预算支出表、国有资本经营预算支出表和上年结转结余情况明细表，与列示这些
资金的汇总表各行核对：每张表的总计（表为空表，或文件提到该表（在目录或文字中）而
未公开时，按零计；文件从未提到的表不核对），分别等于表1 的基
金预算拨款、国有资本经营预算拨款、上年结转结余行，以及（前两张表）表4 中政府性基
金预算、国有资本经营预算的收入行和支出总计。汇总表列有该资金的上年结转（表4 上年
结转结余下该资金的行，或表2 上年结转结余下该资金的列），且该表的总计等于本年的行
加上年结转的，说明该表两者都反映（杭州的政府性基金预算支出表即如此），此时用两者
之和与该表比较。

## 为何重要
多数单位没有政府性基金或国有资本经营预算资金，这些表常常以空表公开或不公开。只有
汇总表与之相符时，这样做才是对的：表1 列有基金预算拨款，而基金表为空表或缺失，就
是安排了预算资金，却没有任何表说明它怎么花。

## 示例
表1 印 2、基金预算拨款 5.00，但政府性基金预算支出情况表没有公开（文字说它是空
表）：问题定位到表1 的这一行，以及目录中列出该表的条目。
"#,
    }
}

impl Rule for EmptyFundTables {
    fn meta(&self) -> &'static crate::RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Findings) {
        for (kind, measure) in [
            (TableKind::GovernmentFundExpenditure, Measure::GovernmentFund),
            (TableKind::StateCapitalExpenditure, Measure::StateCapital),
            (TableKind::CarryOver, Measure::CarryOver),
        ] {
            let lines = summary_lines(ctx, &measure);
            if lines.is_empty() {
                continue;
            }
            let Some(table_term) = table_total(ctx, kind) else { continue };
            let first_location = match &lines[0] {
                Line::One(t) | Line::Current { line: t, .. } => t.location(),
            };
            let table_term = Term {
                value: table_term.value,
                at: At::Named { location: table_term.location.unwrap_or(first_location), name: table_term.name },
                absent: table_term.absent,
            };
            for line in &lines {
                match line {
                    Line::One(term) => compare(ctx, out, term, std::slice::from_ref(&table_term)),
                    Line::Current { line, carried } => {
                        if counts_carry_over(ctx, &table_term, std::slice::from_ref(line), carried) {
                            let terms: Vec<Term> = std::iter::once(line).chain(carried).cloned().collect();
                            compare(ctx, out, &table_term, &terms);
                        } else {
                            compare(ctx, out, line, std::slice::from_ref(&table_term));
                        }
                    }
                }
            }
        }
    }
}

/// A table's total, with its location when there is one to point at.
struct TableTotal {
    value: Option<gongkai_model::Number>,
    location: Option<Location>,
    name: String,
    absent: bool,
}

fn table_total(ctx: &Context<'_>, kind: TableKind) -> Option<TableTotal> {
    match ctx.table(kind) {
        Some(t) if t.has_no_amounts() => Some(TableTotal {
            value: None,
            location: Some(t.empty_statement.as_ref().map_or_else(|| table_location(t), |s| text_location(&s.source))),
            name: format!("{}为空表（视为 0）", t.display()),
            absent: true,
        }),
        Some(t) => {
            let p = t.main()?;
            let (c, r) = (total_column(p)?, p.total_row()?);
            let term = cell(t, p, r, c);
            Some(TableTotal { value: term.value, location: Some(term.location()), name: term.name(), absent: false })
        }
        None => {
            let missing = ctx.doc.missing_tables.iter().find(|m| m.kind == kind);
            let at = missing
                .and_then(|m| m.listed_as.as_ref().or(m.mentioned_empty.as_ref()))
                .map(|t| t.source.clone())
                .or_else(|| ctx.doc.contents.iter().find(|e| e.table == Some(kind)).map(|e| e.source.clone()));
            // A table the document neither prints nor names (a template without
            // it, as most provinces' are for 上年结转结余) says nothing: no zero to
            // compare with. A missing required table is C101's finding.
            at.as_ref()?;
            Some(TableTotal {
                value: None,
                location: at.map(|p| Location { table: Some(kind), ..text_location(&p) }),
                name: format!("“{}”未公开（视为 0）", kind.name_zh()),
                absent: true,
            })
        }
    }
}

/// A summary line to compare with a fund table's total: one printed figure, or
/// this year's line of the fund with the fund's carry-over from last year, which
/// a template's fund table may spend too (the table's total says whether).
enum Line<'a> {
    One(Term<'a>),
    Current { line: Term<'a>, carried: Vec<Term<'a>> },
}

/// The summary lines of a budget: 表1's current-year line (or 上年结转结余), 表4's
/// income line and 表4's expenditure 总计 in that budget's column.
fn summary_lines<'a>(ctx: &Context<'a>, m: &Measure) -> Vec<Line<'a>> {
    let mut out = Vec::new();
    if let Some(t1) = ctx.table(TableKind::IncomeExpenditureSummary)
        && let Some(p) = t1.side(Side::Income)
        && let Some(c) = total_column(p)
    {
        let row = if *m == Measure::CarryOver { p.line(m) } else { current_line(p, m) };
        if let Some(r) = row {
            let line = cell(t1, p, r, c);
            match fund_carry_over(ctx, m).filter(|_| *m != Measure::CarryOver) {
                Some(carried) => out.push(Line::Current { line, carried }),
                None => out.push(Line::One(line)),
            }
        }
    }
    if *m == Measure::CarryOver {
        return out;
    }
    if let Some(t4) = ctx.table(TableKind::FiscalAllocationSummary) {
        if let Some(p) = t4.side(Side::Income)
            && let (Some(c), Some(r)) = (total_column(p), current_line(p, m))
        {
            // Spending of a fund carried over from last year (重庆's 政府性基金 is
            // all carry-over) is in the fund table too: the line is then the
            // current line plus the carried one.
            let carried = p.rows.iter().find(|row| row.measure.as_ref() == Some(m) && in_carry_over(p, row));
            match carried.filter(|row| row.amount(c).is_some()) {
                Some(carried) => {
                    out.push(Line::Current { line: cell(t4, p, r, c), carried: vec![cell(t4, p, carried, c)] });
                }
                None => out.push(Line::One(cell(t4, p, r, c))),
            }
        }
        if let Some(p) = t4.side(Side::Expenditure)
            && let (Some(c), Some(r)) = (p.column(m), p.total_row())
        {
            out.push(Line::One(cell(t4, p, r, c)));
        }
    }
    out
}
