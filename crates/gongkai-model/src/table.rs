//! Disclosure tables (公开表), identified by what they are, not by their printed
//! number or title: provinces number and name the same table differently
//! (单位收支总体情况表 / 部门收支总表 / 收支预算总表 …).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::{ClassCode, Inference, Number, Provenance, TextRef, Unit};

/// What a table is. The national vocabulary; a table the recognizer cannot place
/// is kept as `other` with its title.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum TableKind {
    /// 收支总表: income by source vs expenditure by function 类; 收入总计 = 支出总计.
    IncomeExpenditureSummary,
    /// 收入总表: per function code, the total split by funding source.
    IncomeSummary,
    /// 支出总表: per function code, 合计 = 基本支出 + 项目支出.
    ExpenditureSummary,
    /// 财政拨款收支总表: fiscal allocations only, by budget type.
    FiscalAllocationSummary,
    /// 一般公共预算支出表: general public budget per function code.
    GeneralBudgetExpenditure,
    /// 一般公共预算基本支出表: per economic code, 合计 = 人员经费 + 公用经费.
    GeneralBudgetBasicExpenditure,
    /// 一般公共预算项目支出表: per project, by economic 类.
    GeneralBudgetProjectExpenditure,
    /// 项目支出表 covering all funds (some provinces).
    ProjectExpenditure,
    /// 政府性基金预算支出表.
    GovernmentFundExpenditure,
    /// 国有资本经营预算支出表.
    StateCapitalExpenditure,
    /// 财政拨款“三公”经费支出表 (some provinces add 会议费/培训费 or 机关运行经费).
    ThreePublicExpenses,
    /// 上年结转结余情况明细表.
    CarryOver,
    /// 政府采购预算表.
    GovernmentProcurement,
    /// 机关运行经费预算表.
    AgencyOperatingExpenses,
    /// 项目绩效自评表 / 部门整体支出绩效自评表: a form of a 决算's performance
    /// report (its project's funds by stage, indicators and scores), not a
    /// table of the disclosure.
    PerformanceEvaluation,
    /// A table the national vocabulary does not know; see its title.
    Other,
}

impl TableKind {
    /// Every kind, in the usual template order.
    pub const ALL: [TableKind; 16] = [
        TableKind::IncomeExpenditureSummary,
        TableKind::IncomeSummary,
        TableKind::ExpenditureSummary,
        TableKind::FiscalAllocationSummary,
        TableKind::GeneralBudgetExpenditure,
        TableKind::GeneralBudgetBasicExpenditure,
        TableKind::GeneralBudgetProjectExpenditure,
        TableKind::ProjectExpenditure,
        TableKind::GovernmentFundExpenditure,
        TableKind::StateCapitalExpenditure,
        TableKind::ThreePublicExpenses,
        TableKind::CarryOver,
        TableKind::GovernmentProcurement,
        TableKind::AgencyOperatingExpenses,
        TableKind::PerformanceEvaluation,
        TableKind::Other,
    ];

