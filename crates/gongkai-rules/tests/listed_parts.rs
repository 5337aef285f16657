//! N113 on the forms of a list of parts: clauses between `；`, numbered
//! paragraphs after `具体包括：`, and a list holding a list of its own (not read).

use gongkai_model::{Finding, Severity};
use gongkai_rules::{Config, Engine};

/// Three lists whose parts the tables do not print: a unit's budget `包括` two
/// works (clauses between `；`), 项目支出 `具体包括：` two numbered categories,
/// and a project whose first part states a part of its own (`其中`).
const TEXT: &str = r#"2026年某局部门预算

第三部分 部门预算情况说明

一、其他重要事项的情况说明

某中心预算100.00万元，包括：甲工作60.00万元，主要用于某事；乙工作40.00万元，主要用于某事。

项目支出50.00万元，具体包括：

1.甲类项目30.00万元，主要用于某事。

2.乙类项目20.00万元，主要用于某事。

某项目80.00万元，主要包括：丙工作30.00万元（其中丁工作10.00万元）、戊工作50.00万元。
"#;

fn n113(text: &str) -> Vec<Finding> {
    let imported = gongkai_import::import_text(text, "某局.txt", &Default::default()).expect("imports");
    let config = Config { select: vec!["N113".to_owned()], ..Config::default() };
    Engine::new(config).unwrap().check(&imported.document)
}

fn changed(from: &str, to: &str) -> String {
    assert!(TEXT.contains(from), "{from}");
    TEXT.replacen(from, to, 1)
}

#[test]
fn lists_that_add_up_are_silent() {
    assert!(n113(TEXT).is_empty(), "{:#?}", n113(TEXT));
}

#[test]
fn parts_exceeding_their_whole_are_an_error() {
    let findings = n113(&changed("乙工作40.00", "乙工作50.00"));
    assert_eq!(findings.len(), 1, "{findings:#?}");
    assert_eq!(findings[0].severity, Severity::Error);
    assert!(findings[0].message.contains("合计 110.00 万元"), "{findings:#?}");
}

/// `包括` names every part: a shortfall may be a part left out (a warning).
#[test]
fn a_complete_list_short_of_its_whole_is_a_warning() {
    let findings = n113(&changed("乙工作40.00", "乙工作30.00"));
    assert_eq!(findings.len(), 1, "{findings:#?}");
    assert_eq!(findings[0].severity, Severity::Warning);
}

/// `具体包括：` ending its paragraph: the numbered paragraphs after it are the parts.
#[test]
fn numbered_paragraphs_are_the_parts_of_the_whole_before_them() {
    let findings = n113(&changed("2.乙类项目20.00", "2.乙类项目25.00"));
    assert_eq!(findings.len(), 1, "{findings:#?}");
    assert!(findings[0].message.contains("“项目支出”写作 50.00"), "{findings:#?}");
}

/// A part stating a part of its own (`（其中丁工作10.00万元）`) in a list without
/// `；`: which amounts are parts of the whole is not known, so nothing is read.
#[test]
fn a_list_holding_a_list_is_not_read() {
    assert!(n113(&changed("戊工作50.00", "戊工作60.00")).is_empty());
}

/// A part's own other figures (`（上年25.00万元）`, `，2025年为45.00万元`) are about
/// that part, not parts of the whole; a name holding `、` is one part.
#[test]
fn a_parts_other_figures_are_not_parts() {
    let list = "某项目80.00万元，主要包括：丙工作30.00万元（其中丁工作10.00万元）、戊工作50.00万元。";
    for form in [
        "某项目80.00万元，主要包括：丙工作30.00万元（上年25.00万元）、戊工作50.00万元。",
        "某项目80.00万元，主要包括：丙工作30.00万元，比上年增加5.00万元、戊工作50.00万元，2025年为45.00万元。",
        "某项目80.00万元，包括：丙、丁工作30.00万元、戊工作50.00万元。",
        // A comma after the word; a carry-over is a part.
        "某项目80.00万元，其中，丙工作30.00万元，上年结转戊工作50.00万元。",
    ] {
        let text = changed(list, form);
        assert!(n113(&text).is_empty(), "{form}: {:#?}", n113(&text));
        let exceeding = text.replacen("戊工作50.00", "戊工作60.00", 1);
        assert_eq!(n113(&exceeding).len(), 1, "{form}: {:#?}", n113(&exceeding));
    }
}

/// Where every part is a table figure (the “三公” items of the example), N101
/// compares each with its cell; N113 adds nothing.
#[test]
fn parts_printed_in_the_tables_are_left_to_n101() {
    let example =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/qitai-2024-budget.txt")).unwrap();
    let changed = example.replacen("公务用车运行费1.08万元，公务接待费", "公务用车运行费1.28万元，公务接待费", 1);
    assert_ne!(changed, example);
    assert!(n113(&changed).is_empty(), "{:#?}", n113(&changed));
}

/// A sentence beginning with the introducer (`…80.00万元。主要包括：…`) lists
/// the parts of the whole that ends the sentence before it.
#[test]
fn a_list_in_the_next_sentence_is_of_the_whole_before_it() {
    let text = "2026年某局部门预算\n\n第三部分 部门预算情况说明\n\n一、其他重要事项的情况说明\n\n\
                某项目预算80.00万元。主要包括：甲工作50.00万元，主要用于某事；乙工作30.00万元，主要用于某事。\n";
    assert!(n113(text).is_empty(), "{:#?}", n113(text));
    let findings = n113(&text.replace("乙工作30.00", "乙工作40.00"));
    assert_eq!(findings.len(), 1, "{findings:#?}");
    assert!(findings[0].message.contains("合计 90.00 万元"), "{findings:#?}");
}

/// A whole whose 元 is a slip for 万元 (the text's only 元, the tables in 万元)
/// is read as 万元: its parts are still checked, a difference a warning.
#[test]
fn a_whole_written_in_yuan_by_slip_is_read_as_wan() {
    let text = "2026年某局部门预算\n\n第一部分 部门预算表\n\n表1\n收支总表\n单位：万元\n项目\t预算数\n收入总计\t80.00\n\n\
                第三部分 部门预算情况说明\n\n一、其他重要事项的情况说明\n\n\
                某项目80.00元，主要包括：甲工作50.00万元，主要用于某事；乙工作30.00万元，主要用于某事。\n";
    assert!(n113(text).is_empty(), "{:#?}", n113(text));
    let findings = n113(&text.replace("乙工作30.00", "乙工作40.00"));
    assert_eq!(findings.len(), 1, "{findings:#?}");
    assert_eq!(findings[0].severity, Severity::Warning);
    assert!(findings[0].message.contains("80.00 元（按万元读）"), "{findings:#?}");
}
