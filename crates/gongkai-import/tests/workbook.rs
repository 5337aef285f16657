//! Workbooks and CSV: real layouts (another program's .xls/.xlsx, the Shanghai
//! template), the same facts as the text they were made from, cell provenance,
//! and broken workbooks that must give an error or a diagnostic — never a panic.

mod common;

use std::collections::BTreeSet;
use std::time::{Duration, Instant};

use common::{example_text, facts, import};
use gongkai_import::{Format, ImportOptions, Imported, import_bytes};
use gongkai_model::TableKind;
use rust_xlsxwriter::{ExcelDateTime, Format as CellFormat, Formula, Workbook};

fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn workbook(bytes: &[u8], name: &str) -> Imported {
    import_bytes(bytes, name, Format::Workbook, &ImportOptions::default()).expect("the workbook imports")
}

/// The facts of the tables only (a workbook holds no explanation).
fn table_facts(imported: &Imported) -> BTreeSet<String> {
    let kinds: Vec<String> = TableKind::ALL.iter().map(|k| format!("{k:?}/")).collect();
    facts(&imported.document)
        .into_iter()
        .filter(|f| f.starts_with("table ") || kinds.iter().any(|k| f.starts_with(k.as_str())))
        .collect()
}

fn assert_same_tables(got: &Imported, what: &str) {
    let want = table_facts(&import(&example_text()));
    let got = table_facts(got);
    let missing: Vec<_> = want.difference(&got).collect();
    let extra: Vec<_> = got.difference(&want).collect();
    assert!(missing.is_empty() && extra.is_empty(), "{what}:\nmissing {missing:#?}\nextra {extra:#?}");
}

/// The rows of each side of the two-sided tables (表1, 表4), amounts or none.
fn side_rows(imported: &Imported) -> Vec<Vec<String>> {
    let tables = imported.document.tables.iter().filter(|t| t.parts.iter().any(|p| p.side.is_some()));
    tables
        .flat_map(|t| &t.parts)
        .map(|p| p.rows.iter().map(|r| format!("{:?} {:?} {} {:?}", r.role, r.code, r.label, r.part_of)).collect())
        .collect()
}

#[test]
fn libreoffice_xls_and_xlsx_import_to_the_example_tables() {
    let text_sides = side_rows(&import(&example_text()));
    assert_eq!(text_sides.len(), 4);
    for name in ["qitai-libreoffice.xls", "qitai-libreoffice.xlsx"] {
        let imported = workbook(&fixture(name), name);
        assert_same_tables(&imported, name);
        // A row with only a 支出 label (no amount) is on the 支出 side.
        assert_eq!(side_rows(&imported), text_sides, "{name}");
        assert!(imported.document.unparsed.is_empty(), "{name}: {:#?}", imported.document.unparsed);
        let format = imported.document.meta.source.format.as_deref();
        assert_eq!(format, Some(if name.ends_with(".xls") { "xls" } else { "xlsx" }));
    }
}

#[test]
fn cells_point_at_their_sheet_and_cell() {
    let imported = workbook(&fixture("qitai-libreoffice.xlsx"), "q.xlsx");
    let income = imported.document.tables.iter().find(|t| t.kind == TableKind::IncomeSummary).expect("表2");
    let total = &income.parts[0].rows[0];
    assert_eq!(total.label, "总计");
    // 类 款 项 名称 in A–D, so the first amount is in E.
    let at = total.cells[0].at.as_ref().and_then(|p| p.cell.as_deref());
    assert_eq!(at, Some(format!("表2!E{}", total.source.line).as_str()));
}