    /// A short Chinese name for messages (the national wording).
    pub fn name_zh(self) -> &'static str {
        match self {
            TableKind::IncomeExpenditureSummary => "收支总体情况表",
            TableKind::IncomeSummary => "收入总体情况表",
            TableKind::ExpenditureSummary => "支出总体情况表",
            TableKind::FiscalAllocationSummary => "财政拨款收支总体情况表",
            TableKind::GeneralBudgetExpenditure => "一般公共预算支出情况表",
            TableKind::GeneralBudgetBasicExpenditure => "一般公共预算基本支出情况表",
            TableKind::GeneralBudgetProjectExpenditure => "一般公共预算项目支出情况表",
            TableKind::ProjectExpenditure => "项目支出表",
            TableKind::GovernmentFundExpenditure => "政府性基金预算支出情况表",
            TableKind::StateCapitalExpenditure => "国有资本经营预算支出情况表",
            TableKind::ThreePublicExpenses => "财政拨款“三公”经费支出情况表",
            TableKind::CarryOver => "上年结转结余情况明细表",
            TableKind::GovernmentProcurement => "政府采购预算表",
            TableKind::AgencyOperatingExpenses => "机关运行经费预算表",
            TableKind::PerformanceEvaluation => "绩效自评表",
            TableKind::Other => "其他表",
        }
    }

    /// The stable snake_case id used in JSON, config files and plugin templates.
    pub fn id(self) -> &'static str {
        match self {
            TableKind::IncomeExpenditureSummary => "income_expenditure_summary",
            TableKind::IncomeSummary => "income_summary",
            TableKind::ExpenditureSummary => "expenditure_summary",
            TableKind::FiscalAllocationSummary => "fiscal_allocation_summary",
            TableKind::GeneralBudgetExpenditure => "general_budget_expenditure",
            TableKind::GeneralBudgetBasicExpenditure => "general_budget_basic_expenditure",
            TableKind::GeneralBudgetProjectExpenditure => "general_budget_project_expenditure",
            TableKind::ProjectExpenditure => "project_expenditure",
            TableKind::GovernmentFundExpenditure => "government_fund_expenditure",
            TableKind::StateCapitalExpenditure => "state_capital_expenditure",
            TableKind::ThreePublicExpenses => "three_public_expenses",
            TableKind::CarryOver => "carry_over",
            TableKind::GovernmentProcurement => "government_procurement",
            TableKind::AgencyOperatingExpenses => "agency_operating_expenses",
            TableKind::PerformanceEvaluation => "performance_evaluation",
            TableKind::Other => "other",
        }
    }

    /// Parses [`TableKind::id`].
    pub fn from_id(id: &str) -> Option<TableKind> {
        TableKind::ALL.into_iter().find(|k| k.id() == id)
    }

    /// Whether rows of this table are keyed by function codes (类/款/项).
    pub fn is_function_coded(self) -> bool {
        matches!(
            self,
            TableKind::IncomeSummary
                | TableKind::ExpenditureSummary
                | TableKind::GeneralBudgetExpenditure
                | TableKind::GovernmentFundExpenditure
                | TableKind::StateCapitalExpenditure
                | TableKind::GeneralBudgetProjectExpenditure
                | TableKind::ProjectExpenditure
                | TableKind::CarryOver
        )
    }
}

/// What a column — or a labelled line of a two-sided table — measures.
///
/// One vocabulary for both, because the same concept appears as a column in one
/// table (表2 “一般公共预算”) and as a line in another (表1 “一般公共预算拨款”).
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case", tag = "kind", content = "code")]
pub enum Measure {
    /// 合计 / 总计 of a table or a row.
    Total,
    /// 预算数 (the single amount column of a two-sided summary).
    BudgetAmount,
    /// 本年收入 (current-year income).
    CurrentYearIncome,
    /// 财政拨款（补助） / 财政拨款小计: all fiscal allocations.
    FiscalAllocation,
    /// 一般公共预算 (拨款): the general public budget.
    GeneralBudget,
    /// 一般财力 / 本级: the general budget from the county's own resources.
    GeneralBudgetOwn,
    /// 上级一般公共预算安排转移支付.
    GeneralBudgetTransfer,
    /// 政府性基金预算 (拨款).
    GovernmentFund,
    /// 政府性基金收入 (own).
    GovernmentFundOwn,
    /// 上级政府性基金安排转移支付.
    GovernmentFundTransfer,
    /// 国有资本经营预算 (拨款).
    StateCapital,
    /// 国有资本经营收入 (own).
    StateCapitalOwn,
    /// 上级国有资本经营预算安排转移支付.
    StateCapitalTransfer,
    /// 财政专户管理资金 / 财政专户核拨 (教育收费).
    FiscalSpecialAccount,
    /// 单位资金 (the unit's own funds).
    UnitFunds,
    /// 事业收入.
    OperationalIncome,
    /// 上级补助收入.
    SuperiorSubsidy,
    /// 附属单位上缴收入.
    SubsidiaryRemittance,
    /// 事业单位经营收入.
    BusinessIncome,
    /// 其他收入.
    OtherIncome,
    /// 其他资金 (收入): money that is neither a fiscal allocation nor the fiscal
    /// special account, as some templates print it in one column or group
    /// (广州's 其他资金 = 事业收入 + 事业单位经营收入 + 其他收入).
    OtherFunds,
    /// 上年结转结余 (all).
    CarryOver,
    /// 财政拨款结转 (结余).
    FiscalCarryOver,
    /// 非财政拨款结转结余.
    NonFiscalCarryOver,
    /// 收入总计.
    IncomeTotal,
    /// 支出总计.
    ExpenditureTotal,
    /// 本年支出 (current-year expenditure, some templates).
    CurrentYearExpenditure,
    /// 结转下年 (carried forward, some templates).
    CarryForward,
    /// 基本支出.
    Basic,
    /// 项目支出.
    Project,
    /// 人员经费.
    Personnel,
    /// 公用经费.
    PublicUse,
    /// 因公出国（境）费.
    Abroad,
    /// 公务接待费.
    Reception,
    /// 公务用车购置及运行费 (小计).
    Vehicles,
    /// 公务用车购置费.
    VehiclePurchase,
    /// 公务用车运行（维护）费.
    VehicleOperation,
    /// 会议费.
    Meetings,
    /// 培训费.
    Training,
    /// 机关运行经费.
    AgencyOperating,
    /// A column for one economic 类 (表7: 工资福利支出 = `301` …).
    EconomicClass(ClassCode),
    /// Something else; the header text says what.
    Other,
}

