//! The figures of one generated 部门决算 (final accounts), drawn at random and made
//! consistent.
//!
//! A 决算 states what was spent, from which money, and what is carried into next year,
//! so its figures are kept per function 项 and per kind of money (一般公共预算,
//! 政府性基金, non-fiscal money): the outturn split into basic and project spending,
//! the balance carried in (年初结转和结余) and the balance carried out (年末结转和结余).
//! The year's income is *derived* from them — 本年收入 = 本年支出 + 年末 − 年初 — so the
//! carry-over identity holds exactly in every row and every total (all in printed
//! cents). The budget stage (年初预算数) is drawn next to the outturn: the explanation
//! compares the two, and the “三公” table prints both.
//!
//! The unit, the codes, the economic rows and the amounts are drawn with the budget
//! generator's pieces ([`crate::unit`], [`crate::pool`], [`crate::budget`]).

use crate::budget::{EconomicRow, ThreePublic, amount, draw_basic_codes, draw_economic, partition};
use crate::money::{Cents, round_fine};
use crate::pool::{Coded, pool};
use crate::rng::Rng;
use crate::unit::Unit;

/// The kinds of money a 决算 accounts for separately.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Money {
    /// 一般公共预算财政拨款.
    General,
    /// 政府性基金预算财政拨款.
    Fund,
    /// Money that is no fiscal allocation (事业收入 or 其他收入, see [`NonFiscal`]).
    NonFiscal,
}

impl Money {
    /// Every kind, in the tables' order (also the index into the per-kind arrays).
    pub const ALL: [Money; 3] = [Money::General, Money::Fund, Money::NonFiscal];

    /// The index into [`Line`]'s per-kind arrays.
    pub fn index(self) -> usize {
        self as usize
    }
}

/// Which income line a unit's non-fiscal money is: a public institution earns 事业收入,
/// an administrative unit has only 其他收入.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NonFiscal {
    /// 事业收入.
    Business,
    /// 其他收入.
    Other,
}

/// One function 项 of the accounts: its outturn, balances and budget.
#[derive(Clone, Debug)]
pub struct Line {
    /// The 项.
    pub code: Coded,
    /// Basic spending (general budget only).
    pub basic: Cents,
    /// Project spending by kind of money ([`Money::index`]).
    pub project: [Cents; 3],
    /// 年初结转和结余 by kind of money.
    pub opening: [Cents; 3],
    /// 年末结转和结余 by kind of money.
    pub closing: [Cents; 3],
    /// The general budget's 年初预算数 for this 项 (what the explanation compares
    /// the general-budget outturn with).
    pub budget: Cents,
}

impl Line {
    /// Spending of one kind of money.
    pub fn spending(&self, m: Money) -> Cents {
        let basic = if m == Money::General { self.basic } else { 0 };
        basic + self.project[m.index()]
    }

    /// Income of one kind of money: what was spent and carried out, less what was
    /// carried in.
    pub fn income(&self, m: Money) -> Cents {
        let i = m.index();
        self.spending(m) + self.closing[i] - self.opening[i]
    }

    /// All spending.
    pub fn total_spending(&self) -> Cents {
        Money::ALL.iter().map(|m| self.spending(*m)).sum()
    }

    /// All project spending.
    pub fn total_project(&self) -> Cents {
        self.project.iter().sum()
    }

    /// All income.
    pub fn total_income(&self) -> Cents {
        Money::ALL.iter().map(|m| self.income(*m)).sum()
    }
}

/// Every figure of a generated 决算.
#[derive(Clone, Debug)]
pub struct FinalAccounts {
    /// The unit.
    pub unit: Unit,
    /// The year accounted for.
    pub year: u16,
    /// The 项 with any money, in code order.
    pub lines: Vec<Line>,
    /// The basic-spending table's rows by economic 类 (301, 302, 303), summing to
    /// the general budget's basic spending.
    pub economic: Vec<(Coded, Vec<EconomicRow>)>,
    /// The “三公” expenses: (年初预算数, 决算数).
    pub three_public: (ThreePublic, ThreePublic),
    /// Which income line the non-fiscal money is.
    pub non_fiscal: NonFiscal,
    /// Last year's 收支总计 and 财政拨款收支总计 (the explanation's change on last year).
    pub prior_totals: (Cents, Cents),
    /// Index into the reasons given for a difference, so the text varies.
    pub reason_seed: usize,
    /// Government procurement spent: goods, works, services; of it granted to
    /// small and medium enterprises, and of that to small and micro ones.
    pub procurement: [Cents; 5],
    /// Vehicles held at the year's end: 一般公务用车, 执法执勤用车, 其他用车.
    pub vehicles: [u32; 3],
    /// The 部门整体支出 self-evaluation score in tenths of a point.
    pub self_evaluation: u32,
    /// The “三公” table prints the two stages as rows (`预算数` / `决算数`, 西安's
    /// form) rather than as column groups side by side (the national template's).
    pub three_public_rows: bool,
}

