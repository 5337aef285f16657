//! The prose parts: cover and 目录, 第一部分 单位概况, 第三部分 情况说明 (with every
//! numeric claim computed from the printed figures), 第四部分 名词解释 and the date.

use crate::budget::{Budget, ChangeForm, ProcurementText, Source};
use crate::doc::{Doc, Mark, row};
use crate::money::{Cents, change_phrase, fmt_amount, fmt_percent, percent, rate_phrase};
use crate::pool::pool;
use crate::render::tables::code_sums;
use crate::rng::Rng;

/// Chinese ordinals for headings.
pub const ORDINALS: [&str; 12] = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"];

const TABLE_TITLES: [&str; 11] = [
    "单位收支总体情况表",
    "单位收入总体情况表",
    "单位支出总体情况表",
    "财政拨款收支预算总体情况表",
    "一般公共预算支出情况表",
    "一般公共预算基本支出情况表",
    "一般公共预算项目支出情况表",
    "政府性基金预算支出情况表",
    "国有资本经营预算支出情况表",
    "财政拨款“三公”经费支出情况表",
    "上年结转结余情况明细表",
];

/// The explanation section titles after `关于{unit}{year}年`.
const SECTION_TITLES: [&str; 11] = [
    "收支预算情况的总体说明",
    "收入预算情况说明",
    "支出预算情况说明",
    "财政拨款收支预算情况的总体说明",
    "一般公共预算当年拨款情况说明",
    "一般公共预算基本支出情况说明",
    "一般公共预算项目支出情况说明",
    "政府性基金预算拨款情况说明",
    "国有资本经营预算拨款情况说明",
    "财政拨款“三公”经费预算情况说明",
    "上年结转结余预算情况说明",
];

const UP_REASONS: [&str; 4] =
    ["人员工资调整，社保和公积金缴费基数提高", "业务工作量增加，相应经费增加", "新增专项工作任务", "调整预算安排结构"];
const DOWN_REASONS: [&str; 4] =
    ["厉行节约，压减一般性支出", "部分项目已完成，预算相应减少", "人员退休，人员经费减少", "调整预算安排结构"];

fn reason(rng: &mut Rng, current: Cents, prior: Cents) -> &'static str {
    if current == prior {
        "与上年预算持平"
    } else if prior == 0 {
        "本年新增预算安排"
    } else if current > prior {
        UP_REASONS[rng.below(UP_REASONS.len())]
    } else {
        DOWN_REASONS[rng.below(DOWN_REASONS.len())]
    }
}

fn claim(share: bool, current: Cents, prior: Cents, code_paragraph: bool) -> Mark {
    Mark::Claim { share, change: current != prior, code_paragraph }
}

/// The change on last year in the document's form (`比上年预算增加…`,
/// `较上年…`, `与上年相比…`, `同比…`, `比2023年年初预算数B万元…`).
fn change(b: &Budget, current: Cents, prior: Cents) -> String {
    let phrase = change_phrase(current, prior);
    let with = match b.change_form {
        ChangeForm::PriorBudget => return phrase,
        ChangeForm::Compared => "较上年".to_owned(),
        ChangeForm::SinceLastYear => "与上年相比".to_owned(),
        ChangeForm::YearOnYear => "同比".to_owned(),
        ChangeForm::PriorStated => format!("比{}年年初预算数{}万元", b.year - 1, fmt_amount(prior)),
        ChangeForm::PriorRateOnly => {
            return format!("比{}年年初预算数{}万元{}", b.year - 1, fmt_amount(prior), rate_phrase(current, prior));
        }
        ChangeForm::Execution => {
            return format!("比{}年预算执行数{}万元{}", b.year - 1, fmt_amount(prior), rate_phrase(current, prior));
        }
    };
    phrase.replacen("比上年预算", &with, 1)
}

/// The change without `比上年预算` (the 三公 item clauses: `因公出国（境）费增加0.00万元，增长0.00%`).
fn short_change(current: Cents, prior: Cents) -> String {
    change_phrase(current, prior).replacen("比上年预算", "", 1)
}

