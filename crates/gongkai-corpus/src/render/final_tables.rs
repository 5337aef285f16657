//! 第二部分 of a 决算: the national format's nine tables (收入支出决算总表 … 财政拨款
//! “三公”经费支出决算表), in the layout of `examples/某局-2024-final-accounts.txt`:
//! title, `公开0N表`, unit and money unit; `行次` beside each side's labels and a
//! `栏次` index row; codes in one column (`2010301`); empty cells for zero; a note
//! under each table. Every total is the sum of the printed figures above it.

use std::collections::BTreeMap;

use crate::doc::{Doc, Mark, row};
use crate::final_accounts::{FinalAccounts, Line, Money, NonFiscal};
use crate::money::{Cents, fmt_amount, fmt_cell};
use crate::pool::pool;
use crate::render::narrative::ORDINALS;
use crate::render::tables::lei_name;

/// The nine titles, in the national order.
pub const TITLES: [&str; 9] = [
    "收入支出决算总表",
    "收入决算表",
    "支出决算表",
    "财政拨款收入支出决算总表",
    "一般公共预算财政拨款支出决算表",
    "一般公共预算财政拨款基本支出决算表",
    "政府性基金预算财政拨款收入支出决算表",
    "国有资本经营预算财政拨款支出决算表",
    "财政拨款“三公”经费支出决算表",
];

/// The row mark code of a summary line (`本年收入合计` …) of a two-sided table.
pub const YEAR_TOTAL: &str = "year-total";
/// The row mark code of the balances line (年初 | 年末结转和结余).
pub const BALANCES: &str = "balances";
/// The row mark code of the 总计 line.
pub const GRAND_TOTAL: &str = "grand-total";
/// The row mark code of a fund's line under 年初财政拨款结转和结余 (`opening-1` …).
pub const OPENING_OF: &str = "opening-";

fn head(doc: &mut Doc, n: u8, unit: &str) {
    doc.push(TITLES[usize::from(n) - 1], Mark::TableNumber(n));
    doc.push(format!("公开{n:02}表"), Mark::TableHead(n));
    doc.push(format!("部门：{unit}"), Mark::TableHead(n));
    doc.push("金额单位：万元", Mark::TableHead(n));
}

fn head_lines(doc: &mut Doc, n: u8, lines: &[&str]) {
    for l in lines {
        doc.push(*l, Mark::TableHead(n));
    }
}

fn note(doc: &mut Doc, n: u8, text: &str) {
    doc.push(format!("注：本表反映部门本年度{text}。"), Mark::TableHead(n));
    doc.blank();
}

/// The 类 and 款 sums of `items` (per-项 values), then rows 类, 款, 项 in code order,
/// each `code | name | values…`.
fn hierarchy(doc: &mut Doc, table: u8, year: u16, items: &[(&Line, Vec<Cents>)]) {
    let p = pool(year);
    let width = items.first().map_or(0, |i| i.1.len());
    let mut sums: BTreeMap<&str, Vec<Cents>> = BTreeMap::new();
    for (l, v) in items {
        for key in [&l.code.code[..3], &l.code.code[..5]] {
            let e = sums.entry(key).or_insert_with(|| vec![0; width]);
            for (a, b) in e.iter_mut().zip(v) {
                *a += b;
            }
        }
    }
    let line = |code: &str, name: &str, v: &[Cents]| {
        let mut r = vec![code.to_owned(), name.to_owned()];
        r.extend(v.iter().map(|c| fmt_cell(*c)));
        row(&r)
    };
    let (mut last_lei, mut last_kuan) = ("", "");
    for (l, v) in items {
        let (lei, kuan) = (&l.code.code[..3], &l.code.code[..5]);
        if lei != last_lei {
            last_lei = lei;
            let name = p.lei.get(lei).copied().unwrap_or("");
            doc.push(line(lei, name, &sums[lei]), Mark::TableRow { table, code: lei.to_owned() });
        }
        if kuan != last_kuan {
            last_kuan = kuan;
            let name = p.kuan.get(kuan).copied().unwrap_or("");
            doc.push(line(kuan, name, &sums[kuan]), Mark::TableRow { table, code: kuan.to_owned() });
        }
        doc.push(line(l.code.code, l.code.name, v), Mark::TableRow { table, code: l.code.code.to_owned() });
    }
}

