use gongkai_model::{Finding, Location, Severity, TableKind, TargetScope};

use crate::context::text_location;
use crate::rules::completeness::anchor::table_anchor;
use crate::rules::completeness::forms::forms_only;
use crate::rules::completeness::present;
use crate::{Context, Findings, Rule, declare_rule};

declare_rule! {
    /// ## What it checks
    /// Every table of the active template (the national minimum, or a province
    /// plugin's) is published among the document's tables. A table printed empty
    /// with its 为空表 statement counts as published. A table the importer found
    /// listed in the table of contents but not printed is reported even when a
    /// sentence of the explanation says it is empty: the sentence does not replace
    /// the table. (一般公共预算项目支出表 and a 项目支出表 covering all funds stand in
    /// for each other.) A file holding none of the template's tables gets one
    /// warning instead: it is most often the explanation part of a document
    /// whose tables are published as another file, to be checked together
    /// (`--tables` with `--text`), and sometimes no disclosure at all — which
    /// the warning says when the file has no part of an explanation either
    /// (the section and glossary checks then stay silent). A file holding only
    /// performance-target forms (项目支出绩效目标表, published apart from the
    /// budget) gets one warning saying so, with how many forms of each kind were
    /// read: their funding lines are checked (N110), their amounts against the
    /// tables are not.
    ///
    /// ## Why it matters
    /// The 《地方预决算公开操作规程》 require every table of the template to be
    /// published, an empty one with a note; a missing table is the most common
    /// reason a disclosure is sent back.
    ///
    /// ## Example
    /// The example's table of contents lists 八、政府性基金预算支出情况表 (line 21) and
    /// the explanation says it is empty (line 474), but no such table is printed.
    pub struct RequiredTable {
        id: "C101", name: "required-table", category: Completeness, severity: Error,
        title_zh: "模板要求公开的每张表都已公开（附空表说明的空表也算）",
        doc_zh: r#"
## 检查内容
当前模板（全国最低要求，或省级插件的模板）中的每张表，都在文件的公开表中。印为空
表并附“为空表”说明的表，算作已公开。目录中列有、但文件中没有印出的表，即使情况
说明中有一句话说它是空表，也予报告：这句话不能代替该表。（一般公共预算项目支出表
与涵盖全部资金的项目支出表可以互相替代。）

文件中没有模板要求的任何一张表的，改为只报一条警告：这种文件多半是某份公开文件的
情况说明部分，其表格另作一个文件公开，应一并检查（`--tables` 与 `--text`）；有时
它根本不是公开文件——文件中也没有情况说明的任何部分时，警告会指出这一点（此时说
明部分和名词解释的检查都不报告）。只有绩效目标表（项目支出绩效目标表，与预算分开
公开）的文件，报一条警告说明这一点，并写明读到的各类表各几张：这些表的资金各行会
核对（N110），其金额与公开表的核对不进行。

## 为何重要
《地方预决算公开操作规程》要求公开模板中的每张表，空表也要公开并附说明；缺表是公
开文件被退回的最常见原因。

## 示例
示例文件的目录列有 八、政府性基金预算支出情况表（第 21 行），情况说明也称其为空
表（第 474 行），但文件中没有印出该表。
"#,
    }
}

