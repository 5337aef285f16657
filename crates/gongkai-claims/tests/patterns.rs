//! One test per sentence pattern of the explanation text, with variants in
//! punctuation width, units, separators and wording.

use gongkai_claims::{ParsedClaim, Spanned, parse_paragraph, parse_quantity, span_text};
use gongkai_model::{ClaimKind, Direction, Level, Provenance, Quantity, SectionKind, Unit};

/// The only claim of `p`.
fn one(p: &str) -> ParsedClaim {
    let claims = parse_paragraph(p);
    assert_eq!(claims.len(), 1, "{claims:#?}");
    claims.into_iter().next().unwrap()
}

/// Printed text, value and unit of a figure.
fn fig(p: &str, q: &Option<Spanned<Quantity>>) -> (String, String, Unit) {
    let q = q.as_ref().expect("figure present");
    (span_text(p, &q.span), q.value.value.to_string(), q.value.unit)
}

fn printed(p: &str, q: &Option<Spanned<Quantity>>) -> String {
    fig(p, q).0
}

fn dir(d: &Option<Spanned<Direction>>) -> Option<Direction> {
    d.as_ref().map(|d| d.value)
}

#[test]
fn amount_with_share_and_change() {
    let p = "一般公共预算1,008.93万元，占99.82%，比上年预算增加128.95万元，增长14.65%，主要原因是1.单位人员薪资调增，2.生活补助项目中增加10名享受生活补助待遇人员。";
    let c = one(p);
    assert_eq!((c.kind, c.subject.label.as_str()), (ClaimKind::Amount, "一般公共预算"));
    assert_eq!(fig(p, &c.amount), ("1,008.93万元".into(), "1008.93".into(), Unit::WanYuan));
    assert_eq!(fig(p, &c.share), ("99.82%".into(), "99.82".into(), Unit::Percent));
    let ch = c.change.as_ref().unwrap();
    assert_eq!((dir(&ch.direction), dir(&ch.rate_direction)), (Some(Direction::Up), Some(Direction::Up)));
    assert_eq!(printed(p, &ch.amount), "128.95万元");
    assert_eq!(printed(p, &ch.rate), "14.65%");
    assert_eq!(span_text(p, &ch.span), "比上年预算增加128.95万元，增长14.65%");
    assert_eq!(span_text(p, &c.span), "一般公共预算1,008.93万元，占99.82%，比上年预算增加128.95万元，增长14.65%");
    assert_eq!(span_text(p, &ch.direction.as_ref().unwrap().span), "增加");
}

#[test]
fn share_names_its_whole() {
    for (p, whole) in [
        ("基本支出927.93万元，占91.81%。", None),
        ("基本支出927.93万元，占比为91.81%。", None),
        ("授予小微企业合同金额1015.5万元，占授予中小企业合同金额的55.78%。", Some("授予中小企业合同金额")),
        ("公务接待费0.9万元，占“三公”经费的比例为1.95%。", Some("“三公”经费")),
        ("项目支出82.77万元，占部门预算项目支出总额的 65.9%。", Some("部门预算项目支出总额")),
    ] {
        assert_eq!(one(p).share_of.as_deref(), whole, "{p}");
    }
}

#[test]
fn decrease_and_other_comparatives() {
    let p = "项目支出82.77万元，占8.19%，比上年预算减少321.07万元，下降79.50%";
    let ch = one(p).change.unwrap();
    assert_eq!((dir(&ch.direction), dir(&ch.rate_direction)), (Some(Direction::Down), Some(Direction::Down)));
    for p in [
        "基本支出927.93万元，比上年预算数增加414.95万元，增长80.89%。",
        "基本支出927.93万元，较上年增加414.95万元，增长80.89%。",
        "基本支出927.93万元，同比增加414.95万元，增长了80.89%。",
        "基本支出927.93万元，与上年相比增加414.95万元，增长率为80.89%。",
    ] {
        let c = one(p);
        let ch = c.change.as_ref().unwrap();
        assert_eq!(c.subject.label, "基本支出", "{p}");
        assert_eq!(printed(p, &ch.amount), "414.95万元", "{p}");
        assert_eq!(printed(p, &ch.rate), "80.89%", "{p}");
    }
    // 降低 and 提高 too; mismatched words are recorded as printed (the rules judge them).
    let p = "公用经费22.63万元，比上年降低1.00万元，提高4.23%";
    let ch = one(p).change.unwrap();
    assert_eq!((dir(&ch.direction), dir(&ch.rate_direction)), (Some(Direction::Down), Some(Direction::Up)));
}

