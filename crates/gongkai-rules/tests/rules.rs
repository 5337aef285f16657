//! Every rule, on a fixture that must pass and one that must fail.
//!
//! Fixtures are edits of the bundled example (`tests/fixtures/<ID>.fail.toml`,
//! optionally `<ID>.pass.toml`): each says what it changes and why, so the failing
//! document is the example with one thing changed. The test runs only that rule
//! and snapshots its findings (`snapshots/rules__<ID>_fail.snap`); review every new
//! or changed snapshot by hand before accepting it — a snapshot is an assertion.
//! Meta-tests check that every rule has its doc sections and a failing fixture,
//! and that no fixture or snapshot is orphaned.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use gongkai_model::Finding;
use gongkai_rules::{Config, Engine};
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Fixture {
    /// What the edit does and why the rule must (or must not) fire.
    description: String,
    #[serde(default)]
    edit: Vec<Edit>,
    /// Lines a finding must point at (default: the edited lines).
    #[serde(default)]
    expect_lines: Option<Vec<u32>>,
    /// The document edited: `budget` (the bundled example, the default) or
    /// `final` (the made-up 决算, `examples/某局-2024-final-accounts.txt`), for
    /// the rules of a 决算.
    #[serde(default)]
    base: Base,
}

#[derive(Deserialize, Default, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
enum Base {
    #[default]
    Budget,
    Final,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Edit {
    /// 1-based line of the example.
    line: u32,
    /// Text to replace on that line (first occurrence); empty with `replace_line`.
    #[serde(default)]
    find: String,
    #[serde(default)]
    replace: String,
    /// Replace the whole line (use "" to blank it).
    #[serde(default)]
    replace_line: Option<String>,
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

fn example() -> String {
    base_text(Base::Budget)
}

fn base_text(base: Base) -> String {
    let file = match base {
        Base::Budget => "qitai-2024-budget.txt",
        Base::Final => "某局-2024-final-accounts.txt",
    };
    std::fs::read_to_string(root().join("../../examples").join(file)).expect("example")
}

fn load(path: &Path) -> Option<Fixture> {
    let text = std::fs::read_to_string(path).ok()?;
    Some(toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display())))
}

fn apply(fixture: &Fixture) -> String {
    let text = base_text(fixture.base);
    let mut lines: Vec<String> = text.split('\n').map(str::to_owned).collect();
    for e in &fixture.edit {
        let line = &mut lines[e.line as usize - 1];
        if let Some(whole) = &e.replace_line {
            *line = whole.clone();
        } else {
            assert!(line.contains(&e.find), "line {} does not contain `{}`: {line}", e.line, e.find);
            *line = line.replacen(&e.find, &e.replace, 1);
        }
    }
    lines.join("\n")
}

fn run(rule: &str, text: &str) -> Vec<Finding> {
    let imported = gongkai_import::import_text(text, "example.txt", &Default::default()).expect("imports");
    let config = Config { select: vec![rule.to_owned()], ..Config::default() };
    Engine::new(config).unwrap().check(&imported.document)
}