impl Rule for RequiredTable {
    fn meta(&self) -> &'static crate::RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Findings) {
        // A file without a single table the template requires is the explanation
        // part of a document whose tables are published as another file (北京
        // publishes 第一部分 and 第二部分 apart), a document missing all its
        // tables, or no disclosure at all (a 绩效评价报告): which, the file cannot
        // say. One warning, not an error per table. A file of performance-target
        // forms alone says what it is: its own warning.
        if super::no_template_table(ctx) {
            if forms_only(ctx.doc) {
                out.push_with(forms_only_finding(ctx), Severity::Warning);
                return;
            }
            let listed = ctx.doc.missing_tables.iter().filter(|m| m.listed_as.is_some()).count();
            let message = if super::nothing_of_a_disclosure(ctx) {
                "本文件既没有模板要求的公开表，也没有情况说明的任何部分，看来不是部门预算公开（例如绩效评价报告），模板要求的核对均未进行"
                    .to_owned()
            } else {
                let mut message = "本文件中没有模板要求的任何公开表（可能另行公开，或本文件不是部门预算公开），表格及与表格有关的核对均未进行".to_owned();
                if listed > 0 {
                    message.push_str(&format!("（目录列出 {listed} 张表，可能另行公开）"));
                }
                message.push_str(
                    "；若表格另有文件，请将两个文件一并检查：gongkai validate --tables 表格文件 --text 本文件",
                );
                message
            };
            let anchor = ctx.doc.missing_tables.iter().find_map(|m| m.listed_as.as_ref()).map_or_else(
                || table_anchor(ctx.doc, TableKind::IncomeExpenditureSummary),
                |listed| text_location(&listed.source),
            );
            out.push_with(ctx.finding(message, None, vec![anchor]), Severity::Warning);
            return;
        }
        let mut reported: Vec<TableKind> = Vec::new();
        for missing in &ctx.doc.missing_tables {
            if present(ctx, missing.kind) || reported.contains(&missing.kind) {
                continue;
            }
            reported.push(missing.kind);
            let title = ctx
                .template
                .tables
                .iter()
                .find(|t| t.kind == missing.kind)
                .map_or_else(|| missing.kind.name_zh().to_owned(), |t| t.title.clone());
            let mut message = format!("缺少“{title}”：");
            let mut locations: Vec<Location> = Vec::new();
            if let Some(listed) = &missing.listed_as {
                message.push_str(&format!(
                    "目录{}列出了“{}”，但公开表中没有该表",
                    listed.source.describe_zh(),
                    listed.text
                ));
                locations.push(Location { table: Some(missing.kind), ..text_location(&listed.source) });
            } else {
                message.push_str("公开表中没有该表");
            }
            if let Some(said) = &missing.mentioned_empty {
                message.push_str(&format!(
                    "；说明{}称其为空表，但空表也须公开（附“为空表”说明），文字说明不能代替该表",
                    said.source.describe_zh()
                ));
                locations.push(text_location(&said.source));
            }
            if locations.is_empty() {
                locations.push(table_anchor(ctx.doc, missing.kind));
            }
            out.push(ctx.finding(message, None, locations));
        }
        for required in &ctx.template.tables {
            if present(ctx, required.kind) || reported.contains(&required.kind) {
                continue;
            }
            reported.push(required.kind);
            let message = format!(
                "缺少“{}”：模板（{}）要求公开该表，但文档的公开表和目录中都没有它",
                required.title, ctx.template.name
            );
            out.push(ctx.finding(message, None, vec![table_anchor(ctx.doc, required.kind)]));
        }
    }
}

/// The one finding of a file of performance-target forms alone: what the file
/// is, how many forms of each kind it holds, and what was not checked.
fn forms_only_finding(ctx: &Context<'_>) -> Finding {
    let forms = &ctx.doc.performance_targets;
    let count = |scope: TargetScope| forms.iter().filter(|t| t.scope == scope).count();
    let kinds: Vec<String> = [(TargetScope::Project, "项目支出绩效目标表"), (TargetScope::Overall, "整体绩效目标表")]
        .into_iter()
        .filter(|(scope, _)| count(*scope) > 0)
        .map(|(scope, name)| format!("{name} {} 张", count(scope)))
        .collect();
    let message = format!(
        "本文件只有绩效目标表（{}），没有部门预算公开表、情况说明和名词解释，是单独公开的绩效目标：\
         只核对了各表资金的合计，与公开表的核对（项目金额与项目支出表、整体目标与收入总计）均未进行",
        kinds.join("、")
    );
    let at = forms
        .first()
        .map_or_else(|| table_anchor(ctx.doc, TableKind::IncomeExpenditureSummary), |t| text_location(&t.title.source));
    ctx.finding(message, None, vec![at])
}