#[test]
fn punctuation_width_units_and_separators() {
    // Full-width digits and punctuation keep their offsets.
    let p = "基本支出９２７．９３万元，占９１．８１％，比上年预算增加４１４．９５万元，增长８０．８９％。";
    let c = one(p);
    assert_eq!(fig(p, &c.amount), ("９２７．９３万元".into(), "927.93".into(), Unit::WanYuan));
    assert_eq!(printed(p, &c.change.as_ref().unwrap().rate), "８０．８９％");
    // Half-width punctuation.
    let p = "基本支出927.93万元,占91.81%,比上年预算增加414.95万元,增长80.89%.";
    let c = one(p);
    assert_eq!(printed(p, &c.share), "91.81%");
    assert_eq!(printed(p, &c.change.unwrap().amount), "414.95万元");
    // Yuan, with and without thousands separators, and a blank before the unit.
    let p = "项目支出827,700.00元，比上年预算减少3210700元";
    let c = one(p);
    assert_eq!(fig(p, &c.amount), ("827,700.00元".into(), "827700.00".into(), Unit::Yuan));
    assert_eq!(fig(p, &c.change.unwrap().amount), ("3210700元".into(), "3210700".into(), Unit::Yuan));
    let p = "基本支出 927.93 万元";
    assert_eq!(printed(p, &one(p).amount), "927.93 万元");
    // 1,008.93 and 1008.93 are the same number.
    assert_eq!(one("一般公共预算1008.93万元").amount.unwrap().value, parse_quantity("1,008.93万元").unwrap());
}

#[test]
fn missing_share_or_rate() {
    let p = "基本支出927.93万元，比上年预算增加414.95万元，增长80.89%";
    let c = one(p);
    assert!(c.share.is_none());
    assert!(c.change.unwrap().rate.is_some());
    let p = "基本支出927.93万元，比上年预算增加414.95万元。";
    let c = one(p);
    let ch = c.change.unwrap();
    assert!(ch.rate.is_none() && ch.rate_direction.is_none());
    assert_eq!(span_text(p, &ch.span), "比上年预算增加414.95万元");
}

#[test]
fn flat_and_new_items() {
    let p = "公务接待费0.00万元，与上年持平。";
    let c = one(p);
    let ch = c.change.unwrap();
    assert_eq!(dir(&ch.direction), Some(Direction::Flat));
    assert!(ch.amount.is_none());
    assert_eq!(span_text(p, &ch.span), "与上年持平");
    // A subject before the comparative opens a change-only claim.
    let p = "基本支出与上年预算一致，项目支出无变化。";
    let claims = parse_paragraph(p);
    assert_eq!(claims.len(), 2);
    assert_eq!(claims[0].subject.label, "基本支出");
    assert!(claims.iter().all(|c| dir(&c.change.as_ref().unwrap().direction) == Some(Direction::Flat)));
    // 持平 inside a reason says nothing new.
    let p = "公务用车运行费增加0.00万元，增长0.00%，主要原因是与上年预算持平。";
    assert_eq!(dir(&one(p).change.unwrap().direction), Some(Direction::Up));
    // A new item is written 增长100.00%.
    let p = "机关事业单位职业年金缴费支出(项)：2024年预算数为24.91万元，比上年预算增加24.91万元，增长100.00%";
    let ch = one(p).change.unwrap();
    assert_eq!(fig(p, &ch.rate), ("100.00%".into(), "100.00".into(), Unit::Percent));
}

#[test]
fn reasons_give_no_claims() {
    let p = "上级一般公共预算安排的转移支付资金1.46万元，占0.14%，比上年预算减少0.99万元，下降40.41%，主要原因是1995年以前退职人员享受生活补助人数减少，增加10名人员，依据昌州财建〔2024〕161号，2024年1月-2024年12月执行。";
    let c = one(p);
    assert_eq!(c.subject.label, "上级一般公共预算安排的转移支付资金");
    assert_eq!(
        span_text(p, &c.span),
        "上级一般公共预算安排的转移支付资金1.46万元，占0.14%，比上年预算减少0.99万元，下降40.41%"
    );
    // A reason mentioning an amount without a subject of its own adds nothing.
    let p = "项目支出82.46万元，比上年预算减少286.99万元，主要原因是：减少了5.00万元，下降3%。";
    let c = one(p);
    assert_eq!(printed(p, &c.change.unwrap().amount), "286.99万元");
}