/// The `合计` row of `items`.
fn total_row(doc: &mut Doc, table: u8, items: &[(&Line, Vec<Cents>)]) {
    let width = items.first().map_or(0, |i| i.1.len());
    let mut t = vec![0; width];
    for (_, v) in items {
        for (a, b) in t.iter_mut().zip(v) {
            *a += b;
        }
    }
    let mut r = vec!["合计".to_owned(), String::new()];
    r.extend(t.iter().map(|c| fmt_cell(*c)));
    doc.push(row(&r), Mark::TableRow { table, code: String::new() });
}

/// A 类 line's label: `一、一般公共服务支出` (the name alone past the ordinals).
fn numbered(i: usize, name: &str) -> String {
    ORDINALS.get(i).map_or_else(|| name.to_owned(), |o| format!("{o}、{name}"))
}

/// Spending per function 类 (code, name, value) where `f` is non-zero.
fn by_lei(a: &FinalAccounts, f: impl Fn(&Line) -> Cents) -> Vec<(&'static str, &'static str, Cents)> {
    let p = pool(a.year);
    let mut out: Vec<(&'static str, &'static str, Cents)> = Vec::new();
    for l in &a.lines {
        let lei = &l.code.code[..3];
        match out.last_mut() {
            Some((c, _, v)) if *c == lei => *v += f(l),
            _ => {
                let name = p.lei.get(lei).copied().unwrap_or_else(|| lei_name(lei, "", a.year));
                out.push((&l.code.code[..3], name, f(l)));
            }
        }
    }
    out.retain(|(_, _, v)| *v != 0);
    out
}

/// Writes 第二部分.
pub fn write_tables(doc: &mut Doc, a: &FinalAccounts) {
    let unit = a.unit.name.as_str();
    doc.para(format!("第二部分 {unit}{}年度部门决算表", a.year), Mark::Plain);
    summary(doc, a);
    income(doc, a);
    spending(doc, a);
    fiscal_summary(doc, a);
    general(doc, a);
    basic(doc, a);
    fund(doc, a);
    state_capital(doc, a);
    three_public(doc, a);
}

/// 公开01表: income by source | spending by 类, with the balances.
fn summary(doc: &mut Doc, a: &FinalAccounts) {
    head(doc, 1, &a.unit.name);
    head_lines(doc, 1, &["收入\t\t\t支出\t\t", "项目\t行次\t金额\t项目\t行次\t金额", "栏次\t\t1\t栏次\t\t2"]);
    let non_fiscal = a.income(Money::NonFiscal);
    let (business, other) = match a.non_fiscal {
        NonFiscal::Business => (non_fiscal, 0),
        NonFiscal::Other => (0, non_fiscal),
    };
    let left: [(&str, Cents); 8] = [
        ("一、一般公共预算财政拨款收入", a.income(Money::General)),
        ("二、政府性基金预算财政拨款收入", a.income(Money::Fund)),
        ("三、国有资本经营预算财政拨款收入", 0),
        ("四、上级补助收入", 0),
        ("五、事业收入", business),
        ("六、经营收入", 0),
        ("七、附属单位上缴收入", 0),
        ("八、其他收入", other),
    ];
    let right = by_lei(a, Line::total_spending);
    for i in 0..left.len().max(right.len()) {
        let (l, v) = left.get(i).map_or((String::new(), 0), |(l, v)| ((*l).to_owned(), *v));
        let left_no = if i < left.len() { (i + 1).to_string() } else { String::new() };
        let (r, rv, code) =
            right.get(i).map_or((String::new(), 0, String::new()), |(c, n, v)| (numbered(i, n), *v, (*c).to_owned()));
        doc.push(
            row(&[l, left_no, fmt_cell(v), r, (32 + i).to_string(), fmt_cell(rv)]),
            Mark::TableRow { table: 1, code },
        );
    }
    let year_income: Cents = Money::ALL.iter().map(|m| a.income(*m)).sum();
    let year_spending: Cents = Money::ALL.iter().map(|m| a.spending(*m)).sum();
    let opening: Cents = Money::ALL.iter().map(|m| a.opening(*m)).sum();
    let closing: Cents = Money::ALL.iter().map(|m| a.closing(*m)).sum();
    let grand = a.grand_total();
    for (code, l, lv, r, rv) in [
        (YEAR_TOTAL, "本年收入合计\t27", year_income, "本年支出合计\t57", year_spending),
        ("", "使用非财政拨款结余\t28", 0, "结余分配\t58", 0),
        (BALANCES, "年初结转和结余\t29", opening, "年末结转和结余\t59", closing),
        (GRAND_TOTAL, "总计\t30", grand, "总计\t60", grand),
    ] {
        doc.push(
            format!("{l}\t{}\t{r}\t{}", fmt_cell(lv), fmt_cell(rv)),
            Mark::TableRow { table: 1, code: code.to_owned() },
        );
    }
    note(doc, 1, "的总收支和年末结转结余情况");
}

