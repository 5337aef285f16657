use crate::context::text_location;
use crate::{Context, Findings, Rule, declare_rule};

declare_rule! {
    /// ## What it checks
    /// The number of internal offices the profile states (`下设9个处室`) equals the
    /// number of office names it lists after it (`分别是：办公室、基金财务管理股、…`).
    ///
    /// ## Why it matters
    /// The organisation paragraph is usually carried over from last year; when an
    /// office is added, merged or renamed, the count or the list is easily left
    /// stale, and the reader cannot tell which one is current.
    ///
    /// ## Example
    /// `下设9个处室，分别是：办公室、基金财务管理股、稽核股、档案管理股、综合业务股、
    /// 城乡养老股、待遇核算股、征缴股` lists 8 names for 9 offices.
    pub struct OfficeCount {
        id: "P102", name: "office-count", category: Profile, severity: Warning,
        title_zh: "概况中的内设机构数等于列出的机构名称数",
        doc_zh: r#"
## 检查内容
概况中所写的内设机构数（`下设9个处室`）等于其后列出的机构名称数（`分别是：办公
室、基金财务管理股、…`）。

## 为何重要
机构设置段落通常沿用上年文字；机构增设、合并或更名后，数目或名单很容易没有更新，
读者无法判断哪一个是现行的。

## 示例
`下设9个处室，分别是：办公室、基金财务管理股、稽核股、档案管理股、综合业务股、城
乡养老股、待遇核算股、征缴股`列出 8 个名称，而写的是 9 个处室。
"#,
    }
}

impl Rule for OfficeCount {
    fn meta(&self) -> &'static crate::RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Findings) {
        let offices = &ctx.doc.profile.offices;
        let Some(stated) = offices.stated_count else { return };
        let Some(text) = &offices.text else { return };
        if offices.names.is_empty() || offices.names.len() == stated as usize {
            return;
        }
        let message = format!(
            "机构设置：写明下设 {} 个内设机构，但列出的名称为 {} 个（{}）",
            stated,
            offices.names.len(),
            offices.names.join("、")
        );
        let mut finding = ctx.finding(message, None, vec![text_location(&text.source)]);
        finding.expected = Some(offices.names.len().to_string());
        finding.actual = Some(stated.to_string());
        out.push(finding);
    }
}