#[test]
fn totals_keep_the_budget_term() {
    for (p, label) in [
        ("奇台县社会保险管理局单位收入预算1,010.70万元，其中：", "收入预算"),
        ("奇台县社会保险管理局单位2024年支出预算1,010.70万元，其中：", "支出预算"),
        ("奇台县社会保险管理局2024年财政拨款收支总预算1,010.39万元。", "财政拨款收支总预算"),
        ("按照全口径预算的原则，本单位所有收入和支出均纳入预算管理。收支总预算1,010.70万元。", "收支总预算"),
        ("奇台县社会保险管理局单位2024年一般公共预算拨款合计1,010.39万元，其中：", "一般公共预算拨款合计"),
        ("收入预算包括：一般公共预算拨款1,010.39万元。", "一般公共预算拨款"),
        ("其中：单位资金0.31万元", "单位资金"),
        ("（一）基本支出927.93万元", "基本支出"),
        ("某某局2024年专项业务费12.00万元", "专项业务费"),
    ] {
        let c = one(p);
        assert_eq!(c.subject.label, label, "{p}");
        assert_eq!(c.kind, ClaimKind::Amount, "{p}");
    }
}

#[test]
fn per_code_paragraphs() {
    for p in [
        "2. 社会保障和就业支出(类)行政事业单位养老支出(款)行政单位离退休(项)：2024年预算数为3.68万元，比上年预算增加1.02万元，增长38.35%，主要原因是：单位退休人员经费调整；",
        "2. 社会保障和就业支出（类）行政事业单位养老支出（款）行政单位离退休（项）:2024年预算数为3.68万元,比上年预算增加1.02万元,增长38.35%",
        "社会保障和就业支出(类)行政事业单位养老支出(款)行政单位离退休(项)预算数为3.68万元，比上年预算增加1.02万元，增长38.35%",
    ] {
        let c = one(p);
        assert_eq!(c.kind, ClaimKind::CodeParagraph, "{p}");
        assert_eq!(c.subject.label, "行政单位离退休");
        let names: Vec<_> = c.subject.names.iter().map(|n| (n.level, n.name.as_str())).collect();
        assert_eq!(
            names,
            [
                (Level::Lei, "社会保障和就业支出"),
                (Level::Kuan, "行政事业单位养老支出"),
                (Level::Xiang, "行政单位离退休")
            ]
        );
        assert_eq!(printed(p, &c.amount), "3.68万元");
        let ch = c.change.unwrap();
        assert_eq!((printed(p, &ch.amount), printed(p, &ch.rate)), ("1.02万元".into(), "38.35%".into()));
        assert!(span_text(p, &c.span).starts_with("社会保障和就业支出"), "{p}");
    }
    // The percent keeps the printed scale.
    let p =
        "住房保障支出(类)住房改革支出(款)住房公积金(项)：2024年预算数为40.96万元，比上年预算增加3.79万元，增长10.2%，";
    assert_eq!(one(p).change.unwrap().rate.unwrap().value.value.decimals(), 1);
}

#[test]
fn structure_shares() {
    let p = "1. 社会保障和就业支出（类）933.03万元，占92.34%；\n2. 卫生健康支出(类)36.40万元，占3.60%；\n3. 住房保障支出（类）40.96万元，占4.05%。";
    let claims = parse_paragraph(p);
    assert_eq!(claims.len(), 3);
    let got: Vec<_> = claims
        .iter()
        .map(|c| (c.kind, c.subject.names[0].name.as_str(), printed(p, &c.amount), printed(p, &c.share)))
        .collect();
    assert_eq!(got[1], (ClaimKind::StructureShare, "卫生健康支出", "36.40万元".into(), "3.60%".into()));
    assert!(claims.iter().all(|c| c.subject.names.len() == 1 && c.subject.names[0].level == Level::Lei));
}