/// 公开02表: income per function code by source.
fn income(doc: &mut Doc, a: &FinalAccounts) {
    head(doc, 2, &a.unit.name);
    head_lines(
        doc,
        2,
        &[
            "项目\t\t本年收入合计\t财政拨款收入\t上级补助收入\t事业收入\t经营收入\t附属单位上缴收入\t其他收入",
            "科目代码\t科目名称\t\t\t\t\t\t\t",
            "栏次\t\t1\t2\t3\t4\t5\t6\t7",
        ],
    );
    let items: Vec<(&Line, Vec<Cents>)> = a
        .lines
        .iter()
        .filter(|l| l.total_income() != 0)
        .map(|l| {
            let fiscal = l.income(Money::General) + l.income(Money::Fund);
            let nf = l.income(Money::NonFiscal);
            let (business, other) = match a.non_fiscal {
                NonFiscal::Business => (nf, 0),
                NonFiscal::Other => (0, nf),
            };
            (l, vec![l.total_income(), fiscal, 0, business, 0, 0, other])
        })
        .collect();
    total_row(doc, 2, &items);
    hierarchy(doc, 2, a.year, &items);
    note(doc, 2, "取得的各项收入情况");
}

/// 公开03表: spending per function code, basic and project.
fn spending(doc: &mut Doc, a: &FinalAccounts) {
    head(doc, 3, &a.unit.name);
    head_lines(
        doc,
        3,
        &[
            "项目\t\t本年支出合计\t基本支出\t项目支出\t上缴上级支出\t经营支出\t对附属单位补助支出",
            "科目代码\t科目名称\t\t\t\t\t\t",
            "栏次\t\t1\t2\t3\t4\t5\t6",
        ],
    );
    let items: Vec<(&Line, Vec<Cents>)> = a
        .lines
        .iter()
        .filter(|l| l.total_spending() != 0)
        .map(|l| (l, vec![l.total_spending(), l.basic, l.total_project(), 0, 0, 0]))
        .collect();
    total_row(doc, 3, &items);
    hierarchy(doc, 3, a.year, &items);
    note(doc, 3, "各项支出情况");
}

/// 公开04表: fiscal allocations by budget, with their balances.
fn fiscal_summary(doc: &mut Doc, a: &FinalAccounts) {
    head(doc, 4, &a.unit.name);
    head_lines(
        doc,
        4,
        &[
            "收入\t\t\t支出\t\t\t\t\t",
            "项目\t行次\t金额\t项目\t行次\t合计\t一般公共预算财政拨款\t政府性基金预算财政拨款\t国有资本经营预算财政拨款",
            "栏次\t\t1\t栏次\t\t2\t3\t4\t5",
        ],
    );
    let (g, f) = (Money::General, Money::Fund);
    let left: [(&str, Cents); 3] = [
        ("一、一般公共预算财政拨款", a.income(g)),
        ("二、政府性基金预算财政拨款", a.income(f)),
        ("三、国有资本经营预算财政拨款", 0),
    ];
    let general = by_lei(a, |l| l.spending(g));
    let fund = by_lei(a, |l| l.spending(f));
    let right = by_lei(a, |l| l.spending(g) + l.spending(f));
    let value = |list: &[(&str, &str, Cents)], code: &str| list.iter().find(|x| x.0 == code).map_or(0, |x| x.2);
    for i in 0..left.len().max(right.len()) {
        let (l, v) = left.get(i).map_or((String::new(), 0), |(l, v)| ((*l).to_owned(), *v));
        let (r, cells, code) = match right.get(i) {
            Some((c, n, t)) => {
                (numbered(i, n), [*t, value(&general, c), value(&fund, c)].map(fmt_cell), (*c).to_owned())
            }
            None => (String::new(), [String::new(), String::new(), String::new()], String::new()),
        };
        let [t, gc, fc] = cells;
        doc.push(
            row(&[l, (i + 1).to_string(), fmt_cell(v), r, (33 + i).to_string(), t, gc, fc, String::new()]),
            Mark::TableRow { table: 4, code },
        );
    }
    let cols = |x: Cents, y: Cents| [fmt_cell(x + y), fmt_cell(x), fmt_cell(y), String::new()].join("\t");
    let (ig, if_) = (a.income(g), a.income(f));
    let (sg, sf) = (a.spending(g), a.spending(f));
    let (og, of) = (a.opening(g), a.opening(f));
    let (cg, cf) = (a.closing(g), a.closing(f));
    let lines = [
        (
            YEAR_TOTAL.to_owned(),
            format!("本年收入合计\t27\t{}\t本年支出合计\t59\t{}", fmt_cell(ig + if_), cols(sg, sf)),
        ),
        (
            BALANCES.to_owned(),
            format!("年初财政拨款结转和结余\t28\t{}\t年末财政拨款结转和结余\t60\t{}", fmt_cell(og + of), cols(cg, cf)),
        ),
        (format!("{OPENING_OF}0"), format!("一般公共预算财政拨款\t29\t{}\t\t61\t\t\t\t", fmt_cell(og))),
        (format!("{OPENING_OF}1"), format!("政府性基金预算财政拨款\t30\t{}\t\t62\t\t\t\t", fmt_cell(of))),
        (format!("{OPENING_OF}2"), "国有资本经营预算财政拨款\t31\t\t\t63\t\t\t\t".to_owned()),
        (
            GRAND_TOTAL.to_owned(),
            format!("总计\t32\t{}\t总计\t64\t{}", fmt_cell(a.fiscal_grand_total()), cols(sg + cg, sf + cf)),
        ),
    ];
    for (code, text) in lines {
        doc.push(text, Mark::TableRow { table: 4, code });
    }
    note(doc, 4, "一般公共预算财政拨款、政府性基金预算财政拨款和国有资本经营预算财政拨款的总收支和年末结转结余情况");
}