/// Cover, 目录 and 第一部分.
pub fn write_front(doc: &mut Doc, b: &Budget) {
    let (unit, year) = (&b.unit.name, b.year);
    doc.blank();
    doc.push(unit.as_str(), Mark::Plain);
    doc.para(format!("{year} 年部门预算公开"), Mark::Plain);
    doc.para("目 录", Mark::Plain);
    doc.para(format!("第一部分 {year} 年{unit}单位概况"), Mark::Plain);
    doc.push("- 一、 主要职能", Mark::Plain);
    doc.para("- 二、 机构设置及人员情况", Mark::Plain);
    doc.para(format!("第二部分 {year} 年部门预算公开表"), Mark::Plain);
    for (i, t) in TABLE_TITLES.iter().enumerate() {
        doc.push(format!("- {}、 {t}", ORDINALS[i]), Mark::TocTable(i as u8 + 1));
    }
    if b.procurement_table().is_some() {
        doc.push(format!("- {}、 政府采购预算表", ORDINALS[11]), Mark::TocTable(12));
    }
    doc.blank();
    doc.para(format!("第三部分 {year} 年单位预算情况说明"), Mark::Plain);
    for (i, t) in SECTION_TITLES.iter().enumerate() {
        doc.push(format!("- {}、 关于{unit} {year} 年{t}", ORDINALS[i]), Mark::Plain);
    }
    doc.para("- 十二、 其他重要事项的情况说明", Mark::Plain);
    doc.para("第四部分 名词解释", Mark::Plain);

    doc.para(format!("第一部分 {year}年{unit}单位概况"), Mark::Plain);
    doc.para("一、主要职能", Mark::Plain);
    doc.para(format!("{}{}", unit, b.unit.functions), Mark::Plain);
    doc.para("二、机构设置及人员情况", Mark::Plain);
    doc.para(
        format!("{unit}无下属预算单位，下设{}个处室，分别是：{}。", b.unit.offices.len(), b.unit.offices.join("、")),
        Mark::Offices,
    );
    let s = &b.unit.staff;
    doc.para(
        format!(
            "{unit}编制数{}，实有人数{}人，其中：在职{}人，增加{}人；退休{}人，增加{}人；离休{}人，增加0人。",
            s.quota,
            s.total(),
            s.active,
            s.changes.0,
            s.retired,
            s.changes.1,
            s.lixiu
        ),
        Mark::Staffing,
    );
}

fn heading(doc: &mut Doc, n: usize, unit: &str, year: u16) {
    doc.para(
        format!("{}、关于{unit}{year}年{}", ORDINALS[n - 1], SECTION_TITLES[n - 1]),
        Mark::SectionHeading(n as u8),
    );
}

