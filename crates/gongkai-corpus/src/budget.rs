//! The figures of one generated unit budget, drawn at random and made consistent.
//!
//! Detail is drawn with four decimals (ten-thousandths of 万元) and every printed
//! figure is rounded once to 0.01; each total is then the sum of the *printed*
//! parts, as the budget systems derive them. Prior-year figures are drawn next to the
//! current ones so the explanation can state changes.

use crate::money::{Cents, round_fine};
use crate::pool::{Coded, Pool, pool};
use crate::rng::Rng;
use crate::unit::Unit;

/// Where a project's money comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// 一般公共预算 (本级一般财力).
    General,
    /// 上级一般公共预算安排的转移支付.
    Upper,
    /// 政府性基金预算.
    Fund,
    /// 单位资金 (其他收入), not a fiscal allocation.
    UnitFunds,
}

/// The economic 类 a project's money is spent on (its column in 表7).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProjectEconomic {
    /// 商品服务支出.
    Goods,
    /// 对个人和家庭的补助.
    Individuals,
    /// 资本性支出.
    Capital,
}

/// One project.
#[derive(Clone, Debug)]
pub struct Project {
    /// 项目名称.
    pub name: String,
    /// The function 项 it is classified under.
    pub code: Coded,
    /// 预算数.
    pub amount: Cents,
    /// Last year's budget for the same project.
    pub prior: Cents,
    /// Funding source.
    pub source: Source,
    /// Economic column.
    pub economic: ProjectEconomic,
    /// The policy document it is based on (`奇财预〔2024〕6号`) and its title.
    pub basis: (String, String),
}

/// One economic 款 row of 表6.
#[derive(Clone, Debug)]
pub struct EconomicRow {
    /// Code and name.
    pub item: Coded,
    /// Amount.
    pub amount: Cents,
}

/// The 三公 items, all from the general budget.
#[derive(Clone, Copy, Debug, Default)]
pub struct ThreePublic {
    /// 因公出国（境）费.
    pub abroad: Cents,
    /// 公务接待费.
    pub reception: Cents,
    /// 公务用车购置费.
    pub purchase: Cents,
    /// 公务用车运行费 (= the 30231 row of 表6).
    pub operation: Cents,
}

impl ThreePublic {
    /// 合计.
    pub fn total(&self) -> Cents {
        self.abroad + self.reception + self.purchase + self.operation
    }
}

/// Every figure of a generated document.
#[derive(Clone, Debug)]
pub struct Budget {
    /// The unit.
    pub unit: Unit,
    /// Budget year.
    pub year: u16,
    /// 表6 rows by economic 类 (301, 302, 303; a 类 may be empty).
    pub economic: Vec<(Coded, Vec<EconomicRow>)>,
    /// Basic spending per function 项 (all from 一般财力).
    pub basic: Vec<(Coded, Cents, Cents)>,
    /// Projects.
    pub projects: Vec<Project>,
    /// 三公, this year and last.
    pub three_public: (ThreePublic, ThreePublic),
    /// Prior-year 一般财力, 上级转移支付, 基金, 单位资金.
    pub prior_sources: [Cents; 4],
    /// Prior-year basic spending and 公用经费 (机关运行经费).
    pub prior_basic: Cents,
    /// Prior-year 公用经费.
    pub prior_public: Cents,
    /// Government procurement: goods, works, services; SME and small-micro reservations.
    pub procurement: [Cents; 5],
    /// The general budget's part of goods, works and services.
    pub procurement_general: [Cents; 3],
    /// How the change on last year is written.
    pub change_form: ChangeForm,
    /// How the procurement is published.
    pub procurement_form: ProcurementForm,
    /// State assets: house m², house value, vehicles (count, value) by kind, furniture, other.
    pub assets: Assets,
}

/// How a document writes a change on last year (the forms of 情况说明 texts).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChangeForm {
    /// `比上年预算增加C万元，增长D%`.
    PriorBudget,
    /// `较上年增加C万元，增长D%`.
    Compared,
    /// `与上年相比增加C万元，增长D%`.
    SinceLastYear,
    /// `同比增加C万元，增长D%`.
    YearOnYear,
    /// `比2023年年初预算数B万元增加C万元，增长D%`: last year's figure stated.
    PriorStated,
    /// `比2023年年初预算数B万元增长D%`: last year's figure and the rate, no change amount.
    PriorRateOnly,
    /// Last year's execution as the base: `比2023年预算执行数B万元增长D%`, and a
    /// per-code paragraph states it as a clause of its own before this year's
    /// figure (`2023年预算执行数为B万元，2024年预算安排A万元，比2023年预算执行数增长D%`).
    Execution,
}