/// 公开05表: the general budget's spending per function code.
fn general(doc: &mut Doc, a: &FinalAccounts) {
    head(doc, 5, &a.unit.name);
    head_lines(doc, 5, &["项目\t\t本年支出\t\t", "科目代码\t科目名称\t小计\t基本支出\t项目支出", "栏次\t\t1\t2\t3"]);
    let items: Vec<(&Line, Vec<Cents>)> = a
        .lines
        .iter()
        .filter(|l| l.spending(Money::General) != 0)
        .map(|l| (l, vec![l.spending(Money::General), l.basic, l.project[0]]))
        .collect();
    total_row(doc, 5, &items);
    hierarchy(doc, 5, a.year, &items);
    note(doc, 5, "一般公共预算财政拨款支出情况");
}

/// 公开06表: basic spending by economic code, in two panels (人员经费 | 公用经费),
/// each with its own total on the last line.
fn basic(doc: &mut Doc, a: &FinalAccounts) {
    head(doc, 6, &a.unit.name);
    head_lines(doc, 6, &["人员经费\t\t\t公用经费\t\t", "科目代码\t科目名称\t决算数\t科目代码\t科目名称\t决算数"]);
    let mut left: Vec<(String, [String; 3])> = Vec::new();
    let mut right: Vec<(String, [String; 3])> = Vec::new();
    for (lei, rows) in &a.economic {
        let side = if lei.code == "302" { &mut right } else { &mut left };
        let sum: Cents = rows.iter().map(|r| r.amount).sum();
        side.push((lei.code.to_owned(), [lei.code.to_owned(), lei.name.to_owned(), fmt_cell(sum)]));
        for r in rows {
            side.push((r.item.code.to_owned(), [r.item.code.to_owned(), r.item.name.to_owned(), fmt_cell(r.amount)]));
        }
    }
    let empty = || [String::new(), String::new(), String::new()];
    for k in 0..left.len().max(right.len()) {
        let (l, r) = (left.get(k), right.get(k));
        let code = l.or(r).map(|(c, _)| c.clone()).unwrap_or_default();
        let mut cells: Vec<String> = l.map_or_else(empty, |x| x.1.clone()).to_vec();
        cells.extend(r.map_or_else(empty, |x| x.1.clone()));
        doc.push(row(&cells), Mark::TableRow { table: 6, code });
    }
    doc.push(
        format!("人员经费合计\t\t{}\t公用经费合计\t\t{}", fmt_amount(a.personnel()), fmt_amount(a.public_use())),
        Mark::TableRow { table: 6, code: String::new() },
    );
    note(doc, 6, "一般公共预算财政拨款基本支出明细情况");
}

