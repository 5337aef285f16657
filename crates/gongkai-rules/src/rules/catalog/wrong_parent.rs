use gongkai_model::{Level, Row, Table, TablePart};

use super::common::{TableScheme, breaks_blocks, checkable};
use crate::context::{row_location, row_name};
use crate::{Context, Findings, Rule, declare_rule};

declare_rule! {
    /// ## What it checks
    /// In the tables G102 checks, rows are read in printed order: a 类 row opens a
    /// block that runs to the next 类 row, a 款 row a block that runs to the next 款
    /// or 类 row; a total or grouping line (the unit's name in a project table) ends
    /// every block. A 款 row must stand in the block of its own 类, and a 项 row in the
    /// block of its own 款 (or, when no 款 has opened yet, of its own 类). A row whose
    /// parent is printed elsewhere in the table but which stands in the block of a
    /// different 款 or 类 is reported. A row whose parent is not printed at all is
    /// G102's, and a 项 printed before its 款 under the right 类 is not a parent error.
    ///
    /// ## Why it matters
    /// Readers (and the hierarchy sums a reviewer does by eye) take a row as part of
    /// the block it is printed in. A 项 printed under the wrong 款 looks like part of
    /// that 款's subtotal, which then appears not to add up, while its real 款 seems
    /// to miss a line. It usually means a row was pasted in the wrong place.
    ///
    /// ## Example
    /// 表5 prints `2101101 行政单位医疗` right after `2080506` inside the block of
    /// `20805 行政事业单位养老支出`, while its parent `21011 行政事业单位医疗` is printed
    /// further down: the row is reported with the block's 款 and its real parent.
    pub struct WrongParent {
        id: "G103", name: "wrong-parent", category: Catalog, severity: Error,
        title_zh: "每个科目排在自己的上级之下（项在其款下，款在其类下）",
        doc_zh: r#"
## 检查内容
在 G102 核对的各表中，按印出的先后顺序读行：类行开始一个块，直到下一个类行为止；
款行开始一个块，直到下一个款行或类行为止；总计行或分组行（项目支出表中的单位名称
行）结束所有的块。款行须位于其所属类的块内，项行须位于其所属款的块内（尚未出现款
行时，位于其所属类的块内）。上级行在表中别处印有、本行却位于另一个款或类的块内
的，予以报告。上级行根本没有印出的，由 G102 报告；项印在其款之前、但位于正确的类
下的，不算上级错误。

## 为何重要
读者（以及审核人员目测核对层级合计时）会把一行看作它所在块的一部分。项印在错误的
款下，看上去就是那个款小计的一部分，使那个款显得加不平，而其真正所属的款又像是少
了一行。这通常说明有一行粘贴错了位置。

## 示例
表5 在 `20805 行政事业单位养老支出` 的块内、紧接 `2080506` 之后印有
`2101101 行政单位医疗`，而其上级 `21011 行政事业单位医疗` 印在更下方：报告该行，
并指出所在块的款和其真正的上级。
"#,
    }
}

impl Rule for WrongParent {
    fn meta(&self) -> &'static crate::RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Findings) {
        for table in ctx.doc.tables.iter().filter(|t| TableScheme::of(t.kind).is_some()) {
            for part in &table.parts {
                check_part(ctx, table, part, out);
            }
        }
    }
}

fn check_part(ctx: &Context<'_>, table: &Table, part: &TablePart, out: &mut Findings) {
    let mut lei: Option<&Row> = None;
    let mut kuan: Option<&Row> = None;
    for row in &part.rows {
        if breaks_blocks(row) {
            (lei, kuan) = (None, None);
            continue;
        }
        let Some(code) = row.code.as_ref().filter(|c| checkable(table, c)) else { continue };
        let block = match code.level() {
            Level::Lei => {
                (lei, kuan) = (Some(row), None);
                continue;
            }
            Level::Kuan => {
                let block = lei;
                kuan = Some(row);
                block
            }
            Level::Xiang => kuan.or(lei),
        };
        let (Some(block), Some(parent)) = (block, code.parent()) else { continue };
        let Some(block_code) = block.code.as_ref() else { continue };
        // The block is right when it is the parent, or (for a 项 with no 款 open)
        // the parent's 类.
        if code.is_within(block_code) {
            continue;
        }
        // A parent that is not printed at all is G102's.
        let Some(parent_row) = part.rows.iter().find(|r| r.code.as_ref() == Some(&parent)) else { continue };
        let message = format!(
            "{} {} 印在{} {} 的下方（属于该{}的块内），但其上级{}应为 {}（第{}行）",
            table.display(),
            row_name(row),
            block_code.level().name_zh(),
            row_name(block),
            block_code.level().name_zh(),
            parent.level().name_zh(),
            row_name(parent_row),
            parent_row.source.line
        );
        let locations = vec![
            row_location(table, part, row),
            row_location(table, part, block),
            row_location(table, part, parent_row),
        ];
        let mut finding = ctx.finding(message, None, locations);
        finding.expected = Some(parent.to_string());
        finding.actual = Some(block_code.to_string());
        out.push(finding);
    }
}
