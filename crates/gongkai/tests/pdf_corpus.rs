//! The real published PDFs (`crates/gongkai-import/tests/pdf/`, from seven
//! provinces and the central level) read and checked end to end.
//!
//! For each document: the income/expenditure summary's totals are the printed
//! value on both sides; the number of recognised tables is what the document's
//! own 目录 lists (tables other than performance-target forms); at least 99% of
//! the classification hierarchy (parent = sum of its children, per column) adds
//! up; every finding points at a page; and the error-severity findings are
//! exactly the ones checked by hand (genuine problems of the document, quoted
//! in the comments, or defects of ours, named as such).

use std::path::PathBuf;

use gongkai_import::{ImportOptions, import_file};
use gongkai_model::{Disclosure, Finding, RowRole, Severity, Side, TableKind};
use gongkai_rules::{Config, Engine};

struct Expected {
    file: &'static str,
    /// 收入总计 and 支出总计 of the income/expenditure summary, as printed.
    total: &'static str,
    /// Tables the document's 目录 lists (performance-target forms aside).
    tables: usize,
    /// Whether the document prints performance-target forms.
    targets: bool,
    /// The error findings, by rule id, each checked by hand against the PDF.
    errors: &'static [&'static str],
}

const CORPUS: &[Expected] = &[
    // 目录 (a grid on p.4) lists 表1–表16; 表14–16 are 绩效目标表. The 三公 table
    // prints three year groups (2021 | 2022 | 增减), read group by group; the
    // 整体 form (45,947.34) and the 专项资金 form (28,921.00) together cover 收入
    // 总计 74,868.34; the 专项资金 form's two funding blocks (实施期 | 年度) each
    // add up.
    Expected {
        file: "YS2022_陕西_西安市交通运输局_部门综合预算.pdf",
        total: "74868.34",
        tables: 13,
        targets: true,
        errors: &[],
    },
    // 目录 lists 1.–9.; tables in 元.
    Expected {
        file: "YS2025_上海_普陀区万里街道办事处_区级部门预算.pdf",
        total: "189767551",
        tables: 9,
        targets: false,
        errors: &[],
    },
    // 目录 lists 一–十三. Genuine: 支出总表 prints `21999 其他支出 502.00`
    // twice under `219 援助其他地区支出 502.00` (the 项 row carries the 款 code),
    // so the 款 rows add up to 1,004.00 (A101, 合计 and 项目支出 columns).
    Expected {
        file: "YS2025_江苏_无锡市发展和改革委员会_部门预算公开.pdf",
        total: "9947.88",
        tables: 13,
        targets: false,
        errors: &["A101", "A101"],
    },
    // 目录 lists 8 tables (部门收支总表 … 政府性基金预算支出表).
    Expected {
        file: "YS2025_湖南_长沙市公安局_本级_部门预算公开.pdf",
        total: "68632.12",
        tables: 8,
        targets: true,
        errors: &[],
    },
    // The 目录 names the tables part only; the part prints 部门公开表1–9.
    // Genuine: “财政拨款收支总预算18,728.91万元” against 18,728.94 in 表4 (N101);
    // “委托业务费…1,391.68万元，比2025年预算增加333.83万元，增长31.35%”: from its
    // own figures the growth is 31.56% (N103).
    Expected {
        file: "YS2026_中央_国家信访局_部门预算.pdf",
        total: "50616.94",
        tables: 9,
        targets: true,
        errors: &["N101", "N103"],
    },
    // 目录 lists 12 tables.
    Expected {
        file: "YS2026_广东_广州市统计局_部门预算.pdf",
        total: "9483.72",
        tables: 12,
        targets: false,
        errors: &[],
    },
    // The list under “四、2026年预算公开表” names 表1–表11.
    // Genuine: “人员支出58,486.35万元，占59.0%” of 99,230.46 is 58.9% (N102, the
    // three shares were forced to add to 100%); “一般公共预算当年拨款91,842.80万元”
    // includes the 347.32 carried over (表4: 一般公共预算 91,495.48) (N101).
    Expected {
        file: "YS2026_浙江_杭州市司法局_部门预算.pdf",
        total: "99230.46",
        tables: 11,
        targets: false,
        errors: &["N101", "N102"],
    },
    // No 目录; 表一–表九 printed after the explanation.
    Expected {
        file: "YS2026_重庆_重庆市商务委员会_部门预算情况说明.pdf",
        total: "174900.64",
        tables: 9,
        targets: true,
        errors: &[],
    },
];

