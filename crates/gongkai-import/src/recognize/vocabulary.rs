//! The words that identify tables, columns, lines and sections.
//!
//! Identification is by meaning — title words and header words — never by a
//! printed number or position, because provinces number and word the same table
//! differently (单位收支总体情况表 / 部门收支总表 / 收支预算总表 …). Exact title
//! aliases can be added at run time (a province plugin's template does this).

use gongkai_model::{ClassCode, Measure, SectionKind, TableKind, comparison_key};

/// The comparison key of a title or header (the model's shared
/// [`comparison_key`]), without a trailing `(续)` of a continued table.
pub fn normalize(text: &str) -> String {
    let mut key = comparison_key(text);
    if key.ends_with("(续)") {
        key.truncate(key.len() - "(续)".len());
    }
    key
}

/// Extra exact aliases (normalised title → kind), e.g. from a plugin's template.
#[derive(Clone, Debug, Default)]
pub struct Aliases {
    entries: Vec<(String, TableKind)>,
}

impl Aliases {
    /// Adds an alias.
    pub fn add(&mut self, title: &str, kind: TableKind) {
        self.entries.push((normalize(title), kind));
    }

    fn find(&self, normalized: &str) -> Option<TableKind> {
        self.entries.iter().find(|(t, _)| t == normalized).map(|(_, k)| *k)
    }
}

/// What a line that looks like a table title names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TitleKind {
    /// A disclosure table.
    Table(TableKind),
    /// A unit-level performance-target table (整体绩效目标).
    OverallTargets,
    /// A project performance-target table (项目支出绩效目标表).
    ProjectTargets,
}

/// Identifies a table title. `None` when the text is not a table title at all.
pub fn table_title(text: &str, aliases: &Aliases) -> Option<TitleKind> {
    // Asked of nearly every line. A sentence is no title, and without an alias
    // to match only a text with `表` in it can be one (neither changes in
    // normalisation).
    if text.contains('。') || (aliases.entries.is_empty() && !text.contains('表')) {
        return None;
    }
    let t = normalize(text);
    if t.chars().count() > 48 || t.contains('。') || t.contains(',') {
        return None;
    }
    if let Some(kind) = aliases.find(&t) {
        return Some(TitleKind::Table(kind));
    }
    // `财政拨款支出表（功能科目）`: a qualifier in brackets after the title.
    let core = match t.strip_suffix(')').and_then(|head| head.rfind('(').map(|open| &head[..open])) {
        Some(head) if !head.is_empty() => head,
        _ => t.as_str(),
    };
    // `预算表（不含上年结转）` alone is the second line of a wrapped title.
    if !core.ends_with('表') || core.chars().count() < 4 {
        return None;
    }
    if t.contains("绩效目标") {
        return Some(if t.contains("项目") { TitleKind::ProjectTargets } else { TitleKind::OverallTargets });
    }
    // A 决算's self-evaluation forms (`…采购业务经费（政府采购部分）项目绩效自评表`):
    // forms of the performance report, whatever spending the project's name
    // mentions.
    if t.contains("绩效自评") || t.contains("绩效评价") {
        return Some(TitleKind::Table(TableKind::PerformanceEvaluation));
    }
    // `收入支出` is the long form of `收支` (`收入支出决算总表`).
    let has = |w: &str| t.contains(w) || (w == "收支" && t.contains("收入支出"));
    // `收入决算表`, `二、支出决算表`: the national 决算 format's names of the
    // income and spending summaries (a budget may name them `收入预算表`), with
    // no fund, class or kind of spending qualifying them.
    let bare = |word: &str| {
        ["决算表", "预算表"].iter().any(|s| t.ends_with(&format!("{word}{s}")))
            && !["基本", "项目", "其他", "经费", "运行", "财政拨款", "政府"].iter().any(|q| t.contains(q))
    };
    let kind = if has("三公") {
        TableKind::ThreePublicExpenses
    } else if has("结转结余") || has("结转资金") {
        TableKind::CarryOver
    } else if has("政府采购") {
        TableKind::GovernmentProcurement
    } else if has("机关运行经费") {
        TableKind::AgencyOperatingExpenses
    } else if has("国有资本经营") {
        TableKind::StateCapitalExpenditure
    } else if has("政府性基金") {
        TableKind::GovernmentFundExpenditure
    } else if has("一般公共预算") && has("基本支出") {
        TableKind::GeneralBudgetBasicExpenditure
    } else if has("基本支出") && has("总表") && !has("项目支出") && !has("财政拨款") {
        // `基本支出总表` (深圳): the basic spending by economic class, of all funds
        // with the general budget's in a column of its own — the table the
        // template's 一般公共预算基本支出表 stands for.
        TableKind::GeneralBudgetBasicExpenditure
    } else if has("一般公共预算") && has("项目支出") {
        TableKind::GeneralBudgetProjectExpenditure
    } else if has("一般公共预算") {
        TableKind::GeneralBudgetExpenditure
    } else if has("项目支出") && !has("收支") {
        // `项目支出总表` (深圳): the projects' spending by fund, not the
        // spending summary.
        TableKind::ProjectExpenditure
    } else if has("财政拨款") && has("收支") {
        TableKind::FiscalAllocationSummary
    } else if has("收支") && (has("总表") || has("总体")) {
        TableKind::IncomeExpenditureSummary
    } else if has("收入") && (has("总表") || has("总体")) {
        TableKind::IncomeSummary
    } else if has("支出") && (has("总表") || has("总体")) {
        TableKind::ExpenditureSummary
    } else if has("项目支出") {
        TableKind::ProjectExpenditure
    } else if bare("收入") && !has("支出") {
        TableKind::IncomeSummary
    } else if bare("支出") && !has("收入") {
        TableKind::ExpenditureSummary
    } else if ["报表", "公开表"].iter().any(|w| core.ends_with(w)) {
        // `某市某局2022年部门综合预算公开报表`: a line naming the whole
        // set of tables (a cover line, a part heading), no table of its own.
        return None;
    } else if has("预算") || has("决算") || has("经费") || has("支出") || has("收入") {
        TableKind::Other
    } else {
        return None;
    };
    // `一般公共预算项目支出情况表（按经济分类科目）`: the same spending by economic
    // class, a table the national model has no kind for; kept as a generic table
    // rather than checked as the function-coded one.
    let economic = has("经济分类") || has("经济科目");
    if economic && kind.is_function_coded() {
        return Some(TitleKind::Table(TableKind::Other));
    }
    // …and the other way: `一般公共预算基本支出明细表（按功能科目分）`.
    let functional = has("功能科目") || has("功能分类");
    if functional && kind == TableKind::GeneralBudgetBasicExpenditure {
        return Some(TitleKind::Table(TableKind::Other));
    }
    Some(TitleKind::Table(kind))
}

