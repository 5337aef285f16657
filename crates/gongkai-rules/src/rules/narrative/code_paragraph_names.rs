use gongkai_model::ClaimKind;

use super::resolve::{code_paragraph_chain, names_level, naming_claims, subject_name};
use crate::context::{row_location, text_location};
use crate::{Context, Findings, Rule, declare_rule};

declare_rule! {
    /// ## What it checks
    /// The 类/款/项 names of a per-code paragraph
    /// (`社会保障和就业支出(类)行政事业单位养老支出(款)行政单位离退休(项)：…`) are one
    /// row chain of the table the paragraph's section speaks of (一般公共预算支出表;
    /// the fund's table under 政府性基金 or 国有资本经营预算; 支出总表 in the
    /// overview): the 项 row, its 款 parent and its 类 parent, compared by name
    /// with brackets and width normalised (a 类 named without its `支出` is that
    /// 类: `一般公共服务（类）` is 一般公共服务支出). The names that match no row of
    /// the chain are reported. A paragraph stating 0 for its code (money last
    /// year, none this year) is not held to a row the tables need not print,
    /// nor one whose name the table prints on a row it could not code (its
    /// place, and so its chain, unknown).
    ///
    /// Where the deepest name finds its row and a 类 or 款 name is not that
    /// row's ancestor's, the message gives the name the table prints for it
    /// (`（表中 20805 印作“行政事业单位养老支出”）`).
    ///
    /// ## Why it matters
    /// A paragraph whose names are not in the table explains a code that has no
    /// money, or uses an outdated or mistyped name; the reader cannot tie the
    /// explanation to the table line it is about.
    ///
    /// ## Example
    /// `卫生健康支出(类)行政事业单位医疗(款)行政单位医疗补助(项)` while 表5 prints
    /// `2101101 行政单位医疗`: the 项 name is reported, with the closest row of 表5.
    pub struct CodeParagraphNames {
        id: "N105", name: "code-paragraph-names", category: Narrative, severity: Warning,
        title_zh: "按科目说明的类、款、项名称是对应表中的一串上下级科目",
        doc_zh: r#"
## 检查内容
按科目说明的段落（`社会保障和就业支出(类)行政事业单位养老支出(款)行政单位离退休
(项)：…`）中的类、款、项名称，是该段落所在部分所说的那张表中同一串上下级科目行
（一般公共预算支出表；政府性基金或国有资本经营预算部分为该资金的表；收支总体情况
说明中为支出总表）：项级行、其所属的款级行和类级行，按名称比较，统一括号和全角半
角（类名不带“支出”的即指该类：`一般公共服务（类）`即一般公共服务支出）。与这串科
目中任何一行都对不上的名称予以报告。段落写明该科目金额为 0 的（上年有资金、本年
没有），不要求对应表中不必列示的行；名称在表中印在一个无法确定科目编码的行上的
（其位置、从而其上下级关系不明），也不要求。

最深一级名称找到了对应行、而类名或款名与该行上级科目的名称不同的，报告中给出表中
印出的名称（`（表中 20805 印作“行政事业单位养老支出”）`）。

## 为何重要
名称在表中找不到的段落，说明的是一个没有资金的科目，或者用了过时的、写错的名称；
读者无法把这段说明与它所说的表中那一行对应起来。

## 示例
`卫生健康支出(类)行政事业单位医疗(款)行政单位医疗补助(项)`，而表5列示的是
`2101101 行政单位医疗`：报告该项级名称，并给出表5中最接近的行。
"#,
    }
}

impl Rule for CodeParagraphNames {
    fn meta(&self) -> &'static crate::RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Findings) {
        for claim in naming_claims(ctx.doc).filter(|c| c.kind == ClaimKind::CodeParagraph) {
            // A paragraph about a code with no money this year (`…支出0万元，
            // 比上年减少…，下降100%`) names a code the tables need not print.
            if claim.subject.names.is_empty() || claim.amount.is_some_and(|a| a.value.value().is_zero()) {
                continue;
            }
            // The table the paragraph's section speaks of (a fund's section of
            // that fund's table), the first of them printed.
            let Some((table, part, chain)) = code_paragraph_chain(ctx, claim) else { continue };
            if !part.rows.iter().any(|r| r.code.is_some()) {
                continue;
            }
            if chain.unmatched.is_empty() {
                continue;
            }
            // A name the table prints on a row it could not code (a 项 the
            // catalog does not know under that 款, printed by name only): the
            // paragraph's row may be that one, its place unknown.
            let uncoded = |n: &&gongkai_model::LevelName| {
                part.rows.iter().any(|r| r.code.is_none() && r.project.is_none() && names_level(&r.label, n))
            };
            if chain.unmatched.iter().any(uncoded) || claim.subject.names.iter().any(|n| uncoded(&n)) {
                continue;
            }
            // Where the deepest name found its row, an unmatched 类 or 款 is that
            // row's ancestor printed under another name: say which.
            let printed_as = |n: &gongkai_model::LevelName| {
                let code = chain.row?.code.as_ref()?.as_str();
                let len = match n.level {
                    gongkai_model::Level::Lei => 3,
                    gongkai_model::Level::Kuan => 5,
                    gongkai_model::Level::Xiang => return None,
                };
                let ancestor = code.get(..len).filter(|_| code.len() > len)?;
                let row = part.rows.iter().find(|r| r.code.as_ref().is_some_and(|c| c.as_str() == ancestor))?;
                Some(format!("（表中 {ancestor} 印作“{}”）", row.label.trim()))
            };
            let names: Vec<String> = chain
                .unmatched
                .iter()
                .map(|n| format!("“{}”（{}）{}", n.name, n.level.name_zh(), printed_as(n).unwrap_or_default()))
                .collect();
            let all_renamed = chain.unmatched.iter().all(|n| printed_as(n).is_some());
            let message = if all_renamed {
                format!(
                    "{}：分项说明“{}”中的{}与{}中该科目的名称不同",
                    ctx.section_name(claim.section),
                    subject_name(claim),
                    names.join("、"),
                    table.display()
                )
            } else {
                format!(
                    "{}：分项说明“{}”中的{}在{}中没有对应的科目行（同一类、款、项链条）",
                    ctx.section_name(claim.section),
                    subject_name(claim),
                    names.join("、"),
                    table.display()
                )
            };
            let mut locations = vec![text_location(&claim.source)];
            if let Some(row) = chain.row.or(chain.closest) {
                locations.push(row_location(table, part, row));
            }
            let mut finding = ctx.finding(message, None, locations);
            finding.actual = Some(chain.unmatched.iter().map(|n| n.name.clone()).collect::<Vec<_>>().join("、"));
            out.push(finding);
        }
    }
}