/// Which source of money a funding measure names: a budget's own money and
/// its transfers are that budget's; 财政拨款 is not one source but the three
/// budgets' together.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    GeneralBudget,
    GovernmentFund,
    StateCapital,
    FiscalSpecialAccount,
    UnitFunds,
    OperationalIncome,
    SuperiorSubsidy,
    SubsidiaryRemittance,
    BusinessIncome,
    OtherIncome,
    CarryOver,
}

impl Source {
    /// One of the three budgets whose money is the fiscal allocation (财政拨款).
    pub fn is_fiscal(self) -> bool {
        matches!(self, Source::GeneralBudget | Source::GovernmentFund | Source::StateCapital)
    }
}

impl Measure {
    /// The source of money the measure names, if it names one (not for
    /// 财政拨款, which is several).
    pub fn source(&self) -> Option<Source> {
        use Measure as M;
        Some(match self {
            M::GeneralBudget | M::GeneralBudgetOwn | M::GeneralBudgetTransfer => Source::GeneralBudget,
            M::GovernmentFund | M::GovernmentFundOwn | M::GovernmentFundTransfer => Source::GovernmentFund,
            M::StateCapital | M::StateCapitalOwn | M::StateCapitalTransfer => Source::StateCapital,
            M::FiscalSpecialAccount => Source::FiscalSpecialAccount,
            M::UnitFunds => Source::UnitFunds,
            M::OperationalIncome => Source::OperationalIncome,
            M::SuperiorSubsidy => Source::SuperiorSubsidy,
            M::SubsidiaryRemittance => Source::SubsidiaryRemittance,
            M::BusinessIncome => Source::BusinessIncome,
            M::OtherIncome | M::OtherFunds => Source::OtherIncome,
            M::CarryOver | M::FiscalCarryOver | M::NonFiscalCarryOver => Source::CarryOver,
            _ => return None,
        })
    }

    /// A short Chinese name for messages.
    pub fn name_zh(&self) -> &'static str {
        match self {
            Measure::Total => "合计",
            Measure::BudgetAmount => "预算数",
            Measure::CurrentYearIncome => "本年收入",
            Measure::FiscalAllocation => "财政拨款",
            Measure::GeneralBudget => "一般公共预算",
            Measure::GeneralBudgetOwn => "一般财力",
            Measure::GeneralBudgetTransfer => "上级一般公共预算转移支付",
            Measure::GovernmentFund => "政府性基金预算",
            Measure::GovernmentFundOwn => "政府性基金收入",
            Measure::GovernmentFundTransfer => "上级政府性基金转移支付",
            Measure::StateCapital => "国有资本经营预算",
            Measure::StateCapitalOwn => "国有资本经营收入",
            Measure::StateCapitalTransfer => "上级国有资本经营预算转移支付",
            Measure::FiscalSpecialAccount => "财政专户管理资金",
            Measure::UnitFunds => "单位资金",
            Measure::OperationalIncome => "事业收入",
            Measure::SuperiorSubsidy => "上级补助收入",
            Measure::SubsidiaryRemittance => "附属单位上缴收入",
            Measure::BusinessIncome => "事业单位经营收入",
            Measure::OtherIncome => "其他收入",
            Measure::OtherFunds => "其他资金",
            Measure::CarryOver => "上年结转结余",
            Measure::FiscalCarryOver => "财政拨款结转",
            Measure::NonFiscalCarryOver => "非财政拨款结转结余",
            Measure::IncomeTotal => "收入总计",
            Measure::ExpenditureTotal => "支出总计",
            Measure::CurrentYearExpenditure => "本年支出",
            Measure::CarryForward => "结转下年",
            Measure::Basic => "基本支出",
            Measure::Project => "项目支出",
            Measure::Personnel => "人员经费",
            Measure::PublicUse => "公用经费",
            Measure::Abroad => "因公出国（境）费",
            Measure::Reception => "公务接待费",
            Measure::Vehicles => "公务用车购置及运行费",
            Measure::VehiclePurchase => "公务用车购置费",
            Measure::VehicleOperation => "公务用车运行费",
            Measure::Meetings => "会议费",
            Measure::Training => "培训费",
            Measure::AgencyOperating => "机关运行经费",
            Measure::EconomicClass(_) => "经济分类",
            Measure::Other => "其他",
        }
    }
}