#[test]
fn the_shanghai_template_opens_and_its_table_sheets_are_recognised() {
    let imported = workbook(&fixture("shanghai-putuo-template.xlsx"), "template.xlsx");
    let kinds: Vec<TableKind> = imported.document.tables.iter().map(|t| t.kind).collect();
    for kind in [
        TableKind::IncomeExpenditureSummary,
        TableKind::IncomeSummary,
        TableKind::ExpenditureSummary,
        TableKind::FiscalAllocationSummary,
        TableKind::GeneralBudgetExpenditure,
        TableKind::GovernmentFundExpenditure,
        TableKind::StateCapitalExpenditure,
        TableKind::GeneralBudgetBasicExpenditure,
        TableKind::ThreePublicExpenses,
    ] {
        assert!(kinds.contains(&kind), "{kind:?} not recognised in {kinds:?}");
    }
    // A blank template: no amounts; codes stored as numbers read as codes.
    let amounts = imported.document.tables.iter().flat_map(|t| &t.parts).flat_map(|p| &p.rows);
    assert!(amounts.clone().all(|r| r.cells.iter().all(|c| c.amount.is_none())));
    assert!(amounts.filter_map(|r| r.code.as_ref()).any(|c| c.as_str() == "2050205"));
    let expenditure = imported.document.tables.iter().find(|t| t.kind == TableKind::ExpenditureSummary).unwrap();
    assert_eq!(expenditure.unit, gongkai_model::Unit::Yuan);
    // Its 目录 sheet lists (behind dot leaders) just the tables it holds.
    let listed: Vec<TableKind> = imported.document.contents.iter().filter_map(|e| e.table).collect();
    assert_eq!(listed.iter().filter(|k| **k != TableKind::Other).count(), 9, "{listed:?}");
    assert!(imported.document.missing_tables.is_empty(), "{:#?}", imported.document.missing_tables);
    // Its text sheets are not tables: kept, with a note each.
    assert!(imported.document.unparsed.iter().any(|u| u.reason.contains("部门主要职能")));
    assert!(imported.diagnostics.iter().any(|d| d.message.contains("sheet 封面 is not a disclosure table")));
}

#[test]
fn a_truncated_workbook_is_an_error_naming_the_file() {
    let bytes = fixture("qitai-libreoffice.xlsx");
    for cut in [0, 10, bytes.len() / 3, bytes.len() - 100] {
        let err = import_bytes(&bytes[..cut], "cut.xlsx", Format::Workbook, &ImportOptions::default())
            .expect_err("a truncated zip is refused");
        assert!(err.to_string().starts_with("cut.xlsx: "), "{err}");
    }
    let err = import_bytes(b"not a workbook at all", "x.xls", Format::Workbook, &ImportOptions::default())
        .expect_err("garbage is refused");
    assert!(err.message.contains("workbook"), "{err}");
}

/// A small table sheet written by rust_xlsxwriter, then changed by `edit`.
fn small_table(edit: impl FnOnce(&mut rust_xlsxwriter::Worksheet)) -> Vec<u8> {
    titled_table("单位支出总体情况表", edit)
}

fn titled_table(title: &str, edit: impl FnOnce(&mut rust_xlsxwriter::Worksheet)) -> Vec<u8> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("表3").unwrap();
    let rows: [&[&str]; 5] = [
        &[title],
        &["编制单位：测试局", "", "", "", "", "单位：万元"],
        &["类", "款", "项", "功能分类科目名称", "合计", "基本支出", "项目支出"],
        &["※", "※", "※", "※", "1", "2", "3"],
        &["", "", "", "总计", "10.00", "7.50", "2.50"],
    ];
    for (r, row) in rows.iter().enumerate() {
        for (c, text) in row.iter().enumerate() {
            if !text.is_empty() {
                sheet.write_string(r as u32, c as u16, *text).unwrap();
            }
        }
    }
    // A coded row with numbers stored as numbers (code as a number too).
    sheet.write_number(5, 0, 208.0).unwrap();
    sheet.write_string(5, 3, "社会保障和就业支出").unwrap();
    let money = CellFormat::new().set_num_format("#,##0.00");
    for (c, v) in [(4, 10.0), (5, 7.5), (6, 2.5)] {
        sheet.write_number_with_format(5, c, v, &money).unwrap();
    }
    edit(sheet);
    book.save_to_buffer().unwrap()
}

#[test]
fn numbers_as_numbers_and_as_text_read_the_same() {
    let imported = workbook(&small_table(|_| {}), "small.xlsx");
    let table = &imported.document.tables[0];
    assert_eq!(table.kind, TableKind::ExpenditureSummary);
    assert_eq!(table.compiled_by.as_deref(), Some("测试局"));
    let rows = &table.parts[0].rows;
    assert_eq!(rows[1].code.as_ref().map(|c| c.as_str()), Some("208"));
    let printed: Vec<String> = rows[1].cells.iter().map(|c| c.amount.unwrap().to_string()).collect();
    assert_eq!(printed, ["10.00", "7.50", "2.50"]);
    assert_eq!(rows[0].cells[1].amount.unwrap().to_string(), "7.50");
}

