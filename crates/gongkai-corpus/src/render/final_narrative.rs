//! The prose of a 决算: cover and 目录, 第一部分 概况, 第三部分 情况说明 and 第四部分
//! 名词解释, in the forms of the example and of published 决算 (the central
//! departments'): totals with their change on last year, shares of the year's income
//! and spending, `年初预算为B万元，支出决算为A万元，完成年初预算的C%` with the reason
//! `决算数大于（小于）预算数的主要原因是…` where the two differ, and the “三公”
//! section comparing each category's outturn with its budget. Every figure is computed
//! from the printed ones.

use crate::budget::ThreePublic;
use crate::doc::{Doc, Mark};
use crate::final_accounts::{FinalAccounts, Money, NonFiscal};
use crate::money::{Cents, change_phrase, fmt_amount, fmt_percent, percent};
use crate::pool::pool;
use crate::render::final_tables::TITLES;
use crate::render::narrative::ORDINALS;
use crate::rng::Rng;

/// The explanation's sections after 第三部分, in order.
const SECTIONS: [&str; 10] = [
    "收入支出决算总体情况说明",
    "收入决算情况说明",
    "支出决算情况说明",
    "财政拨款收入支出决算总体情况说明",
    "一般公共预算财政拨款支出决算情况说明",
    "一般公共预算财政拨款基本支出决算情况说明",
    "财政拨款“三公”经费支出决算情况说明",
    "政府性基金预算财政拨款支出决算情况说明",
    "国有资本经营预算财政拨款支出决算情况说明",
    "其他重要事项的情况说明",
];

const MORE: [&str; 4] =
    ["预算执行中追加了预算，相应增加支出", "人员增加，相应增加支出", "新增专项工作任务", "业务工作量增加"];
const LESS: [&str; 4] =
    ["厉行节约，压减一般性支出", "相关工作未按计划开展", "部分项目结转下年实施", "人员减少，相应减少支出"];

/// The reason a 决算 gives for an outturn above or below its budget.
fn reason(a: &FinalAccounts, salt: usize, outturn: Cents, budget: Cents) -> &'static str {
    let list = if outturn > budget { &MORE } else { &LESS };
    list[(a.reason_seed + salt) % list.len()]
}

/// `决算数大于预算数的主要原因是…。` / `决算数与预算数持平。` after `subject`.
fn comparison(a: &FinalAccounts, salt: usize, subject: &str, outturn: Cents, budget: Cents) -> String {
    if outturn == budget {
        return format!("{subject}决算数与预算数持平。");
    }
    let word = if outturn > budget { "大于" } else { "小于" };
    format!("{subject}决算数{word}预算数的主要原因是{}。", reason(a, salt, outturn, budget))
}

/// `增加C万元，增长D%` (no `比上年预算`).
fn change(current: Cents, prior: Cents) -> String {
    change_phrase(current, prior).replacen("比上年预算", "", 1)
}

fn claim(printed: bool, completion: bool, comparison: bool) -> Mark {
    Mark::FinalClaim { printed, completion, comparison }
}

/// Cover, 目录 and 第一部分.
pub fn write_front(doc: &mut Doc, a: &FinalAccounts) {
    let (unit, year) = (a.unit.name.as_str(), a.year);
    doc.push(unit, Mark::Plain);
    doc.para(format!("{year}年度部门决算"), Mark::Plain);
    doc.push("目录", Mark::Plain);
    doc.push(format!("第一部分 {unit}概况"), Mark::Plain);
    doc.push("一、主要职能", Mark::Plain);
    doc.push("二、部门决算单位构成", Mark::Plain);
    doc.push(format!("第二部分 {unit}{year}年度部门决算表"), Mark::Plain);
    for (i, t) in TITLES.iter().enumerate() {
        doc.push(format!("{}、{t}", ORDINALS[i]), Mark::TocTable(i as u8 + 1));
    }
    doc.push(format!("第三部分 {unit}{year}年度部门决算情况说明"), Mark::Plain);
    doc.para("第四部分 名词解释", Mark::Plain);

    doc.push(format!("第一部分 {unit}概况"), Mark::Plain);
    doc.push("一、主要职能", Mark::Plain);
    doc.push(format!("{unit}{}", a.unit.functions), Mark::Plain);
    doc.push("二、部门决算单位构成", Mark::Plain);
    doc.para(format!("{unit}{year}年度部门决算仅包括本级。"), Mark::Plain);
}