/// How a document publishes its procurement: a table of it or none, and the
/// sentence form of the explanation.
#[derive(Clone, Copy, Debug)]
pub struct ProcurementForm {
    /// How the procurement table names the kinds of purchase; `None`: no table.
    pub table: Option<KindLabels>,
    /// The sentence.
    pub text: ProcurementText,
}

/// How a procurement table names goods, works and services.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KindLabels {
    /// `货物`, `工程`, `服务`.
    Words,
    /// The catalogue's letters `A`, `B`, `C`.
    Letters,
    /// `A货物`, `B工程`, `C服务`.
    LettersAndWords,
}

/// The sentence forms of the procurement paragraph.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProcurementText {
    /// `采购预算X万元，其中：政府采购货物预算…`.
    List,
    /// The list, then the general budget's list after `其中一般公共预算拨款政府采购Y万元：`.
    ByFund,
    /// `政府采购预算总额X万元，其中：货物类采购预算…`.
    Classes,
}

/// The state-assets paragraph's figures.
#[derive(Clone, Debug)]
pub struct Assets {
    /// 房屋 area in m² (two decimals) and value.
    pub house: (Cents, Cents),
    /// 一般公务用车, 执法执勤用车, 其他车辆: count and value.
    pub vehicles: [(u32, Cents); 3],
    /// 办公家具价值.
    pub furniture: Cents,
    /// 其他资产价值.
    pub other: Cents,
}

/// Draws a fine amount (ten-thousandths of 万元) between `lo` and `hi` 万元 and rounds it.
pub(crate) fn amount(rng: &mut Rng, lo: i64, hi: i64) -> Cents {
    round_fine(rng.range(lo * 10_000, hi * 10_000)).max(1)
}

/// A prior-year figure near `current`: mostly a change of −40%…+60%, sometimes new
/// (zero last year) or unchanged.
pub(crate) fn prior_of(rng: &mut Rng, current: Cents) -> Cents {
    if current == 0 {
        return 0;
    }
    match rng.below(10) {
        0 => 0,
        1 => current,
        _ => {
            let factor = rng.range(6_000, 16_000);
            round_fine(i64::try_from(i128::from(current) * i128::from(factor) / 100).unwrap_or(current)).max(1)
        }
    }
}

const PROJECT_THEMES: [&str; 10] = [
    "基层业务工作经费",
    "信息化系统运行维护",
    "政策宣传培训",
    "专项业务能力提升",
    "办公设备购置",
    "困难群众生活补助",
    "乡村振兴衔接补助",
    "安全生产监督检查",
    "档案数字化建设",
    "业务用房维修改造",
];

const POLICY_TITLES: [&str; 5] = [
    "关于下达{year}年部门预算的通知",
    "关于提前下达{year}年专项资金预算的通知",
    "关于下达{year}年中央和自治区转移支付资金的通知",
    "关于印发{year}年重点工作任务的通知",
    "关于拨付{year}年补助资金的通知",
];

impl Budget {
    /// Draws a budget for `unit`.
    pub fn draw(rng: &mut Rng, unit: Unit, year: u16) -> Budget {
        let pool = pool(year);
        let economic = draw_economic(rng, pool, &unit);
        let basic_total: Cents = economic.iter().flat_map(|(_, rows)| rows).map(|r| r.amount).sum();
        let basic_codes = draw_basic_codes(rng, pool, &unit);
        let basic = partition(rng, basic_total, basic_codes.len())
            .into_iter()
            .zip(basic_codes)
            .map(|(a, c)| {
                let prior = prior_of(rng, a);
                (c, a, prior)
            })
            .collect();
        let projects = draw_projects(rng, pool, &unit, year);
        let operation =
            economic.iter().flat_map(|(_, rows)| rows).find(|r| r.item.code == "30231").map_or(0, |r| r.amount);
        let three = if operation > 0 || rng.chance(30) {
            ThreePublic {
                abroad: if rng.chance(8) { amount(rng, 1, 8) } else { 0 },
                reception: if rng.chance(60) { amount(rng, 0, 5) } else { 0 },
                purchase: 0,
                operation,
            }
        } else {
            ThreePublic::default()
        };
        let three_prior = ThreePublic {
            abroad: prior_of(rng, three.abroad),
            reception: prior_of(rng, three.reception),
            purchase: 0,
            operation: prior_of(rng, three.operation),
        };
        let goods = if rng.chance(70) { amount(rng, 1, 40) } else { 0 };
        let works = if rng.chance(15) { amount(rng, 5, 80) } else { 0 };
        let services = if rng.chance(60) { amount(rng, 1, 30) } else { 0 };
        let total = goods + works + services;
        let sme = if rng.chance(50) { total } else { total * rng.range(0, 100) / 100 };
        let micro = if rng.chance(50) { sme } else { sme * rng.range(0, 100) / 100 };
        let mut budget = Budget {
            unit,
            year,
            economic,
            basic,
            projects,
            three_public: (three, three_prior),
            prior_sources: [0; 4],
            prior_basic: 0,
            prior_public: 0,
            procurement: [goods, works, services, sme, micro],
            procurement_general: [0; 3],
            change_form: ChangeForm::PriorBudget,
            procurement_form: ProcurementForm { table: None, text: ProcurementText::List },
            assets: draw_assets(rng),
        };
        let [general, upper, fund, unit_funds] = budget.sources();
        budget.prior_sources =
            [prior_of(rng, general), prior_of(rng, upper), prior_of(rng, fund), prior_of(rng, unit_funds)];
        budget.prior_basic = prior_of(rng, budget.basic_total());
        budget.prior_public = prior_of(rng, budget.public_use());
        // (Drawn last, so that the figures drawn before stay what they were.)
        budget.procurement_general =
            [goods, works, services].map(|k| if rng.chance(50) { k } else { k * rng.range(0, 100) / 100 });
        budget.change_form = match rng.below(7) {
            0 => ChangeForm::PriorBudget,
            1 => ChangeForm::Compared,
            2 => ChangeForm::SinceLastYear,
            3 => ChangeForm::YearOnYear,
            4 => ChangeForm::PriorStated,
            5 => ChangeForm::PriorRateOnly,
            _ => ChangeForm::Execution,
        };
        budget.procurement_form = ProcurementForm {
            table: match rng.below(4) {
                0 => None,
                1 => Some(KindLabels::Words),
                2 => Some(KindLabels::Letters),
                _ => Some(KindLabels::LettersAndWords),
            },
            text: match rng.below(3) {
                0 => ProcurementText::List,
                1 => ProcurementText::ByFund,
                _ => ProcurementText::Classes,
            },
        };
        budget
    }

