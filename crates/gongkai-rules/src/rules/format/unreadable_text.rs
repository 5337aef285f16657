use gongkai_model::Severity;

use crate::context::text_location;
use crate::{Context, Findings, Rule, declare_rule};

declare_rule! {
    /// ## What it checks
    /// No character of the document is one a reader cannot see as text: the
    /// replacement character U+FFFD (a character lost in a wrong encoding, or a
    /// PDF glyph its font maps to no character) and private-use code points (a
    /// glyph of one font, a box in any other). Each run is reported with its
    /// line, page, column and the text around it. In a text or a workbook the
    /// character is what a reader will see, a warning; in a PDF the page may
    /// still draw the glyph with its own font, so the finding is a note: the
    /// text cannot be copied, searched or read aloud there, and the printed page
    /// should be looked at.
    ///
    /// ## Why it matters
    /// A published disclosure whose words show as boxes or `�` fails its
    /// purpose, and one whose text cannot be extracted cannot be searched or read
    /// by a screen reader.
    ///
    /// ## Example
    /// `主要用于�公用经费` in a text file (a character lost converting from another
    /// encoding): reported at its line and column.
    pub struct UnreadableCharacters {
        id: "F105", name: "unreadable-text", category: Format, severity: Warning,
        title_zh: "没有无法显示的字符",
        doc_zh: r#"
## 检查内容
文件中没有读者看不到文字的字符：替换字符 U+FFFD（编码转换中丢失的字符，或 PDF 中
字体没有对应到任何字符的字形）和私用区码位（只有某一种字体才有的字形，换了字体就
显示为方框）。每一处都报告所在的行、页、列和前后文字。在文本或工作簿中，读者看到
的就是这个字符，报告为警告；在 PDF 中，页面上可能仍用其自带字体画出了字形，因此
报告为提示：这些地方的文字无法复制、检索或朗读，请查看印出的页面。

## 为何重要
公开文件中的文字显示为方框或 `�`，就失去了公开的意义；文字无法提取的，也无法检
索，读屏软件也读不出来。

## 示例
文本文件中的 `主要用于�公用经费`（从另一种编码转换时丢失了一个字）：报告其所在的
行和列。
"#,
    }
}

impl Rule for UnreadableCharacters {
    fn meta(&self) -> &'static crate::RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Findings) {
        let source = &ctx.doc.meta.source;
        let pdf = source.format.as_deref() == Some("pdf");
        // One finding a line, every run of it a location.
        for runs in source.unreadable.chunk_by(|a, b| a.at.line == b.at.line) {
            let codes: Vec<String> =
                runs.iter().flat_map(|r| r.text.chars()).map(|c| format!("U+{:04X}", u32::from(c))).collect();
            let replacement = runs.iter().flat_map(|r| r.text.chars()).all(|c| c == '\u{FFFD}');
            let what = if replacement { "替换字符" } else { "私用区字符" };
            let context = &runs[0].context;
            let message = if pdf {
                format!(
                    "“{context}”中有 {} 个无法提取为文字的字符（{what} {}）：页面上可能仍画出了字形，但这里的文字无法复制、检索或朗读；请查看印出的页面，必要时改用带字符映射的字体重新生成 PDF",
                    codes.len(),
                    codes.join(" ")
                )
            } else {
                format!(
                    "“{context}”中有 {} 个无法显示的字符（{what} {}）：读者看到的是方框或“�”；请改回原来的文字",
                    codes.len(),
                    codes.join(" ")
                )
            };
            let finding = ctx.finding(message, None, runs.iter().map(|r| text_location(&r.at)).collect());
            if pdf {
                out.push_with(finding, Severity::Info);
            } else {
                out.push(finding);
            }
        }
    }
}