#[test]
fn a_formula_without_a_value_is_a_diagnostic_at_its_cell() {
    let bytes = small_table(|sheet| {
        sheet.set_formula_result_default("");
        sheet.write_formula(5, 4, Formula::new("=F6+G6")).unwrap();
    });
    let imported = workbook(&bytes, "formula.xlsx");
    let d = imported.diagnostics.iter().find(|d| d.message.contains("formula")).expect("a diagnostic");
    assert_eq!(d.line, 6);
    assert!(d.message.starts_with("表3!E6: formula =F6+G6 has no calculated value"), "{}", d.message);
    let cell = &imported.document.tables[0].parts[0].rows[1].cells[0];
    assert_eq!(cell.text.as_deref(), Some("=F6+G6"));
}

#[test]
fn a_date_where_an_amount_belongs_is_a_diagnostic_at_its_cell() {
    let bytes = small_table(|sheet| {
        let date = CellFormat::new().set_num_format("yyyy-mm-dd");
        let when = ExcelDateTime::from_ymd(2024, 1, 5).unwrap();
        sheet.write_datetime_with_format(5, 5, &when, &date).unwrap();
    });
    let imported = workbook(&bytes, "date.xlsx");
    let d = imported.diagnostics.iter().find(|d| d.message.contains("date")).expect("a diagnostic");
    assert!(d.message.starts_with("表3!F6: a date (2024-01-05)"), "{}", d.message);
    let cell = &imported.document.tables[0].parts[0].rows[1].cells[1];
    assert_eq!((cell.amount, cell.text.as_deref()), (None, Some("2024-01-05")));
}

#[test]
fn a_million_empty_rows_take_bounded_time() {
    let bytes = small_table(|sheet| {
        // Rows far below the table: a sheet whose used range is a million rows.
        sheet.write_string(1_000_000, 0, " ").unwrap();
        sheet.write_string(1_000_001, 1, "备注").unwrap();
    });
    let start = Instant::now();
    let imported = workbook(&bytes, "tall.xlsx");
    assert!(start.elapsed() < Duration::from_secs(20), "took {:?}", start.elapsed());
    assert_eq!(imported.document.tables[0].kind, TableKind::ExpenditureSummary);
}

#[test]
fn a_sheet_named_as_a_table_without_a_title_row_takes_its_name() {
    let bytes = titled_table("", |sheet| {
        sheet.set_name("一般公共预算支出情况表").unwrap();
    });
    let imported = workbook(&bytes, "named.xlsx");
    assert_eq!(imported.document.tables[0].kind, TableKind::GeneralBudgetExpenditure);
}

#[test]
fn a_row_holding_only_an_expenditure_label_is_on_the_expenditure_side() {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("表4").unwrap();
    let rows: [&[&str]; 9] = [
        &["财政拨款收支预算总体情况表"],
        &["编制单位：测试局", "", "", "单位：万元"],
        &["财政拨款收入", "", "财政拨款支出", ""],
        &["项目", "合计", "支出功能分类", "合计"],
        &["一、财政拨款(补助)", "10.00", "201 一般公共服务支出", ""],
        &["一般公共预算", "10.00", "208 社会保障和就业支出", "10.00"],
        // Only the 支出 label: one text on the row, in the 支出 label column.
        &["", "", "210 卫生健康支出", ""],
        &["", "", "221 住房保障支出", ""],
        &["收入总计", "10.00", "支出总计", "10.00"],
    ];
    for (r, row) in rows.iter().enumerate() {
        for (c, text) in row.iter().enumerate() {
            if !text.is_empty() {
                sheet.write_string(r as u32, c as u16, *text).unwrap();
            }
        }
    }
    let imported = workbook(&book.save_to_buffer().unwrap(), "two-sided.xlsx");
    let table = &imported.document.tables[0];
    assert_eq!(table.kind, TableKind::FiscalAllocationSummary);
    assert_eq!(table.compiled_by.as_deref(), Some("测试局"));
    let labels = |k: usize| -> Vec<String> {
        table.parts[k].rows.iter().map(|r| r.code.as_ref().map_or(r.label.clone(), |c| c.to_string())).collect()
    };
    assert_eq!(labels(0), ["财政拨款(补助)", "一般公共预算", "收入总计"]);
    assert_eq!(labels(1), ["201", "208", "210", "221", "支出总计"]);
    assert_eq!(table.parts[1].rows[2].source.line, 7);
}

