use crate::context::text_location;
use crate::{Context, Findings, Rule, declare_rule};

declare_rule! {
    /// ## What it checks
    /// No page is there that should not be: a blank page before the last page
    /// with text, and a page whose text repeats an earlier page's word for word
    /// (three lines and a hundred characters at least, spaces aside, so that a
    /// short note ending two tables is no repeat). In a PDF a page is blank only
    /// when it draws nothing at all — no text, no image, no line or fill (a page
    /// holding only a picture, an organisation chart, is not blank) — or nothing
    /// but its running head or page number (a page left empty still prints its
    /// footer); in a text
    /// with page breaks (form feeds), when nothing but blanks stands between two
    /// breaks. Inputs without pages (a workbook, a text without page breaks)
    /// are not judged.
    ///
    /// ## Why it matters
    /// A blank or doubled page is left over from assembling the document (a
    /// section break, a page exported twice); the reader wonders what is missing
    /// there, and a reviewer returns the document for it.
    ///
    /// ## Example
    /// Page 167 of a 171-page 决算 draws nothing, between one evaluation report
    /// ending on page 166 and the next starting on page 168: reported as a blank
    /// page.
    pub struct StrayPages {
        id: "C108", name: "stray-pages", category: Completeness, severity: Warning,
        title_zh: "没有空白页，也没有重复的页",
        doc_zh: r#"
## 检查内容
文件中没有不该有的页：最后一页有文字的页之前的空白页，以及文字与前面某页逐字相同
的页（不计空格，至少三行、一百个字，两张表后面恰好相同的一行注释不算重复）。PDF
中，只有什么都没画的页——没有文字、图片、线条或填充——或者只印了页眉、页码的页，
才算空白页（只有一张图片的页，如机构设置图，不是空白页）；带分页符的文本中，两个分页符之间只有空白的，是空
白页。没有分页的输入（工作簿、没有分页符的文本）不作判断。

## 为何重要
空白页或重复的页是拼合文件时遗留的（分节符、同一页导出两次）；读者会以为此处缺了
内容，审核人员也会因此退回文件。

## 示例
一份 171 页的决算，第 167 页什么都没画，前面第 166 页是一份评价报告的结尾，第 168
页是下一份报告的开头：报告为空白页。
"#,
    }
}

impl Rule for StrayPages {
    fn meta(&self) -> &'static crate::RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Findings) {
        let source = &ctx.doc.meta.source;
        let what = if source.format.as_deref() == Some("pdf") {
            "除页眉、页码外没有任何文字、图片或线条"
        } else {
            "两个分页符之间没有任何文字"
        };
        for blank in &source.blank_pages {
            let page = blank.page.unwrap_or_default();
            let message = format!("第 {page} 页是空白页：{what}；请删除该页，或补上应有的内容");
            out.push(ctx.finding(message, None, vec![text_location(blank)]));
        }
        for repeat in &source.repeated_pages {
            let page = repeat.at.page.unwrap_or_default();
            let message = format!("第 {page} 页与第 {} 页的文字逐字相同，是重复的页；请删除重复的一页", repeat.same_as);
            out.push(ctx.finding(message, None, vec![text_location(&repeat.at)]));
        }
    }
}