/// A budget near `outturn`: mostly −25%…+25% away, sometimes the same.
fn budget_near(rng: &mut Rng, outturn: Cents) -> Cents {
    if outturn == 0 || rng.chance(25) {
        return outturn;
    }
    let factor = rng.range(7_500, 12_500);
    round_fine(i64::try_from(i128::from(outturn) * i128::from(factor) / 100).unwrap_or(outturn)).max(1)
}

/// A balance beside `spending`: none most of the time, else up to a third of it.
fn balance(rng: &mut Rng, spending: Cents) -> Cents {
    if spending == 0 || !rng.chance(35) { 0 } else { rng.range(1, (spending / 3).max(1)) }
}

impl FinalAccounts {
    /// Draws the accounts of `unit` for `year`.
    pub fn draw(rng: &mut Rng, unit: Unit, year: u16) -> FinalAccounts {
        let pool = pool(year);
        let economic = draw_economic(rng, pool, &unit);
        let basic_total: Cents = economic.iter().flat_map(|(_, rows)| rows).map(|r| r.amount).sum();
        let basic_codes = draw_basic_codes(rng, pool, &unit);
        let mut lines: Vec<Line> = partition(rng, basic_total, basic_codes.len())
            .into_iter()
            .zip(basic_codes)
            .map(|(basic, code)| Line { code, basic, project: [0; 3], opening: [0; 3], closing: [0; 3], budget: 0 })
            .collect();
        // Projects: one 项 each (a 项 already carrying basic spending may take one).
        let count = match rng.below(10) {
            0..=1 => 0,
            2..=5 => 1,
            6..=8 => 2,
            _ => 3,
        };
        let with_fund = rng.chance(30);
        for i in 0..count {
            let money = if with_fund && i == 0 {
                Money::Fund
            } else if rng.chance(20) {
                Money::NonFiscal
            } else {
                Money::General
            };
            let code = rng.pick(&pool.xiang).clone();
            let spent = amount(rng, 1, 300);
            // A 项 holds one kind of project money, so a fund's 项 is never also the
            // general budget's (its rows would print two budgets' figures in one).
            match lines.iter_mut().find(|l| l.code == code) {
                Some(l) if money == Money::General && l.project[1] == 0 && l.project[2] == 0 => l.project[0] += spent,
                Some(_) => continue,
                None => {
                    let mut l = Line { code, basic: 0, project: [0; 3], opening: [0; 3], closing: [0; 3], budget: 0 };
                    l.project[money.index()] = spent;
                    lines.push(l);
                }
            }
        }
        // Non-fiscal money is also spent on the unit's running (its first 项) now and
        // then, as a public institution's 事业收入 is.
        let non_fiscal = if unit.admin { NonFiscal::Other } else { NonFiscal::Business };
        if rng.chance(25)
            && let Some(first) = lines.first_mut()
            && first.project[1] == 0
        {
            first.project[2] += amount(rng, 1, 40);
        }
        lines.sort_by(|a, b| a.code.cmp(&b.code));
        for l in &mut lines {
            for m in Money::ALL {
                // Basic spending is spent as allocated; project money carries over.
                let project = l.project[m.index()];
                l.opening[m.index()] = balance(rng, project);
                l.closing[m.index()] = balance(rng, project);
            }
            l.budget = budget_near(rng, l.spending(Money::General));
        }
        let operation =
            economic.iter().flat_map(|(_, rows)| rows).find(|r| r.item.code == "30231").map_or(0, |r| r.amount);
        let reception_row =
            economic.iter().flat_map(|(_, rows)| rows).find(|r| r.item.code == "30217").map(|r| r.amount);
        let outturn = if operation > 0 || reception_row.is_some() || rng.chance(40) {
            ThreePublic {
                abroad: if rng.chance(8) { amount(rng, 1, 8) } else { 0 },
                reception: reception_row.unwrap_or_else(|| if rng.chance(50) { amount(rng, 0, 5) } else { 0 }),
                purchase: if rng.chance(5) { amount(rng, 10, 30) } else { 0 },
                operation,
            }
        } else {
            ThreePublic::default()
        };
        let budget = ThreePublic {
            abroad: if outturn.abroad == 0 && rng.chance(10) {
                amount(rng, 1, 8)
            } else {
                budget_near(rng, outturn.abroad)
            },
            reception: budget_near(rng, outturn.reception),
            purchase: budget_near(rng, outturn.purchase),
            operation: budget_near(rng, outturn.operation),
        };
        let mut accounts = FinalAccounts {
            unit,
            year,
            lines,
            economic,
            three_public: (budget, outturn),
            non_fiscal,
            prior_totals: (0, 0),
            reason_seed: rng.below(64),
            procurement: [0; 5],
            vehicles: [0; 3],
            self_evaluation: 0,
            three_public_rows: false,
        };
        // Last year's totals: a 决算 always had a last year (never zero).
        let mut prior = |current: Cents| match crate::budget::prior_of(rng, current) {
            0 => current,
            p => p,
        };
        accounts.prior_totals = (prior(accounts.grand_total()), prior(accounts.fiscal_grand_total()));
        let goods = if rng.chance(70) { amount(rng, 1, 40) } else { 0 };
        let works = if rng.chance(10) { amount(rng, 5, 80) } else { 0 };
        let services = if rng.chance(50) { amount(rng, 1, 30) } else { 0 };
        let total = goods + works + services;
        let sme = if rng.chance(50) { total } else { total * rng.range(0, 100) / 100 };
        let micro = if rng.chance(50) { sme } else { sme * rng.range(0, 100) / 100 };
        accounts.procurement = [goods, works, services, sme, micro];
        accounts.vehicles = [rng.range(0, 3) as u32, rng.range(0, 2) as u32, rng.range(0, 2) as u32];
        accounts.self_evaluation = rng.range(850, 990) as u32;
        accounts.three_public_rows = rng.chance(30);
        accounts
    }

