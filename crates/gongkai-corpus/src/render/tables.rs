//! 第二部分: the eleven tables of the Xinjiang template, in the example's layout
//! (its header lines, its column order, `※` index rows, empty cells for zero).

use std::collections::BTreeMap;

use crate::budget::{Budget, KindLabels, ProjectEconomic};
use crate::doc::{Doc, Mark, row};
use crate::money::{Cents, fmt_amount, fmt_cell};
use crate::pool::{Coded, pool};

/// The 类 of 表1 and 表4's expenditure side, with the example's names (replaced by the
/// year's attested name where the catalog has one).
pub const LEI_LIST: [(&str, &str); 34] = [
    ("201", "一般公共服务支出"),
    ("202", "外交支出"),
    ("203", "国防支出"),
    ("204", "公共安全支出"),
    ("205", "教育支出"),
    ("206", "科学技术支出"),
    ("207", "文化旅游体育与传媒支出"),
    ("208", "社会保障和就业支出"),
    ("209", "社会保险基金支出"),
    ("210", "卫生健康支出"),
    ("211", "节能环保支出"),
    ("212", "城乡社区支出"),
    ("213", "农林水支出"),
    ("214", "交通运输支出"),
    ("215", "资源勘探工业信息等支出"),
    ("216", "商业服务业等支出"),
    ("217", "金融支出"),
    ("219", "援助其他地区支出"),
    ("220", "自然资源海洋气象等支出"),
    ("221", "住房保障支出"),
    ("222", "粮油物资储备支出"),
    ("223", "国有资本经营预算支出"),
    ("224", "灾害防治及应急管理支出"),
    ("227", "预备费"),
    ("229", "其他支出"),
    ("230", "转移性支出"),
    ("231", "债务还本支出"),
    ("232", "债务付息支出"),
    ("233", "债务发行费用支出"),
    ("234", "抗疫特别国债安排的支出"),
    ("", ""),
    ("", ""),
    ("", ""),
    ("", ""),
];