/// 第三部分, sections 一 … 十二.
pub fn write_explanation(doc: &mut Doc, b: &Budget, rng: &mut Rng) {
    let (unit, year) = (b.unit.name.as_str(), b.year);
    let p = pool(year);
    let sums = code_sums(b);
    let [general, upper, fund, unit_funds] = b.sources();
    let [p_general, p_upper, p_fund, p_unit] = b.prior_sources;
    let income = general + upper + fund + unit_funds;
    let basic = b.basic_total();
    let project_all: Cents = b.projects.iter().map(|p| p.amount).sum();
    let project_prior: Cents = b.projects.iter().map(|p| p.prior).sum();
    let mut lei_names: Vec<&str> = sums.keys().map(|c| p.lei.get(&c.code[..3]).copied().unwrap_or("")).collect();
    lei_names.dedup();

    doc.para(format!("第三部分 {year}年单位预算情况说明"), Mark::Plain);

    // 一
    heading(doc, 1, unit, year);
    doc.para(
        format!(
            "按照全口径预算的原则，{unit}{year}年所有收入和支出均纳入单位预算管理。收支总预算{}万元。",
            fmt_amount(income)
        ),
        Mark::Plain,
    );
    let mut kinds = vec!["一般公共预算"];
    if fund > 0 {
        kinds.push("政府性基金预算");
    }
    if unit_funds > 0 {
        kinds.push("单位资金");
    }
    doc.para(format!("收入预算包括：{}等。", kinds.join("、")), Mark::Plain);
    doc.para(format!("支出预算包括：{}。", lei_names.join("、")), Mark::Plain);

    // 二
    heading(doc, 2, unit, year);
    doc.para(format!("{unit}收入预算{}万元，其中：", fmt_amount(income)), Mark::Plain);
    let source_line = |doc: &mut Doc, rng: &mut Rng, label: &str, cur: Cents, prior: Cents| {
        if cur == 0 && prior == 0 {
            doc.para(format!("{label}未安排。"), Mark::Plain);
        } else {
            doc.para(
                format!(
                    "{label}{}万元，占{}%，{}，主要原因是{}。",
                    fmt_amount(cur),
                    fmt_percent(percent(cur, income)),
                    change(b, cur, prior),
                    reason(rng, cur, prior)
                ),
                claim(true, cur, prior, false),
            );
        }
    };
    source_line(doc, rng, "一般公共预算", general, p_general);
    source_line(doc, rng, "上级一般公共预算安排的转移支付资金", upper, p_upper);
    source_line(doc, rng, "政府性基金预算", fund, p_fund);
    doc.para("国有资本经营预算未安排。", Mark::Plain);
    source_line(doc, rng, "单位资金", unit_funds, p_unit);

    // 三
    heading(doc, 3, unit, year);
    doc.para(format!("{unit}{year}年支出预算{}万元，其中：", fmt_amount(income)), Mark::Plain);
    for (label, cur, prior) in [("基本支出", basic, b.prior_basic), ("项目支出", project_all, project_prior)] {
        if cur == 0 && prior == 0 {
            doc.para(format!("{label}未安排。"), Mark::Plain);
            continue;
        }
        doc.para(
            format!(
                "{label}{}万元，占{}%，{}，主要原因是{}。",
                fmt_amount(cur),
                fmt_percent(percent(cur, income)),
                change(b, cur, prior),
                reason(rng, cur, prior)
            ),
            claim(true, cur, prior, false),
        );
    }

    // 四
    heading(doc, 4, unit, year);
    let fiscal = general + upper + fund;
    doc.para(format!("{unit}{year}年财政拨款收支总预算{}万元。", fmt_amount(fiscal)), Mark::Plain);
    let mut incomes = format!("收入预算包括：一般公共预算拨款{}万元", fmt_amount(general + upper));
    if fund > 0 {
        incomes.push_str(&format!("，政府性基金预算拨款{}万元", fmt_amount(fund)));
    }
    incomes.push('。');
    doc.para(incomes, Mark::Plain);
    let mut by_lei: Vec<(&str, Cents)> = Vec::new();
    for (c, s) in &sums {
        let name = p.lei.get(&c.code[..3]).copied().unwrap_or("");
        match by_lei.last_mut() {
            Some((n, v)) if *n == name => *v += s.general(),
            _ => by_lei.push((name, s.general())),
        }
    }
    by_lei.retain(|(_, v)| *v > 0);
    let uses: Vec<String> = by_lei
        .iter()
        .map(|(n, v)| format!("{n}{}万元，主要用于单位人员工资福利及日常运转和业务工作", fmt_amount(*v)))
        .collect();
    doc.para(format!("一般公共预算支出包括：{}。", uses.join("；")), Mark::Plain);
    if fund > 0 {
        doc.para(format!("政府性基金预算支出{}万元，主要用于专项业务工作。", fmt_amount(fund)), Mark::Plain);
    }

    // 五
    heading(doc, 5, unit, year);
    doc.para("（一）一般公共预算当年拨款规模变化情况", Mark::Plain);
    let gp: Cents = b.general_projects().map(|p| p.amount).sum();
    let gp_prior: Cents = b.general_projects().map(|p| p.prior).sum();
    doc.para(
        format!(
            "{unit}{year}年一般公共预算拨款合计{}万元，其中：基本支出{}万元，{}。主要原因是：{}。项目支出{}万元，{}。主要原因是：{}。",
            fmt_amount(basic + gp),
            fmt_amount(basic),
            change(b, basic, b.prior_basic),
            reason(rng, basic, b.prior_basic),
            fmt_amount(gp),
            change(b, gp, gp_prior),
            reason(rng, gp, gp_prior)
        ),
        claim(false, basic, b.prior_basic, false),
    );
    doc.para("（二）一般公共预算当年拨款结构情况", Mark::Plain);
    let general_total = basic + gp;
    for (i, (name, v)) in by_lei.iter().enumerate() {
        let end = if i + 1 == by_lei.len() { "。" } else { "；" };
        doc.para(
            format!(
                "{}. {name}（类）{}万元，占{}%{end}",
                i + 1,
                fmt_amount(*v),
                fmt_percent(percent(*v, general_total))
            ),
            Mark::Claim { share: true, change: false, code_paragraph: false },
        );
    }
    doc.para("（三）一般公共预算当年拨款具体使用情况", Mark::Plain);
    let mut i = 0;
    for (c, s) in sums.iter().filter(|(_, s)| s.general() > 0) {
        i += 1;
        let cur = s.general();
        let prior = {
            let basic_prior = b.basic.iter().find(|x| x.0 == *c).map_or(0, |x| x.2);
            let project_prior: Cents = b.general_projects().filter(|p| p.code == *c).map(|p| p.prior).sum();
            basic_prior + project_prior
        };
        let lei = p.lei.get(&c.code[..3]).copied().unwrap_or("");
        let kuan = p.kuan.get(&c.code[..5]).copied().unwrap_or("");
        let figures = match b.change_form {
            // Last year's execution stated first, as the reviewers quote it.
            ChangeForm::Execution => format!(
                "{}年预算执行数为{}万元，{year}年预算安排{}万元，比{}年预算执行数{}",
                year - 1,
                fmt_amount(prior),
                fmt_amount(cur),
                year - 1,
                rate_phrase(cur, prior)
            ),
            _ => format!("{year}年预算数为{}万元，{}", fmt_amount(cur), change(b, cur, prior)),
        };
        doc.para(
            format!("{i}. {lei}(类){kuan}(款){}(项)：{figures}，主要原因是：{}；", c.name, reason(rng, cur, prior)),
            claim(false, cur, prior, true),
        );
    }

    // 六
    heading(doc, 6, unit, year);
    let (personnel, public) = (b.personnel(), b.public_use());
    doc.para(format!("{unit}{year}年一般公共预算基本支出{}万元，其中：", fmt_amount(basic)), Mark::Plain);
    let names = |public_side: bool| -> Vec<&str> {
        b.economic
            .iter()
            .filter(|(l, _)| (l.code == "302") == public_side)
            .flat_map(|(_, r)| r.iter().filter(|r| r.amount > 0).map(|r| r.item.name))
            .collect()
    };
    doc.para(format!("人员经费{}万元，主要包括：{}。", fmt_amount(personnel), names(false).join("、")), Mark::Plain);
    if public > 0 {
        doc.para(format!("公用经费{}万元，主要包括：{}。", fmt_amount(public), names(true).join("、")), Mark::Plain);
    } else {
        doc.para("公用经费0.00万元。", Mark::Plain);
    }

    // 七
    heading(doc, 7, unit, year);
    let gps: Vec<_> = b.general_projects().collect();
    if gps.is_empty() {
        doc.para(format!("{unit}{year}年没有安排一般公共预算项目支出。"), Mark::Plain);
    }
    for (i, pr) in gps.iter().enumerate() {
        doc.para(format!("{}. 项目名称：{}", i + 1, pr.name), Mark::Plain);
        doc.para(format!("设立的政策依据：{}《{}》", pr.basis.0, pr.basis.1), Mark::DocNumber { first: true });
        doc.para(format!("预算安排规模：{}万元", fmt_amount(pr.amount)), Mark::Plain);
        doc.para(format!("项目承担单位：{unit}"), Mark::Plain);
        let src =
            if pr.source == Source::Upper { "上级一般公共预算转移支付" } else { "一般公共预算" };
        doc.para(format!("资金分配情况：{src}"), Mark::Plain);
        doc.para(format!("资金执行时间：{year}年1月-{year}年12月"), Mark::Plain);
        doc.para("资金来源：年初财政安排预算", Mark::Plain);
    }

    // 八
    heading(doc, 8, unit, year);
    if fund > 0 {
        doc.para(
            format!(
                "{unit}{year}年政府性基金预算拨款安排的支出{}万元，{}，主要原因是{}。",
                fmt_amount(fund),
                change(b, fund, p_fund),
                reason(rng, fund, p_fund)
            ),
            claim(false, fund, p_fund, false),
        );
    } else {
        doc.para(
            format!("{unit}{year}年没有使用政府性基金预算拨款安排的支出，政府性基金预算支出情况表为空表。"),
            Mark::Plain,
        );
    }

    // 九
    heading(doc, 9, unit, year);
    doc.para(
        format!("{unit}{year}年没有使用国有资本经营预算拨款安排的支出，国有资本经营预算支出情况表为空表。"),
        Mark::Plain,
    );

    // 十
    heading(doc, 10, unit, year);
    let (tp, tpp) = b.three_public;
    if tp.total() == 0 && tpp.total() == 0 {
        doc.para(
            format!("{unit}{year}年没有使用财政拨款安排“三公”经费支出，财政拨款“三公”经费支出情况表为空表。"),
            Mark::Plain,
        );
    } else {
        doc.para(
            format!(
                "{unit}{year}年财政拨款“三公”经费预算数为{}万元，其中：因公出国（境）费{}万元，公务用车购置费{}万元，公务用车运行费{}万元，公务接待费{}万元。",
                fmt_amount(tp.total()),
                fmt_amount(tp.abroad),
                fmt_amount(tp.purchase),
                fmt_amount(tp.operation),
                fmt_amount(tp.reception)
            ),
            Mark::Plain,
        );
        let items = [
            ("因公出国（境）费", tp.abroad, tpp.abroad),
            ("公务用车购置费", tp.purchase, tpp.purchase),
            ("公务用车运行费", tp.operation, tpp.operation),
            ("公务接待费", tp.reception, tpp.reception),
        ];
        let parts: Vec<String> = items
            .iter()
            .map(|(l, c, pr)| format!("{l}{}，主要原因是{}", short_change(*c, *pr), reason(rng, *c, *pr)))
            .collect();
        doc.para(
            format!("{year}年财政拨款“三公”经费{}，其中：{}。", change(b, tp.total(), tpp.total()), parts.join("；")),
            claim(false, tp.total(), tpp.total(), false),
        );
    }

    // 十一
    heading(doc, 11, unit, year);
    doc.para(format!("{unit}{year}年无上年结转结余预算的支出，上年结转结余情况明细表为空表。"), Mark::Plain);

    // 十二
    doc.para("十二、 其他重要事项的情况说明", Mark::SectionHeading(12));
    doc.para("(一) 机关运行经费情况", Mark::Plain);
    doc.para(
        format!(
            "{unit}{year}年的机关运行经费财政拨款预算{}万元，{}。主要原因是{}。",
            fmt_amount(public),
            change(b, public, b.prior_public),
            reason(rng, public, b.prior_public)
        ),
        claim(false, public, b.prior_public, false),
    );
    doc.para("(二) 政府采购情况", Mark::Plain);
    let [goods, works, services, sme, micro] = b.procurement;
    let kinds = [goods, works, services];
    let total = goods + works + services;
    let list = |amounts: [Cents; 3], only_bought: bool| {
        let names = ["政府采购货物预算", "政府采购工程预算", "政府采购服务预算"];
        let parts: Vec<String> = (0..3)
            .filter(|&i| !only_bought || kinds[i] > 0)
            .map(|i| format!("{}{}万元", names[i], fmt_amount(amounts[i])))
            .collect();
        parts.join("、")
    };
    let (text, fund_list) = match b.procurement_form.text {
        ProcurementText::List => (
            format!(
                "{year}年，{unit}采购预算{}万元，其中：{}。",
                fmt_amount(total),
                list(kinds, false).replace('、', "，")
            ),
            false,
        ),
        // The general budget's list names only the kinds bought (each a line of
        // the procurement table, when one is printed).
        ProcurementText::ByFund => {
            let general = b.procurement_general;
            let text = format!(
                "{year}年，{unit}政府采购预算总额{}万元：{}；其中一般公共预算拨款政府采购{}万元：{}。",
                fmt_amount(total),
                list(kinds, false),
                fmt_amount(general.iter().sum()),
                list(general, true)
            );
            (text, b.procurement_table().is_some())
        }
        ProcurementText::Classes => (
            format!(
                "{year}年，{unit}政府采购预算总额{}万元，其中：货物类采购预算{}万元、工程类采购预算{}万元、服务类采购预算{}万元。",
                fmt_amount(total),
                fmt_amount(goods),
                fmt_amount(works),
                fmt_amount(services)
            ),
            false,
        ),
    };
    doc.para(text, Mark::Procurement { fund_list });
    doc.para(
        format!(
            "{year}年，{unit}面向中小企业预留政府采购项目预算金额{}万元，小微企业预留政府采购项目预算金额{}万元。",
            fmt_amount(sme),
            fmt_amount(micro)
        ),
        Mark::Plain,
    );
    write_assets(doc, b);
    write_performance(doc, b, income, [general, upper, fund, unit_funds]);
}