    /// 一般财力, 上级一般公共预算转移支付, 政府性基金, 单位资金.
    pub fn sources(&self) -> [Cents; 4] {
        let mut s = [self.basic_total(), 0, 0, 0];
        for p in &self.projects {
            s[source_index(p.source)] += p.amount;
        }
        s
    }

    /// All basic spending (表3/表5/表6).
    pub fn basic_total(&self) -> Cents {
        self.basic.iter().map(|b| b.1).sum()
    }

    /// 人员经费 (301 + 303).
    pub fn personnel(&self) -> Cents {
        self.economic.iter().filter(|(l, _)| l.code != "302").flat_map(|(_, r)| r).map(|r| r.amount).sum()
    }

    /// How the procurement table names the kinds of purchase, when one is
    /// printed (never for a budget buying nothing).
    pub fn procurement_table(&self) -> Option<KindLabels> {
        let [goods, works, services, ..] = self.procurement;
        self.procurement_form.table.filter(|_| goods + works + services > 0)
    }

    /// 公用经费 (302).
    pub fn public_use(&self) -> Cents {
        self.economic.iter().filter(|(l, _)| l.code == "302").flat_map(|(_, r)| r).map(|r| r.amount).sum()
    }

    /// The projects paid from the general public budget (表7).
    pub fn general_projects(&self) -> impl Iterator<Item = &Project> {
        self.projects.iter().filter(|p| matches!(p.source, Source::General | Source::Upper))
    }

    /// Projects of one source.
    pub fn projects_from(&self, source: Source) -> impl Iterator<Item = &Project> {
        self.projects.iter().filter(move |p| p.source == source)
    }

    /// Whether any government-fund money is budgeted.
    pub fn has_fund(&self) -> bool {
        self.projects.iter().any(|p| p.source == Source::Fund)
    }
}

/// The position of a source in [`Budget::sources`].
pub fn source_index(source: Source) -> usize {
    match source {
        Source::General => 0,
        Source::Upper => 1,
        Source::Fund => 2,
        Source::UnitFunds => 3,
    }
}

/// Splits `total` into `n` positive parts (the last takes the remainder so the parts
/// add up exactly).
pub(crate) fn partition(rng: &mut Rng, total: Cents, n: usize) -> Vec<Cents> {
    if n <= 1 {
        return vec![total];
    }
    let weights: Vec<i64> = (0..n).map(|_| rng.range(5, 100)).collect();
    let sum: i64 = weights.iter().sum();
    let mut parts: Vec<Cents> = weights.iter().map(|w| (total * w / sum).max(1)).collect();
    let used: Cents = parts[..n - 1].iter().sum();
    parts[n - 1] = total - used;
    if parts[n - 1] <= 0 {
        // Tiny totals: everything on the first code (the caller zips, so fewer parts
        // simply means fewer codes).
        return vec![total];
    }
    parts
}