fn heading(doc: &mut Doc, n: usize) {
    doc.push(format!("{}、{}", ORDINALS[n - 1], SECTIONS[n - 1]), Mark::SectionHeading(n as u8));
}

/// 第三部分.
pub fn write_explanation(doc: &mut Doc, a: &FinalAccounts, rng: &mut Rng) {
    let (unit, year) = (a.unit.name.as_str(), a.year);
    let (g, f, n) = (Money::General, Money::Fund, Money::NonFiscal);
    doc.para(format!("第三部分 {unit}{year}年度部门决算情况说明"), Mark::Plain);

    // 一
    heading(doc, 1);
    let grand = a.grand_total();
    let (prior_grand, prior_fiscal) = a.prior_totals;
    doc.push(
        format!(
            "{unit}{year}年度收、支总计{}万元。与{}年度相比，收、支总计各{}。{}",
            fmt_amount(grand),
            year - 1,
            change(grand, prior_grand),
            year_reason(grand, prior_grand)
        ),
        claim(true, false, false),
    );

    // 二
    heading(doc, 2);
    let year_income: Cents = Money::ALL.iter().map(|m| a.income(*m)).sum();
    let fiscal_income = a.income(g) + a.income(f);
    let mut parts = vec![format!(
        "财政拨款收入{}万元，占{}%",
        fmt_amount(fiscal_income),
        fmt_percent(percent(fiscal_income, year_income))
    )];
    let non_fiscal = a.income(n);
    if non_fiscal != 0 {
        let label = match a.non_fiscal {
            NonFiscal::Business => "事业收入",
            NonFiscal::Other => "其他收入",
        };
        parts.push(format!(
            "{label}{}万元，占{}%",
            fmt_amount(non_fiscal),
            fmt_percent(percent(non_fiscal, year_income))
        ));
    }
    let opening: Cents = Money::ALL.iter().map(|m| a.opening(*m)).sum();
    doc.push(
        format!(
            "{year}年度本年收入合计{}万元，其中：{}。年初结转和结余{}万元。",
            fmt_amount(year_income),
            parts.join("；"),
            fmt_amount(opening)
        ),
        Mark::FinalClaim { printed: true, completion: false, comparison: false },
    );

    // 三
    heading(doc, 3);
    let year_spending: Cents = Money::ALL.iter().map(|m| a.spending(*m)).sum();
    let (basic, project) = (a.basic(), a.project());
    let mut parts = Vec::new();
    for (label, v) in [("基本支出", basic), ("项目支出", project)] {
        if v != 0 {
            parts.push(format!("{label}{}万元，占{}%", fmt_amount(v), fmt_percent(percent(v, year_spending))));
        }
    }
    let closing: Cents = Money::ALL.iter().map(|m| a.closing(*m)).sum();
    doc.push(
        format!(
            "{year}年度本年支出合计{}万元，其中：{}。年末结转和结余{}万元。",
            fmt_amount(year_spending),
            parts.join("；"),
            fmt_amount(closing)
        ),
        claim(true, false, false),
    );

    // 四
    heading(doc, 4);
    let fiscal = a.fiscal_grand_total();
    doc.push(
        format!(
            "{year}年度财政拨款收入、支出总计{}万元。与{}年度相比，财政拨款收入、支出总计各{}。{}",
            fmt_amount(fiscal),
            year - 1,
            change(fiscal, prior_fiscal),
            year_reason(fiscal, prior_fiscal)
        ),
        claim(true, false, false),
    );

    // 五
    heading(doc, 5);
    let general = a.spending(g);
    doc.push("（一）一般公共预算财政拨款支出决算总体情况", Mark::Plain);
    if general == 0 {
        doc.push(format!("{unit}{year}年度没有一般公共预算财政拨款支出。"), Mark::Plain);
    } else {
        doc.push(
            format!(
                "{year}年度一般公共预算财政拨款支出{}万元，占本年支出合计的{}%。",
                fmt_amount(general),
                fmt_percent(percent(general, year_spending))
            ),
            claim(true, false, false),
        );
        doc.push("（二）一般公共预算财政拨款支出决算具体情况", Mark::Plain);
        let budget = a.general_budget();
        doc.push(
            format!(
                "{year}年度一般公共预算财政拨款支出年初预算为{}万元，支出决算为{}万元，完成年初预算的{}%。{}",
                fmt_amount(budget),
                fmt_amount(general),
                fmt_percent(percent(general, budget)),
                comparison(a, 0, "", general, budget)
            ),
            claim(false, true, false),
        );
        let p = pool(year);
        // `年初预算为` (the central form) or `年初预算` (the example's).
        let is = if rng.chance(50) { "为" } else { "" };
        for (i, l) in a.lines.iter().filter(|l| l.spending(g) != 0).enumerate() {
            let lei = p.lei.get(&l.code.code[..3]).copied().unwrap_or("");
            let kuan = p.kuan.get(&l.code.code[..5]).copied().unwrap_or("");
            let outturn = l.spending(g);
            doc.push(
                format!(
                    "{}.{lei}（类）{kuan}（款）{}（项）。年初预算{is}{}万元，支出决算{is}{}万元，完成年初预算的{}%。{}",
                    i + 1,
                    l.code.name,
                    fmt_amount(l.budget),
                    fmt_amount(outturn),
                    fmt_percent(percent(outturn, l.budget)),
                    comparison(a, i + 1, "", outturn, l.budget)
                ),
                claim(false, true, false),
            );
        }
    }

    // 六
    heading(doc, 6);
    doc.push(
        format!(
            "{year}年度一般公共预算财政拨款基本支出{}万元，其中：人员经费{}万元，公用经费{}万元。",
            fmt_amount(basic),
            fmt_amount(a.personnel()),
            fmt_amount(a.public_use())
        ),
        claim(true, false, false),
    );

    // 七
    heading(doc, 7);
    write_three_public(doc, a);

    // 八
    heading(doc, 8);
    if a.has_fund() {
        doc.push(
            format!("{year}年度政府性基金预算财政拨款支出{}万元。", fmt_amount(a.spending(f))),
            claim(true, false, false),
        );
    } else {
        doc.push(format!("{unit}{year}年度没有政府性基金预算财政拨款支出。"), Mark::Plain);
    }

    // 九
    heading(doc, 9);
    doc.push(format!("{unit}{year}年度没有国有资本经营预算财政拨款支出。"), Mark::Plain);

    // 十
    heading(doc, 10);
    doc.push("（一）机关运行经费支出情况", Mark::Plain);
    // (No table prints 机关运行经费: the claim is compared with nothing.)
    doc.push(format!("{year}年度机关运行经费支出{}万元。", fmt_amount(a.public_use())), claim(false, false, false));
    write_other_matters(doc, a);
}