#[test]
fn every_rule_fails_its_failing_fixture_and_passes_its_passing_one() {
    let mut failures = Vec::new();
    for meta in gongkai_rules::rule_metas() {
        let id = meta.id;
        let fail_path = root().join(format!("tests/fixtures/{id}.fail.toml"));
        let Some(fail) = load(&fail_path) else {
            failures.push(format!("{id}: no failing fixture {}", fail_path.display()));
            continue;
        };
        let findings = run(id, &apply(&fail));
        let lines: BTreeSet<u32> = fail
            .expect_lines
            .clone()
            .unwrap_or_else(|| fail.edit.iter().map(|e| e.line).collect())
            .into_iter()
            .collect();
        let own: Vec<&Finding> = findings.iter().filter(|f| f.rule == id).collect();
        if own.is_empty() {
            failures.push(format!("{id}: no finding on its failing fixture ({})", fail.description));
        } else if !lines.is_empty() && !own.iter().any(|f| f.locations.iter().any(|l| lines.contains(&l.at.line))) {
            failures.push(format!("{id}: no finding points at lines {lines:?}"));
        }
        insta::with_settings!({ description => fail.description.clone(), omit_expression => true }, {
            insta::assert_yaml_snapshot!(format!("{id}_fail"), findings);
        });
        let pass_path = root().join(format!("tests/fixtures/{id}.pass.toml"));
        let (pass_text, pass_description) = match load(&pass_path) {
            Some(pass) => (apply(&pass), pass.description),
            None if fail.base == Base::Final => (base_text(Base::Final), "the made-up 决算".to_owned()),
            None => (example(), "the bundled example".to_owned()),
        };
        let findings = run(id, &pass_text);
        if !findings.is_empty() {
            failures.push(format!(
                "{id}: {} finding(s) on its passing fixture ({pass_description}): {}",
                findings.len(),
                findings[0].message
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The made-up 决算 the 决算 rules' fixtures edit agrees with itself: no rule
/// reports an error on it (a rule misreading a 决算 shows here).
#[test]
fn the_made_up_final_accounts_has_no_error() {
    let text = base_text(Base::Final);
    let imported = gongkai_import::import_text(&text, "某局.txt", &Default::default()).expect("imports");
    assert_eq!(imported.document.meta.kind, gongkai_model::DocumentKind::FinalAccounts);
    let findings = Engine::new(Config::default()).unwrap().check(&imported.document);
    let errors: Vec<&str> =
        findings.iter().filter(|f| f.severity == gongkai_model::Severity::Error).map(|f| f.message.as_str()).collect();
    assert!(errors.is_empty(), "{errors:#?}");
}

#[test]
fn every_rule_is_documented() {
    let mut ids = BTreeSet::new();
    for meta in gongkai_rules::rule_metas() {
        assert!(ids.insert(meta.id), "duplicate id {}", meta.id);
        for section in ["## What it checks", "## Why it matters", "## Example"] {
            assert!(meta.doc.contains(section), "{}: doc lacks `{section}`", meta.id);
        }
        // The same text in Chinese, what `gongkai rules explain` shows by
        // default: its three sections, in order, and no English sentence.
        let doc_zh = meta.doc_zh;
        let at =
            |section: &str| doc_zh.find(section).unwrap_or_else(|| panic!("{}: doc_zh lacks `{section}`", meta.id));
        assert!(
            at("## 检查内容") < at("## 为何重要") && at("## 为何重要") < at("## 示例"),
            "{}: doc_zh order",
            meta.id
        );
        for word in ["the ", " is ", " of ", " and "] {
            assert!(!doc_zh.contains(word), "{}: English (`{word}`) in doc_zh", meta.id);
        }
        // The one line `gongkai rules` shows a Chinese reader: Chinese, one line.
        let zh = meta.title_zh;
        let chinese = zh.chars().filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c)).count();
        assert!(chinese >= 6 && !zh.contains('\n') && zh.chars().count() <= 80, "{}: title_zh `{zh}`", meta.id);
        let prefix = match meta.category {
            gongkai_model::Category::Completeness => 'C',
            gongkai_model::Category::Arithmetic => 'A',
            gongkai_model::Category::CrossTable => 'X',
            gongkai_model::Category::Narrative => 'N',
            gongkai_model::Category::Profile => 'P',
            gongkai_model::Category::Consistency => 'K',
            gongkai_model::Category::Format => 'F',
            gongkai_model::Category::Catalog => 'G',
            gongkai_model::Category::FinalAccounts => 'D',
            other => panic!("{}: built-in rule in family {other:?}", meta.id),
        };
        assert!(meta.id.starts_with(prefix), "{}: id prefix does not match its family", meta.id);
    }
}

#[test]
fn no_orphaned_fixtures_or_snapshots() {
    let ids: BTreeSet<String> = gongkai_rules::rule_metas().iter().map(|m| m.id.to_owned()).collect();
    for entry in std::fs::read_dir(root().join("tests/fixtures")).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        let id = name.split('.').next().unwrap_or_default();
        assert!(ids.contains(id), "fixture {name} belongs to no rule");
    }
    if let Ok(dir) = std::fs::read_dir(root().join("tests/snapshots")) {
        for entry in dir {
            let name = entry.unwrap().file_name().to_string_lossy().into_owned();
            if let Some(id) = name.strip_prefix("rules__").and_then(|n| n.split('_').next()) {
                assert!(ids.contains(id), "snapshot {name} belongs to no rule");
            }
        }
    }
}

/// Every rule declared in a file under `src/rules/` is registered, so that it
/// runs: a rule declared but left out of its family's list would pass every
/// document silently (the lint-list check of clippy, by reading the sources).
#[test]
fn every_declared_rule_is_registered() {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    let mut files = Vec::new();
    walk(&root().join("src/rules"), &mut files);
    let registered: BTreeSet<String> = gongkai_rules::rule_metas().iter().map(|m| m.id.to_owned()).collect();
    let mut declared = BTreeSet::new();
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        if !text.contains("declare_rule!") {
            continue;
        }
        // `id: "A101", name: …` inside the macro call.
        for (at, _) in text.match_indices("id: \"") {
            let id: String = text[at + 5..].chars().take_while(|c| *c != '"').collect();
            assert!(declared.insert(id.clone()), "{id} declared twice ({})", file.display());
            assert!(registered.contains(&id), "{id} is declared in {} but registered nowhere", file.display());
        }
    }
    assert_eq!(declared, registered, "rules registered without a declaration under src/rules");
}

/// A file holding no disclosure table (the explanation part of a document whose
/// tables are published apart) gets one C101 warning, not an error per table.
#[test]
fn a_file_without_any_table_is_one_warning() {
    let mut doc = gongkai_import::import_text(&example(), "example.txt", &Default::default()).unwrap().document;
    doc.tables.clear();
    let config = Config { select: vec!["C101".to_owned()], ..Config::default() };
    let findings = Engine::new(config).unwrap().check(&doc);
    assert_eq!(findings.len(), 1, "{findings:#?}");
    assert_eq!(findings[0].severity, gongkai_model::Severity::Warning);
    assert!(findings[0].message.contains("另行公开"), "{}", findings[0].message);
}

/// A file holding only performance-target forms (published apart from the
/// budget) is one C101 warning saying what the file is: no finding per missing
/// table, explanation section or glossary, of any rule.
#[test]
fn a_file_of_target_forms_only_is_one_warning() {
    let text = "\
某局2026年项目支出绩效目标表

项目支出绩效目标表
项目名称\t某某运维项目\t\t
项目资金（万元）\t年度预算总额：\t40.00\t
项目总体目标\t保障某某系统正常运行。\t\t
一级指标\t二级指标\t三级指标\t指标值
产出指标\t数量指标\t运维次数\t=12次
\u{c}
项目支出绩效目标表
项目名称\t某某培训项目\t\t
项目资金（万元）\t年度预算总额：\t10.00\t
一级指标\t二级指标\t三级指标\t指标值
产出指标\t数量指标\t培训人次\t>=200人次
";
    let doc = gongkai_import::import_text(text, "targets.txt", &Default::default()).unwrap().document;
    let findings = Engine::new(Config::default()).unwrap().check(&doc);
    insta::with_settings!({ description => "a file of two project target forms, nothing else", omit_expression => true }, {
        insta::assert_yaml_snapshot!("C101_forms_only", findings);
    });
    assert_eq!(findings.len(), 1, "{findings:#?}");
    assert_eq!((findings[0].rule.as_str(), findings[0].severity), ("C101", gongkai_model::Severity::Warning));
    assert!(findings[0].message.contains("项目支出绩效目标表 2 张"), "{}", findings[0].message);
}

/// A table by unit prints each unit's name and subtotal on an uncoded line,
/// then that unit's 类/款/项 again (深圳's 一般公共预算支出表): A101 checks unit by
/// unit, never a 类 of one unit against the 款 of all units.
#[test]
fn a_table_by_unit_is_checked_unit_by_unit() {
    use gongkai_model::{Number, RowRole, TableKind};
    let mut doc = gongkai_import::import_text(&example(), "example.txt", &Default::default()).unwrap().document;
    let table = doc.tables.iter_mut().find(|t| t.kind == TableKind::GeneralBudgetExpenditure).unwrap();
    let part = &mut table.parts[0];
    let total = part.rows.iter().find(|r| r.role == RowRole::Total).unwrap().clone();
    let coded: Vec<_> = part.rows.iter().filter(|r| r.code.is_some()).cloned().collect();
    let mut head = total.clone();
    head.role = RowRole::Group;
    head.label = "某某单位".into();
    let mut rows = vec![total];
    for unit in 0..2 {
        let mut h = head.clone();
        h.label = format!("单位{unit}");
        rows.push(h);
        rows.extend(coded.iter().cloned());
    }
    part.rows = rows;
    let a101 = |doc: &gongkai_model::Disclosure| {
        let config = Config { select: vec!["A101".to_owned()], ..Config::default() };
        Engine::new(config).unwrap().check(doc)
    };
    let clean = a101(&doc);
    assert!(clean.is_empty(), "{clean:#?}");
    // Raise one 项 of the second unit by 1: its 款 (and nothing in the first unit) fails.
    let table = doc.tables.iter_mut().find(|t| t.kind == TableKind::GeneralBudgetExpenditure).unwrap();
    let part = &mut table.parts[0];
    let second = part.rows.len() - 1;
    let cell = part.rows[second].cells.iter_mut().find(|c| c.amount.is_some()).unwrap();
    let raised = cell.amount.unwrap().value() + gongkai_model::Decimal::ONE;
    cell.amount = Some(Number(raised));
    let line = part.rows[second].source.line;
    let findings = a101(&doc);
    assert!(!findings.is_empty(), "a changed 项 in the second unit is found");
    assert!(findings.iter().all(|f| f.locations.iter().any(|l| l.at.line == line)), "{findings:#?}");
}

/// A sentence that prints the figure it compares with (`比上年预算B万元增加C万元，
/// 增长D%`): the rate is C / B and A = B + C. Right figures pass; a prior that
/// does not make the difference is an N103 error on that line.
#[test]
fn a_stated_prior_year_figure_is_the_base_of_the_change() {
    let run_n103 = |prior: &str| {
        let text = example().replacen("比上年预算增加128.95万元", &format!("比上年预算{prior}万元增加128.95万元"), 1);
        let imported = gongkai_import::import_text(&text, "example.txt", &Default::default()).unwrap();
        let config = Config { select: vec!["N103".to_owned()], ..Config::default() };
        Engine::new(config).unwrap().check(&imported.document)
    };
    assert!(run_n103("879.98").is_empty());
    let findings = run_n103("869.98");
    assert!(!findings.is_empty(), "a prior that does not make the difference is found");
    assert!(findings.iter().all(|f| f.locations.iter().any(|l| l.at.line == 356)), "{findings:#?}");
    assert!(findings.iter().any(|f| f.message.contains("两数之差")), "{findings:#?}");
}

/// Shares that add up to 100% define their own whole: the sum of their amounts.
/// With 基本支出 written 900.00 万元 (91.58%) beside 项目支出 82.77 万元 (8.42%),
/// the shares are right of 982.77 whatever the section's total (1,010.70); a
/// share that no base explains is still an error.
#[test]
fn shares_adding_to_100_percent_are_of_their_own_whole() {
    let run_n102 = |text: &str| {
        let imported = gongkai_import::import_text(text, "example.txt", &Default::default()).unwrap();
        let config = Config { select: vec!["N102".to_owned()], ..Config::default() };
        Engine::new(config).unwrap().check(&imported.document)
    };
    let own_whole = example().replacen("基本支出927.93万元，占91.81%", "基本支出900.00万元，占91.58%", 1).replacen(
        "项目支出82.77万元，占8.19%",
        "项目支出82.77万元，占8.42%",
        1,
    );
    let findings = run_n102(&own_whole);
    assert!(findings.iter().all(|f| ![374, 376].contains(&f.locations[0].at.line)), "{findings:#?}");
    let wrong = own_whole.replacen("占91.58%", "占90.58%", 1);
    let findings = run_n102(&wrong);
    assert!(findings.iter().any(|f| f.locations.iter().any(|l| l.at.line == 374)), "{findings:#?}");
}

fn n102(text: &str) -> Vec<Finding> {
    run("N102", text)
}

fn n102_lines(text: &str) -> Vec<u32> {
    n102(text).iter().map(|f| f.locations[0].at.line).collect()
}

/// A share that names its whole (`占面向中小企业预留…金额的62.50%`) is of the
/// amount an earlier claim states for that whole (8.00), not of the section's
/// total (采购预算 10.89); a share that whole does not explain is still an error.
#[test]
fn a_share_naming_its_whole_is_of_that_whole() {
    let sentence = "面向中小企业预留政府采购项目预算金额10.89万元，小微企业预留政府采购项目预算金额10.89万元。";
    assert!(example().contains(sentence));
    let named = |share: &str| {
        example().replacen(
            sentence,
            &format!(
                "面向中小企业预留政府采购项目预算金额8.00万元，其中：小微企业预留政府采购项目预算金额5.00万元，\
                 占面向中小企业预留政府采购项目预算金额的{share}%。"
            ),
            1,
        )
    };
    assert!(!n102_lines(&named("62.50")).contains(&502), "{:#?}", n102(&named("62.50")));
    assert!(n102_lines(&named("60.50")).contains(&502), "{:#?}", n102(&named("60.50")));
}

/// A 决算 figure's share is of the 决算 total stated beside the 预算 one
/// (`支出预算为2.00万元，支出决算为1.50万元 … 支出决算1.20万元，占80.00%`: 1.20 /
/// 1.50), never of the larger 预算.
#[test]
fn an_outturn_share_is_of_the_outturn_total() {
    let anchor = "2024年财政拨款“三公”经费比上年预算增加0.00万元";
    assert!(example().contains(anchor));
    let with = |share: &str| {
        example().replacen(
            anchor,
            &format!(
                "2023年财政拨款“三公”经费支出预算为2.00万元，支出决算为1.50万元，其中：公务用车运行费支出决算1.20万元，\
                 占{share}%。\n\n{anchor}"
            ),
            1,
        )
    };
    assert!(!n102_lines(&with("80.00")).contains(&484), "{:#?}", n102(&with("80.00")));
    assert!(n102_lines(&with("70.00")).contains(&484), "{:#?}", n102(&with("70.00")));
}

/// A per-code paragraph of the 政府性基金 section names a fund's codes: it is
/// read against the fund's table, never against the general budget's 表5
/// (where `城乡社区支出（类）国有土地使用权出让收入安排的支出（款）…` is no row).
#[test]
fn a_fund_section_code_paragraph_is_not_read_against_the_general_budget() {
    let text = example().replace(
        "奇台县社会保险管理局单位2024年没有使用政府性基金预算拨款安排的支出，政府性基金预算支出情况表为空表。",
        "城乡社区支出(类)国有土地使用权出让收入安排的支出(款)城市建设支出(项)：2024年预算数为10.00万元。",
    );
    let doc = gongkai_import::import_text(&text, "example.txt", &Default::default()).unwrap().document;
    let claim = doc
        .claims
        .iter()
        .find(|c| c.kind == gongkai_model::ClaimKind::CodeParagraph && c.text.contains("城市建设支出"))
        .expect("the paragraph is read as a per-code claim");
    assert_eq!(claim.section, gongkai_model::SectionKind::GovernmentFund);
    let config = Config { select: vec!["N105".to_owned()], ..Config::default() };
    let findings = Engine::new(config).unwrap().check(&doc);
    assert!(findings.iter().all(|f| !f.message.contains("城市建设支出")), "{findings:#?}");
    // The same paragraph under 一般公共预算 is reported against 表5.
    let text = example().replace(
        "8. 卫生健康支出(类)行政事业单位医疗(款)行政单位医疗(项)",
        "8. 城乡社区支出(类)国有土地使用权出让收入安排的支出(款)城市建设支出(项)",
    );
    let doc = gongkai_import::import_text(&text, "example.txt", &Default::default()).unwrap().document;
    let config = Config { select: vec!["N105".to_owned()], ..Config::default() };
    let findings = Engine::new(config).unwrap().check(&doc);
    assert!(findings.iter().any(|f| f.message.contains("城市建设支出")), "{findings:#?}");
}

/// A department with public institutions spends 公用经费 that is no
/// 机关运行经费: a 机关运行经费 below the 公用经费 is then information only; one
/// above it stays a warning.
#[test]
fn operating_cost_below_the_public_use_total_of_a_department_with_institutions_is_information() {
    use gongkai_model::Severity;
    let with_institution = example().replace(
        "奇台县社会保险管理局无下属预算单位，",
        "奇台县社会保险管理局下设二级预算单位1个，分别是：奇台县社会保险服务中心。",
    );
    let n108 = |text: &str| {
        let doc = gongkai_import::import_text(text, "example.txt", &Default::default()).unwrap().document;
        let config = Config { select: vec!["N108".to_owned()], ..Config::default() };
        Engine::new(config).unwrap().check(&doc).into_iter().map(|f| f.severity).collect::<Vec<_>>()
    };
    let below = |t: &str| t.replace("预算22.63万元", "预算22.36万元");
    let above = |t: &str| t.replace("预算22.63万元", "预算22.90万元");
    assert_eq!(n108(&below(&example())), [Severity::Warning]);
    assert_eq!(n108(&below(&with_institution)), [Severity::Info]);
    assert_eq!(n108(&above(&with_institution)), [Severity::Warning]);
    assert_eq!(n108(&with_institution), []);
}

/// A claim off by less than one unit of its last printed digit (parts rounded
/// to add up to their rounded total) is a warning; off by more, an error.
#[test]
fn a_claim_off_by_less_than_its_last_digit_is_a_warning() {
    use gongkai_model::Severity;
    let n101 = |printed: &str| {
        let text = example().replace("预算数为3.68万元", &format!("预算数为{printed}万元"));
        let doc = gongkai_import::import_text(&text, "example.txt", &Default::default()).unwrap().document;
        let config = Config { select: vec!["N101".to_owned()], ..Config::default() };
        Engine::new(config).unwrap().check(&doc).into_iter().map(|f| f.severity).collect::<Vec<_>>()
    };
    assert_eq!(n101("3.7"), []);
    assert_eq!(n101("3.6"), [Severity::Warning]);
    assert_eq!(n101("3.5"), [Severity::Error]);
    assert_eq!(n101("3.66"), [Severity::Error]);
}

/// A subject printing its classification code in brackets (`行政单位离退休
/// （2080501）3.68万元`, 西安) is that code's row.
#[test]
fn a_bracketed_code_names_its_row() {
    let n101 = |printed: &str| {
        let text = example().replace(
            "2. 社会保障和就业支出(类)行政事业单位养老支出(款)行政单位离退休(项)：2024年预算数为3.68万元",
            &format!("2. 行政单位离退休（2080501）{printed}万元"),
        );
        let doc = gongkai_import::import_text(&text, "example.txt", &Default::default()).unwrap().document;
        let config = Config { select: vec!["N101".to_owned()], ..Config::default() };
        Engine::new(config).unwrap().check(&doc)
    };
    assert!(n101("3.68").is_empty());
    let findings = n101("3.99");
    assert_eq!(findings.len(), 1, "{findings:#?}");
    assert!(findings[0].message.contains("2080501"), "{}", findings[0].message);
}

/// A 基本支出 table printed in panels (人员经费 | 公用经费): X106 holds each
/// panel's own total to its economic classes, A101 each 类 to its 款; a changed
/// panel total or 款 is found on its line.
#[test]
fn a_table_in_panels_is_checked_panel_by_panel() {
    let text = "\
2026年某局部门预算
表6 一般公共预算基本支出情况表
单位：万元
人员经费\t\t\t公用经费\t\t\t\t\t
科目编码\t科目名称\t金额\t科目编码\t科目名称\t金额\t科目编码\t科目名称\t金额
301\t工资福利支出\t12.00\t302\t商品和服务支出\t4.50\t310\t资本性支出\t1.50
30101\t基本工资\t7.00\t30201\t办公费\t3.00\t31002\t办公设备购置\t1.50
30102\t津贴补贴\t5.00\t30211\t差旅费\t1.50\t\t\t
303\t对个人和家庭的补助\t2.00\t\t\t\t\t\t
30302\t退休费\t2.00\t\t\t\t\t\t
人员经费合计\t\t14.00\t公用经费合计\t\t\t\t\t6.00
";
    for rule in ["X106", "A101"] {
        let clean = run(rule, text);
        assert!(clean.is_empty(), "{rule}: {clean:#?}");
    }
    let lines_of = |findings: &[Finding]| -> Vec<u32> { findings.iter().map(|f| f.locations[0].at.line).collect() };
    // 公用经费合计 6.00 → 6.50: X106 on the totals line (line 11).
    let x106 = run("X106", &text.replace("\t6.00\n", "\t6.50\n"));
    assert_eq!(lines_of(&x106), [11], "{x106:#?}");
    // 30211 差旅费 1.50 → 1.60: 302 no longer sums (A101 on line 6, where 302 stands).
    let a101 = run("A101", &text.replace("差旅费\t1.50", "差旅费\t1.60"));
    assert_eq!(lines_of(&a101), [6], "{a101:#?}");
}

/// A per-code paragraph stating 0 for its code this year (money last year,
/// none now) names a code the tables need not print: N105 does not ask for
/// its row; the same paragraph with an amount does.
#[test]
fn a_code_paragraph_stating_nothing_this_year_needs_no_row() {
    let paragraph = "6. 社会保障和就业支出(类)就业补助(款)其他就业补助支出(项)：2024年预算数为AMOUNT万元，比上年预算减少5.00万元，下降100.00%，主要原因是：项目结束；";
    let with = |amount: &str| {
        let mut lines: Vec<String> = example().split('\n').map(str::to_owned).collect();
        lines.insert(409, String::new());
        lines.insert(410, paragraph.replace("AMOUNT", amount));
        lines.join("\n")
    };
    let zero = run("N105", &with("0.00"));
    assert!(zero.is_empty(), "{zero:#?}");
    let some = run("N105", &with("5.00"));
    assert_eq!(some.len(), 1, "{some:#?}");
}

/// A file showing nothing of a disclosure (no table, no part of an
/// explanation: a 绩效评价报告 filed among budgets) gets one C101 warning saying
/// so, and no finding for each section or glossary it lacks.
#[test]
fn a_file_with_nothing_of_a_disclosure_is_said_to_be_none() {
    let mut doc = gongkai_import::import_text(&example(), "example.txt", &Default::default()).unwrap().document;
    doc.tables.clear();
    doc.sections.clear();
    let config = Config { select: vec!["C101".into(), "C103".into(), "C104".into()], ..Config::default() };
    let findings = Engine::new(config).unwrap().check(&doc);
    let rules: Vec<&str> = findings.iter().map(|f| f.rule.as_str()).collect();
    assert_eq!(rules, ["C101"], "{findings:#?}");
    assert!(findings[0].message.contains("看来不是部门预算公开"), "{}", findings[0].message);
    // A file with an explanation but no tables (its tables published apart)
    // keeps its section checks.
    let mut doc = gongkai_import::import_text(&example(), "example.txt", &Default::default()).unwrap().document;
    doc.tables.clear();
    let findings =
        Engine::new(Config { select: vec!["C101".into(), "C104".into()], ..Config::default() }).unwrap().check(&doc);
    assert!(findings.iter().all(|f| !f.message.contains("看来不是")), "{findings:#?}");
}

/// A table that prints a paragraph's 项 by name on a row it could not code
/// (a name the catalog does not know under that 款): the paragraph's row may
/// be that one, so N105 says nothing; the same row under another name leaves
/// the paragraph's names unmatched, and N105 reports them.
#[test]
fn a_name_on_a_row_without_a_code_may_be_the_paragraphs() {
    use gongkai_model::{RowRole, TableKind};
    let n105 = |doc: &gongkai_model::Disclosure| {
        let config = Config { select: vec!["N105".to_owned()], ..Config::default() };
        Engine::new(config).unwrap().check(doc)
    };
    let mut doc = gongkai_import::import_text(&example(), "example.txt", &Default::default()).unwrap().document;
    // (In every table that prints it: the paragraph's chain is looked for in
    // each table its section speaks of.)
    let uncode = |doc: &mut gongkai_model::Disclosure, label: &str| {
        for table in doc.tables.iter_mut().filter(|t| t.kind != TableKind::GovernmentProcurement) {
            for row in table.parts.iter_mut().flat_map(|p| &mut p.rows) {
                if row.code.as_ref().is_some_and(|c| c.as_str() == "2080505") {
                    row.code = None;
                    row.role = RowRole::Group;
                    row.label = label.to_owned();
                }
            }
        }
    };
    assert!(n105(&doc).is_empty());
    let mut other = doc.clone();
    uncode(&mut doc, "机关事业单位基本养老保险缴费支出");
    let findings = n105(&doc);
    assert!(findings.is_empty(), "{findings:#?}");
    uncode(&mut other, "某某支出");
    assert!(!n105(&other).is_empty(), "a row under another name does not excuse the paragraph");
}

/// A total named with the unit's own name before it (`某局部门预算收入`)
/// is the budget as a whole: the name says whose budget, which the document
/// already says. The figure is compared (N101 on a changed one).
#[test]
fn a_total_named_with_the_units_own_name_is_the_whole() {
    let text = example().replace(
        "所有收入和支出均纳入单位预算管理。收支总预算1,010.70万元。",
        "所有收入和支出均纳入单位预算管理。奇台县社会保险管理局部门预算收入1,010.70万元。",
    );
    assert!(run("N101", &text).is_empty());
    let changed = text.replace("管理局部门预算收入1,010.70万元", "管理局部门预算收入1,011.70万元");
    let findings = run("N101", &changed);
    assert_eq!(findings.iter().map(|f| f.locations[0].at.line).collect::<Vec<_>>(), [346], "{findings:#?}");
}

/// A budget's spending named in the overview (`一般公共预算拨款支出预算…`,
/// `政府性基金拨款支出预算…`) is that budget's spending table's total (and its
/// column on the fiscal summary's spending side), not an income line; a claim
/// so resolved also explains that table (C103).
#[test]
fn a_budgets_spending_is_its_spending_tables_total() {
    use gongkai_model::{Side, TableKind};
    let kinds = |label: &str| -> Vec<(TableKind, Option<Side>)> {
        overview_candidates(label).into_iter().map(|(kind, side, _)| (kind, side)).collect()
    };
    let spending = kinds("一般公共预算拨款支出预算");
    assert!(spending.contains(&(TableKind::GeneralBudgetExpenditure, None)), "{spending:?}");
    assert!(spending.iter().all(|(_, side)| *side != Some(Side::Income)), "{spending:?}");
    // Income stays income.
    let income = kinds("一般公共预算拨款收入");
    assert!(income.iter().all(|(kind, _)| *kind != TableKind::GeneralBudgetExpenditure), "{income:?}");
}

/// A total named with 总 (`收支总预算`, `收入预算总计`) is 收入总计, which
/// includes the carry-over; it is never the year's own income (本年收入).
#[test]
fn a_total_named_with_zong_is_the_grand_total() {
    use gongkai_model::Measure;
    let year_income = |label: &str| {
        overview_candidates(label).iter().any(|(_, _, measure)| *measure == Some(Measure::CurrentYearIncome))
    };
    assert!(!year_income("收支总预算"));
    assert!(!year_income("收入预算总计"));
    assert!(year_income("收入预算"), "without 总 either may be meant");
}

/// The cells a claim of the example's overview labelled `label` is compared
/// with: each one's table, side and row measure.
fn overview_candidates(
    label: &str,
) -> Vec<(gongkai_model::TableKind, Option<gongkai_model::Side>, Option<gongkai_model::Measure>)> {
    use gongkai_model::{Claim, ClaimKind, ClaimSubject, SectionKind};
    use gongkai_rules::rules::narrative::resolve::resolve;
    let doc = gongkai_import::import_text(&example(), "example.txt", &Default::default()).unwrap().document;
    let template = gongkai_rules::Template::national();
    let ctx = gongkai_rules::Context::new(&doc, &template, gongkai_rules::tolerance::Tolerance::default());
    let base = doc.claims.iter().find(|c| c.kind == ClaimKind::Amount).unwrap().clone();
    let claim = Claim {
        kind: ClaimKind::Amount,
        section: SectionKind::Overview,
        subject: ClaimSubject { label: label.to_owned(), ..base.subject.clone() },
        ..base
    };
    resolve(&ctx, &claim).iter().map(|c| (c.table.kind, c.part.side, c.row.measure.clone())).collect()
}

/// The 支出总表 of a department of two units, each on a line of its own.
const BY_UNIT: &str = "\
2026年某局部门预算

第一部分 部门预算表

表3
支出总表
单位：万元
单位名称\t支出总计\t基本支出\t项目支出
合计\t150.00\t100.00\t50.00
某局（本级）\t100.00\t70.00\t30.00
某局监测中心\t50.00\t30.00\t20.00
";

/// N101's findings on `text`: line and message.
fn n101(text: &str) -> Vec<(u32, String)> {
    run("N101", text).iter().map(|f| (f.locations[0].at.line, f.message.clone())).collect()
}

/// A section about one unit of the department (its heading the unit's name)
/// states that unit's figures: its budget and its 基本支出/项目支出 are its row
/// of the table by unit. A 项目支出 named with a qualifier before it (one
/// category's projects) is not the unit's.
#[test]
fn a_units_section_speaks_of_its_row_in_the_tables_by_unit() {
    let text = format!(
        "{BY_UNIT}
第二部分 部门预算支出具体情况

一、某局（本级）

某局（本级）预算100.00万元，包括基本支出70.00万元、项目支出30.00万元。

二、某局监测中心

某局监测中心预算50.00万元，包括基本支出30.00万元、项目支出20.00万元。
"
    );
    let text = text.as_str();
    assert!(n101(text).is_empty(), "{:#?}", n101(text));
    let budget = n101(&text.replace("某局监测中心预算50.00万元", "某局监测中心预算51.00万元"));
    assert_eq!(budget.len(), 1, "{budget:#?}");
    assert!(budget[0].1.contains("“某局监测中心”行"), "{budget:#?}");
    let project = n101(&text.replace("项目支出20.00万元", "项目支出21.00万元"));
    assert_eq!(project.len(), 1, "{project:#?}");
    assert!(project[0].1.contains("“项目支出”列"), "{project:#?}");
    // One category's projects: not the unit's 项目支出.
    let category = n101(&text.replace("项目支出20.00万元", "监测项目支出19.00万元"));
    assert!(category.is_empty(), "{category:#?}");
}

/// In a unit's section, a category of its projects (`监测项目20.00万元`) is the
/// line of that name among the unit's lines of the project table (from the
/// unit's own line to the next unit's), not the same name under another unit.
#[test]
fn a_units_project_category_is_its_line_in_the_project_table() {
    let text = format!(
        "{BY_UNIT}
表5
项目支出总表
单位：万元
单位名称（项目类别）\t总计
合计\t50.00
某局（本级）\t30.00
监测\t30.00
某局监测中心\t20.00
监测\t20.00

第二部分 部门预算支出具体情况

一、某局（本级）

某局（本级）预算100.00万元，其中监测项目30.00万元。

二、某局监测中心

某局监测中心预算50.00万元，其中监测项目20.00万元。
"
    );
    let text = text.as_str();
    assert!(n101(text).is_empty(), "{:#?}", n101(text));
    let changed = n101(&text.replace("其中监测项目20.00万元", "其中监测项目21.00万元"));
    assert_eq!(changed.len(), 1, "{changed:#?}");
    assert!(changed[0].1.contains("项目支出总表") && changed[0].1.contains("20.00"), "{changed:#?}");
}