/// What a column header or a line label measures.
pub fn measure(text: &str) -> Measure {
    let t = normalize(text);
    let t = strip_numbering(&t);
    let t = t.strip_prefix("其中:").unwrap_or(t);
    let has = |w: &str| t.contains(w);
    if let Some(code) = economic_class_column(t) {
        return Measure::EconomicClass(code);
    }
    if matches!(t, "项目支出合计" | "支出合计" | "收入合计" | "合计" | "总计" | "小计") {
        return Measure::Total;
    }
    if has("上级") && has("一般公共预算") {
        Measure::GeneralBudgetTransfer
    } else if has("上级") && has("政府性基金") {
        Measure::GovernmentFundTransfer
    } else if has("上级") && has("国有资本") {
        Measure::StateCapitalTransfer
    } else if has("上级补助") {
        Measure::SuperiorSubsidy
    } else if has("非财政拨款结转") || has("非财政拨款结余") {
        // (`使用非财政拨款结余`: the balance of non-fiscal money, no fiscal allocation.)
        Measure::NonFiscalCarryOver
    } else if has("财政拨款结转") {
        Measure::FiscalCarryOver
    } else if has("上年结转") || has("上年结余") || has("年初结转") {
        Measure::CarryOver
    } else if has("结转下年") || has("年末结转") {
        Measure::CarryForward
    } else if has("财政专户") {
        Measure::FiscalSpecialAccount
    } else if has("财政拨款") && !has("一般公共预算") && !has("政府性基金") && !has("国有资本经营")
    {
        // (`一般公共预算财政拨款收入`: one budget's allocation, below.)
        Measure::FiscalAllocation
    } else if has("一般财力") {
        Measure::GeneralBudgetOwn
    } else if has("一般公共预算") {
        Measure::GeneralBudget
    } else if has("政府性基金收入") {
        Measure::GovernmentFundOwn
    } else if has("政府性基金") || has("基金预算") {
        Measure::GovernmentFund
    } else if has("国有资本经营收入") {
        Measure::StateCapitalOwn
    } else if has("国有资本经营") {
        Measure::StateCapital
    } else if has("单位资金") {
        Measure::UnitFunds
    } else if has("事业收入") {
        Measure::OperationalIncome
    } else if has("附属单位上缴") {
        Measure::SubsidiaryRemittance
    } else if has("经营收入") {
        Measure::BusinessIncome
    } else if has("其他收入") {
        Measure::OtherIncome
    } else if has("其他资金") {
        Measure::OtherFunds
    } else if has("本年收入") {
        Measure::CurrentYearIncome
    } else if has("收入总计") {
        Measure::IncomeTotal
    } else if has("支出总计") {
        Measure::ExpenditureTotal
    } else if has("本年支出") {
        Measure::CurrentYearExpenditure
    } else if has("人员经费") || t == "人员支出" {
        Measure::Personnel
    } else if has("公用经费") || t == "日常公用支出" || t == "公用支出" {
        Measure::PublicUse
    } else if has("基本支出") {
        Measure::Basic
    } else if has("项目支出") {
        Measure::Project
    } else if has("因公出国") {
        Measure::Abroad
    } else if has("公务接待") {
        Measure::Reception
    } else if has("购置及运行") {
        Measure::Vehicles
    } else if has("公务用车购置") || t == "购置费" {
        Measure::VehiclePurchase
    } else if has("公务用车运行") || t == "运行费" || has("运行维护费") {
        Measure::VehicleOperation
    } else if has("会议费") {
        Measure::Meetings
    } else if has("培训费") {
        Measure::Training
    } else if has("机关运行经费") {
        Measure::AgencyOperating
    } else if has("合计") || has("总计") || has("小计") {
        Measure::Total
    } else if has("预算数") || has("决算数") || has("执行数") || t == "金额" || t == "预算" || t == "预算金额"
    {
        Measure::BudgetAmount
    } else {
        Measure::Other
    }
}

