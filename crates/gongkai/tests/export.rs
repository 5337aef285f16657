//! `gongkai export --to xlsx` and `validate --format xlsx`: the example's tables
//! survive a round trip through a workbook; findings land on the cells.

#[path = "../../gongkai-import/tests/common/mod.rs"]
mod common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use calamine::{Data, Reader};
use gongkai_import::{ImportOptions, Imported};
use gongkai_model::TableKind;

const EXAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/qitai-2024-budget.txt");

fn gongkai() -> Command {
    let mut cmd = Command::cargo_bin("gongkai").expect("binary");
    // (Chinese whatever the machine's locale.)
    cmd.env("LANG", "C.UTF-8").env_remove("LC_ALL").env_remove("LC_MESSAGES");
    cmd
}

fn export(input: &Path, dir: &Path) -> PathBuf {
    let out = dir.join("tables.xlsx");
    gongkai().args(["export"]).arg(input).args(["--to", "xlsx", "-o"]).arg(&out).assert().success();
    out
}

fn read(path: &Path) -> Imported {
    gongkai_import::import_file(&path.to_string_lossy(), &ImportOptions::default()).expect("reads back")
}

/// Every table fact (kind, side, row, code, project, column measure, amount).
fn table_facts(doc: &gongkai_model::Disclosure) -> BTreeSet<String> {
    let kinds: Vec<String> = TableKind::ALL.iter().map(|k| format!("{k:?}/")).collect();
    common::facts(doc)
        .into_iter()
        .filter(|f| f.starts_with("table ") || kinds.iter().any(|k| f.starts_with(k)))
        .collect()
}

#[test]
fn the_example_round_trips_through_a_workbook() {
    let dir = tempfile::tempdir().unwrap();
    let book = export(Path::new(EXAMPLE), dir.path());
    let original = common::import(&common::example_text());
    let back = read(&book);
    let (want, got) = (table_facts(&original.document), table_facts(&back.document));
    let missing: Vec<_> = want.difference(&got).collect();
    let extra: Vec<_> = got.difference(&want).collect();
    assert!(missing.is_empty() && extra.is_empty(), "missing {missing:#?}\nextra {extra:#?}");
    // Every table kind of the example is there, with its title, unit and headers.
    for (a, b) in original.document.tables.iter().zip(&back.document.tables) {
        assert_eq!((a.kind, &a.title, a.unit, &a.compiled_by), (b.kind, &b.title, b.unit, &b.compiled_by));
        let headers = |t: &gongkai_model::Table| -> Vec<Vec<String>> {
            t.parts.iter().map(|p| p.columns.iter().map(|c| c.header.clone()).collect()).collect()
        };
        assert_eq!(headers(a), headers(b), "{:?}", a.kind);
        // Every row on its side, in its place, amounts or none (a 支出 label alone
        // on its row stays on the 支出 side).
        let rows = |t: &gongkai_model::Table| -> Vec<Vec<String>> {
            t.parts
                .iter()
                .map(|p| {
                    p.rows
                        .iter()
                        .map(|r| format!("{:?} {:?} {} {:?} {:?}", r.role, r.code, r.label, r.numbering, r.part_of))
                        .collect()
                })
                .collect()
        };
        assert_eq!(rows(a), rows(b), "{:?}", a.kind);
    }
    assert_eq!(original.document.tables.len(), back.document.tables.len());
    assert!(back.document.unparsed.is_empty(), "{:#?}", back.document.unparsed);
}

#[test]
fn the_workbook_has_the_template_layout() {
    let dir = tempfile::tempdir().unwrap();
    let book = export(Path::new(EXAMPLE), dir.path());
    let mut wb: calamine::Xlsx<_> = calamine::open_workbook(&book).unwrap();
    assert_eq!(wb.sheet_names()[..3], ["表1", "表2", "表3"]);
    let sheet = wb.worksheet_range("表2").unwrap();
    assert_eq!(sheet.get_value((0, 0)), Some(&Data::String("单位收入总体情况表".into())));
    assert_eq!(sheet.get_value((1, 0)), Some(&Data::String("编制单位：奇台县社会保险管理局".into())));
    // 类 款 项 columns, then the name; amounts are numbers formatted #,##0.00.
    let row =
        (0..sheet.height() as u32).find(|r| sheet.get_value((*r, 0)) == Some(&Data::String("208".into()))).unwrap();
    assert_eq!(sheet.get_value((row + 1, 1)), Some(&Data::String("01".into())));
    assert_eq!(sheet.get_value((row, 4)), Some(&Data::Float(933.34)));
    let merged = wb.merge_cells_by_sheet_name("表2").unwrap();
    assert!(!merged.is_empty(), "group headers are merged");
}

#[test]
fn two_sided_tables_print_their_sides_on_the_same_rows_and_the_totals_last() {
    let dir = tempfile::tempdir().unwrap();
    let book = export(Path::new(EXAMPLE), dir.path());
    let mut wb: calamine::Xlsx<_> = calamine::open_workbook(&book).unwrap();
    for name in ["表1", "表4"] {
        let sheet = wb.worksheet_range(name).unwrap();
        let text = |r: u32, c: u32| sheet.get_value((r, c)).map(|d| d.to_string()).unwrap_or_default();
        let last = (0..sheet.height() as u32).rev().find(|r| !text(*r, 0).is_empty() || !text(*r, 2).is_empty());
        let last = last.unwrap();
        assert_eq!((text(last, 0).as_str(), text(last, 2).as_str()), ("收入总计", "支出总计"), "{name}");
        // The 支出 side's last 类 row stands alone on its row, above the totals.
        assert!(text(last - 1, 0).is_empty() && text(last - 1, 2).starts_with("234 "), "{name}");
    }
}

