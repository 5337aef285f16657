use gongkai_model::Table;

use crate::context::table_location;
use crate::{Context, Findings, Rule, declare_rule};

declare_rule! {
    /// ## What it checks
    /// The printed table numbers (表1, 表2 …), in printed order, run without gaps,
    /// duplicates or going backwards. Tables printed without a number between
    /// numbered ones are counted: the finding says which numbers are missing and
    /// which unnumbered tables stand where they should be. A document that numbers
    /// no table at all is left alone.
    ///
    /// ## Why it matters
    /// Reviewers and the explanation text refer to tables by number; a gap usually
    /// means a table was dropped (or printed without its number), a duplicate that
    /// one was copied.
    ///
    /// ## Example
    /// The example prints 表1 … 表7, then 国有资本经营预算支出情况表 without a number,
    /// then 表10: numbers 8 and 9 are not printed.
    pub struct TableNumbering {
        id: "C102", name: "table-numbering", category: Completeness, severity: Warning,
        title_zh: "表号按顺序连续，没有缺号、重号或倒序",
        doc_zh: r#"
## 检查内容
印出的表号（表1、表2 ……）按印出的先后顺序连续，没有缺号、重号或倒序。夹在有表
号的表之间、没有表号的表也计算在内：问题会指出缺了哪些表号，以及哪些没有表号的表
印在这些表号应在的位置。一张表都没有编号的文件不作检查。

## 为何重要
审核人员和情况说明都按表号引用表格；缺号通常说明漏了一张表（或该表漏印了表号），
重号说明有一张是复制出来的。

## 示例
示例文件印有表1 至表7，接着是一张没有表号的国有资本经营预算支出情况表，然后是
表10：表号 8 和 9 没有印出。
"#,
    }
}

impl Rule for TableNumbering {
    fn meta(&self) -> &'static crate::RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Findings) {
        let tables = &ctx.doc.tables;
        let numbered: Vec<(usize, u32)> =
            tables.iter().enumerate().filter_map(|(i, t)| t.number.map(|n| (i, n))).collect();
        if numbered.is_empty() {
            return;
        }
        let titles = |between: &[&Table]| {
            between
                .iter()
                .map(|t| format!("“{}”（{}）", t.title, t.source.describe_zh()))
                .collect::<Vec<_>>()
                .join("、")
        };
        // Before the first numbered table.
        let (first_i, first_n) = numbered[0];
        let before: Vec<&Table> = tables[..first_i].iter().collect();
        if first_n > 1 {
            let missing: Vec<String> = (1..first_n).map(|n| n.to_string()).collect();
            let mut message =
                format!("第一张有表号的表是{}，表号 {} 未印出", tables[first_i].display(), missing.join("、"));
            if !before.is_empty() {
                message.push_str(&format!("；其前有 {} 张表未印表号：{}", before.len(), titles(&before)));
            }
            let mut locations = vec![table_location(&tables[first_i])];
            locations.extend(before.iter().map(|t| table_location(t)));
            out.push(ctx.finding(message, None, locations));
        }
        for pair in numbered.windows(2) {
            let ((ai, an), (bi, bn)) = (pair[0], pair[1]);
            let between: Vec<&Table> = tables[ai + 1..bi].iter().collect();
            let (a, b) = (&tables[ai], &tables[bi]);
            let message = if bn <= an {
                let what = if bn == an { "表号重复" } else { "表号倒序" };
                format!("{}之后是{}，{}", a.display(), b.display(), what)
            } else if bn > an + 1 {
                let missing: Vec<String> = (an + 1..bn).map(|n| n.to_string()).collect();
                let mut m = format!("{}之后是{}，表号 {} 未印出", a.display(), b.display(), missing.join("、"));
                if !between.is_empty() {
                    m.push_str(&format!("；其间有 {} 张表未印表号：{}", between.len(), titles(&between)));
                }
                m
            } else if !between.is_empty() {
                format!("{}与{}之间有 {} 张表未印表号：{}", a.display(), b.display(), between.len(), titles(&between))
            } else {
                continue;
            };
            let mut locations = vec![table_location(b)];
            locations.extend(between.iter().map(|t| table_location(t)));
            locations.push(table_location(a));
            out.push(ctx.finding(message, None, locations));
        }
    }
}
