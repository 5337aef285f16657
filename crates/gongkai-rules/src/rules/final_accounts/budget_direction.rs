use gongkai_model::{Decimal, Direction, Measure, Number, Row, Section, SectionKind, Stage, Table, TableKind};

use crate::context::{cell_location, show, text_location};
use crate::rules::narrative::resolve::{Cell, three_public_category};
use crate::{Context, Findings, Rule, declare_rule};

declare_rule! {
    /// ## What it checks
    /// Where a 决算's explanation of the “三公” expenses compares the outturn with
    /// the budget in words — `“三公”经费支出决算数小于预算数的主要原因是…`,
    /// `公务接待费决算数与预算数持平` — the word matches the table printing both
    /// (`预算数 | 决算数` columns, or rows): 大于/高于/超过 where the 决算数 is
    /// larger (多于 too), 小于/低于/少于 where it is smaller, 等于/持平 where they agree within
    /// rounding. Printed figures differing by no more than rounding (0.73 against
    /// 0.72) may be called equal or compared as printed: 持平 and 大于 are both
    /// right there, 小于 is not. The sentence's subject names the category (the
    /// “三公” total, 因公出国（境）费, 公务用车购置及运行费, 公务接待费); a sentence
    /// naming none, or a template's open choice (`大于（小于）`), is not read.
    ///
    /// ## Why it matters
    /// The reason given for a difference from the budget is what a reviewer reads
    /// first; a reason for spending less attached to spending more (a sentence
    /// kept from last year's text) explains a difference that is not there.
    ///
    /// ## Example
    /// 某局's 表9 prints the “三公” budget 20.00 and outturn 15.00; the text says
    /// `决算数小于预算数的主要原因是厉行节约` — agreed. Were the outturn 25.00, the
    /// word 小于 would be reported against 25.00 > 20.00.
    pub struct BudgetDirection {
        id: "D102", name: "budget-direction", category: FinalAccounts, severity: Error,
        title_zh: "“三公”经费决算数与预算数的比较用词（大于、小于、持平）与表中数字相符",
        doc_zh: r#"
## 检查内容
决算情况说明中用文字比较“三公”经费决算数与预算数的——如`“三公”经费支出决算数小于
预算数的主要原因是…`、`公务接待费决算数与预算数持平`——所用词语与同时列示两者的表
（`预算数 | 决算数`两列，或分两行）相符：决算数较大的用大于、高于、超过、多于，较小的
用小于、低于、少于，在舍入误差内相等的用等于、持平。所印数字相差不超过舍入误差的（0.72
对 0.73），既可称持平，也可按所印数字比较：持平和大于都对，小于不对。句子的主语须指明类别（“三公”
经费合计、因公出国（境）费、公务用车购置及运行费、公务接待费）；未指明类别的句
子，以及模板中未作选择的写法（`大于（小于）`），不读取。

## 为何重要
与预算存在差异的原因是审核人员最先看的内容；把支出少于预算的原因写在支出多于预算
的情况下（上年文字沿用下来的句子），解释的是一个并不存在的差异。

## 示例
某局表9列示“三公”经费预算数 20.00、决算数 15.00；说明中写`决算数小于预算数的主要
原因是厉行节约`——相符。若决算数为 25.00，则报告“小于”一词，因为 25.00 > 20.00。
"#,
    }
}

impl Rule for BudgetDirection {
    fn meta(&self) -> &'static crate::RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Findings) {
        let Some(table) = ctx.table(TableKind::ThreePublicExpenses) else { return };
        for section in ctx.doc.sections.iter().filter(|s| s.kind == SectionKind::ThreePublicExpenses) {
            for paragraph in paragraphs(section) {
                for statement in statements(&paragraph.text) {
                    let Some(category) = three_public_category(&statement.subject) else { continue };
                    let Some((budget, outturn)) = figures(table, &category) else { continue };
                    let (b, f) = (budget.value(), outturn.value());
                    let agree = ctx.tolerance.same(b, f).agrees();
                    let (bv, fv) = (b.map_or(Decimal::ZERO, Number::value), f.map_or(Decimal::ZERO, Number::value));
                    // 持平 holds within rounding; 大于/小于 hold where the printed
                    // figures differ that way (0.73 against 0.72 is 大于, though the
                    // two may agree within rounding).
                    let holds = match statement.direction {
                        Direction::Flat => agree,
                        Direction::Up => fv > bv,
                        Direction::Down => fv < bv,
                    };
                    if holds {
                        continue;
                    }
                    let actual = if fv > bv && !agree {
                        Direction::Up
                    } else if fv < bv && !agree {
                        Direction::Down
                    } else {
                        Direction::Flat
                    };
                    let message = format!(
                        "{}：写作“{}决算数{}预算数”，但{}中决算数 {} 万元{}预算数 {} 万元",
                        ctx.section_name(section.kind),
                        statement.subject,
                        statement.word,
                        table.display(),
                        show(f),
                        word_of(actual),
                        show(b)
                    );
                    let locations = vec![
                        text_location(&paragraph.source),
                        cell_location(table, outturn.part, outturn.row, outturn.column),
                        cell_location(table, budget.part, budget.row, budget.column),
                    ];
                    out.push(ctx.finding(message, None, locations));
                }
            }
        }
    }
}