#[test]
fn compositions() {
    let p = "人员经费905.30万元，主要包括：基本工资、津贴补贴、奖金、维修（护）费、奖励金等。";
    let c = one(p);
    assert_eq!(c.kind, ClaimKind::Composition);
    assert_eq!(c.items, ["基本工资", "津贴补贴", "奖金", "维修（护）费", "奖励金"]);
    assert_eq!(span_text(p, &c.span), "人员经费905.30万元，主要包括：基本工资、津贴补贴、奖金、维修（护）费、奖励金");
    let p = "公用经费22.63万元，主要包括办公费、印刷费。";
    assert_eq!(one(p).items, ["办公费", "印刷费"]);
    // Without an amount: the list itself is the claim.
    let c = one("收入预算包括：一般公共预算、单位资金等。");
    assert_eq!((c.kind, c.subject.label.as_str()), (ClaimKind::Composition, "收入预算"));
    assert!(c.amount.is_none());
    assert_eq!(c.items, ["一般公共预算", "单位资金"]);
    // 主要用于 describes uses: no items, no claims from it.
    let p =
        "社会保障和就业支出933.03万元，主要用于单位人员工资福利、养老、工伤等。卫生健康支出36.40万元，主要用于医疗。";
    let claims = parse_paragraph(p);
    assert_eq!(claims.len(), 2);
    assert!(claims.iter().all(|c| c.items.is_empty() && c.kind == ClaimKind::Amount));
}

#[test]
fn three_public_expenses() {
    let p = "奇台县社会保险管理局单位2024年财政拨款“三公”经费预算数为1.08万元，其中：因公出国（境）费0.00万元，公务用车购置费0.00万元，公务用车运行费1.08万元，公务接待费0.00万元。";
    let claims = parse_paragraph(p);
    let labels: Vec<_> = claims.iter().map(|c| c.subject.label.as_str()).collect();
    assert_eq!(labels, ["“三公”经费", "因公出国（境）费", "公务用车购置费", "公务用车运行费", "公务接待费"]);
    assert!(claims.iter().all(|c| c.amount.is_some() && c.change.is_none()));
    let p = "2024年财政拨款\"三公\"经费比上年预算减少0.50万元，下降10.00%，其中：因公出国(境)费增加0.00万元，增长0.00%，主要原因是本年未安排因公出国（境）费预算；公务用车购置费减少0.50万元，下降100.00%，主要原因是本年未安排；公务接待费与上年持平。";
    let claims = parse_paragraph(p);
    let labels: Vec<_> = claims.iter().map(|c| c.subject.label.as_str()).collect();
    assert_eq!(labels, ["“三公”经费", "因公出国(境)费", "公务用车购置费", "公务接待费"]);
    assert!(claims.iter().all(|c| c.amount.is_none() && c.change.is_some()));
    let ch = claims[2].change.as_ref().unwrap();
    assert_eq!((printed(p, &ch.amount), printed(p, &ch.rate)), ("0.50万元".into(), "100.00%".into()));
    assert_eq!(dir(&claims[3].change.as_ref().unwrap().direction), Some(Direction::Flat));
    assert_eq!(span_text(p, &claims[1].span), "因公出国(境)费增加0.00万元，增长0.00%");
}

#[test]
fn operating_costs_and_procurement() {
    let p = "奇台县社会保险管理局单位2024年的机关运行经费财政拨款预算22.63万元，比上年预算增加10.63万元，增长88.58%。主要原因是本年单位增加办公经费、差旅费等。";
    let c = one(p);
    assert_eq!(c.subject.label, "机关运行经费财政拨款预算");
    assert_eq!(printed(p, &c.change.unwrap().rate), "88.58%");
    let p = "2024年，奇台县社会保险管理局单位采购预算10.89万元，其中：政府采购货物预算4.45万元，政府采购工程预算0.00万元，政府采购服务预算6.44万元。";
    let labels: Vec<_> = parse_paragraph(p).into_iter().map(|c| c.subject.label).collect();
    assert_eq!(labels, ["采购预算", "政府采购货物预算", "政府采购工程预算", "政府采购服务预算"]);
    let p = "2024年，某单位面向中小企业预留政府采购项目预算金额10.89万元，小微企业预留政府采购项目预算金额10.89万元。";
    let labels: Vec<_> = parse_paragraph(p).into_iter().map(|c| c.subject.label).collect();
    assert_eq!(labels, ["面向中小企业预留政府采购项目预算金额", "小微企业预留政府采购项目预算金额"]);
}