fn path(file: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../gongkai-import/tests/pdf").join(file)
}

fn read(file: &str) -> Disclosure {
    let p = path(file);
    import_file(p.to_str().unwrap(), &ImportOptions::default()).unwrap_or_else(|e| panic!("{file}: {e}")).document
}

fn check(doc: &Disclosure) -> Vec<Finding> {
    Engine::new(Config::default()).unwrap().check(doc)
}

/// (parent rows × columns checked, of which A101 found wrong).
fn hierarchy(doc: &Disclosure, findings: &[Finding]) -> (usize, usize) {
    let mut checked = 0;
    for table in &doc.tables {
        for part in table.parts.iter().filter(|p| p.side.is_none()) {
            let coded: Vec<_> = part.rows.iter().filter(|r| r.code.is_some() && r.project.is_none()).collect();
            for parent in &coded {
                let code = parent.code.as_ref().unwrap();
                if coded.iter().any(|c| c.code.as_ref().and_then(|c| c.parent()).as_ref() == Some(code)) {
                    checked += part.columns.len();
                }
            }
        }
    }
    let wrong = findings.iter().filter(|f| f.rule == "A101").count();
    (checked, wrong)
}

#[test]
fn every_corpus_pdf_reads_and_checks() {
    for expected in CORPUS {
        let doc = read(expected.file);
        let name = expected.file;

        // The summary's totals, both sides, as printed.
        let summary = doc.tables.iter().find(|t| t.kind == TableKind::IncomeExpenditureSummary).expect(name);
        for side in [Side::Income, Side::Expenditure] {
            let part = summary.side(side).unwrap_or_else(|| panic!("{name}: no {side:?} side"));
            let total = part.rows.iter().rev().find(|r| r.role == RowRole::Total).expect(name);
            assert_eq!(total.amount(0).map(|n| n.to_string()).as_deref(), Some(expected.total), "{name} {side:?}");
        }

        // As many tables as the document lists.
        assert_eq!(doc.tables.len(), expected.tables, "{name}: {:?}", titles(&doc));
        assert_eq!(!doc.performance_targets.is_empty(), expected.targets, "{name}: performance-target forms");

        // Every page number is a page of the file.
        let pages = doc.meta.source.pages.expect("a PDF knows its pages");
        assert!(doc.tables.iter().all(|t| t.source.page.is_some_and(|p| p >= 1 && p <= pages)), "{name}");

        let findings = check(&doc);
        // Every finding points at a page.
        for f in &findings {
            assert!(
                f.locations.iter().any(|l| l.at.page.is_some()),
                "{name}: {} without a page: {}",
                f.rule,
                f.message
            );
        }
        // The hierarchy adds up in at least 99% of parent rows (杭州 prints its
        // classification by name only: no codes to check).
        // Sums the document itself gets wrong (listed in `errors`, checked by
        // hand) are not ours to count.
        let (checked, found) = hierarchy(&doc, &findings);
        let wrong = found - expected.errors.iter().filter(|e| **e == "A101").count();
        assert!(wrong * 100 <= checked, "{name}: {wrong} of {checked} hierarchy sums wrong");
        if !name.contains("杭州") {
            assert!(checked >= 20, "{name}: only {checked} hierarchy sums checked");
        }

        // Every classification code resolves in the catalog or is reported as
        // information only (issue #5): no catalog warning or error.
        let catalog: Vec<&str> = findings
            .iter()
            .filter(|f| f.rule.starts_with('G') && f.severity != Severity::Info)
            .map(|f| f.message.as_str())
            .collect();
        assert!(catalog.is_empty(), "{name}: {catalog:#?}");

        // Error findings: exactly those checked by hand.
        let mut errors: Vec<&str> =
            findings.iter().filter(|f| f.severity == Severity::Error).map(|f| f.rule.as_str()).collect();
        errors.sort_unstable();
        let messages: Vec<&str> =
            findings.iter().filter(|f| f.severity == Severity::Error).map(|f| f.message.as_str()).collect();
        assert_eq!(errors, expected.errors, "{name}: {messages:#?}");
    }
}

fn titles(doc: &Disclosure) -> Vec<String> {
    doc.tables.iter().map(|t| format!("{:?} {}", t.kind, t.title)).collect()
}