/// A section's paragraphs and its subsections'.
pub(super) fn paragraphs(section: &Section) -> Vec<&gongkai_model::TextRef> {
    let mut out: Vec<&gongkai_model::TextRef> = section.paragraphs.iter().collect();
    for sub in &section.subsections {
        out.extend(paragraphs(sub));
    }
    out
}

fn word_of(d: Direction) -> &'static str {
    match d {
        Direction::Up => "大于",
        Direction::Down => "小于",
        Direction::Flat => "等于",
    }
}

/// A comparison of the outturn with the budget in words.
#[derive(Debug, PartialEq)]
struct Statement {
    /// What is compared, as printed before `决算` (`“三公”经费支出`).
    subject: String,
    /// The word as printed (`小于`, `持平`).
    word: String,
    direction: Direction,
}

const WORDS: [(&str, Direction); 9] = [
    ("大于", Direction::Up),
    ("高于", Direction::Up),
    ("超过", Direction::Up),
    ("多于", Direction::Up),
    ("小于", Direction::Down),
    ("低于", Direction::Down),
    ("少于", Direction::Down),
    ("等于", Direction::Flat),
    ("持平", Direction::Flat),
];

/// The comparisons a text states: `X决算数<word>（年初）预算数` or
/// `X决算数与（年初）预算数持平`, X running back to the clause's start.
fn statements(text: &str) -> Vec<Statement> {
    let mut out = Vec::new();
    for (at, _) in text.match_indices("决算") {
        let before = &text[..at];
        let clause_start = before
            .char_indices()
            .rev()
            .find(|(_, c)| matches!(c, '。' | '；' | '，' | ';' | ',' | '：' | ':'))
            .map_or(0, |(i, c)| i + c.len_utf8());
        let subject = before[clause_start..].trim().to_owned();
        let rest = &text[at + "决算".len()..];
        let rest = rest.strip_prefix('数').unwrap_or(rest);
        let Some((word, direction)) = read_comparison(rest) else { continue };
        if !subject.is_empty() {
            out.push(Statement { subject, word, direction });
        }
    }
    out
}

/// `小于预算数…`, `与年初预算数持平…`: the word and its direction.
fn read_comparison(rest: &str) -> Option<(String, Direction)> {
    let budget = |t: &str| {
        ["年初预算数", "全年预算数", "预算数", "年初预算", "预算"]
            .iter()
            .find_map(|b| t.strip_prefix(b))
            .map(str::to_owned)
    };
    if let Some(with) = rest.strip_prefix('与') {
        let after = budget(with)?;
        let after = after.as_str();
        let (word, direction) = WORDS.iter().find(|(w, _)| after.starts_with(w))?;
        return Some(((*word).to_owned(), *direction));
    }
    let (word, direction) = WORDS.iter().find(|(w, _)| rest.starts_with(w))?;
    let after = &rest[word.len()..];
    // A template's open choice: `大于（小于）预算数`.
    if after.starts_with(['（', '(']) {
        return None;
    }
    budget(after)?;
    Some(((*word).to_owned(), *direction))
}

/// The budget's and the outturn's cell of a category: its column of each stage
/// in the table's total (or only) row, or its column in the rows of each stage.
pub(super) fn figures<'a>(table: &'a Table, category: &Measure) -> Option<(Cell<'a>, Cell<'a>)> {
    let part = table.parts.first()?;
    let of = |stage: Stage| {
        part.columns.iter().position(|c| c.measure == *category && c.stage() == Some(stage) && c.inferred.is_none())
    };
    let with_amounts: Vec<&Row> = part.rows.iter().filter(|r| r.cells.iter().any(|c| c.amount.is_some())).collect();
    if let (Some(b), Some(f), [row]) = (of(Stage::Budget), of(Stage::Final), with_amounts.as_slice()) {
        return Some((Cell { table, part, row, column: b }, Cell { table, part, row, column: f }));
    }
    let column = part.columns.iter().position(|c| c.measure == *category && c.inferred.is_none())?;
    let row_of = |stage: Stage| part.rows.iter().find(|r| r.stage() == Some(stage));
    let (b, f) = (row_of(Stage::Budget)?, row_of(Stage::Final)?);
    Some((Cell { table, part, row: b, column }, Cell { table, part, row: f, column }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comparisons_in_words() {
        let s = statements("“三公”经费支出决算数小于预算数的主要原因是厉行节约。");
        assert_eq!(s.len(), 1);
        assert_eq!((s[0].subject.as_str(), s[0].direction), ("“三公”经费支出", Direction::Down));
        let s = statements("其中，公务接待费决算数与年初预算数持平。");
        assert_eq!((s[0].subject.as_str(), s[0].direction), ("公务接待费", Direction::Flat));
        // A template's open choice, and no comparison at all.
        assert!(statements("决算数大于（小于）预算数的主要原因：XXXXXXXX。").is_empty());
        assert!(statements("支出决算为15.00万元，完成预算的75.00%。").is_empty());
    }
}