#[test]
fn assets_give_quantity_and_value_claims() {
    let p = "1. 房屋93.44平方米，价值15.00万元。";
    let claims = parse_paragraph(p);
    let got: Vec<_> = claims.iter().map(|c| (c.subject.label.as_str(), fig(p, &c.amount))).collect();
    assert_eq!(
        got,
        [
            ("房屋", ("93.44平方米".into(), "93.44".into(), Unit::SquareMetre)),
            ("房屋价值", ("15.00万元".into(), "15.00".into(), Unit::WanYuan)),
        ]
    );
    let p = "2. 车辆2辆，价值33.72万元；其中：一般公务用车0辆，价值0.00万元；其他车辆2辆，价值33.72万元。";
    let labels: Vec<_> = parse_paragraph(p).into_iter().map(|c| c.subject.label).collect();
    assert_eq!(labels, ["车辆", "车辆价值", "一般公务用车", "一般公务用车价值", "其他车辆", "其他车辆价值"]);
    assert_eq!(one("3. 办公家具价值36.12万元。").subject.label, "办公家具价值");
    // Thresholds are not figures; the count is.
    let p = "单位价值50万元以上大型设备0台，单价100万元（含）以上设备（不含车辆）6台（套）。";
    let claims = parse_paragraph(p);
    assert_eq!(claims.len(), 2, "{claims:#?}");
    assert!(claims.iter().all(|c| c.amount.as_ref().unwrap().value.unit == Unit::Device));
}

#[test]
fn performance_overview() {
    let p = "2024年，本单位预算绩效管理整体预算绩效目标1个。涉及金额1,010.7万元；当年财政拨款项目1个，涉及预算金额82.46万元；当年非财政拨款项目0个，涉及预算金额0万元。具体情况见下表（按项目分别填报）：";
    let claims = parse_paragraph(p);
    let got: Vec<_> = claims.iter().map(|c| (c.subject.label.as_str(), printed(p, &c.amount))).collect();
    assert_eq!(
        got,
        [
            ("整体预算绩效目标", "1个".to_string()),
            ("整体预算绩效目标涉及金额", "1,010.7万元".into()),
            ("当年财政拨款项目", "1个".into()),
            ("当年财政拨款项目涉及预算金额", "82.46万元".into()),
            ("当年非财政拨款项目", "0个".into()),
            ("当年非财政拨款项目涉及预算金额", "0万元".into()),
        ]
    );
    assert_eq!(claims[1].amount.as_ref().unwrap().value.value.decimals(), 1);
    // Targets and per-unit rates are not claims; a head count with 人 is.
    assert!(parse_paragraph("认证率达到80%以上；应用率=100%；次数>=12次").is_empty());
    let p = "补贴人数：257人";
    assert_eq!((one(p).subject.label, printed(p, &one(p).amount)), ("补贴人数".into(), "257人".into()));
    assert!(parse_paragraph("补贴标准：生活费120元/月/人").is_empty());
}

#[test]
fn non_figures_and_unsupported_units() {
    for p in [
        "（一）一般公共预算当年拨款规模变化情况",
        "十、关于奇台县社会保险管理局单位2024年财政拨款“三公”经费预算情况说明",
        "设立的政策依据：昌州财建〔2024〕161号《关于提前下达1995年前退休（退职）人员2024年4月-2025年3月生活补贴资金预算的通知》",
        "收入预算1.5亿元。",
        "",
    ] {
        assert!(parse_paragraph(p).is_empty(), "{p}");
    }
}

#[test]
fn converts_to_model_claims() {
    let p = "基本支出927.93万元，占91.81%，比上年预算增加414.95万元，增长80.89%。";
    let c = one(p);
    let locate = |span: std::ops::Range<usize>| Provenance::span(7, span.start as u32 + 1, span.len() as u32);
    let claim = c.to_claim(SectionKind::Expenditure, p, &locate);
    assert_eq!(claim.text, "基本支出927.93万元，占91.81%，比上年预算增加414.95万元，增长80.89%");
    assert_eq!(claim.amount_at, Some(Provenance::span(7, 5, 8)));
    assert_eq!(claim.share.unwrap().value.to_string(), "91.81");
    let change = claim.change.unwrap();
    assert_eq!(change.direction, Some(Direction::Up));
    assert_eq!(change.source, Provenance::span(7, 22, 24));
}

#[test]
fn a_share_of_a_narrowed_base_is_not_read() {
    // The base excludes personnel and operating funds: no printed total is it.
    let p = "本部门共34个项目纳入绩效目标管理，涉及财政性资金合计3,558.05万元，占财政性资金(人员类和运转类中的公用经费项目支出除外)总额的比例为100%。";
    let claims = parse_paragraph(p);
    assert!(claims.iter().all(|c| c.share.is_none()), "{claims:#?}");
    assert!(claims.iter().any(|c| c.amount.as_ref().is_some_and(|a| a.value.value.to_string() == "3558.05")));
}