/// Which side of a two-sided table (收入 | 支出) a part is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    /// 收入 (left side).
    Income,
    /// 支出 (right side).
    Expenditure,
}

impl Side {
    /// 收入 / 支出.
    pub fn name_zh(self) -> &'static str {
        match self {
            Side::Income => "收入",
            Side::Expenditure => "支出",
        }
    }
}

/// A numeric column.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Column {
    /// What the column measures.
    pub measure: Measure,
    /// The header as printed; levels of a multi-line header joined with `/`
    /// (`财政拨款（补助）/一般公共预算`).
    pub header: String,
    /// The printed column index from a `※ … 1 2 3` row, when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub index: Option<String>,
    /// Why the measure was inferred rather than read from the column's own
    /// header; absent when it was read exactly.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inferred: Option<Inference>,
}

impl Column {
    /// The stage its header names (`决算数/公务接待费`, `预算数/合计`), if any: a
    /// 决算 table printing the budget beside the final accounts.
    pub fn stage(&self) -> Option<crate::Stage> {
        self.header.split('/').find_map(crate::Stage::of_label)
    }
}

/// What a row is within its table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RowRole {
    /// The 总计/合计 row of the table (or of a side).
    Total,
    /// A classification row (类, 款 or 项) or a project row.
    Item,
    /// A labelled line of a summary table (本年收入, 一般公共预算拨款 …).
    Line,
    /// A `其中：` line: a part of the line named by `part_of`.
    OfWhich,
    /// A grouping line without a code (e.g. the unit's name in a project table).
    Group,
}

/// One cell. An empty cell (nothing printed) has neither `amount` nor `text`,
/// which is different from a printed `0.00`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Cell {
    /// The amount printed in the cell, in the table's unit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<Number>,
    /// Non-numeric content (`-`, `/`, a note) kept verbatim.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// Where the cell's text stands (column and length on the row's line, page,
    /// spreadsheet cell).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<Provenance>,
    /// Why the value was inferred rather than read exactly (a number joined
    /// from pieces on two lines); absent when it was read exactly.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inferred: Option<Inference>,
}

impl Cell {
    /// A cell holding an amount.
    pub fn amount(value: Number, at: Option<Provenance>) -> Cell {
        Cell { amount: Some(value), text: None, at, inferred: None }
    }

    /// Whether nothing was printed.
    pub fn is_empty(&self) -> bool {
        self.amount.is_none() && self.text.is_none()
    }
}

/// One printed row.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Row {
    /// What the row is.
    pub role: RowRole,
    /// The classification code, for coded rows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<ClassCode>,
    /// The name or line label as printed (科目名称, `一、本年收入` without the numbering).
    pub label: String,
    /// The numbering printed before the label (`一、`, `1、`, `4.`), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub numbering: Option<String>,
    /// For labelled lines: what the line measures.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub measure: Option<Measure>,
    /// For project tables: the project name (项目名称).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project: Option<String>,
    /// For `其中` lines: index (within the part's rows) of the line they are part of.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part_of: Option<u32>,
    /// The cells, aligned with the part's columns.
    pub cells: Vec<Cell>,
    /// Why the row's code or cells were inferred rather than read exactly;
    /// absent when they were read exactly.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inferred: Option<Inference>,
    /// The row's line.
    pub source: Provenance,
}