fn write_assets(doc: &mut Doc, b: &Budget) {
    let (unit, year) = (b.unit.name.as_str(), b.year);
    let a = &b.assets;
    doc.para("(三) 国有资产占用使用情况", Mark::Plain);
    doc.para(format!("截至{}年底，{unit}占用使用国有资产总体情况为", year - 1), Mark::Plain);
    doc.para(format!("1. 房屋{}平方米，价值{}万元。", fmt_amount(a.house.0), fmt_amount(a.house.1)), Mark::Plain);
    let [g, l, o] = a.vehicles;
    doc.para(
        format!(
            "2. 车辆{}辆，价值{}万元；其中：一般公务用车{}辆，价值{}万元；执法执勤用车{}辆，价值{}万元；其他车辆{}辆，价值{}万元。",
            g.0 + l.0 + o.0,
            fmt_amount(g.1 + l.1 + o.1),
            g.0,
            fmt_amount(g.1),
            l.0,
            fmt_amount(l.1),
            o.0,
            fmt_amount(o.1)
        ),
        Mark::Plain,
    );
    doc.para(format!("3. 办公家具价值{}万元。", fmt_amount(a.furniture)), Mark::Plain);
    doc.para(format!("4. 其他资产价值{}万元。", fmt_amount(a.other)), Mark::Plain);
    doc.para("单位价值50万元以上大型设备0台，单位价值100万元以上大型设备0台。", Mark::Plain);
    doc.para(
        format!("{year}年单位预算未安排购置车辆经费，安排购置50万元以上大型设备0台，单位价值100万元以上大型设备0台。"),
        Mark::Plain,
    );
}