/// The figure compared with, printed in the sentence, is the change's base and
/// not a claim of its own (北京: `…比2025年年初预算数1,506,121.45万元减少…`).
#[test]
fn the_figure_compared_with_is_the_prior_year() {
    for p in [
        "2026年度收入预算1,448,787.35万元，比2025年年初预算数1,506,121.45万元减少57,334.09万元，下降3.81%。",
        "支出预算1,448,787.35万元，较上年预算1,506,121.45万元减少57,334.09万元，下降3.81%。",
        "支出预算1,448,787.35万元，比上年1,506,121.45万元减少57,334.09万元。",
    ] {
        let c = one(p);
        assert_eq!(printed(p, &c.amount), "1,448,787.35万元", "{p}");
        let ch = c.change.as_ref().expect(p);
        assert_eq!(printed(p, &ch.prior), "1,506,121.45万元", "{p}");
        assert_eq!(printed(p, &ch.amount), "57,334.09万元", "{p}");
        assert_eq!(dir(&ch.direction), Some(Direction::Down), "{p}");
    }
}

/// Last year's figure stated where this year's is not (`“三公”经费比2023年年初预算数
/// 25.13万元增加…`): it is the change's base, never this year's amount; and a
/// subject of its own before `比` starts a claim of its own.
#[test]
fn a_stated_prior_without_this_years_amount_is_the_base() {
    let p = "2024年财政拨款“三公”经费比2023年年初预算数25.13万元增加1.20万元，增长4.78%，主要原因是某事。";
    let c = one(p);
    assert!(c.amount.is_none(), "{c:#?}");
    assert_eq!(c.subject.label, "“三公”经费");
    let ch = c.change.as_ref().expect(p);
    assert_eq!(printed(p, &ch.prior), "25.13万元");
    assert_eq!(printed(p, &ch.amount), "1.20万元");
    assert_eq!(printed(p, &ch.rate), "4.78%");
    let p = "基本支出80.00万元；项目支出比上年预算数30.00万元减少10.00万元。";
    let claims = parse_paragraph(p);
    assert_eq!(claims.len(), 2, "{claims:#?}");
    assert!(claims[0].change.is_none(), "{claims:#?}");
    assert_eq!(printed(p, &claims[1].change.as_ref().unwrap().prior), "30.00万元");
}

/// A change after an enumeration of parts (`其中：甲…、乙…、丙…，较上年减少…`) is
/// the whole's; after a single part it stays the part's.
#[test]
fn a_change_after_an_enumeration_is_the_wholes() {
    let p = "本部门当年预算收入344,447.70万元，其中：一般公共预算拨款324,638.50万元、上年结转13,102.70万元、\
             其他收入3,444.00万元，较上年减少129,422.00万元，下降27.31%。";
    let claims = parse_paragraph(p);
    assert_eq!(claims.len(), 4, "{claims:#?}");
    let head = &claims[0];
    assert_eq!(printed(p, &head.amount), "344,447.70万元");
    let ch = head.change.as_ref().expect("the whole's change");
    assert_eq!(printed(p, &ch.amount), "129,422.00万元");
    assert_eq!(printed(p, &ch.rate), "27.31%");
    assert!(claims[1..].iter().all(|c| c.change.is_none()), "{claims:#?}");
    // One part, then its own change.
    let p = "支出预算1,010.70万元，其中：基本支出927.93万元，比上年增加414.95万元，增长80.89%。";
    let claims = parse_paragraph(p);
    assert_eq!(claims.len(), 2, "{claims:#?}");
    assert!(claims[0].change.is_none());
    assert_eq!(printed(p, &claims[1].change.as_ref().unwrap().amount), "414.95万元");
}

/// `1.某某费。2026年预算数5.00万元…`: a numbered first sentence without figures
/// is the paragraph's title, the subject of a generic measure after it; a
/// generic measure after a year (`某某费2026年预算数`) is the item's before
/// the year. A longer figure-free sentence, or one without numbering, is prose.
#[test]
fn a_generic_measure_takes_the_numbered_title_or_the_item_before_its_year() {
    let p = "1.因公出国（境）费用。2026年预算数5.00万元，较2025年年初预算增加1.00万元。";
    assert_eq!(one(p).subject.label, "因公出国（境）费用");
    let p = "公务用车购置费2026年预算数0.00万元，较2025年年初预算增加0.00万元。";
    assert_eq!(one(p).subject.label, "公务用车购置费");
    for p in [
        "因公出国（境）费用。2026年预算数5.00万元。",
        "1.本部门认真贯彻落实过紧日子要求严格控制一般性支出压减非必要开支。2026年预算数5.00万元。",
    ] {
        assert_eq!(one(p).subject.label, "预算数", "{p}");
    }
}