/// The economic 类 a project-table column names (表7: 工资福利支出 … 其他支出).
fn economic_class_column(t: &str) -> Option<ClassCode> {
    let code = match t {
        "工资福利支出" => "301",
        "商品服务支出" | "商品和服务支出" => "302",
        "对个人和家庭的补助" | "对个人和家庭补助" => "303",
        "债务利息及费用支出" => "307",
        "资本性支出(基本建设)" => "309",
        "资本性支出" => "310",
        "对企业补助(基本建设)" => "311",
        "对企业补助" => "312",
        "对社会保障基金补助" => "313",
        "其他支出" => "399",
        _ => return None,
    };
    ClassCode::new(code).ok()
}

/// Whether a header cell names a label column (code or name), not an amount.
pub fn is_label_header(text: &str) -> bool {
    let t = normalize(text);
    matches!(t.as_str(), "类" | "款" | "项" | "科目" | "项目" | "※")
        || t.contains("科目编码")
        || t.contains("科目名称")
        || t.starts_with("功能分类科")
        || t.starts_with("经济分类科")
        || t == "项目名称"
        || t.ends_with("支出内容")
        || t == "支出功能分类"
        || t == "单位名称"
}

/// Strips leading list numbering: `一、`, `1、`, `4.`, `(一)`, `（三）`, `- `.
pub fn strip_numbering(text: &str) -> &str {
    split_numbering(text).1
}

/// Splits leading numbering from the rest: `十二、 其他` → (`十二`, `其他`).
pub fn split_numbering(text: &str) -> (Option<&str>, &str) {
    let t = text.trim_start_matches(['-', ' ']).trim_start();
    // (一) / （一） / （十) — the brackets' widths need not match.
    if let Some(rest) = t.strip_prefix(['(', '（'])
        && let Some(end) = rest.find([')', '）'])
    {
        let inner = &rest[..end];
        let close = rest[end..].chars().next().map_or(1, char::len_utf8);
        if !inner.is_empty() && inner.chars().all(is_numeral) {
            return (Some(inner), rest[end + close..].trim_start());
        }
    }
    let digits_end = t.char_indices().find(|(_, c)| !is_numeral(*c)).map_or(t.len(), |(i, _)| i);
    if digits_end > 0 {
        let rest = &t[digits_end..];
        for sep in ['、', '.', '．', ')', '）'] {
            if let Some(after) = rest.strip_prefix(sep) {
                // `1.5万元` is a number, not numbering.
                if sep == '.' && after.starts_with(|c: char| c.is_ascii_digit()) {
                    break;
                }
                return (Some(&t[..digits_end]), after.trim_start());
            }
        }
    }
    (None, t)
}

fn is_numeral(c: char) -> bool {
    matches!(c, '0'..='9' | '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十' | '百')
}