impl Row {
    /// The stage its label names (`预算数`, `决算数`: the “三公” table printing the
    /// budget and the final accounts as rows), if any.
    pub fn stage(&self) -> Option<crate::Stage> {
        crate::Stage::of_label(&self.label)
    }
}

impl Row {
    /// The amount in column `index`, `None` when the cell is empty or absent.
    pub fn amount(&self, index: usize) -> Option<Number> {
        self.cells.get(index).and_then(|c| c.amount)
    }

    /// How the row is named in messages: `208 社会保障和就业支出` or the label.
    pub fn display(&self) -> String {
        match (&self.code, &self.project) {
            (Some(code), Some(project)) => format!("{code} {} / {project}", self.label),
            (Some(code), None) => format!("{code} {}", self.label),
            (None, Some(project)) => project.clone(),
            (None, None) => self.label.clone(),
        }
    }
}

/// A block of rows sharing one set of columns: the whole table, or one side of a
/// two-sided table (收入 | 支出).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TablePart {
    /// The side, for two-sided tables.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub side: Option<Side>,
    /// The numeric columns.
    pub columns: Vec<Column>,
    /// The rows in printed order.
    pub rows: Vec<Row>,
}

impl TablePart {
    /// The index of the first column measuring `measure`.
    pub fn column(&self, measure: &Measure) -> Option<usize> {
        self.columns.iter().position(|c| &c.measure == measure)
    }

    /// The total row (总计/合计), if printed.
    pub fn total_row(&self) -> Option<&Row> {
        self.rows.iter().find(|r| r.role == RowRole::Total)
    }

    /// The first row with this code.
    pub fn row_by_code(&self, code: &ClassCode) -> Option<&Row> {
        self.rows.iter().find(|r| r.code.as_ref() == Some(code))
    }

    /// The first labelled line measuring `measure`.
    pub fn line(&self, measure: &Measure) -> Option<&Row> {
        self.rows.iter().find(|r| r.measure.as_ref() == Some(measure))
    }

    /// Whether a column holds money of other years (上年结转, 年初结转和结余,
    /// 年末结转和结余): the part's total is then more than the year's money.
    pub fn prints_other_years(&self) -> bool {
        self.columns.iter().any(|c| {
            matches!(
                c.measure,
                Measure::CarryOver | Measure::FiscalCarryOver | Measure::NonFiscalCarryOver | Measure::CarryForward
            )
        })
    }
}

/// A disclosure table as published.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Table {
    /// What the table is.
    pub kind: TableKind,
    /// The printed number (`表 5` → 5), when printed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<u32>,
    /// The title as printed.
    pub title: String,
    /// 编制单位, when printed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub compiled_by: Option<String>,
    /// The money unit of the amounts (单位：万元 / 元).
    pub unit: Unit,
    /// The row blocks: one, or two for a two-sided table.
    pub parts: Vec<TablePart>,
    /// The statement that the table is empty (`…为空表。`), when it is: printed
    /// with the table, declared by the 目录 (`是否空表`), or, when neither says so,
    /// a sentence of the explanation naming the table.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub empty_statement: Option<TextRef>,
    /// Notes printed with the table (`注：由于四舍五入因素，部分分项加和与总计可能略有差异`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<TextRef>,
    /// The title line.
    pub source: Provenance,
}

impl Table {
    /// The only part, or the first.
    pub fn main(&self) -> Option<&TablePart> {
        self.parts.first()
    }

    /// The part of one side.
    pub fn side(&self, side: Side) -> Option<&TablePart> {
        self.parts.iter().find(|p| p.side == Some(side))
    }

    /// Whether the table has no amount in any cell.
    pub fn has_no_amounts(&self) -> bool {
        self.parts.iter().flat_map(|p| &p.rows).flat_map(|r| &r.cells).all(|c| c.amount.is_none())
    }

    /// How the table is named in messages: `表5 一般公共预算支出情况表`.
    pub fn display(&self) -> String {
        match self.number {
            Some(n) => format!("表{n}“{}”", self.title),
            None => format!("“{}”", self.title),
        }
    }
}

/// A table the active template requires but the document does not contain.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MissingTable {
    /// Which table.
    pub kind: TableKind,
    /// The title under which the document's table of contents lists it, if it does.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub listed_as: Option<TextRef>,
    /// A sentence of the explanation that mentions the table as empty, if any
    /// (that does not make the table present).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mentioned_empty: Option<TextRef>,
}