fn write_performance(doc: &mut Doc, b: &Budget, income: Cents, sources: [Cents; 4]) {
    let (unit, year) = (b.unit.name.as_str(), b.year);
    let [general, upper, fund, unit_funds] = sources;
    let gps: Vec<_> = b.general_projects().collect();
    let gp: Cents = gps.iter().map(|p| p.amount).sum();
    let own: Vec<_> = b.projects_from(Source::UnitFunds).collect();
    let own_total: Cents = own.iter().map(|p| p.amount).sum();
    doc.para("(四) 预算绩效情况", Mark::Plain);
    doc.para(
        format!(
            "{year}年，本单位预算绩效管理整体预算绩效目标1个。涉及金额{}万元；当年财政拨款项目{}个，涉及预算金额{}万元；当年非财政拨款项目{}个，涉及预算金额{}万元。具体情况见下表（按项目分别填报）：",
            fmt_amount(income),
            gps.len(),
            fmt_amount(gp),
            own.len(),
            fmt_amount(own_total)
        ),
        Mark::Target,
    );
    doc.push(format!("{}单位（单位）整体绩效目标申报表", b.unit.county), Mark::Target);
    doc.para(format!("({year}年)"), Mark::Target);
    let t = Mark::Target;
    doc.push(row(&["单位（单位）名称（盖章）", "", unit, "", "", "", ""]), t.clone());
    doc.push(
        row(&[
            "年度绩效目标",
            "",
            "全面完成年度各项工作任务，保障单位正常运转，提升履职效能和服务水平。",
            "",
            "",
            "",
            "",
        ]),
        t.clone(),
    );
    doc.push(row(&["年度预算（万元）", "", "资金来源", "", "", "", ""]), t.clone());
    doc.push(row(&["", "", "财政资金（万元）", "上级资金", &fmt_amount(upper), "", ""]), t.clone());
    doc.push(row(&["", "", "", "本级资金", &fmt_amount(general + fund), "", ""]), t.clone());
    doc.push(row(&["", "", "其他资金（万元）", "其他", &fmt_amount(unit_funds), "", ""]), t.clone());
    doc.push(row(&["", "", "合计：", "", &fmt_amount(income), "", ""]), t.clone());
    doc.push("\t一级指标\t二级指标\t三级指标\t指标值\t指标值设定依据\t分值权重", t.clone());
    doc.push("年度绩效指标\t运行成本\t\t\t\t\t", t.clone());
    doc.push("年度绩效指标\t管理效率\t\t\t\t\t", t.clone());
    doc.push(
        format!("年度绩效指标\t履职效能\t数量指标\t完成年度重点工作任务数\t=12项\t{year}年工作要点\t30"),
        t.clone(),
    );
    doc.push(format!("年度绩效指标\t\t质量指标\t工作任务完成合格率\t=100%\t{year}年工作要点\t30"), t.clone());
    doc.push(format!("年度绩效指标\t社会效益\t\t服务对象满意度\t>=90%\t{year}年工作要点\t30"), t.clone());
    doc.push("年度绩效指标\t可持续发展能力\t\t\t\t\t", t.clone());
    doc.blank();
    for pr in &gps {
        doc.para("项目支出绩效目标表", Mark::Target);
        doc.para(format!("({year}年)"), Mark::Target);
        doc.push(row(&["预算单位", unit, "", "", "", "", "", "", ""]), t.clone());
        doc.push(row(&["项目名称", &pr.name, "", "", "项目负责人", "", "张明", "", ""]), t.clone());
        doc.push(
            row(&[
                "项目资金（万元）",
                "年度预算总额：",
                &fmt_amount(pr.amount),
                "其中：财政拨款",
                &fmt_amount(pr.amount),
                "其他资金：",
                "0.00",
                "",
                "",
            ]),
            t.clone(),
        );
        doc.push(
            row(&[
                "项目总体目标",
                &format!(
                    "依据{}《{}》文件精神，按时完成项目建设和资金拨付，保障项目取得预期效益。",
                    pr.basis.0, pr.basis.1
                ),
                "",
                "",
                "",
                "",
                "",
                "",
                "",
            ]),
            Mark::DocNumber { first: false },
        );
        doc.push(
            "一级指标\t二级指标\t三级指标\t指标值\t指标值设置依据\t上年完成值\t指标分值权重\t指标赋分规则\t佐证资料",
            t.clone(),
        );
        doc.push("产出指标\t数量指标\t项目完成数量\t=1项\t计划标准\t-\t30\t按照完成比例赋分\t工作资料", t.clone());
        doc.push("\t时效指标\t项目完成及时率(%)\t=100%\t计划标准\t-\t20\t按照完成比例赋分\t工作资料", t.clone());
        doc.push(
            "效益指标\t社会效益指标\t项目政策落实率(%)\t=100%\t计划标准\t-\t20\t按照完成比例赋分\t工作资料",
            t.clone(),
        );
        doc.push("满意度指标\t满意度指标\t服务对象满意度(%)\t>=90%\t计划标准\t-\t20\t满意度赋分\t说明材料", t.clone());
        doc.blank();
    }
    doc.para("(五) 其他需说明的事项", Mark::Plain);
    if own.is_empty() {
        doc.para("本单位无其他需说明的事项。", Mark::Plain);
    } else {
        doc.para(
            format!(
                "本单位当年非财政拨款项目有{}个,涉及预算资金{}万元,未公开绩效目标表原因:非财政资金为单位资金,本年未做绩效项目管理。",
                own.len(),
                fmt_amount(own_total)
            ),
            Mark::Plain,
        );
    }
}