/// 公开07表: the government fund per function code, with its balances (empty, with
/// a statement, when the unit had no fund money).
fn fund(doc: &mut Doc, a: &FinalAccounts) {
    head(doc, 7, &a.unit.name);
    head_lines(
        doc,
        7,
        &[
            "项目\t\t\t\t本年支出\t\t\t年末结转和结余",
            "科目代码\t科目名称\t年初结转和结余\t本年收入\t小计\t基本支出\t项目支出\t",
            "栏次\t\t1\t2\t3\t4\t5\t6",
        ],
    );
    let f = Money::Fund.index();
    let items: Vec<(&Line, Vec<Cents>)> = a
        .lines
        .iter()
        .filter(|l| l.project[f] + l.opening[f] + l.closing[f] != 0)
        .map(|l| (l, vec![l.opening[f], l.income(Money::Fund), l.project[f], 0, l.project[f], l.closing[f]]))
        .collect();
    if items.is_empty() {
        doc.push("合计\t\t\t\t\t\t\t", Mark::TableRow { table: 7, code: String::new() });
        doc.push("注：本表反映部门本年度政府性基金预算财政拨款收入、支出及结转和结余情况。", Mark::TableHead(7));
        doc.push(
            format!("说明：{}本年度没有政府性基金预算财政拨款收入和支出，故本表无数据。", a.unit.name),
            Mark::EmptyStatement(7),
        );
        doc.blank();
        return;
    }
    total_row(doc, 7, &items);
    hierarchy(doc, 7, a.year, &items);
    note(doc, 7, "政府性基金预算财政拨款收入、支出及结转和结余情况");
}

/// 公开08表: state capital operations, which a county unit never has.
fn state_capital(doc: &mut Doc, a: &FinalAccounts) {
    head(doc, 8, &a.unit.name);
    head_lines(doc, 8, &["项目\t\t本年支出\t\t", "科目代码\t科目名称\t小计\t基本支出\t项目支出", "栏次\t\t1\t2\t3"]);
    doc.push("合计\t\t\t\t", Mark::TableRow { table: 8, code: String::new() });
    doc.push("注：本表反映部门本年度国有资本经营预算财政拨款支出情况。", Mark::TableHead(8));
    doc.push(
        format!("说明：{}本年度没有国有资本经营预算财政拨款收入和支出，故本表无数据。", a.unit.name),
        Mark::EmptyStatement(8),
    );
    doc.blank();
}

/// 公开09表: the “三公” expenses, 预算数 and 决算数 side by side on one line (the
/// national template, its merged header cells as extraction places them), or one
/// line per stage under one header (西安's form).
fn three_public(doc: &mut Doc, a: &FinalAccounts) {
    head(doc, 9, &a.unit.name);
    if a.three_public_rows {
        head_lines(
            doc,
            9,
            &[
                "项目\t财政拨款安排的“三公”经费\t\t\t\t\t",
                "\t\t\t公务用车购置及运行维护费\t\t\t",
                "\t小计\t因公出国（境）费用\t小计\t公务用车购置费\t公务用车运行维护费\t公务接待费",
                "栏次\t1\t2\t3\t4\t5\t6",
            ],
        );
    } else {
        head_lines(
            doc,
            9,
            &[
                "预算数\t\t\t\t\t\t决算数\t\t\t\t\t",
                "合计\t因公出国（境）费\t公务用车购置及运行维护费\t\t\t\t\t\t公务用车购置及运行维护费\t\t\t公务接待费",
                "\t\t小计\t公务用车购置费\t公务用车运行维护费\t公务接待费\t合计\t因公出国（境）费\t小计\t公务用车购置费\t公务用车运行维护费\t",
                "1\t2\t3\t4\t5\t6\t7\t8\t9\t10\t11\t12",
            ],
        );
    }
    let (b, f) = a.three_public;
    let stage = |t: &crate::budget::ThreePublic| {
        [t.total(), t.abroad, t.purchase + t.operation, t.purchase, t.operation, t.reception].map(fmt_cell).to_vec()
    };
    if a.three_public_rows {
        for (label, t) in [("预算数", &b), ("决算数", &f)] {
            let mut cells = vec![label.to_owned()];
            cells.extend(stage(t));
            doc.push(row(&cells), Mark::TableRow { table: 9, code: label.to_owned() });
        }
    } else {
        let mut cells = stage(&b);
        cells.extend(stage(&f));
        doc.push(row(&cells), Mark::TableRow { table: 9, code: String::new() });
    }
    doc.push("注：本表反映部门本年度“三公”经费支出预决算情况。", Mark::TableHead(9));
    if b.total() == 0 && f.total() == 0 {
        doc.push(
            format!("说明：{}本年度没有财政拨款“三公”经费支出，故本表无数据。", a.unit.name),
            Mark::EmptyStatement(9),
        );
    }
    doc.blank();
}
