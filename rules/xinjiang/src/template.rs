//! The Xinjiang 2024 template: 11 numbered tables, the explanation sections
//! 一 … 十二 (with the four subsections of 十二 that carry figures) and a
//! 名词解释. Titles are those of the 2024 documents; aliases are the other titles
//! the same tables are published under (department-level documents say 部门
//! where unit-level ones say 单位).

use gongkai_plugin::gongkai_model::{SectionKind, TableKind};
use gongkai_plugin::{TemplateSpec, TemplateTableSpec};

/// `(number, kind, title, aliases)` of the 11 tables.
pub const TABLES: [(u32, TableKind, &str, &[&str]); 11] = [
    (
        1,
        TableKind::IncomeExpenditureSummary,
        "单位收支总体情况表",
        &["部门收支总体情况表", "部门收支总表", "收支总体情况表"],
    ),
    (2, TableKind::IncomeSummary, "单位收入总体情况表", &["部门收入总体情况表", "部门收入总表", "收入总体情况表"]),
    (3, TableKind::ExpenditureSummary, "单位支出总体情况表", &["部门支出总体情况表", "部门支出总表", "支出总体情况表"]),
    (
        4,
        TableKind::FiscalAllocationSummary,
        "财政拨款收支预算总体情况表",
        &["财政拨款收支总体情况表", "财政拨款收支总表"],
    ),
    (5, TableKind::GeneralBudgetExpenditure, "一般公共预算支出情况表", &["一般公共预算支出表"]),
    (6, TableKind::GeneralBudgetBasicExpenditure, "一般公共预算基本支出情况表", &["一般公共预算基本支出表"]),
    (7, TableKind::GeneralBudgetProjectExpenditure, "一般公共预算项目支出情况表", &["一般公共预算项目支出表"]),
    (8, TableKind::GovernmentFundExpenditure, "政府性基金预算支出情况表", &["政府性基金预算支出表"]),
    (9, TableKind::StateCapitalExpenditure, "国有资本经营预算支出情况表", &["国有资本经营预算支出表"]),
    (
        10,
        TableKind::ThreePublicExpenses,
        "财政拨款“三公”经费支出情况表",
        &["一般公共预算“三公”经费支出情况表", "“三公”经费支出情况表"],
    ),
    (11, TableKind::CarryOver, "上年结转结余情况明细表", &["上年结转结余情况表", "结转结余情况明细表"]),
];

/// The required explanation sections: one per table (一 … 十一), 十二 其他重要
/// 事项 and the subsections of 十二 that carry figures.
pub const SECTIONS: [SectionKind; 16] = [
    SectionKind::Overview,
    SectionKind::Income,
    SectionKind::Expenditure,
    SectionKind::FiscalAllocation,
    SectionKind::GeneralBudget,
    SectionKind::BasicExpenditure,
    SectionKind::ProjectExpenditure,
    SectionKind::GovernmentFund,
    SectionKind::StateCapital,
    SectionKind::ThreePublicExpenses,
    SectionKind::CarryOver,
    SectionKind::OtherMatters,
    SectionKind::AgencyOperating,
    SectionKind::Procurement,
    SectionKind::Assets,
    SectionKind::Performance,
];

/// The template as the manifest carries it.
pub fn template() -> TemplateSpec {
    TemplateSpec {
        tables: TABLES
            .iter()
            .map(|(number, kind, title, aliases)| TemplateTableSpec {
                kind: *kind,
                number: Some(*number),
                title: (*title).to_owned(),
                aliases: aliases.iter().map(|a| (*a).to_owned()).collect(),
            })
            .collect(),
        sections: SECTIONS.to_vec(),
        glossary: true,
    }
}