    /// The sum over the 项 of `f`.
    pub fn sum(&self, f: impl Fn(&Line) -> Cents) -> Cents {
        self.lines.iter().map(f).sum()
    }

    /// 本年收入 of one kind of money.
    pub fn income(&self, m: Money) -> Cents {
        self.sum(|l| l.income(m))
    }

    /// 本年支出 of one kind of money.
    pub fn spending(&self, m: Money) -> Cents {
        self.sum(|l| l.spending(m))
    }

    /// 年初结转和结余 of one kind of money.
    pub fn opening(&self, m: Money) -> Cents {
        self.sum(|l| l.opening[m.index()])
    }

    /// 年末结转和结余 of one kind of money.
    pub fn closing(&self, m: Money) -> Cents {
        self.sum(|l| l.closing[m.index()])
    }

    /// Basic spending (the general budget's).
    pub fn basic(&self) -> Cents {
        self.sum(|l| l.basic)
    }

    /// All project spending.
    pub fn project(&self) -> Cents {
        self.sum(Line::total_project)
    }

    /// 收入支出决算总表's 总计: 本年收入合计 + 年初结转和结余 (= 本年支出合计 + 年末).
    pub fn grand_total(&self) -> Cents {
        Money::ALL.iter().map(|m| self.income(*m) + self.opening(*m)).sum()
    }

    /// 财政拨款收入支出决算总表's 总计.
    pub fn fiscal_grand_total(&self) -> Cents {
        [Money::General, Money::Fund].iter().map(|m| self.income(*m) + self.opening(*m)).sum()
    }

    /// 人员经费 (301 + 303).
    pub fn personnel(&self) -> Cents {
        self.economic.iter().filter(|(l, _)| l.code != "302").flat_map(|(_, r)| r).map(|r| r.amount).sum()
    }

    /// 公用经费 (302).
    pub fn public_use(&self) -> Cents {
        self.economic.iter().filter(|(l, _)| l.code == "302").flat_map(|(_, r)| r).map(|r| r.amount).sum()
    }

    /// Whether any government-fund money was received, spent or carried.
    pub fn has_fund(&self) -> bool {
        self.lines.iter().any(|l| l.project[1] + l.opening[1] + l.closing[1] != 0)
    }

    /// The general budget's total 年初预算数.
    pub fn general_budget(&self) -> Cents {
        self.sum(|l| l.budget)
    }
}