/// 十's other parts: 政府采购 (总额 = 货物 + 工程 + 服务, the share granted to small and
/// medium enterprises and theirs to small and micro ones), 国有资产占用 (vehicles by
/// kind) and 预算绩效 (the self-evaluation).
fn write_other_matters(doc: &mut Doc, a: &FinalAccounts) {
    let (unit, year) = (a.unit.name.as_str(), a.year);
    doc.push("（二）政府采购支出情况", Mark::Plain);
    let [goods, works, services, sme, micro] = a.procurement;
    let total = goods + works + services;
    if total == 0 {
        doc.push(format!("{year}年度{unit}未发生政府采购支出。"), Mark::Plain);
    } else {
        let micro_share = if sme == 0 {
            String::new()
        } else {
            format!(
                "，其中：授予小微企业合同金额{}万元，占授予中小企业合同金额的{}%",
                fmt_amount(micro),
                fmt_percent(percent(micro, sme))
            )
        };
        doc.push(
            format!(
                "{year}年度{unit}政府采购支出总额{}万元，其中：政府采购货物支出{}万元、政府采购工程支出{}万元、政府采购服务支出{}万元。授予中小企业合同金额{}万元，占政府采购支出总额的{}%{micro_share}。",
                fmt_amount(total),
                fmt_amount(goods),
                fmt_amount(works),
                fmt_amount(services),
                fmt_amount(sme),
                fmt_percent(percent(sme, total))
            ),
            claim(false, false, false),
        );
    }
    doc.push("（三）国有资产占用情况", Mark::Plain);
    let [general, enforcement, other] = a.vehicles;
    doc.push(
        format!(
            "截至{year}年12月31日，{unit}共有车辆{}辆，其中：一般公务用车{general}辆、执法执勤用车{enforcement}辆、其他用车{other}辆；单价100万元以上设备（不含车辆）0台（套）。",
            general + enforcement + other
        ),
        Mark::Plain,
    );
    doc.push("（四）预算绩效情况", Mark::Plain);
    let projects = a.lines.iter().filter(|l| l.project[Money::General.index()] != 0).count();
    let score = a.self_evaluation;
    doc.para(
        format!(
            "根据预算绩效管理要求，{unit}组织对{year}年度一般公共预算项目支出开展绩效自评，共涉及项目{projects}个；开展部门整体支出绩效自评，自评得分{}.{}分。",
            score / 10,
            score % 10
        ),
        Mark::Plain,
    );
}