pub(crate) fn draw_economic(rng: &mut Rng, pool: &Pool, unit: &Unit) -> Vec<(Coded, Vec<EconomicRow>)> {
    let scale = unit.staff.active.max(3) as i64;
    let mut out = Vec::new();
    for (lei, lo, hi, percent, min) in [("301", 1, 8, 70, 4), ("302", 0, 3, 45, 3), ("303", 0, 4, 30, 0)] {
        let Some(name) = pool.economic_lei.get(lei) else { continue };
        let Some(items) = pool.economic.get(lei) else { continue };
        let mut chosen = rng.subset(items, percent, min);
        // 公务用车运行维护费 appears with a vehicle, which most units have.
        if lei == "302"
            && rng.chance(55)
            && let Some(car) = items.iter().find(|c| c.code == "30231")
            && !chosen.contains(car)
        {
            chosen.push(car.clone());
            chosen.sort_by_key(|c| c.code);
        }
        let rows: Vec<EconomicRow> = chosen
            .into_iter()
            .map(|item| {
                let hi = if lei == "301" { hi * scale } else { hi * scale.min(10) };
                EconomicRow { item, amount: amount(rng, lo, hi.max(lo + 1)) }
            })
            .collect();
        if !rows.is_empty() {
            out.push((Coded { code: static_lei(lei), name }, rows));
        }
    }
    out
}

fn static_lei(lei: &str) -> &'static str {
    match lei {
        "301" => "301",
        "302" => "302",
        _ => "303",
    }
}

/// Personnel-related 项 that carry basic spending in most units, when the year's
/// catalog attests them.
const PERSONNEL_CODES: [&str; 5] = ["2080505", "2080506", "2101101", "2101102", "2210201"];

pub(crate) fn draw_basic_codes(rng: &mut Rng, pool: &Pool, unit: &Unit) -> Vec<Coded> {
    let mut codes: Vec<Coded> = Vec::new();
    let running = if unit.admin { "行政运行" } else { "事业运行" };
    let main: Vec<&Coded> = pool.xiang.iter().filter(|x| x.name == running).collect();
    if !main.is_empty() {
        codes.push((*rng.pick(&main)).clone());
    } else {
        codes.push(rng.pick(&pool.xiang).clone());
    }
    for code in PERSONNEL_CODES {
        if let Some(x) = pool.xiang.iter().find(|x| x.code == code)
            && rng.chance(70)
            && !codes.contains(x)
        {
            codes.push(x.clone());
        }
    }
    codes.sort_by_key(|c| c.code);
    codes
}

fn draw_projects(rng: &mut Rng, pool: &Pool, unit: &Unit, year: u16) -> Vec<Project> {
    let count = match rng.below(10) {
        0..=2 => 0,
        3..=6 => 1,
        7..=8 => 2,
        _ => 3,
    };
    let with_fund = rng.chance(25);
    let mut used: Vec<&str> = Vec::new();
    let mut out = Vec::new();
    // Distinct policy documents per project: two projects citing one title with two
    // numbers would be a real inconsistency (K103).
    let first_title = rng.below(POLICY_TITLES.len());
    for i in 0..count {
        let source = if with_fund && i == 0 {
            Source::Fund
        } else {
            match rng.below(10) {
                0..=5 => Source::General,
                6..=7 => Source::Upper,
                _ => Source::UnitFunds,
            }
        };
        // One project per 项 so that 表7 never prints two rows for one code.
        let free: Vec<&Coded> = pool.xiang.iter().filter(|x| !used.contains(&x.code)).collect();
        if free.is_empty() {
            break;
        }
        let code = (*rng.pick(&free)).clone();
        used.push(code.code);
        let theme = rng.pick(&PROJECT_THEMES);
        let amount = amount(rng, 1, 300);
        let economic = match rng.below(3) {
            0 => ProjectEconomic::Goods,
            1 => ProjectEconomic::Individuals,
            _ => ProjectEconomic::Capital,
        };
        let number = format!("{}财预〔{}〕{}号", unit.county_short, year, rng.range(1, 240));
        let title = POLICY_TITLES[(first_title + i) % POLICY_TITLES.len()].replace("{year}", &year.to_string());
        out.push(Project {
            name: format!("{year}年{}{theme}项目", unit.short_name),
            code,
            amount,
            prior: prior_of(rng, amount),
            source,
            economic,
            basis: (number, title),
        });
    }
    out
}

fn draw_assets(rng: &mut Rng) -> Assets {
    let mut vehicles = [(0u32, 0); 3];
    for v in &mut vehicles {
        if rng.chance(40) {
            let n = rng.range(1, 3) as u32;
            *v = (n, amount(rng, 8, 25) * i64::from(n));
        }
    }
    Assets {
        house: (rng.range(3_000, 300_000), amount(rng, 5, 400)),
        vehicles,
        furniture: amount(rng, 1, 60),
        other: amount(rng, 1, 200),
    }
}
