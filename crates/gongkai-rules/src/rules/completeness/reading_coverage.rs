use gongkai_model::Location;

use crate::context::text_location;
use crate::coverage::{listed_not_found, listed_tables, paragraphs_with_figures};
use crate::{Context, Findings, Rule, declare_rule};

declare_rule! {
    /// ## What it checks
    /// That the document was read well enough for its check to mean something:
    /// of the disclosure tables its table of contents (目录) lists (where it lists
    /// two or more), at least half were found and recognised; and when its explanation prints amounts, at
    /// least one statement was read from it to compare with the tables. When
    /// either fails, one warning names what could not be checked.
    ///
    /// ## Why it matters
    /// A document that was barely read has few findings and looks clean. A
    /// reviewer must never mistake an unread document for a sound one: this
    /// warning says that the tables or the text were not checked, and which, so
    /// that they are checked by hand. (It is a warning, not an error: the
    /// document may be right; the exit code stays about errors.)
    ///
    /// ## Example
    /// The 目录 lists 11 tables, but the titles of 表1–表4 and 表6 are printed in
    /// a form the reader does not know, and only 5 tables are recognised:
    /// “未能识别目录所列的 6 张表（单位收支总体情况表、…），相关核对未进行”.
    pub struct ReadingCoverage {
        id: "C106", name: "reading-coverage", category: Completeness, severity: Warning,
        title_zh: "文件读取得足够完整，检查结果才有意义（目录所列的表至少识别一半，说明中的数字能与表比对）",
        doc_zh: r#"
## 检查内容
文件读取得是否足够完整，检查结果才有意义：目录所列的公开表（目录列出两张以上时），
至少有一半被找到并识别；情况说明中印有金额的，至少从中读出一处可与表格比对的表述。任一条件不满足时，
报一条警告，写明哪些内容未能核对。

## 为何重要
几乎没有读进来的文件，问题很少，看上去没有问题。审核人员绝不能把没有读取的文件误
当作没有问题的文件：本警告说明表格或文字没有核对、具体是哪些，以便人工核对。（这
是警告而不是错误：文件本身可能没有问题；退出码仍只反映错误。）

## 示例
目录列有 11 张表，但表1—表4 和表6 的标题印法无法识别，只识别出 5 张表：“未能识
别目录所列的 6 张表（单位收支总体情况表、…），相关核对未进行”。
"#,
    }
}

impl Rule for ReadingCoverage {
    fn meta(&self) -> &'static crate::RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Findings) {
        let doc = ctx.doc;
        let listed: Vec<_> = listed_tables(doc).collect();
        let missing = listed_not_found(doc);
        if listed.len() >= 2 && missing.len() * 2 > listed.len() {
            let titles: Vec<&str> = missing.iter().map(|e| e.title.as_str()).collect();
            let message = format!(
                "目录列出 {} 张表，仅识别出 {} 张；未能识别目录所列的 {} 张表（{}），相关核对未进行，请人工核对",
                listed.len(),
                listed.len() - missing.len(),
                missing.len(),
                titles.join("、")
            );
            let locations: Vec<Location> = missing.iter().map(|e| text_location(&e.source)).collect();
            out.push(ctx.finding(message, None, locations));
        }
        if doc.claims.is_empty() {
            let with_figures = paragraphs_with_figures(doc);
            if let Some((_, first)) = with_figures.first() {
                let message = format!(
                    "表格以外有 {} 段文字写有金额，但未能从中读出任何数字表述，说明与表格的核对未进行，请人工核对",
                    with_figures.len()
                );
                out.push(ctx.finding(message, None, vec![text_location(first)]));
            }
        }
    }
}