/// 表6 of the example as CSV: tabs to commas, with quoting where needed.
fn table6_csv(with_table_column: bool) -> String {
    let text = example_text();
    let lines: Vec<&str> = text.lines().collect();
    let start = lines.iter().position(|l| *l == "一般公共预算基本支出情况表").unwrap();
    let end = start + lines[start..].iter().position(|l| *l == "表 7").unwrap();
    let mut out = String::new();
    if with_table_column {
        out.push_str("table,a,b,c,d,e,f\n");
    }
    for line in lines[start..end].iter().filter(|l| !l.is_empty()) {
        let cells: Vec<String> = line
            .split('\t')
            .map(|c| {
                if c.contains(',') || c.contains('"') {
                    format!("\"{}\"", c.replace('"', "\"\""))
                } else {
                    c.to_owned()
                }
            })
            .collect();
        if with_table_column {
            out.push_str("一般公共预算基本支出情况表,");
        }
        out.push_str(&cells.join(","));
        out.push('\n');
    }
    out
}

fn table6_facts(imported: &Imported) -> BTreeSet<String> {
    table_facts(imported).into_iter().filter(|f| f.contains("GeneralBudgetBasicExpenditure")).collect()
}

#[test]
fn csv_per_table_and_with_a_table_column_in_utf8_and_gbk() {
    let want = table6_facts(&import(&example_text()));
    assert!(want.len() > 10);
    let options = ImportOptions::default();
    for with_column in [false, true] {
        let csv = table6_csv(with_column);
        let imported = import_bytes(csv.as_bytes(), "表6.csv", Format::Csv, &options).unwrap();
        assert_eq!(table6_facts(&imported), want, "table column: {with_column}");
        let (gbk, _, _) = encoding_rs::GB18030.encode(&csv);
        let imported = import_bytes(&gbk, "表6.csv", Format::Csv, &options).unwrap();
        assert_eq!(imported.document.meta.source.encoding.as_deref(), Some("gb18030"));
        assert_eq!(table6_facts(&imported), want, "GBK, table column: {with_column}");
    }
}

#[test]
fn a_csv_without_a_title_is_named_by_its_file() {
    let csv = table6_csv(false);
    let body: String = csv.lines().skip(1).map(|l| format!("{l}\n")).collect();
    let imported =
        import_bytes(body.as_bytes(), "dir/一般公共预算基本支出情况表.csv", Format::Csv, &ImportOptions::default())
            .unwrap();
    assert_eq!(imported.document.tables[0].kind, TableKind::GeneralBudgetBasicExpenditure);
}

