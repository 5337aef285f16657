use crate::context::text_location;
use crate::{Context, Findings, Rule, declare_rule};

declare_rule! {
    /// ## What it checks
    /// Every cited document number (文号) encloses its year in the hexagonal brackets
    /// 〔〕 (`昌州财建〔2024〕161号`); one written with `[]`, `【】` or `()` is noted.
    ///
    /// ## Why it matters
    /// GB/T 9704—2012 《党政机关公文格式》 prescribes 〔〕 for the year of a 发文字号;
    /// other brackets are a typographic slip and make the same number look different
    /// from one citation to the next.
    ///
    /// ## Example
    /// `依据奇财预【2024】5号《关于下达2024年破产企业生活费的通知》` is noted: it
    /// should read `奇财预〔2024〕5号`.
    pub struct DocumentNumberBrackets {
        id: "F103", name: "document-number-brackets", category: Format, severity: Info,
        title_zh: "文号中的年份用六角括号〔〕括起",
        doc_zh: r#"
## 检查内容
所引文件的文号年份用六角括号〔〕括起（`昌州财建〔2024〕161号`）；用`[]`、`【】`
或`()`的予以提示。

## 为何重要
GB/T 9704—2012《党政机关公文格式》规定发文字号中的年份用六角括号〔〕；用其他括号
属于排版疏漏，还会让同一文号在不同引用处看起来不一样。

## 示例
`依据奇财预【2024】5号《关于下达2024年破产企业生活费的通知》`予以提示：应写作
`奇财预〔2024〕5号`。
"#,
    }
}

impl Rule for DocumentNumberBrackets {
    fn meta(&self) -> &'static crate::RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Findings) {
        for n in ctx.document_numbers() {
            if n.open == '〔' && n.close == '〕' {
                continue;
            }
            let message = format!(
                "文号“{}”的年份用了“{}{}”，按 GB/T 9704 应使用六角括号〔〕，写作“{}”",
                n.raw,
                n.open,
                n.close,
                n.standard()
            );
            let mut finding = ctx.finding(message, None, vec![text_location(&n.text.source)]);
            finding.expected = Some(n.standard());
            finding.actual = Some(n.raw.clone());
            out.push(finding);
        }
    }
}