/// The rules `validate` finds, by id.
fn rules_found(cmd: &mut Command) -> Vec<String> {
    let out = cmd.args(["--format", "json"]).output().unwrap();
    assert_ne!(out.status.code(), Some(2), "{}", String::from_utf8_lossy(&out.stderr));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let documents = report["documents"].as_array().unwrap();
    documents
        .iter()
        .flat_map(|d| d["findings"].as_array().unwrap())
        .filter_map(|f| f["rule"].as_str().map(str::to_owned))
        .collect()
}

#[test]
fn the_exported_example_adds_up_as_the_example_does() {
    // The example's tables are arithmetically sound; so is the workbook of them,
    // alone or with the text: no 收入 row is read from a row holding only a 支出
    // label (which made 收入总计 ≠ Σ 类 rows, A103, in 表1 and 表4).
    let dir = tempfile::tempdir().unwrap();
    let book = export(Path::new(EXAMPLE), dir.path());
    let arithmetic = |rules: Vec<String>| rules.into_iter().filter(|r| r.starts_with('A')).collect::<Vec<_>>();
    assert_eq!(arithmetic(rules_found(gongkai().arg("validate").arg(EXAMPLE))), Vec::<String>::new(), "the text");
    assert_eq!(arithmetic(rules_found(gongkai().arg("validate").arg(&book))), Vec::<String>::new(), "the workbook");
    let pair = rules_found(gongkai().args(["validate", "--tables"]).arg(&book).arg("--text").arg(EXAMPLE));
    assert_eq!(arithmetic(pair), Vec::<String>::new(), "the workbook with the text");
}

#[test]
fn a_workbook_and_its_text_validate_as_one_document() {
    let dir = tempfile::tempdir().unwrap();
    let book = export(Path::new(EXAMPLE), dir.path());
    let findings = dir.path().join("findings.xlsx");
    let output = gongkai()
        .args(["validate", "--tables"])
        .arg(&book)
        .arg("--text")
        .arg(EXAMPLE)
        .args(["--format", "xlsx", "-o"])
        .arg(&findings)
        .output()
        .unwrap();
    assert_ne!(output.status.code(), Some(2), "{}", String::from_utf8_lossy(&output.stderr));
    let mut wb: calamine::Xlsx<_> = calamine::open_workbook(&findings).unwrap();
    let names = wb.sheet_names();
    assert_eq!(names[0], "问题");
    assert!(names.contains(&"表2".to_owned()), "{names:?}");
    let sheet = wb.worksheet_range("问题").unwrap();
    let header: Vec<String> =
        (0..10).map(|c| sheet.get_value((0, c)).map(|d| d.to_string()).unwrap_or_default()).collect();
    assert_eq!(header, ["文件", "规则", "级别", "问题", "表", "行", "列", "页", "行号", "单元格"]);
}

#[test]
fn a_wrong_cell_is_reported_at_its_sheet_cell_and_filled_in_colour() {
    let dir = tempfile::tempdir().unwrap();
    // 933.34 → 934.34 in 表2 breaks sums and cross-table agreement (a change of
    // 0.01 would be within what rounding the 款 rows explains): the findings
    // point at sheet cells, and those cells are filled in the table sheets.
    let text =
        common::example_text().replacen("社会保障和就业支出\t933.34\t933.03", "社会保障和就业支出\t934.34\t933.03", 1);
    let edited = dir.path().join("edited.txt");
    std::fs::write(&edited, text).unwrap();
    let book = export(&edited, dir.path());
    let findings = dir.path().join("findings.xlsx");
    let output = gongkai().arg("validate").arg(&book).args(["--format", "xlsx", "-o"]).arg(&findings).output().unwrap();
    assert_eq!(output.status.code(), Some(1), "{}", String::from_utf8_lossy(&output.stderr));
    let mut wb: calamine::Xlsx<_> = calamine::open_workbook(&findings).unwrap();
    let sheet = wb.worksheet_range("问题").unwrap();
    let cells: Vec<String> =
        sheet.rows().filter_map(|r| r.get(9)).map(|d| d.to_string()).filter(|c| !c.is_empty()).collect();
    let at = cells.iter().find(|c| c.starts_with("表2!")).expect("a finding at a cell of 表2");
    let sheet_name = at.split('!').next().unwrap().to_owned();
    let styles = wb.worksheet_style(&sheet_name).unwrap();
    let flagged = calamine::Color::rgb(0xFF, 0xC7, 0xCE);
    let filled = styles
        .cells()
        .filter(|(_, _, s)| {
            s.fill.as_ref().is_some_and(|f| f.foreground_color == Some(flagged) || f.background_color == Some(flagged))
        })
        .count();
    assert!(filled > 0, "flagged cells are filled");
}

#[test]
fn export_help_has_an_example_and_bad_input_is_exit_code_2() {
    let help = gongkai().args(["export", "--help"]).output().unwrap();
    let help = String::from_utf8_lossy(&help.stdout);
    assert!(help.contains("示例：") && help.contains("gongkai export examples/qitai-2024-budget.txt --to xlsx"));
    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("broken.xlsx");
    std::fs::write(&broken, b"PK\x03\x04 truncated").unwrap();
    let out = dir.path().join("out.xlsx");
    let run = gongkai().arg("export").arg(&broken).arg("-o").arg(&out).output().unwrap();
    assert_eq!(run.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&run.stderr).contains("broken.xlsx"));
    assert!(!out.exists(), "nothing written on failure");
}