#[test]
fn combined_with_the_text_the_workbook_gives_the_whole_example() {
    let dir = std::env::temp_dir().join(format!("gongkai-combined-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let book = dir.join("tables.xls");
    std::fs::write(&book, fixture("qitai-libreoffice.xls")).unwrap();
    let notes = dir.join("notes.txt");
    std::fs::write(&notes, example_text()).unwrap();
    let combined = gongkai_import::import_combined(&book, &notes, &ImportOptions::default()).unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(facts(&combined.document), facts(&import(&example_text()).document));
    assert_eq!(combined.document.meta.source.format.as_deref(), Some("xls+text"));
    // The tables are the workbook's: their cells point at sheets.
    let t = &combined.document.tables[1];
    assert!(t.parts[0].rows[0].cells[0].at.as_ref().and_then(|p| p.cell.as_ref()).is_some());
}

/// A workbook of one table sheet (表3, as `small_table`) and a 目录 sheet named
/// `name` holding `rows`, before or after the table sheet.
fn with_contents(name: &str, rows: &[&[&str]], contents_first: bool) -> Vec<u8> {
    let mut book = Workbook::new();
    let write_contents = |book: &mut Workbook| {
        let sheet = book.add_worksheet();
        sheet.set_name(name).unwrap();
        for (r, row) in rows.iter().enumerate() {
            for (c, text) in row.iter().enumerate() {
                if !text.is_empty() {
                    sheet.write_string(r as u32, c as u16, *text).unwrap();
                }
            }
        }
    };
    if contents_first {
        write_contents(&mut book);
    }
    let sheet = book.add_worksheet();
    sheet.set_name("表3").unwrap();
    let rows3: [&[&str]; 5] = [
        &["单位支出总体情况表"],
        &["编制单位：测试局", "", "", "", "", "单位：万元"],
        &["类", "款", "项", "功能分类科目名称", "合计", "基本支出", "项目支出"],
        &["※", "※", "※", "※", "1", "2", "3"],
        &["", "", "", "总计", "10.00", "7.50", "2.50"],
    ];
    for (r, row) in rows3.iter().enumerate() {
        for (c, text) in row.iter().enumerate() {
            if !text.is_empty() {
                sheet.write_string(r as u32, c as u16, *text).unwrap();
            }
        }
    }
    if !contents_first {
        write_contents(&mut book);
    }
    book.save_to_buffer().unwrap()
}

#[test]
fn a_table_listed_in_the_contents_sheet_but_absent_is_missing() {
    // Rows in columns with a header row, after a 目录 heading; the sheet first.
    let columns = with_contents(
        "目录",
        &[&["目录"], &["序号", "报表名称"], &["1", "单位支出总体情况表"], &["2", "一般公共预算支出情况表"]],
        true,
    );
    // One text per row with dot leaders and pages, no heading row, the sheet
    // named `目 录` and placed last.
    let lines =
        with_contents("目 录", &[&["三、单位支出总体情况表 ……… 2"], &["五、一般公共预算支出情况表 ……… 4"]], false);
    for (bytes, listed_at, numbering) in [(columns, "目录!B4", "2"), (lines, "'目 录'!2:2", "五")] {
        let imported = workbook(&bytes, "contents.xlsx");
        let doc = &imported.document;
        let kinds: Vec<TableKind> = doc.tables.iter().map(|t| t.kind).collect();
        assert_eq!(kinds, [TableKind::ExpenditureSummary], "{listed_at}");
        let missing: Vec<TableKind> = doc.missing_tables.iter().map(|m| m.kind).collect();
        assert_eq!(missing, [TableKind::GeneralBudgetExpenditure], "{listed_at}");
        let listed = doc.missing_tables[0].listed_as.as_ref().expect("the 目录 entry");
        assert_eq!(listed.text, "一般公共预算支出情况表");
        assert_eq!(listed.source.cell.as_deref(), Some(listed_at));
        let entry = doc.contents.iter().find(|e| e.table == Some(TableKind::GeneralBudgetExpenditure)).unwrap();
        assert_eq!(entry.numbering.as_deref(), Some(numbering));
        assert!(doc.contents.iter().any(|e| e.table == Some(TableKind::ExpenditureSummary)));
        // The 目录 is read, not left out.
        assert!(doc.unparsed.is_empty(), "{:#?}", doc.unparsed);
        assert!(!imported.diagnostics.iter().any(|d| d.message.contains("目")), "{:#?}", imported.diagnostics);
    }
}

#[test]
fn a_workbook_with_only_a_contents_sheet_is_no_disclosure() {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("目录").unwrap();
    sheet.write_string(0, 0, "一、单位支出总体情况表").unwrap();
    let bytes = book.save_to_buffer().unwrap();
    let err = import_bytes(&bytes, "toc.xlsx", Format::Workbook, &ImportOptions::default()).unwrap_err();
    assert!(err.to_string().starts_with("toc.xlsx: not a budget disclosure"), "{err}");
}

#[test]
fn combined_with_a_text_the_contents_sheet_adds_its_missing_tables() {
    let dir = std::env::temp_dir().join(format!("gongkai-contents-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let book = dir.join("tables.xlsx");
    std::fs::write(&book, with_contents("目录", &[&["1、单位支出总体情况表"], &["2、政府采购预算表"]], true)).unwrap();
    let notes = dir.join("notes.txt");
    std::fs::write(&notes, example_text()).unwrap();
    let combined = gongkai_import::import_combined(&book, &notes, &ImportOptions::default()).unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    let missing: Vec<TableKind> = combined.document.missing_tables.iter().map(|m| m.kind).collect();
    // The two the text's 目录 lists and it lacks (表8, 表11), and the one only
    // the workbook's 目录 lists, pointing at its cell.
    assert_eq!(missing, [TableKind::GovernmentFundExpenditure, TableKind::CarryOver, TableKind::GovernmentProcurement]);
    let listed = combined.document.missing_tables[2].listed_as.as_ref().unwrap();
    assert_eq!(listed.source.cell.as_deref(), Some("目录!2:2"));
    // The text's 目录 stays the contents.
    assert!(combined.document.contents.iter().all(|e| e.source.cell.is_none()));
}
