use gongkai_model::{ClassCode, Row, Table, TablePart};

use super::common::{TableScheme, catalog_name, checkable};
use crate::context::{row_location, row_name};
use crate::{Context, Findings, Rule, declare_rule};

declare_rule! {
    /// ## What it checks
    /// In the function-coded tables (收入总表, 支出总表, 一般公共预算支出表, fund,
    /// state-capital, project and 上年结转结余情况明细表 tables) and in the economic
    /// 一般公共预算基本支出表,
    /// every 项 row has its 款 row and every 款 row its 类 row in the same table (or
    /// side). Project tables may repeat a code once per project, but the 类 and 款
    /// rows above them are still required. One finding per missing code, pointing at
    /// the rows that need it.
    ///
    /// ## Why it matters
    /// The 类 and 款 rows carry the subtotals the hierarchy identity is checked
    /// against (A101), and they are what readers scan to find a function. A missing
    /// parent row means a line was lost when the table was copied, so its subtotal and
    /// often the table total are wrong or unverifiable.
    ///
    /// ## Example
    /// 表5 prints `2080101 行政运行` but no `20801 人力资源和社会保障管理事务` row: the
    /// 款 20801 is reported with the 项 row as location.
    pub struct MissingParent {
        id: "G102", name: "missing-parent", category: Catalog, severity: Error,
        title_zh: "功能分类各表和基本支出表中，每个项都有其款、每个款都有其类",
        doc_zh: r#"
## 检查内容
在按功能分类列示的各表（收入总表、支出总表、一般公共预算支出表，政府性基金、国有
资本经营、项目支出和上年结转结余情况明细表各表）和按经济分类列示的一般公共预算基本支出表中，每个项行在同
一张表（或同一方）中都有其款行，每个款行都有其类行。项目支出表中同一编码可以每个
项目重复一次，但其上的类行和款行仍须列出。每个缺少的编码报告一次，定位到需要它的
各行。

## 为何重要
类行和款行承载着层级合计（A101）所核对的小计，也是读者查找某项功能支出时浏览的
行。缺少上级行，说明复制表格时漏掉了一行，其小计乃至全表总计往往因此出错或无法核
实。

## 示例
表5 印有 `2080101 行政运行`，但没有 `20801 人力资源和社会保障管理事务` 行：报告
款 20801，定位到该项行。
"#,
    }
}

impl Rule for MissingParent {
    fn meta(&self) -> &'static crate::RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Findings) {
        let year = ctx.doc.meta.fiscal_year;
        for table in ctx.doc.tables.iter().filter(|t| TableScheme::of(t.kind).is_some()) {
            for part in &table.parts {
                for (missing, rows) in missing_parents(table, part) {
                    let level = missing.level().name_zh();
                    let known =
                        catalog_name(missing.as_str(), year).map(|n| format!("（目录名称“{n}”）")).unwrap_or_default();
                    let children: Vec<String> = rows.iter().map(|r| row_name(r)).collect();
                    let message = format!(
                        "{}{} 列有 {}，但没有其上级{} {} 的行{}",
                        table.display(),
                        part.side.map(|s| format!("{}方", s.name_zh())).unwrap_or_default(),
                        children.join("、"),
                        level,
                        missing,
                        known
                    );
                    let locations = rows.iter().map(|r| row_location(table, part, r)).collect();
                    let mut finding = ctx.finding(message, None, locations);
                    finding.expected = Some(format!("{missing}（{level}）"));
                    out.push(finding);
                }
            }
        }
    }
}

/// Each ancestor code (款, 类) that some coded row of the part needs and no row
/// prints, in order of first need, with the rows below it.
fn missing_parents<'a>(table: &Table, part: &'a TablePart) -> Vec<(ClassCode, Vec<&'a Row>)> {
    let present: Vec<&ClassCode> = part.rows.iter().filter_map(|r| r.code.as_ref()).collect();
    let mut out: Vec<(ClassCode, Vec<&'a Row>)> = Vec::new();
    for row in &part.rows {
        let Some(code) = row.code.as_ref().filter(|c| checkable(table, c)) else { continue };
        let mut ancestor = code.parent();
        while let Some(parent) = ancestor {
            if present.contains(&&parent) {
                break;
            }
            match out.iter_mut().find(|(c, _)| *c == parent) {
                Some((_, rows)) => {
                    if !rows.iter().any(|r| std::ptr::eq(*r, row)) {
                        rows.push(row);
                    }
                }
                None => out.push((parent.clone(), vec![row])),
            }
            ancestor = parent.parent();
        }
    }
    out
}