/// `（去年预算数为0万元，无法计算增减比率）`, `上年执行数为…`: last year's figure
/// after a change is that change's base, never a claim of its own.
#[test]
fn last_years_figure_after_a_change_is_its_base() {
    for (p, prior) in [
        ("某某（项）支出196万元，与上年相比增加196万元（去年预算数为0万元，无法计算增减比率）。", "0万元"),
        ("某某（项）18.00万元，比上年执行数增加18.00万元（上年执行数为0.00万元，无法计算增减比率）。", "0.00万元"),
        ("公务用车购置支出21.30万元，比上年预算数增加21.30万元（上年预算数为0万元）。", "0万元"),
    ] {
        let c = one(p);
        assert_eq!(printed(p, &c.change.as_ref().expect("a change").prior), prior, "{p}");
    }
}

/// A 决算's per-code paragraph states the budget, then the final figure of
/// the same 项 under a stage word only: both claims carry the names.
#[test]
fn a_final_figure_after_the_budget_is_of_the_same_subject() {
    let p = "2.教育支出（类）普通教育（款）学前教育（项）。年初预算999.83万元，支出决算1,182.59万元，完成年初预算的118.28%。";
    let claims = gongkai_claims::parse_paragraph(p);
    let coded: Vec<(ClaimKind, &str, usize)> = claims
        .iter()
        .filter(|c| c.amount.is_some())
        .map(|c| (c.kind, c.subject.label.as_str(), c.subject.names.len()))
        .collect();
    assert_eq!(coded, [(ClaimKind::CodeParagraph, "学前教育", 3), (ClaimKind::CodeParagraph, "学前教育支出决算", 3)]);
    // A chain of names is a title however long its names are.
    let p = "1.一般公共服务（类）信访事务（款）行政运行（项）。年初预算为5717.32万元，支出决算为5757.63万元。";
    let labels: Vec<(ClaimKind, String)> =
        gongkai_claims::parse_paragraph(p).into_iter().map(|c| (c.kind, c.subject.label)).collect();
    assert_eq!(
        labels,
        [(ClaimKind::CodeParagraph, "行政运行".to_owned()), (ClaimKind::CodeParagraph, "行政运行支出决算".to_owned())]
    );
}

#[test]
fn a_numbered_chain_of_names_alone_is_a_title() {
    assert!(gongkai_claims::is_title("2.一般公共服务（类）信访事务（款）一般行政管理事务（项）。"));
    assert!(!gongkai_claims::is_title(
        "2.一般公共服务（类）信访事务（款）一般行政管理事务（项）。年初预算为590.53万元"
    ));
    assert!(!gongkai_claims::is_title("一般公共服务（类）信访事务（款）一般行政管理事务（项）。"));
    assert!(!gongkai_claims::is_title("2.主要用于信访事务。"));
}

/// `收入总计、支出总计均为…`: `均` after a list says each item is the figure;
/// the subject is the list (`平均每辆…` keeps its word: no list before it).
#[test]
fn a_list_of_subjects_each_of_the_figure() {
    let p = "2022年度收入总计、支出总计均为2,480,372.7万元。";
    assert_eq!(one(p).subject.label, "收入总计、支出总计");
    let claims = parse_paragraph("购置公务用车2辆，平均每辆6.00万元。");
    assert_eq!(claims.last().map(|c| c.subject.label.as_str()), Some("平均每辆"));
}

/// `收入决算…，支出决算…` in a fund's section are two figures: a final figure
/// after another final figure is not its restatement at that stage.
#[test]
fn a_final_figure_after_a_final_figure_is_its_own() {
    let p = "政府性基金预算财政拨款年初结转和结余58,830.98万元，收入决算509,220.66万元，支出决算568,051.63万元，年末结转和结余0万元。";
    let labels: Vec<String> = parse_paragraph(p).into_iter().map(|c| c.subject.label).collect();
    assert_eq!(labels, ["政府性基金预算财政拨款年初结转和结余", "收入决算", "支出决算", "年末结转和结余"]);
}

