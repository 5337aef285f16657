use crate::rules::arithmetic::columns::{check_identity, row_identities};
use crate::{Context, Findings, Rule, declare_rule};

declare_rule! {
    /// ## What it checks
    /// In every row of a one-sided table, the column identities that the column
    /// measures and header paths establish: 合计 = 基本支出 + 项目支出; 基本支出 =
    /// 人员经费 + 公用经费 (or 合计 = 人员经费 + 公用经费 [+ 项目支出] when there is no
    /// 基本支出 column); 总计 = the sum of the top-level funding-source columns and a
    /// group's 小计 (`财政拨款（补助）/财政拨款（补助）小计`) = the sum of the group's
    /// other columns; 项目支出合计 = the sum of the economic-class columns of a
    /// project table. An identity is only applied when every column it involves
    /// has a known additive measure: a column the importer could not classify next
    /// to a total means the total's composition is unknown, and nothing is checked.
    ///
    /// ## Why it matters
    /// The columns of a row are the same money split different ways; a row whose
    /// split does not add up has a mistyped cell, and the error usually propagates
    /// into the tables that copy that column (表5 from 表3, 表4 from 表2).
    ///
    /// ## Example
    /// In 表3, row `208 社会保障和就业支出` prints 合计 933.34 with 基本支出 850.57 and
    /// 项目支出 82.80: 850.57 + 82.80 = 933.37, 0.03 more than the 合计, where
    /// rounding three two-decimal figures explains at most 0.015.
    pub struct RowIdentity {
        id: "A102", name: "row-identity", category: Arithmetic, severity: Error,
        title_zh: "行内各列关系：合计等于基本支出加项目支出，基本支出等于人员经费加公用经费等",
        doc_zh: r#"
## 检查内容
在不分收入、支出两方的各表中，逐行核对由各列含义和表头层级确定的列间关系：合计 =
基本支出 + 项目支出；基本支出 = 人员经费 + 公用经费（没有基本支出列时，合计 = 人
员经费 + 公用经费〔+ 项目支出〕）；总计 = 各顶层资金来源列之和，某一组的小计
（`财政拨款（补助）/财政拨款（补助）小计`）= 该组其他各列之和；项目支出表中，项
目支出合计 = 各经济分类列之和。只有涉及的每一列都有已知的、可相加的含义时才核对
该关系：合计列旁边若有一列读取时未能判明其含义，合计的构成就无从知道，此时不作任
何核对。

## 为何重要
同一行的各列是同一笔钱的不同划分；划分加不平的行必有单元格录入错误，而这一错误通
常还会带到照抄该列的表中（表5 抄自表3，表4 抄自表2）。

## 示例
表3 中 `208 社会保障和就业支出` 一行，合计印为 933.34，基本支出 850.57，项目支出
82.80：850.57 + 82.80 = 933.37，比合计多 0.03，而三个两位小数的四舍五入误差最多
只有 0.015。
"#,
    }
}

impl Rule for RowIdentity {
    fn meta(&self) -> &'static crate::RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Findings) {
        for table in &ctx.doc.tables {
            // Two-sided tables (收支总表, 财政拨款收支总表) are A103's.
            for part in table.parts.iter().filter(|p| p.side.is_none()) {
                let identities = row_identities(part);
                for row in &part.rows {
                    for id in &identities {
                        check_identity(ctx, table, part, row, id, out);
                    }
                }
            }
        }
    }
}