/// The name a 类 is printed with in a document of `year`.
pub fn lei_name(code: &str, fallback: &'static str, year: u16) -> &'static str {
    let catalog = gongkai_catalog::Catalog::builtin();
    catalog.names_for_year(code, year).and_then(|n| n.names.first().map(|n| n.name)).unwrap_or(fallback)
}

/// Per-项 spending split the ways the tables need.
#[derive(Clone, Debug, Default)]
pub struct CodeSums {
    /// Basic spending (一般财力).
    pub basic: Cents,
    /// Project spending by source: general, upper, fund, unit funds.
    pub project: [Cents; 4],
}

impl CodeSums {
    /// All spending.
    pub fn total(&self) -> Cents {
        self.basic + self.project.iter().sum::<Cents>()
    }
    /// General-budget spending (表5).
    pub fn general(&self) -> Cents {
        self.basic + self.project[0] + self.project[1]
    }
    /// General-budget project spending.
    pub fn general_project(&self) -> Cents {
        self.project[0] + self.project[1]
    }
}

/// Spending per function 项, in code order.
pub fn code_sums(b: &Budget) -> BTreeMap<Coded, CodeSums> {
    let mut map: BTreeMap<Coded, CodeSums> = BTreeMap::new();
    for (code, amount, _) in &b.basic {
        map.entry(code.clone()).or_default().basic += amount;
    }
    for p in &b.projects {
        map.entry(p.code.clone()).or_default().project[crate::budget::source_index(p.source)] += p.amount;
    }
    map
}

/// A coded hierarchy: 类 and 款 rows summing their 项 rows, each with `values`.
fn hierarchy(
    doc: &mut Doc,
    table: u8,
    year: u16,
    items: &[(Coded, Vec<Cents>)],
    extra_cols: usize,
    project_name: impl Fn(&Coded) -> Option<String>,
) {
    let p = pool(year);
    let width = items.first().map_or(0, |i| i.1.len());
    let mut lei: BTreeMap<&str, Vec<Cents>> = BTreeMap::new();
    let mut kuan: BTreeMap<&str, Vec<Cents>> = BTreeMap::new();
    for (c, v) in items {
        for (map, key) in [(&mut lei, &c.code[..3]), (&mut kuan, &c.code[..5])] {
            let e = map.entry(key).or_insert_with(|| vec![0; width]);
            for (a, b) in e.iter_mut().zip(v) {
                *a += b;
            }
        }
    }
    let cells = |v: &[Cents]| v.iter().map(|c| fmt_cell(*c)).collect::<Vec<_>>();
    let pad = |mut r: Vec<String>| {
        r.extend(std::iter::repeat_n(String::new(), extra_cols));
        r
    };
    let mut last_lei = "";
    let mut last_kuan = "";
    for (c, v) in items {
        let l = &c.code[..3];
        let k = &c.code[..5];
        if l != last_lei {
            last_lei = l;
            let mut r =
                vec![l.to_owned(), String::new(), String::new(), p.lei.get(l).copied().unwrap_or("").to_owned()];
            if table == 7 {
                r.push(String::new());
            }
            r.extend(cells(&lei[l]));
            doc.push(row(&pad(r)), Mark::TableRow { table, code: l.to_owned() });
        }
        if k != last_kuan {
            last_kuan = k;
            let mut r =
                vec![l.to_owned(), k[3..].to_owned(), String::new(), p.kuan.get(k).copied().unwrap_or("").to_owned()];
            if table == 7 {
                r.push(String::new());
            }
            r.extend(cells(&kuan[k]));
            doc.push(row(&pad(r)), Mark::TableRow { table, code: k.to_owned() });
        }
        let mut r = vec![l.to_owned(), k[3..].to_owned(), c.code[5..].to_owned(), c.name.to_owned()];
        if let Some(name) = project_name(c) {
            r.push(name);
        }
        r.extend(cells(v));
        doc.push(row(&pad(r)), Mark::TableRow { table, code: c.code.to_owned() });
    }
}

fn head(doc: &mut Doc, n: u8, title: &str, unit: &str) {
    doc.push(format!("表 {n}"), Mark::TableNumber(n));
    doc.blank();
    doc.push(title, Mark::TableHead(n));
    doc.blank();
    doc.push(format!("编制单位：{unit}"), Mark::TableHead(n));
    doc.blank();
    doc.push("单位：万元", Mark::TableHead(n));
    doc.blank();
}

fn head_lines(doc: &mut Doc, n: u8, lines: &[&str]) {
    for l in lines {
        doc.push(*l, Mark::TableHead(n));
    }
}

fn empty_statement(doc: &mut Doc, n: u8, text: String) {
    doc.blank();
    doc.push(text, Mark::EmptyStatement(n));
    doc.blank();
}

/// The column sums of a list of rows (a 总计 row derived from its printed parts).
fn column_sums(items: &[(Coded, Vec<Cents>)]) -> Vec<Cents> {
    let width = items.first().map_or(0, |i| i.1.len());
    let mut out = vec![0; width];
    for (_, v) in items {
        for (a, b) in out.iter_mut().zip(v) {
            *a += b;
        }
    }
    out
}

/// Writes 第二部分.
pub fn write_tables(doc: &mut Doc, b: &Budget) {
    let unit = &b.unit.name;
    let year = b.year;
    let sums = code_sums(b);
    let [general, upper, fund, unit_funds] = b.sources();
    let income = general + upper + fund + unit_funds;

    doc.para(format!("第二部分 {year} 年部门预算公开表"), Mark::Plain);

    // 表1
    head(doc, 1, "单位收支总体情况表", unit);
    head_lines(doc, 1, &["收入\t\t支出\t", "项目\t预算数\t支出功能分类\t预算数"]);
    let mut by_lei: BTreeMap<&str, CodeSums> = BTreeMap::new();
    for (c, s) in &sums {
        let e = by_lei.entry(&c.code[..3]).or_default();
        e.basic += s.basic;
        for i in 0..4 {
            e.project[i] += s.project[i];
        }
    }
    let left: [(&str, Cents); 27] = [
        ("一、本年收入", income),
        ("1、一般公共预算拨款", general + upper),
        ("其中：一般财力", general),
        ("上级一般公共预算安排转移支付", upper),
        ("2、基金预算拨款", fund),
        ("其中：政府性基金收入", fund),
        ("上级政府性基金安排转移支付", 0),
        ("3、国有资本经营预算拨款", 0),
        ("其中：国有资本经营收入", 0),
        ("上级国有资本经营预算安排转移支付", 0),
        ("4. 财政专户核拨", 0),
        ("5. 单位资金", unit_funds),
        ("其中：事业收入", 0),
        ("上级补助收入", 0),
        ("附属单位上缴收入", 0),
        ("事业单位经营收入", 0),
        ("其他收入", unit_funds),
        ("二、上年结转结余", 0),
        ("1、财政拨款结转", 0),
        ("其中：一般公共预算拨款", 0),
        ("基金预算拨款", 0),
        ("国有资本经营预算拨款", 0),
        ("2、非财政拨款结转结余", 0),
        ("其中：财政专户核拨", 0),
        ("单位资金", 0),
        ("", 0),
        ("", 0),
    ];
    for (i, (code, name)) in LEI_LIST.iter().enumerate().take(30) {
        let (l, v) = left.get(i).copied().unwrap_or(("", 0));
        let value = by_lei.get(code).map_or(0, CodeSums::total);
        let right = format!("{code} {}", lei_name(code, name, year));
        doc.push(
            row(&[l.to_owned(), fmt_cell(v), right, fmt_cell(value)]),
            Mark::TableRow { table: 1, code: (*code).to_owned() },
        );
    }
    doc.push(
        row(&["收入总计".to_owned(), fmt_amount(income), "支出总计".to_owned(), fmt_amount(income)]),
        Mark::TableRow { table: 1, code: String::new() },
    );
    doc.blank();

    // 表2
    head(doc, 2, "单位收入总体情况表", unit);
    head_lines(
        doc,
        2,
        &[
            "功能分类科\t\t\t功能分类科目名称\t总计\t财政拨款（补助）\t\t\t\t\t\t财政专户（教育收费）\t单位资金\t财政拨款结转\t非财政拨款结转结余\t",
            "类\t款\t项\t\t\t财政拨款（补助）小计\t一般公共预算\t上级一般公共预算\t政府性基金预算\t上级政府性基金安排的转移支付\t国有资本经营预算\t\t\t\t\t上级国有资本经营预算安排的转移支付",
            "※\t※\t※\t※\t1\t2\t3\t4\t5\t6\t7\t8\t9\t10\t11\t12",
        ],
    );
    let cols2 = |s: &CodeSums| {
        let fiscal = s.basic + s.project[0] + s.project[1] + s.project[2];
        vec![s.total(), fiscal, s.basic + s.project[0], s.project[1], s.project[2], 0, 0, 0, 0, s.project[3], 0, 0]
    };
    let items: Vec<(Coded, Vec<Cents>)> = sums.iter().map(|(c, s)| (c.clone(), cols2(s))).collect();
    let mut t = vec![String::new(), String::new(), String::new(), "总计".to_owned()];
    t.extend(column_sums(&items).iter().map(|c| fmt_cell(*c)));
    doc.push(row(&t), Mark::TableRow { table: 2, code: String::new() });
    hierarchy(doc, 2, year, &items, 0, |_| None);
    doc.blank();

    // 表3
    head(doc, 3, "单位支出总体情况表", unit);
    head_lines(
        doc,
        3,
        &[
            "科目\t\t\t支出预算\t\t\t",
            "功能分类科目编\t\t\t功能分类科目名称\t合计\t基本支出\t项目支出",
            "类\t款\t项\t\t\t\t",
            "※\t※\t※\t※\t1\t2\t3",
        ],
    );
    let basic = b.basic_total();
    let project_all: Cents = b.projects.iter().map(|p| p.amount).sum();
    doc.push(
        row(&["", "", "", "总计", &fmt_cell(basic + project_all), &fmt_cell(basic), &fmt_cell(project_all)]),
        Mark::TableRow { table: 3, code: String::new() },
    );
    let items: Vec<(Coded, Vec<Cents>)> =
        sums.iter().map(|(c, s)| (c.clone(), vec![s.total(), s.basic, s.total() - s.basic])).collect();
    hierarchy(doc, 3, year, &items, 0, |_| None);
    doc.blank();

    // 表4
    head(doc, 4, "财政拨款收支预算总体情况表", unit);
    head_lines(
        doc,
        4,
        &[
            "财政拨款收入\t\t财政拨款支出\t\t\t\t",
            "项目\t合计\t支出功能分类\t合计\t一般公共预算\t政府性基金预算\t国有资本经营预算",
        ],
    );
    let fiscal = general + upper + fund;
    let left4: [(&str, Cents); 4] = [
        ("一、财政拨款(补助)", fiscal),
        ("一般公共预算", general + upper),
        ("政府性基金预算", fund),
        ("国有资本经营预算", 0),
    ];
    for (i, (code, name)) in LEI_LIST.iter().enumerate().take(30) {
        let (l, v) = left4.get(i).copied().unwrap_or(("", 0));
        let s = by_lei.get(code).cloned().unwrap_or_default();
        let g = s.general();
        let f = s.project[2];
        let right = format!("{code} {}", lei_name(code, name, year));
        doc.push(
            row(&[l.to_owned(), fmt_cell(v), right, fmt_cell(g + f), fmt_cell(g), fmt_cell(f), String::new()]),
            Mark::TableRow { table: 4, code: (*code).to_owned() },
        );
    }
    doc.push(
        row(&[
            "收入总计".to_owned(),
            fmt_amount(fiscal),
            "支出总计".to_owned(),
            fmt_amount(fiscal),
            fmt_cell(general + upper),
            fmt_cell(fund),
            String::new(),
        ]),
        Mark::TableRow { table: 4, code: String::new() },
    );
    doc.blank();

    // 表5
    head(doc, 5, "一般公共预算支出情况表", unit);
    head_lines(
        doc,
        5,
        &[
            "科目\t\t\t一般公共预算支出\t\t\t",
            "功能分类科目编码\t\t\t功能分类科目名称\t合计\t基本支出\t项目支出",
            "类\t款\t项\t\t\t\t",
            "※\t※\t※\t※\t1\t2\t3",
        ],
    );
    let gp: Cents = b.general_projects().map(|p| p.amount).sum();
    doc.push(
        row(&["", "", "", "总计", &fmt_cell(basic + gp), &fmt_cell(basic), &fmt_cell(gp)]),
        Mark::TableRow { table: 5, code: String::new() },
    );
    let items: Vec<(Coded, Vec<Cents>)> = sums
        .iter()
        .filter(|(_, s)| s.general() > 0)
        .map(|(c, s)| (c.clone(), vec![s.general(), s.basic, s.general_project()]))
        .collect();
    hierarchy(doc, 5, year, &items, 0, |_| None);
    doc.blank();

    // 表6
    head(doc, 6, "一般公共预算基本支出情况表", unit);
    head_lines(
        doc,
        6,
        &[
            "科目\t\t一般公共预算基本支出\t\t\t",
            "经济分类科目\t\t经济分类科目名称\t合计\t人员经费\t公用经费",
            "类\t款\t\t\t\t",
            "※\t※\t※\t1\t2\t3",
        ],
    );
    let (personnel, public) = (b.personnel(), b.public_use());
    doc.push(
        row(&["", "", "总计", &fmt_cell(personnel + public), &fmt_cell(personnel), &fmt_cell(public)]),
        Mark::TableRow { table: 6, code: String::new() },
    );
    for (lei, rows) in &b.economic {
        let sum: Cents = rows.iter().map(|r| r.amount).sum();
        let split =
            |v: Cents| if lei.code == "302" { (String::new(), fmt_cell(v)) } else { (fmt_cell(v), String::new()) };
        let (pe, pu) = split(sum);
        doc.push(
            row(&[lei.code, "", lei.name, &fmt_cell(sum), &pe, &pu]),
            Mark::TableRow { table: 6, code: lei.code.to_owned() },
        );
        for r in rows {
            let (pe, pu) = split(r.amount);
            doc.push(
                row(&[lei.code, &r.item.code[3..], r.item.name, &fmt_cell(r.amount), &pe, &pu]),
                Mark::TableRow { table: 6, code: r.item.code.to_owned() },
            );
        }
    }
    doc.blank();

    // 表7
    head(doc, 7, "一般公共预算项目支出情况表", unit);
    head_lines(
        doc,
        7,
        &[
            "科目编码\t\t\t功能分类科目名称\t项目名称\t项目支出合计\t工资福利支出\t商品服务支出\t对个人和家庭的补助\t债务利息及费用支出\t资本性支出（基本建设）\t资本性支出\t对企业补助（基本建设）\t对企业补助\t对社会保障基金补助\t其他支出",
            "类\t款\t项\t\t\t\t\t\t\t\t\t\t\t\t\t",
            "※\t※\t※\t※\t※\t1\t2\t3\t4\t5\t6\t7\t8\t9\t10\t11",
        ],
    );
    let projects: Vec<_> = b.general_projects().collect();
    if projects.is_empty() {
        empty_statement(
            doc,
            7,
            format!("{year} 年没有使用一般公共预算拨款安排的项目支出，一般公共预算项目支出情况表为空表。"),
        );
    } else {
        let econ_cols = |p: &crate::budget::Project| {
            let mut v = vec![0; 11];
            v[0] = p.amount;
            v[match p.economic {
                ProjectEconomic::Goods => 2,
                ProjectEconomic::Individuals => 3,
                ProjectEconomic::Capital => 6,
            }] = p.amount;
            v
        };
        let mut total = [0; 11];
        for p in &projects {
            for (a, b) in total.iter_mut().zip(econ_cols(p)) {
                *a += b;
            }
        }
        for label in ["总计", unit.as_str()] {
            let mut r = vec![String::new(), String::new(), String::new(), label.to_owned(), String::new()];
            r.extend(total.iter().map(|c| fmt_cell(*c)));
            doc.push(row(&r), Mark::TableRow { table: 7, code: String::new() });
        }
        let mut items: Vec<(Coded, Vec<Cents>)> = projects.iter().map(|p| (p.code.clone(), econ_cols(p))).collect();
        items.sort_by(|a, b| a.0.cmp(&b.0));
        let names: BTreeMap<&str, String> = projects.iter().map(|p| (p.code.code, p.name.clone())).collect();
        hierarchy(doc, 7, year, &items, 0, |c| names.get(c.code).cloned());
        doc.blank();
    }

    // 表8
    let fund_items: Vec<(Coded, Vec<Cents>)> = sums
        .iter()
        .filter(|(_, s)| s.project[2] > 0)
        .map(|(c, s)| (c.clone(), vec![s.project[2], 0, s.project[2]]))
        .collect();
    head(doc, 8, "政府性基金预算支出情况表", unit);
    head_lines(
        doc,
        8,
        &[
            "科目\t\t\t政府性基金预算支出\t\t\t",
            "功能分类科目编码\t\t\t功能分类科目名称\t合计\t基本支出\t项目支出",
            "类\t款\t项\t\t\t\t",
            "※\t※\t※\t※\t1\t2\t3",
        ],
    );
    if fund_items.is_empty() {
        empty_statement(
            doc,
            8,
            format!("{year} 年没有使用政府性基金预算拨款安排的支出，政府性基金预算支出情况表为空表。"),
        );
    } else {
        doc.push(
            row(&["", "", "", "总计", &fmt_cell(fund), "", &fmt_cell(fund)]),
            Mark::TableRow { table: 8, code: String::new() },
        );
        hierarchy(doc, 8, year, &fund_items, 0, |_| None);
        doc.blank();
    }

    // 表9
    head(doc, 9, "国有资本经营预算支出情况表", unit);
    head_lines(
        doc,
        9,
        &[
            "科目\t\t\t国有资本经营预算支出\t\t\t\t",
            "功能分类科目编码\t\t\t功能分类科目名称\t合计\t基本支出\t\t项目支出",
            "类\t款\t项\t\t\t人员经费\t公用经费\t",
            "※\t※\t※\t※\t1\t2\t3\t4",
        ],
    );
    empty_statement(
        doc,
        9,
        format!("{year} 年没有使用国有资本经营预算拨款安排的支出，国有资本经营预算支出情况表为空表。"),
    );

    // 表10
    head(doc, 10, "财政拨款“三公”经费支出情况表", unit);
    head_lines(
        doc,
        10,
        &["“三公”经费支出内容\t合计\t资金来源\t\t", "\t\t一般公共预算\t政府性基金\t国有资本经营预算", "※\t1\t2\t3\t4"],
    );
    let tp = b.three_public.0;
    if tp.total() == 0 {
        empty_statement(
            doc,
            10,
            format!("{year} 年没有使用财政拨款安排“三公”经费支出，财政拨款“三公”经费支出情况表为空表。"),
        );
    } else {
        for (label, v) in [
            ("合计", tp.total()),
            ("因公出国（境）费", tp.abroad),
            ("公务接待费", tp.reception),
            ("公务用车购置及运行费（小计）", tp.purchase + tp.operation),
            ("其中：公务用车购置费", tp.purchase),
            ("公务用车运行费", tp.operation),
        ] {
            doc.push(
                row(&[label.to_owned(), fmt_cell(v), fmt_cell(v), String::new(), String::new()]),
                Mark::TableRow { table: 10, code: label.to_owned() },
            );
        }
        doc.blank();
    }

    // 表11
    head(doc, 11, "上年结转结余情况明细表", unit);
    head_lines(
        doc,
        11,
        &[
            "科目\t\t\t上年结转结余\t\t\t",
            "功能分类科目编码\t\t\t功能分类科目名称\t合计\t基本支出\t项目支出",
            "类\t款\t项\t\t\t\t",
            "※\t※\t※\t※\t1\t2\t3",
        ],
    );
    empty_statement(doc, 11, format!("{year} 年无上年结转结余预算的支出，上年结转结余情况明细表为空表。"));

    if let Some(labels) = b.procurement_table() {
        write_procurement(doc, b, labels);
    }
}

/// 表12, the procurement by kind of purchase (only the kinds bought), with the
/// general budget's part and the rest.
fn write_procurement(doc: &mut Doc, b: &Budget, labels: KindLabels) {
    head(doc, 12, "政府采购预算表", &b.unit.name);
    head_lines(doc, 12, &["采购品目\t总计\t一般公共预算拨款\t其他资金"]);
    let kinds = [("货物", 'A'), ("工程", 'B'), ("服务", 'C')];
    let totals = &b.procurement[..3];
    let general = b.procurement_general;
    let sum = |v: &[Cents]| v.iter().sum::<Cents>();
    let other: Vec<Cents> = totals.iter().zip(general).map(|(t, g)| t - g).collect();
    let cells = |t: Cents, g: Cents, o: Cents| vec![fmt_amount(t), fmt_cell(g), fmt_cell(o)];
    let mut total = vec!["合计".to_owned()];
    total.extend(cells(sum(totals), sum(&general), sum(&other)));
    doc.push(row(&total), Mark::TableRow { table: 12, code: String::new() });
    for (i, (word, letter)) in kinds.iter().enumerate().filter(|(i, _)| totals[*i] > 0) {
        let label = match labels {
            KindLabels::Words => (*word).to_owned(),
            KindLabels::Letters => letter.to_string(),
            KindLabels::LettersAndWords => format!("{letter}{word}"),
        };
        let mut line = vec![label];
        line.extend(cells(totals[i], general[i], other[i]));
        doc.push(row(&line), Mark::TableRow { table: 12, code: (*word).to_owned() });
    }
    doc.blank();
}