/// Parses a Chinese or Arabic numeral (`十二` → 12).
pub fn numeral_value(text: &str) -> Option<u32> {
    if let Ok(n) = text.parse() {
        return Some(n);
    }
    let digit = |c| "零一二三四五六七八九".chars().position(|d| d == c).map(|p| p as u32);
    let chars: Vec<char> = text.chars().collect();
    match chars.as_slice() {
        [c] if *c == '十' => Some(10),
        [c] => digit(*c),
        ['十', u] => Some(10 + digit(*u)?),
        [t, '十'] => Some(digit(*t)? * 10),
        [t, '十', u] => Some(digit(*t)? * 10 + digit(*u)?),
        _ => None,
    }
}

/// The kind of an explanation heading, from its words.
pub fn section_kind(heading: &str) -> SectionKind {
    let t = normalize(heading);
    // `收入支出` is the long form of `收支` (`收入支出决算总体情况说明`).
    let has = |w: &str| t.contains(w) || (w == "收支" && t.contains("收入支出"));
    if has("三公") {
        SectionKind::ThreePublicExpenses
    } else if has("结转结余") {
        SectionKind::CarryOver
    } else if has("其他重要事项") {
        SectionKind::OtherMatters
    } else if has("运行经费") {
        SectionKind::AgencyOperating
    } else if has("政府采购") {
        SectionKind::Procurement
    } else if has("国有资产") {
        SectionKind::Assets
    } else if has("绩效") {
        SectionKind::Performance
    } else if has("其他需") || has("其他说明") {
        SectionKind::Miscellaneous
    } else if has("国有资本经营") {
        SectionKind::StateCapital
    } else if has("政府性基金") {
        SectionKind::GovernmentFund
    } else if (has("一般公共预算") || has("财政拨款")) && has("基本支出") {
        SectionKind::BasicExpenditure
    } else if (has("一般公共预算") || has("财政拨款")) && has("项目支出") {
        SectionKind::ProjectExpenditure
    } else if has("规模变化") || has("结构情况") || has("具体使用") || has("使用情况") {
        SectionKind::GeneralBudgetDetail
    } else if has("一般公共预算") {
        SectionKind::GeneralBudget
    } else if has("财政拨款") && (has("收支") || has("支出") || !has("收入") && (has("情况") || has("说明")))
    {
        // `财政拨款支出预算情况说明` explains the fiscal allocation's spending
        // (表4's expenditure side), not all of the department's (表3);
        // `财政拨款情况说明` the allocation as a whole.
        SectionKind::FiscalAllocation
    } else if has("收支") {
        SectionKind::Overview
    } else if has("收入") {
        SectionKind::Income
    } else if has("支出") {
        SectionKind::Expenditure
    } else {
        SectionKind::Other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fiscal_allocation_sections_and_spending_columns() {
        assert_eq!(section_kind("财政拨款支出预算情况说明"), SectionKind::FiscalAllocation);
        assert_eq!(section_kind("财政拨款收支预算总体情况说明"), SectionKind::FiscalAllocation);
        assert_eq!(section_kind("财政拨款基本支出预算情况说明"), SectionKind::BasicExpenditure);
        assert_eq!(section_kind("支出预算情况说明"), SectionKind::Expenditure);
        assert_eq!(section_kind("财政拨款情况说明"), SectionKind::FiscalAllocation);
        assert_eq!(section_kind("财政拨款收入"), SectionKind::Income);
        assert_eq!(section_kind("收入支出决算总体情况说明"), SectionKind::Overview);
        assert_eq!(section_kind("财政拨款收入支出决算总体情况说明"), SectionKind::FiscalAllocation);
        assert_eq!(measure("人员支出"), Measure::Personnel);
        assert_eq!(measure("日常公用支出"), Measure::PublicUse);
        assert_eq!(measure("其他资金"), Measure::OtherFunds);
        assert_eq!(measure("上年结余、结转"), Measure::CarryOver);
        assert_eq!(measure("使用非财政拨款结余"), Measure::NonFiscalCarryOver);
        assert_eq!(measure("执行数"), Measure::BudgetAmount);
        assert_eq!(measure("预算金额"), Measure::BudgetAmount);
        assert_eq!(measure("其他收入"), Measure::OtherIncome);
    }

    #[test]
    fn titles_from_several_provinces() {
        let a = Aliases::default();
        let k = |t| match table_title(t, &a) {
            Some(TitleKind::Table(k)) => Some(k),
            _ => None,
        };
        assert_eq!(k("单位收支总体情况表"), Some(TableKind::IncomeExpenditureSummary));
        assert_eq!(k("部门收支总表"), Some(TableKind::IncomeExpenditureSummary));
        assert_eq!(k("部门综合预算收支总表"), Some(TableKind::IncomeExpenditureSummary));
        assert_eq!(k("部门财务收支预算总表"), Some(TableKind::IncomeExpenditureSummary));
        assert_eq!(k("市级部门收入预算总表"), Some(TableKind::IncomeSummary));
        assert_eq!(k("本年支出总体情况表"), Some(TableKind::ExpenditureSummary));
        assert_eq!(k("部门财政拨款收支预算总表"), Some(TableKind::FiscalAllocationSummary));
        assert_eq!(k("一般公共预算“三公”经费支出表"), Some(TableKind::ThreePublicExpenses));
        assert_eq!(k("部门一般公共预算基本支出部门预算经济分类预算表"), Some(TableKind::GeneralBudgetBasicExpenditure));
        assert_eq!(k("上年结转结余情况明细表"), Some(TableKind::CarryOver));
        // A line naming the whole set of tables names no table.
        assert_eq!(k("某市某局2022年部门综合预算公开报表"), None);
        assert_eq!(k("2026年部门预算公开表"), None);
        assert_eq!(k("部门收支总体情况报表"), Some(TableKind::IncomeExpenditureSummary));
        // 深圳 publishes its basic spending of all funds, with the general budget's
        // in a column, as `基本支出总表`; a 财政拨款 one stays a table of its own.
        assert_eq!(k("基本支出总表"), Some(TableKind::GeneralBudgetBasicExpenditure));
        assert_eq!(k("财政拨款基本支出表（经济科目）"), Some(TableKind::Other));
        assert_eq!(k("2024 年没有使用国有资本经营预算拨款安排的支出，国有资本经营预算支出情况表为空表。"), None);
        assert_eq!(k("一、主要职能"), None);
    }

    /// The national 决算 format's names: `收入支出` for `收支`, and the income and
    /// spending summaries named without `总表`.
    #[test]
    fn final_accounts_titles() {
        let a = Aliases::default();
        let k = |t| match table_title(t, &a) {
            Some(TitleKind::Table(k)) => Some(k),
            _ => None,
        };
        assert_eq!(k("收入支出决算总表"), Some(TableKind::IncomeExpenditureSummary));
        assert_eq!(k("某市某经费（政府采购部分）项目绩效自评表（2022年度）"), Some(TableKind::PerformanceEvaluation));
        assert_eq!(k("二、收入决算表"), Some(TableKind::IncomeSummary));
        assert_eq!(k("三、支出决算表"), Some(TableKind::ExpenditureSummary));
        assert_eq!(k("财政拨款收入支出决算总表"), Some(TableKind::FiscalAllocationSummary));
        assert_eq!(k("政府性基金预算财政拨款收入支出决算表"), Some(TableKind::GovernmentFundExpenditure));
        // Qualified spending is not the spending summary.
        assert_eq!(k("部门预算基本支出预算表"), Some(TableKind::Other));
        assert_eq!(k("部门预算项目支出及其他支出预算表"), Some(TableKind::ProjectExpenditure));
        assert_eq!(k("项目支出总表"), Some(TableKind::ProjectExpenditure));
    }

    #[test]
    fn measures() {
        assert_eq!(measure("财政拨款（补助）小计"), Measure::FiscalAllocation);
        assert_eq!(measure("上级一般公共预算"), Measure::GeneralBudgetTransfer);
        assert_eq!(measure("其中：一般财力"), Measure::GeneralBudgetOwn);
        assert_eq!(measure("1、一般公共预算拨款"), Measure::GeneralBudget);
        assert_eq!(measure("公务用车购置及运行费（小计）"), Measure::Vehicles);
        assert_eq!(measure("项目支出合计"), Measure::Total);
        assert_eq!(measure("资本性支出（基本建设）"), Measure::EconomicClass(ClassCode::new("309").unwrap()));
        assert_eq!(measure("4. 财政专户核拨"), Measure::FiscalSpecialAccount);
        // The 决算 format names each budget's allocation.
        assert_eq!(measure("一、一般公共预算财政拨款收入"), Measure::GeneralBudget);
        assert_eq!(measure("政府性基金预算财政拨款"), Measure::GovernmentFund);
        assert_eq!(measure("国有资本经营预算财政拨款收入"), Measure::StateCapital);
    }

    #[test]
    fn numbering() {
        assert_eq!(split_numbering("十二、 其他重要事项"), (Some("十二"), "其他重要事项"));
        assert_eq!(split_numbering("(一) 单位运行经费情况"), (Some("一"), "单位运行经费情况"));
        assert_eq!(split_numbering("1.5万元"), (None, "1.5万元"));
        assert_eq!(numeral_value("十一"), Some(11));
        assert_eq!(numeral_value("二十三"), Some(23));
    }
}