const GLOSSARY: [&str; 8] = [
    "一、**财政拨款**:指由一般公共预算、政府性基金预算、国有资本经营预算安排的财政拨款数。",
    "二、**一般公共预算**:包括公共财政拨款(补助)资金、专项收入。",
    "三、**财政专户管理资金**:包括专户管理行政事业性收费(主要是教育收费)、其他非税收入。",
    "四、**其他资金**:包括事业收入、事业经营收入、其他收入等。",
    "五、**基本支出**:包括人员经费、公用经费(定额)。其中,人员经费包括工资福利支出、对个人和家庭的补助。",
    "六、**项目支出**:单位(单位)支出预算的组成部分,是各单位(单位)为完成其特定的行政任务或事业发展目标,在基本支出预算之外编制的年度项目支出计划。",
    "七、**“三公”经费**:指单位(单位)因公出国(境)费、公务用车购置及运行维护费和公务接待费。",
    "八、**机关运行经费**:指行政单位(含参照公务员法管理事业单位)的公用经费，包括办公及印刷费、邮电费、差旅费、会议费、福利费、日常维修费、专用材料及一般设备购置费、办公用房水电费、办公用房取暖费、办公用房物业管理费、公务用车运行维护费及其他费用。",
];

/// 第四部分 and the closing signature and date.
pub fn write_back(doc: &mut Doc, b: &Budget, rng: &mut Rng) {
    doc.para("第四部分 名词解释", Mark::Plain);
    for g in GLOSSARY {
        doc.para(g, Mark::Plain);
    }
    doc.para(b.unit.name.as_str(), Mark::Plain);
    doc.push(format!("{}年{}月{}日", b.year, rng.range(1, 3), rng.range(1, 28)), Mark::Plain);
}