/// `主要原因是…。` for a change on last year (nothing when unchanged).
fn year_reason(current: Cents, prior: Cents) -> &'static str {
    if current > prior {
        "主要原因是业务工作经费增加。"
    } else if current < prior {
        "主要原因是厉行节约，压减一般性支出。"
    } else {
        ""
    }
}

/// 七, in the template's form: the “三公” total's budget, outturn and rate of
/// completion with each category's outturn and rate (`其中：因公出国（境）费支出决算为…，
/// 完成预算的…%`), the reason for the total's difference; then each category's
/// comparison with its budget in words; then each category's share of the outturn.
fn write_three_public(doc: &mut Doc, a: &FinalAccounts) {
    let (unit, year) = (a.unit.name.as_str(), a.year);
    let (b, f): (ThreePublic, ThreePublic) = a.three_public;
    if b.total() == 0 && f.total() == 0 {
        doc.push(format!("{unit}{year}年度无“三公”经费财政拨款支出。"), Mark::Plain);
        return;
    }
    let categories = [
        ("因公出国（境）费", b.abroad, f.abroad),
        ("公务用车购置及运行维护费", b.purchase + b.operation, f.purchase + f.operation),
        ("公务接待费", b.reception, f.reception),
    ];
    let each: Vec<String> = categories
        .iter()
        .map(|(name, budget, outturn)| {
            let rate = if *budget == 0 {
                String::new()
            } else {
                format!("，完成预算的{}%", fmt_percent(percent(*outturn, *budget)))
            };
            format!("{name}支出决算为{}万元{rate}", fmt_amount(*outturn))
        })
        .collect();
    doc.push("（一）“三公”经费财政拨款支出决算总体情况说明", Mark::Plain);
    doc.push(
        format!(
            "{year}年度“三公”经费财政拨款支出年初预算为{}万元，支出决算为{}万元，完成预算的{}%，其中：{}。{}",
            fmt_amount(b.total()),
            fmt_amount(f.total()),
            fmt_percent(percent(f.total(), b.total())),
            each.join("；"),
            comparison(a, 7, "“三公”经费支出", f.total(), b.total())
        ),
        claim(false, true, b.total() != f.total()),
    );
    for (i, (name, budget, outturn)) in categories.iter().enumerate() {
        if *budget != 0 || *outturn != 0 {
            doc.push(comparison(a, 8 + i, name, *outturn, *budget), claim(false, false, budget != outturn));
        }
    }
    if f.total() == 0 {
        return;
    }
    doc.push("（二）“三公”经费财政拨款支出决算具体情况说明", Mark::Plain);
    let shares: Vec<String> = categories
        .iter()
        .map(|(name, _, outturn)| {
            format!("{name}支出决算{}万元，占{}%", fmt_amount(*outturn), fmt_percent(percent(*outturn, f.total())))
        })
        .collect();
    doc.push(format!("“三公”经费财政拨款支出决算中，{}。", shares.join("；")), claim(true, false, false));
}

const GLOSSARY: [&str; 6] = [
    "1.财政拨款收入：指本级财政当年拨付的资金。",
    "2.事业收入：指事业单位开展专业业务活动及其辅助活动取得的收入。",
    "3.其他收入：指单位取得的除上述收入以外的各项收入。",
    "4.年初结转和结余：指以前年度尚未完成、结转到本年按有关规定继续使用的资金。",
    "5.年末结转和结余：指单位按有关规定结转到下年或以后年度继续使用的资金。",
    "6.“三公”经费：指用一般公共预算财政拨款安排的因公出国（境）费、公务用车购置及运行维护费和公务接待费。",
];

/// 第四部分.
pub fn write_back(doc: &mut Doc) {
    doc.blank();
    doc.push("第四部分 名词解释", Mark::Plain);
    for g in GLOSSARY {
        doc.push(g, Mark::Plain);
    }
}