/// A short numbered title (`2．公务用车购置费支出情况说明。`) names the item
/// whose figures follow by stage only; its words `情况说明` are no part of it.
/// A numbered sentence that describes (`2.主要用于信访事务。`) titles nothing.
#[test]
fn a_short_numbered_title_names_the_item_of_stage_only_figures() {
    assert!(gongkai_claims::is_title("2．公务用车购置费支出情况说明。"));
    assert!(!gongkai_claims::is_title("2．公务用车购置费支出情况说明，详见附表。"));
    let p = "2．公务用车购置费支出情况说明。为某单位购置公务用车5辆，预算136.48万元，支出决算136.48万元。";
    let labels: Vec<String> =
        parse_paragraph(p).into_iter().filter(|c| c.amount.is_some()).map(|c| c.subject.label).collect();
    assert_eq!(labels[1..], ["公务用车购置费支出", "公务用车购置费支出决算"]);
    // A chain title and a final figure with none before it.
    let p = "1.社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位基本养老保险缴费支出（项）。支出决算为60.00万元。";
    let c = one(p);
    assert_eq!(
        (c.kind, c.subject.label.as_str(), c.subject.names.len()),
        (ClaimKind::CodeParagraph, "机关事业单位基本养老保险缴费支出决算", 3)
    );
}

/// A level marker may carry its code's digits (`行政运行（01项）`, `（208类）`):
/// the chain of names, not a count of 1 项.
#[test]
fn a_level_marker_with_its_code_digits() {
    let p =
        "社会保障和就业支出（208类）行政事业单位养老支出（05款）机关事业单位基本养老保险缴费支出（05项）49.82万元。";
    let c = one(p);
    assert_eq!(
        (c.kind, c.subject.label.as_str(), c.subject.names.len()),
        (ClaimKind::CodeParagraph, "机关事业单位基本养老保险缴费支出", 3)
    );
}

/// A measure word with no subject, heading or title of its own (`本年预算安排`)
/// is of the paragraph's topic: the subject of its first amount.
#[test]
fn a_bare_measure_is_of_the_paragraphs_topic() {
    let p = "行政运行（01项）376.61万元。主要用于单位运行。本年预算安排376.16万元。";
    let claims: Vec<(String, String)> = parse_paragraph(p)
        .into_iter()
        .filter(|c| c.amount.is_some())
        .map(|c| (c.subject.label, c.amount.map(|a| a.value.value.to_string()).unwrap_or_default()))
        .collect();
    assert_eq!(claims, [("行政运行".to_owned(), "376.61".to_owned()), ("行政运行".to_owned(), "376.16".to_owned())]);
}

/// The figure compared with, stated before as a clause of its own
/// (`2025年预算执行数为A万元，2026年预算安排B万元，比2025年预算执行数增加X%`), is the
/// change's base: the comparison names its year and measure. Another figure of
/// the sentence that is not of that year and measure is never the base.
#[test]
fn a_figure_stated_before_the_comparison_is_its_base() {
    for (p, prior) in [
        (
            "某某（项）：2025年当年预算执行数为40.00万元，2026年预算安排50.00万元，比2025年预算执行数增加25.00%。",
            "40.00万元",
        ),
        ("某某（项）：上年执行数为40.00万元，本年预算安排50.00万元，比上年执行数增长25.00%。", "40.00万元"),
        ("某某支出2025年决算数为40.00万元，2026年预算数为50.00万元，比2025年决算数增长25.00%。", "40.00万元"),
    ] {
        let claims = parse_paragraph(p);
        let c = claims.iter().find(|c| c.change.is_some()).expect(p);
        assert_eq!(printed(p, &c.amount), "50.00万元", "{p}");
        assert_eq!(printed(p, &c.change.as_ref().unwrap().prior), prior, "{p}");
    }
    for p in [
        // Another year's figure: the comparison is with last year's 决算, not printed.
        "2025年收入决算60.00万元，支出决算50.00万元，比上年决算增长25.00%。",
        // No measure: `比上年增长` compares with a figure the sentence does not give.
        "上年执行数为40.00万元，本年预算50.00万元，比上年增长25.00%。",
        // In another sentence.
        "2025年预算执行数为40.00万元。2026年预算安排50.00万元，比2025年预算执行数增长25.00%。",
    ] {
        let claims = parse_paragraph(p);
        assert!(claims.iter().all(|c| c.change.as_ref().is_none_or(|ch| ch.prior.is_none())), "{p}: {claims:#?}");
    }
}
