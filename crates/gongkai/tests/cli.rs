//! End-to-end tests of the `gongkai` binary: every subcommand and format, on the
//! example and on failing inputs, with exit codes.

use std::path::{Path, PathBuf};

use assert_cmd::Command;

// The real plugins, built once with the cargo that runs the tests (shared with
// the plugin host's tests).
#[path = "../../gongkai-rules/tests/plugin_build/mod.rs"]
#[allow(dead_code)] // (this file uses the directory, not each library)
mod plugin_build;

fn example() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/qitai-2024-budget.txt")
}

fn gongkai() -> Command {
    let mut cmd = Command::cargo_bin("gongkai").expect("binary");
    // (The interface speaks the locale's language: the tests expect Chinese,
    // whatever the machine's locale.)
    cmd.current_dir(env!("CARGO_MANIFEST_DIR")).env("LANG", "C.UTF-8").env_remove("LC_ALL").env_remove("LC_MESSAGES");
    // (Nor do the plugins installed on the machine: a document's region loads
    // those it finds, and the tests name their directory.)
    cmd.env_remove("GONGKAI_PLUGIN_PATH").env("XDG_DATA_HOME", Path::new(env!("CARGO_TARGET_TMPDIR")).join("no-data"));
    cmd
}

/// The example with one amount changed (表3, 20801 合计), in a temporary folder.
fn broken_example(dir: &Path) -> PathBuf {
    let text = std::fs::read_to_string(example()).unwrap();
    let mut lines: Vec<&str> = text.split('\n').collect();
    let changed = lines[151].replacen("376.92", "376.95", 1);
    lines[151] = &changed;
    let path = dir.join("broken.txt");
    std::fs::write(&path, lines.join("\n")).unwrap();
    path
}

fn stdout_of(cmd: &mut Command) -> (String, i32) {
    let out = cmd.output().unwrap();
    (String::from_utf8(out.stdout).unwrap(), out.status.code().unwrap_or(-1))
}

#[test]
fn validate_text_marks_the_changed_figure_and_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let broken = broken_example(dir.path());
    let (out, code) = stdout_of(gongkai().args(["validate", "--select", "A101"]).arg(&broken));
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("error[A101]"), "{out}");
    assert!(out.contains(":152:23"), "{out}");
    assert!(out.contains("^^^^^^"), "{out}");
    assert!(out.contains("共检查 1 份文件：错误 1 个"), "{out}");
    let rendered = out.replace(&broken.display().to_string(), "broken.txt");
    insta::assert_snapshot!("validate_text_a101", rendered);
}

#[test]
fn validate_exits_0_without_errors() {
    let (out, code) = stdout_of(gongkai().args(["validate", "--select", "A101,P101"]).arg(example()));
    assert_eq!(code, 0, "{out}");
}

#[test]
fn validate_json_follows_the_findings_schema() {
    let dir = tempfile::tempdir().unwrap();
    let broken = broken_example(dir.path());
    let (out, code) = stdout_of(gongkai().args(["validate", "--format", "json"]).arg(&broken));
    assert_eq!(code, 1);
    let value: serde_json::Value = serde_json::from_str(&out).unwrap();
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../schemas/findings.schema.json"))
            .unwrap(),
    )
    .unwrap();
    let validator = jsonschema::draft202012::new(&schema).unwrap();
    let errors: Vec<String> = validator.iter_errors(&value).map(|e| format!("{}: {e}", e.instance_path())).collect();
    assert!(errors.is_empty(), "{errors:#?}");
    assert!(value["counts"]["errors"].as_u64().unwrap() >= 1);
}

#[test]
fn validate_sarif_has_rules_and_physical_locations() {
    let dir = tempfile::tempdir().unwrap();
    let broken = broken_example(dir.path());
    let out_path = dir.path().join("out.sarif");
    let (_, code) = stdout_of(
        gongkai().args(["validate", "--select", "A101", "--format", "sarif", "-o"]).arg(&out_path).arg(&broken),
    );
    assert_eq!(code, 1);
    let sarif: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&out_path).unwrap()).unwrap();
    assert_eq!(sarif["version"], "2.1.0");
    let run = &sarif["runs"][0];
    assert!(run["tool"]["driver"]["rules"].as_array().unwrap().iter().any(|r| r["id"] == "A101"));
    let result = &run["results"][0];
    assert_eq!(result["ruleId"], "A101");
    let region = &result["locations"][0]["physicalLocation"]["region"];
    assert_eq!(region["startLine"], 152);
    assert_eq!(region["startColumn"], 23);
}

#[test]
fn unreadable_inputs_and_misuse_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let garbage = dir.path().join("garbage.txt");
    std::fs::write(&garbage, [0xFFu8, 0xFE, 0x00, 0xD8, 0xFF, 0xFF, 0x00]).unwrap();
    let out = gongkai().args(["validate"]).arg(&garbage).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let notes = dir.path().join("notes.txt");
    std::fs::write(&notes, "shopping list\nmilk\n").unwrap();
    let out = gongkai().args(["validate"]).arg(&notes).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stdout).contains("不是预算公开文件"));
    assert_eq!(gongkai().args(["validate", "no-such-file.txt"]).output().unwrap().status.code(), Some(2));
    assert_eq!(gongkai().args(["validate", "--no-such-flag", "x"]).output().unwrap().status.code(), Some(2));
    assert_eq!(
        gongkai()
            .args(["validate", "--select", "A101", "--tolerance", "-1"])
            .arg(example())
            .output()
            .unwrap()
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn a_failed_run_leaves_no_output_file_behind() {
    let dir = tempfile::tempdir().unwrap();
    let out_path = dir.path().join("report.json");
    std::fs::write(&out_path, "previous good report").unwrap();
    let out =
        gongkai().args(["validate", "--format", "json", "-o"]).arg(&out_path).arg("no-such-file.txt").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(std::fs::read_to_string(&out_path).unwrap(), "previous good report");
}

#[test]
fn batch_over_a_folder_writes_a_summary_csv() {
    let dir = tempfile::tempdir().unwrap();
    broken_example(dir.path());
    std::fs::copy(example(), dir.path().join("good.txt")).unwrap();
    let csv = dir.path().join("summary.csv");
    let out = gongkai()
        .args(["validate", "--select", "A101", "--quiet", "--summary"])
        .arg(&csv)
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = std::fs::read_to_string(&csv).unwrap();
    let rows: Vec<&str> = text.lines().collect();
    assert_eq!(rows.len(), 3, "{text}");
    assert!(rows[0].starts_with("\u{feff}文件,单位,年度,状态,"), "{text}");
    assert!(rows[1].contains("broken.txt") && rows[1].contains(",需修改,1,"), "{text}");
    assert!(rows[2].contains("good.txt") && rows[2].contains(",通过,0,"), "{text}");
    // English headers and values with --lang en; an unreadable file's reason.
    std::fs::write(dir.path().join("empty.pdf"), b"").unwrap();
    gongkai().args(["validate", "--quiet", "--lang", "en", "--summary"]).arg(&csv).arg(dir.path()).output().unwrap();
    let text = std::fs::read_to_string(&csv).unwrap();
    assert!(text.starts_with("\u{feff}file,unit,year,status,"), "{text}");
    assert!(
        text.lines().any(|r| r.contains("empty.pdf")
            && r.contains(",unreadable,")
            && r.ends_with(",the file is empty (0 bytes)")),
        "{text}"
    );
}

#[test]
fn import_writes_schema_valid_json() {
    let dir = tempfile::tempdir().unwrap();
    let out_path = dir.path().join("doc.json");
    let out = gongkai().args(["import"]).arg(example()).arg("-o").arg(&out_path).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let json = std::fs::read_to_string(&out_path).unwrap();
    assert!(json.contains("\"schema_version\": \"1.0.0\""));
    // And reads back through validate.
    let (_, code) = stdout_of(gongkai().args(["validate", "--select", "A101"]).arg(&out_path));
    assert_eq!(code, 0);
}

#[test]
fn rules_schema_and_catalog_commands() {
    let (out, code) = stdout_of(gongkai().args(["rules"]));
    assert_eq!(code, 0);
    assert!(out.contains("A101") && out.contains("hierarchy-sum"));
    let (out, code) = stdout_of(gongkai().args(["rules", "explain", "A101"]));
    assert_eq!(code, 0);
    assert!(out.contains("## 检查内容") && !out.contains("## What it checks"), "{out}");
    let (out, _) = stdout_of(gongkai().args(["rules", "explain", "A101", "--lang", "en"]));
    assert!(out.contains("## What it checks"), "{out}");
    assert_eq!(gongkai().args(["rules", "explain", "Z999"]).output().unwrap().status.code(), Some(2));
    let (out, _) = stdout_of(gongkai().args(["schema", "findings"]));
    assert!(out.contains("findings.schema.json"));
    let (out, code) = stdout_of(gongkai().args(["catalog", "2080505", "--year", "2024"]));
    assert_eq!(code, 0);
    assert!(out.contains("机关事业单位基本养老保险缴费支出"), "{out}");
    assert!(out.contains("20805"), "{out}");
    let (out, _) = stdout_of(gongkai().args(["catalog", "--search", "养老"]));
    assert!(out.contains("20805"), "{out}");
    assert_eq!(gongkai().args(["catalog", "2O8"]).output().unwrap().status.code(), Some(2));
}

#[test]
fn every_command_has_help_with_an_example_in_chinese_and_in_english() {
    for cmd in [
        vec!["--help"],
        vec!["validate", "--help"],
        vec!["import", "--help"],
        vec!["rules", "--help"],
        vec!["schema", "--help"],
        vec!["catalog", "--help"],
        vec!["export", "--help"],
        vec!["plugins", "--help"],
    ] {
        let (out, code) = stdout_of(gongkai().args(&cmd).env("LANG", "zh_CN.UTF-8"));
        assert_eq!(code, 0);
        assert!(out.contains("示例") && out.contains("用法："), "{cmd:?}: {out}");
        let (out, code) = stdout_of(gongkai().args(&cmd).arg("--lang").arg("en"));
        assert_eq!(code, 0);
        assert!(out.contains("Example") && out.contains("Usage:"), "{cmd:?}: {out}");
        // A locale naming English asks for English too.
        let (out, _) = stdout_of(gongkai().args(&cmd).env("LANG", "en_US.UTF-8"));
        assert!(out.contains("Usage:"), "{cmd:?}: {out}");
    }
}

/// The parser's own errors in Chinese: what is wrong, the closest spelling,
/// exit 2.
#[test]
fn a_misspelt_option_or_value_is_explained_in_chinese() {
    let out = gongkai().args(["validate", "--formt", "json", "x.txt"]).env_remove("LANG").output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2));
    assert!(err.contains("不认识的参数“--formt”") && err.contains("--format"), "{err}");
    let out = gongkai().args(["validate", "--format", "jsn", "x.txt"]).env_remove("LANG").output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2));
    assert!(err.contains("“jsn”无效") && err.contains("json"), "{err}");
}

#[test]
fn a_missing_plugin_is_refused_with_exit_2_and_listing_works() {
    let dir = tempfile::tempdir().unwrap();
    let out = gongkai()
        .args(["validate", "--plugin", "no-such-plugin", "--plugin-dir"])
        .arg(dir.path())
        .arg(example())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("no-such-plugin"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let (listing, code) = stdout_of(gongkai().args(["plugins", "--plugin-dir"]).arg(dir.path()));
    assert_eq!(code, 0);
    assert!(listing.contains("未找到插件") || listing.contains("插件目录"), "{listing}");
}

/// The example's tables as a workbook (made from the example, see the fixture's
/// README).
fn example_workbook() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../gongkai-import/tests/fixtures/qitai-libreoffice.xlsx")
}

/// The findings of a run as JSON, without the tool's version.
fn findings_json(cmd: &mut Command) -> serde_json::Value {
    let out = cmd.args(["--format", "json"]).output().unwrap();
    assert_ne!(out.status.code(), Some(2), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn a_folder_of_a_workbook_and_a_text_is_one_document() {
    let dir = tempfile::tempdir().unwrap();
    // Names that share nothing: the folder holds one of each.
    let book = dir.path().join("表格.xlsx");
    let notes = dir.path().join("情况说明.txt");
    std::fs::copy(example_workbook(), &book).unwrap();
    std::fs::copy(example(), &notes).unwrap();

    // `import DIR`: the tables from the workbook (sheet cells), the rest from the text (its lines).
    let out = gongkai().arg("import").arg(dir.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("提示：")
            && String::from_utf8_lossy(&out.stderr).contains("作为同一份文件检查")
    );
    let english = gongkai().args(["import", "--lang", "en"]).arg(dir.path()).output().unwrap();
    assert!(
        String::from_utf8_lossy(&english.stderr).contains("note: ")
            && String::from_utf8_lossy(&english.stderr).contains("checked as one document")
    );
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["meta"]["source"]["format"], "xlsx+text");
    let files: Vec<&str> =
        doc["meta"]["source"]["files"].as_array().unwrap().iter().filter_map(|f| f.as_str()).collect();
    assert_eq!(files, [book.to_str().unwrap(), notes.to_str().unwrap()]);
    let income = doc["tables"].as_array().unwrap().iter().find(|t| t["kind"] == "income_summary").unwrap();
    let total = &income["parts"][0]["rows"][0];
    let cell = total["cells"][0]["at"]["cell"].as_str().unwrap();
    assert_eq!(cell, format!("表2!E{}", total["source"]["line"]));
    // The explanation's headings stand on the text's lines.
    let text = std::fs::read_to_string(example()).unwrap();
    let section = &doc["sections"][0]["heading"];
    let line = section["source"]["line"].as_u64().unwrap() as usize;
    let printed = text.lines().nth(line - 1).unwrap();
    assert!(printed.contains(section["text"].as_str().unwrap()), "line {line}: {printed}");
    assert!(section["source"].get("cell").is_none());

    // `validate DIR` finds what `validate --tables --text` finds.
    let from_folder = findings_json(gongkai().arg("validate").arg(dir.path()));
    let from_flags = findings_json(gongkai().args(["validate", "--tables"]).arg(&book).arg("--text").arg(&notes));
    assert_eq!(from_folder, from_flags);
    let documents = from_folder["documents"].as_array().unwrap();
    assert_eq!(documents.len(), 1);
    assert_eq!(documents[0]["files"], serde_json::json!([book.to_str().unwrap(), notes.to_str().unwrap()]));
    // The example's missing tables (表8, 表11), found from the text's 目录.
    let rules: Vec<&str> =
        documents[0]["findings"].as_array().unwrap().iter().filter_map(|f| f["rule"].as_str()).collect();
    assert_eq!(rules.iter().filter(|r| **r == "C101").count(), 2, "{from_folder:#}");
    // Each place is named in its own file: the 目录 lines listing them in the
    // text, anything at a sheet cell in the workbook.
    let locations: Vec<&serde_json::Value> =
        documents[0]["findings"].as_array().unwrap().iter().flat_map(|f| f["locations"].as_array().unwrap()).collect();
    for line in [21, 24] {
        assert!(
            locations.iter().any(|l| l["line"] == line && l["file"] == notes.to_str().unwrap()),
            "C101 at notes.txt:{line}: {from_folder:#}"
        );
    }
    for l in locations.iter().filter(|l| l.get("cell").is_some()) {
        assert_eq!(l["file"], book.to_str().unwrap(), "{l:#}");
    }
    // The text report quotes the text's lines under the text's name.
    let (text_report, _) = stdout_of(gongkai().args(["validate", "--select", "C101"]).arg(dir.path()));
    assert!(text_report.contains(&format!("--> {}:21:1", notes.display())), "{text_report}");
}

#[test]
fn a_batch_folder_pairs_by_stem_checks_the_rest_alone_and_skips_other_files() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(example_workbook(), dir.path().join("qitai.xlsx")).unwrap();
    std::fs::copy(example(), dir.path().join("qitai.txt")).unwrap();
    std::fs::copy(example(), dir.path().join("other.txt")).unwrap();
    std::fs::write(dir.path().join("scan.docx"), b"PK").unwrap();
    let csv = dir.path().join("summary.csv");
    let out = gongkai()
        .args(["validate", "--select", "C101", "--format", "json", "--summary"])
        .arg(&csv)
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stderr));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("scan.docx：已跳过"), "{stderr}");
    let summary = std::fs::read_to_string(&csv).unwrap();
    let rows: Vec<&str> = summary.lines().skip(1).collect();
    assert_eq!(rows.len(), 2, "{summary}");
    assert!(rows[0].contains("other.txt,"), "{summary}");
    assert!(rows[1].contains("qitai.xlsx + ") && rows[1].contains("qitai.txt,"), "{summary}");
}

#[test]
fn import_refuses_a_folder_of_several_documents() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(example(), dir.path().join("a.txt")).unwrap();
    std::fs::copy(example(), dir.path().join("b.txt")).unwrap();
    let out = gongkai().arg("import").arg(dir.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("有 2 份文件"));
}

#[test]
fn validate_help_states_the_folder_rule() {
    let (out, _) = stdout_of(gongkai().args(["validate", "--help", "--lang", "en"]));
    assert!(out.contains("foo.xlsx + foo.txt") && out.contains("exactly one of each"), "{out}");
    let (out, _) = stdout_of(gongkai().args(["validate", "--help", "--lang", "zh"]));
    assert!(out.contains("foo.xlsx + foo.txt") && out.contains("恰好各有一个"), "{out}");
}

#[test]
fn a_table_listed_in_a_workbooks_contents_sheet_but_absent_is_reported_at_its_cell() {
    use rust_xlsxwriter::Workbook;
    let mut book = Workbook::new();
    let contents = book.add_worksheet();
    contents.set_name("目录").unwrap();
    for (r, (n, title)) in [("1", "单位支出总体情况表"), ("2", "一般公共预算支出情况表")].iter().enumerate()
    {
        contents.write_string(r as u32, 0, *n).unwrap();
        contents.write_string(r as u32, 1, *title).unwrap();
    }
    let table = book.add_worksheet();
    table.set_name("表3").unwrap();
    let rows: [&[&str]; 4] = [
        &["单位支出总体情况表"],
        &["类", "款", "项", "功能分类科目名称", "合计", "基本支出", "项目支出"],
        &["※", "※", "※", "※", "1", "2", "3"],
        &["", "", "", "总计", "10.00", "7.50", "2.50"],
    ];
    for (r, row) in rows.iter().enumerate() {
        for (c, text) in row.iter().enumerate().filter(|(_, t)| !t.is_empty()) {
            table.write_string(r as u32, c as u16, *text).unwrap();
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("book.xlsx");
    book.save(&path).unwrap();
    let (out, code) = stdout_of(gongkai().args(["validate", "--select", "C101"]).arg(&path));
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("(目录!B2)列出了“一般公共预算支出情况表”，但公开表中没有该表"), "{out}");
}

fn corpus_pdf(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../gongkai-import/tests/pdf").join(name)
}

/// The rules and pages of a validate run's findings (JSON).
fn rules_and_pages(out: &std::process::Output) -> Vec<(String, Option<u64>)> {
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json report");
    let doc = &report["documents"][0];
    doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["rule"].as_str().unwrap().to_owned(), f["locations"][0]["page"].as_u64()))
        .collect()
}

#[test]
fn a_pdf_validates_with_a_page_on_every_finding() {
    let pdf = corpus_pdf("YS2026_中央_国家信访局_部门预算.pdf");
    let out = gongkai().args(["validate", "--format", "json"]).arg(&pdf).output().unwrap();
    // Two genuine errors (N101 18,728.91 vs 18,728.94; N103 31.35% vs 31.56%).
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stderr));
    let found = rules_and_pages(&out);
    assert!(found.iter().any(|(r, _)| r == "N103"), "{found:?}");
    assert!(found.iter().all(|(_, page)| page.is_some_and(|p| (1..=37).contains(&p))), "{found:?}");
    // The text report says 第N页 beside the quoted line.
    let text = gongkai().args(["validate", "--select", "N103"]).arg(&pdf).output().unwrap();
    let shown = String::from_utf8_lossy(&text.stdout);
    // (The paragraph is on page 25 of the PDF.)
    assert!(shown.contains("第25页"), "{shown}");
}

#[test]
fn a_pdf_of_tables_and_a_text_of_the_explanation_are_one_document() {
    // The same PDF as both halves: the tables come from --tables, the rest from
    // --text, and the findings are those of the single file.
    let pdf = corpus_pdf("YS2025_江苏_无锡市发展和改革委员会_部门预算公开.pdf");
    let alone = gongkai().args(["validate", "--format", "json", "--select", "A,X,N"]).arg(&pdf).output().unwrap();
    let pair = gongkai()
        .args(["validate", "--format", "json", "--select", "A,X,N", "--tables"])
        .arg(&pdf)
        .arg("--text")
        .arg(&pdf)
        .output()
        .unwrap();
    assert_eq!(pair.status.code(), alone.status.code(), "{}", String::from_utf8_lossy(&pair.stderr));
    let rules = |o: &std::process::Output| {
        let mut r: Vec<String> = rules_and_pages(o).into_iter().map(|(r, _)| r).collect();
        r.sort();
        r
    };
    assert_eq!(rules(&pair), rules(&alone));
    assert!(rules(&alone).contains(&"A101".to_owned()));
}

/// A disclosure published as two PDFs in one folder (`…附件1：情况说明.pdf`,
/// `…附件2：公开报表.pdf`) is one document: its tables from the 报表, the rest
/// from the 说明, each finding's locations naming the file they are in.
#[test]
fn two_pdfs_named_as_the_parts_of_one_disclosure_are_one_document() {
    let pdf = corpus_pdf("YS2025_江苏_无锡市发展和改革委员会_部门预算公开.pdf");
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("某局2026年部门预算（附件1：情况说明）.pdf");
    let tables = dir.path().join("某局2026年部门预算（附件2：公开报表）.pdf");
    std::fs::copy(&pdf, &text).unwrap();
    std::fs::copy(&pdf, &tables).unwrap();
    let out = gongkai().args(["validate", "--format", "json", "--select", "A101,N"]).arg(dir.path()).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("作为同一份公开的报表和情况说明一并检查"), "{stderr}");
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json report");
    let documents = report["documents"].as_array().unwrap();
    assert_eq!(documents.len(), 1, "{report:#}");
    let files: Vec<&str> = documents[0]["files"].as_array().unwrap().iter().map(|f| f.as_str().unwrap()).collect();
    assert!(files[0].ends_with("公开报表）.pdf") && files[1].ends_with("情况说明）.pdf"), "{files:?}");
    let file_of = |rule: &str| -> Vec<String> {
        let findings = documents[0]["findings"].as_array().unwrap().iter().filter(|f| f["rule"] == rule);
        findings.map(|f| f["locations"][0]["file"].as_str().unwrap_or_default().to_owned()).collect()
    };
    let sums = file_of("A101");
    assert!(!sums.is_empty() && sums.iter().all(|f| f.ends_with("公开报表）.pdf")), "{sums:?}");
}

/// Runs `validate` on one file with extra arguments: exit code and all output.
fn validate_file(path: &Path, extra: &[&str]) -> (i32, String) {
    let out = gongkai().arg("validate").args(extra).arg(path).output().unwrap();
    let text = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    (out.status.code().unwrap_or(-1), text)
}

#[test]
fn hostile_inputs_exit_2_naming_the_limit_and_its_option() {
    use std::io::Write;
    let dir = tempfile::tempdir().unwrap();
    // A zip bomb given as .xlsx: 300 MB of zeros in a file of about 300 KB.
    let bomb = dir.path().join("bomb.xlsx");
    let mut zip = zip::ZipWriter::new(std::fs::File::create(&bomb).unwrap());
    let deflated = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("xl/worksheets/sheet1.xml", deflated).unwrap();
    for _ in 0..300 {
        zip.write_all(&[0u8; 1 << 20]).unwrap();
    }
    zip.finish().unwrap();
    let start = std::time::Instant::now();
    let (code, out) = validate_file(&bomb, &[]);
    assert_eq!(code, 2, "{out}");
    assert!(out.contains("bomb.xlsx") && out.contains("--max-input-mb"), "{out}");
    assert!(start.elapsed() < std::time::Duration::from_secs(10), "took {:?}", start.elapsed());

    // JSON nested 10^5 levels deep, and an array of 10^6 + 1 elements.
    let deep = dir.path().join("deep.json");
    std::fs::write(&deep, "[".repeat(100_000) + &"]".repeat(100_000)).unwrap();
    let (code, out) = validate_file(&deep, &[]);
    assert_eq!(code, 2, "{out}");
    assert!(out.contains("deep.json: 无法读取：第 1 行：第 33 列：") && out.contains("--max-json-depth"), "{out}");
    let huge = dir.path().join("huge.json");
    std::fs::write(&huge, format!("{{\"tables\":[{}0]}}", "0,".repeat(1_000_000))).unwrap();
    let (code, out) = validate_file(&huge, &[]);
    assert_eq!(code, 2, "{out}");
    assert!(out.contains("huge.json: 无法读取：第 1 行：第 ") && out.contains("--max-json-array"), "{out}");
    // Raising the limits lets the same files through to the next check.
    let (code, out) = validate_file(&huge, &["--max-json-array", "2000000"]);
    assert_eq!(code, 2, "{out}");
    assert!(out.contains("不符合公开数据格式"), "{out}");

    // A table over the cell limit (lowered here: the example's tables are small).
    let (code, out) = validate_file(&example(), &["--max-table-cells", "100"]);
    assert_eq!(code, 2, "{out}");
    assert!(out.contains("超过每表 100 格的上限（可用 --max-table-cells 调高）"), "{out}");
    let (code, _) = validate_file(&example(), &["--max-table-cells", "100000", "--select", "A101"]);
    assert_eq!(code, 0);
}

#[test]
fn a_failed_import_leaves_a_previous_output_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let out_path = dir.path().join("doc.json");
    std::fs::write(&out_path, "previous good export").unwrap();
    let deep = dir.path().join("deep.json");
    std::fs::write(&deep, "[".repeat(1_000)).unwrap();
    let out = gongkai().args(["import", "-o"]).arg(&out_path).arg(&deep).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(std::fs::read_to_string(&out_path).unwrap(), "previous good export");
    let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(names.len(), 2, "no temporary file left: {names:?}");
}

/// Every report says what the check reached: the JSON `coverage` object, the
/// text summary's line and `--coverage` breakdown, the CSV columns, the HTML
/// page and the xlsx coverage sheet — with the same figures.
#[test]
fn every_report_carries_the_coverage() {
    let dir = tempfile::tempdir().unwrap();
    let (out, _) = stdout_of(gongkai().args(["validate", "--format", "json"]).arg(example()));
    let value: serde_json::Value = serde_json::from_str(&out).unwrap();
    let coverage = &value["documents"][0]["coverage"];
    // The example's 目录 lists 11 tables; 表8 and 表11 are not published.
    assert_eq!(coverage["tables"]["listed"], 11, "{coverage:#}");
    assert_eq!(coverage["tables"]["listed_recognised"], 9, "{coverage:#}");
    assert_eq!(coverage["tables"]["listed_not_found"].as_array().unwrap().len(), 2);
    let evaluated = coverage["checks"]["evaluated"].as_u64().unwrap();
    assert!(evaluated > 300, "{evaluated} comparisons");
    let by_rule: u64 =
        coverage["checks"]["by_rule"].as_array().unwrap().iter().map(|r| r["evaluated"].as_u64().unwrap()).sum();
    assert_eq!(by_rule, evaluated);
    let (resolved, with_amount) =
        (coverage["claims"]["resolved"].as_u64().unwrap(), coverage["claims"]["with_amount"].as_u64().unwrap());
    assert!(resolved > 0 && resolved <= with_amount);
    let line = format!("表 9/11 · 核对 {evaluated} 项 · 说明数字 {resolved}/{with_amount}");

    let (text, _) = stdout_of(gongkai().args(["validate", "--quiet", "--coverage"]).arg(example()));
    assert!(text.contains(&format!("检查范围：{line}")), "{text}");
    assert!(text.contains("目录列出但未找到：政府性基金预算支出情况表"), "{text}");

    let csv = dir.path().join("summary.csv");
    gongkai().args(["validate", "--quiet", "--summary"]).arg(&csv).arg(example()).output().unwrap();
    let csv = std::fs::read_to_string(csv).unwrap();
    let header: Vec<&str> = csv.lines().next().unwrap().trim_start_matches('\u{feff}').split(',').collect();
    let row: Vec<&str> = csv.lines().nth(1).unwrap().split(',').collect();
    let at = |name: &str| row[header.iter().position(|h| *h == name).unwrap()];
    assert_eq!((at("目录所列表数"), at("识别表数")), ("11", "9"));
    assert_eq!(at("核对项数"), evaluated.to_string());

    let html = dir.path().join("report.html");
    gongkai().args(["validate", "--format", "html", "-o"]).arg(&html).arg(example()).output().unwrap();
    let html = std::fs::read_to_string(html).unwrap();
    assert!(html.contains(&format!("检查范围：{line}")), "no coverage line in the HTML report");
    assert!(html.contains("未检查的内容"));
    // The report's frame in English with --lang en (the findings' own
    // messages are still Chinese: #21).
    let english = dir.path().join("report-en.html");
    gongkai()
        .args(["validate", "--lang", "en", "--format", "html", "-o"])
        .arg(&english)
        .arg(example())
        .output()
        .unwrap();
    let english = std::fs::read_to_string(english).unwrap();
    for words in [
        "<html lang=\"en\"",
        "Budget disclosure check report",
        "Findings",
        "What was not checked",
        "All families",
        "Checked: ",
    ] {
        assert!(english.contains(words), "{words}");
    }
    for words in ["发现的问题", "未检查的内容", "检查范围：", "全部类别", "共检查"] {
        assert!(!english.contains(words), "{words}");
    }

    let book = dir.path().join("report.xlsx");
    gongkai().args(["validate", "--format", "xlsx", "-o"]).arg(&book).arg(example()).output().unwrap();
    let mut workbook: calamine::Xlsx<_> = calamine::open_workbook(&book).unwrap();
    use calamine::Reader;
    let sheet = workbook.worksheet_range("检查范围").expect("a coverage sheet");
    assert_eq!(sheet.get_value((1, 1)).map(|v| v.to_string()).as_deref(), Some("11"));
    assert_eq!(sheet.get_value((1, 4)).map(|v| v.to_string()), Some(evaluated.to_string()));
}

#[test]
fn selectors_ignore_case_and_an_unknown_one_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let broken = broken_example(dir.path());
    // Lower-case ids and families select like upper-case ones.
    let (out, code) = stdout_of(gongkai().args(["validate", "--select", "a101"]).arg(&broken));
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("error[A101]"), "{out}");
    let (out, code) = stdout_of(gongkai().args(["validate", "--select", "Arithmetic", "--ignore", "a1"]).arg(&broken));
    assert_eq!(code, 0, "{out}");
    let (out, code) = stdout_of(gongkai().args(["validate", "--select", "A101", "--ignore", "a101"]).arg(&broken));
    assert_eq!(code, 0, "{out}");
    let (_, code) = stdout_of(gongkai().args(["validate", "--select", "n101,Narrative,n1"]).arg(example()));
    assert_eq!(code, 0);
    // A selector that names no rule selects nothing: refused, naming the closest rules.
    for args in [["--select", "XYZ"], ["--ignore", "A1O1"]] {
        let out = gongkai().arg("validate").args(args).arg(&broken).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(&format!("未知的规则选择器“{}”；相近的规则：", args[1])), "{stderr}");
        assert!(out.stdout.is_empty(), "{args:?}");
    }
    let out = gongkai().args(["validate", "--ignore", "A1O1"]).arg(&broken).output().unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).contains("A101"));
    // In gongkai.toml too.
    let config = dir.path().join("gongkai.toml");
    std::fs::write(&config, "select = [\"A101\", \"Q999\"]\n").unwrap();
    let out = gongkai().args(["validate", "--config"]).arg(&config).arg(&broken).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("未知的规则选择器“Q999”"));
}

#[test]
fn a_missing_path_among_several_is_reported_and_the_others_are_checked() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("missing.txt");
    let garbage = dir.path().join("garbage.txt");
    std::fs::write(&garbage, [0xFFu8, 0xFE, 0x00, 0xD8, 0xFF, 0xFF, 0x00]).unwrap();
    // A missing path is reported like an unreadable file and the run goes on.
    let out = gongkai().args(["validate", "--select", "A101"]).arg(&missing).arg(example()).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains(&format!("{}: 无法读取：", missing.display())), "{stdout}");
    assert!(stdout.contains("文件不存在") && stdout.contains("共检查 2 份文件"), "{stdout}");
    let out = gongkai()
        .args(["validate", "--select", "A101", "--format", "json"])
        .arg(example())
        .arg(&missing)
        .arg(&garbage)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let documents = report["documents"].as_array().unwrap();
    assert_eq!(documents.len(), 3, "{report:#}");
    assert!(documents[0]["error"].is_null(), "{report:#}");
    assert!(documents[1]["error"].as_str().unwrap().contains("文件不存在"), "{report:#}");
    assert!(documents[2]["error"].is_string(), "{report:#}");
    // Quiet still names every file that could not be read, with its reason.
    let out =
        gongkai().args(["validate", "--select", "A101", "--quiet"]).arg(&missing).arg(&garbage).arg(example()).output();
    let out = out.unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains(&format!("{}: 文件不存在", missing.display())), "{stderr}");
    assert!(stderr.contains(&garbage.display().to_string()), "{stderr}");
    // Only missing paths: nothing to check, a usage error naming each.
    let out = gongkai().args(["validate"]).arg(&missing).arg(dir.path().join("gone.txt")).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("missing.txt: 文件不存在") && stderr.contains("gone.txt: 文件不存在"), "{stderr}");
}

#[cfg(unix)]
#[test]
fn a_symlink_loop_in_a_folder_checks_each_document_once() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(example(), dir.path().join("a.txt")).unwrap();
    std::os::unix::fs::symlink(".", dir.path().join("loop")).unwrap();
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    std::os::unix::fs::symlink("../a.txt", dir.path().join("sub/same.txt")).unwrap();
    let out = gongkai().args(["validate", "--select", "A101", "--format", "json"]).arg(dir.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let documents = report["documents"].as_array().unwrap();
    assert_eq!(documents.len(), 1, "{report:#}");
    assert_eq!(documents[0]["files"][0], dir.path().join("a.txt").to_str().unwrap());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("loop: 已跳过"), "{stderr}");
    assert!(stderr.contains("same.txt: 已跳过"), "{stderr}");
    // A folder and a file in it given again are checked once too.
    let (out, code) =
        stdout_of(gongkai().args(["validate", "--select", "A101"]).arg(dir.path()).arg(dir.path().join("a.txt")));
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("共检查 1 份文件"), "{out}");
}

/// In a batch, a file that cannot be read says why on its row of the
/// summary (an empty file, a picture named .pdf), and the run exits 2; the
/// families are named in Chinese, in English with `--lang en`.
#[test]
fn an_unreadable_file_says_why_in_the_summary_in_either_language() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(example(), dir.path().join("a.txt")).unwrap();
    std::fs::write(dir.path().join("empty.pdf"), b"").unwrap();
    std::fs::write(dir.path().join("scan.pdf"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    let (out, code) = stdout_of(gongkai().arg("validate").arg(dir.path()).arg("-q"));
    assert_eq!(code, 2);
    assert!(out.contains("无法读取：文件为空（0 字节）"), "{out}");
    assert!(out.contains("无法读取：这是 PNG 图片，不是 PDF"), "{out}");
    assert!(out.contains("完整性") && !out.contains("completeness"), "{out}");
    let (out, _) = stdout_of(gongkai().arg("validate").arg(dir.path()).args(["-q", "--lang", "en"]));
    assert!(out.contains("Checked 3 file(s)") && out.contains("completeness errors"), "{out}");
    // The reasons too: the importer speaks the run's language.
    assert!(out.contains("could not be read: the file is empty (0 bytes)"), "{out}");
    assert!(out.contains("this is a PNG image, not a PDF"), "{out}");
    assert!(!out.contains("文件为空"), "{out}");
}

/// A file that is no PDF inside says what is wrong in the user's words, with
/// the reader's detail after them, and a folder or a missing file is said so.
#[test]
fn a_damaged_file_is_said_damaged_in_either_language() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("bad.pdf"), b"%PDF-1.4\ngarbage").unwrap();
    let (out, code) = stdout_of(gongkai().arg("validate").arg(dir.path().join("bad.pdf")));
    assert_eq!(code, 2);
    assert!(out.contains("bad.pdf: 无法读取：PDF 文件已损坏或不是有效的 PDF（"), "{out}");
    let (out, _) = stdout_of(gongkai().arg("validate").arg(dir.path().join("bad.pdf")).args(["--lang", "en"]));
    assert!(out.contains("bad.pdf: could not be read: not a readable PDF"), "{out}");
}

/// A run writing with `-o` says what it wrote; the importer's notes per line
/// are counted unless `--verbose` lists them.
#[test]
fn writing_a_file_says_what_was_written_and_import_notes_are_counted() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(example()).unwrap() + "\n某某不成句的一行\t12.00\t13.00\n";
    let input = dir.path().join("doc.txt");
    std::fs::write(&input, text).unwrap();
    let out = dir.path().join("doc.json");
    let run = gongkai().arg("import").arg(&input).arg("-o").arg(&out).output().unwrap();
    let err = String::from_utf8_lossy(&run.stderr);
    assert!(err.contains("已写入") && err.contains("表 9 张"), "{err}");
    assert!(err.contains("未能归入任何部分") && err.contains("--verbose"), "{err}");
    assert!(!err.contains("doc.txt:"), "{err}");
    let run = gongkai().arg("import").arg(&input).arg("-o").arg(&out).arg("--verbose").output().unwrap();
    let err = String::from_utf8_lossy(&run.stderr);
    assert!(err.contains("doc.txt:"), "{err}");
    let report = dir.path().join("findings.json");
    let run = gongkai().arg("validate").arg(example()).args(["--format", "json", "-o"]).arg(&report).output().unwrap();
    let err = String::from_utf8_lossy(&run.stderr);
    assert!(err.contains("已写入") && err.contains("1 份文件，错误 2 个"), "{err}");
}

/// `gongkai rules` says what each rule checks in Chinese (English with
/// `--lang en`), and survives a closed pipe.
#[test]
fn the_rule_list_is_chinese_by_default() {
    let (out, code) = stdout_of(gongkai().arg("rules"));
    assert_eq!(code, 0);
    assert!(out.contains("A101   错误     算术") && out.contains("各级科目合计"), "{out}");
    assert!(!out.contains("In every coded table"), "{out}");
    let (out, _) = stdout_of(gongkai().args(["rules", "--lang", "en"]));
    assert!(out.contains("A101   error    arithmetic") && out.contains("In every coded table"), "{out}");
    let (out, _) = stdout_of(gongkai().args(["rules", "explain", "N113"]));
    assert!(out.contains("N113 listed-parts（说明 · 错误）") && out.contains("分项合计"), "{out}");
}

/// What a user reads carries no Rust: no `Some(…)`/`None`, no `Type::Variant`
/// — in the rule list and every rule's explanation, the catalog's answers, the
/// plugins' region line and the summary, in both languages.
#[test]
fn no_rust_internals_in_what_a_user_reads() {
    let mut runs: Vec<Vec<String>> = vec![
        vec!["rules".into()],
        vec!["catalog".into(), "501".into()],
        vec!["catalog".into(), "2080505".into(), "--year".into(), "2024".into()],
        vec!["plugins".into(), example().to_string_lossy().into_owned()],
        vec!["validate".into(), "-q".into(), example().to_string_lossy().into_owned()],
    ];
    let (list, _) = stdout_of(gongkai().arg("rules"));
    for id in list.lines().filter_map(|l| l.split_whitespace().next()) {
        runs.push(vec!["rules".into(), "explain".into(), id.to_owned()]);
    }
    for run in runs {
        for lang in ["zh", "en"] {
            let (out, _) = stdout_of(gongkai().args(&run).args(["--lang", lang]));
            for internal in ["Some(", "None", "::"] {
                assert!(!out.contains(internal), "{run:?} --lang {lang}: `{internal}` in\n{out}");
            }
            // A rule's explanation in the language asked for, whole.
            if run[0] == "rules" && run.len() == 3 {
                let sections: &[&str] = match lang {
                    "zh" => &["## 检查内容", "## 为何重要", "## 示例", "## 确定性"],
                    _ => &["## What it checks", "## Why it matters", "## Example", "## Certainty"],
                };
                for section in sections {
                    assert!(out.contains(section), "{run:?} --lang {lang}: no `{section}` in\n{out}");
                }
            }
        }
    }
}

/// A run that may load plugins says which ran — here none, the region having
/// no plugin in the directory given — and a run without plugins says nothing.
#[test]
fn a_run_with_plugins_says_which_ran() {
    let dir = tempfile::tempdir().unwrap();
    let out =
        gongkai().args(["validate", "--auto-plugins", "--plugin-dir"]).arg(dir.path()).arg(example()).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("没有插件运行"), "{err}");
    let out = gongkai().arg("validate").arg(example()).output().unwrap();
    assert!(!String::from_utf8_lossy(&out.stderr).contains("插件"));
}

/// A loaded plugin's rules are listed after the built-in ones and explained;
/// a run loading plugins by region says which ran.
#[test]
fn a_loaded_plugins_rules_are_listed_and_explained_and_a_run_says_which_plugins_ran() {
    let dir = plugin_build::plugin_dir(plugin_build::Profile::Debug);
    let (out, code) = stdout_of(gongkai().args(["rules", "--plugin", "xinjiang", "--plugin-dir"]).arg(dir));
    assert_eq!(code, 0);
    assert!(out.contains("A101") && out.contains("XJ001") && out.contains("插件:xinjiang"), "{out}");
    let (out, code) =
        stdout_of(gongkai().args(["rules", "explain", "XJ001", "--plugin", "xinjiang", "--plugin-dir"]).arg(dir));
    assert_eq!(code, 0);
    assert!(out.starts_with("# XJ001") && out.contains("## 检查内容"), "{out}");
    let (out, _) = stdout_of(
        gongkai().args(["rules", "explain", "XJ001", "--lang", "en", "--plugin", "xinjiang", "--plugin-dir"]).arg(dir),
    );
    assert!(out.contains("## What it checks"), "{out}");
    let (_, code) = stdout_of(gongkai().args(["rules", "explain", "XJ001"]));
    assert_eq!(code, 2, "without its plugin the rule is unknown");
    let run = gongkai().args(["validate", "--auto-plugins", "--plugin-dir"]).arg(dir).arg(example()).output().unwrap();
    let err = String::from_utf8_lossy(&run.stderr);
    assert!(err.contains("运行的插件：changji、xinjiang"), "{err}");
}

/// A document's region loads the plugins found for it without a flag — in a
/// directory given, or in those of `GONGKAI_PLUGIN_PATH` — and says which ran;
/// `--no-plugins` checks with the national rules only, and cannot be given
/// with a plugin to load.
#[test]
fn a_documents_region_loads_its_plugins_by_default() {
    let dir = plugin_build::plugin_dir(plugin_build::Profile::Debug);
    let plugin_rules = |out: &std::process::Output| {
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let findings = json["documents"][0]["findings"].as_array().unwrap().clone();
        findings.iter().filter(|f| f["plugin"].is_string()).count()
    };
    let by_dir =
        gongkai().args(["validate", "--format", "json", "--plugin-dir"]).arg(dir).arg(example()).output().unwrap();
    assert!(String::from_utf8_lossy(&by_dir.stderr).contains("运行的插件：changji、xinjiang"));
    let by_env = gongkai()
        .args(["validate", "--format", "json"])
        .env("GONGKAI_PLUGIN_PATH", dir)
        .arg(example())
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&by_env.stderr).contains("运行的插件：changji、xinjiang"));
    assert!(plugin_rules(&by_env) > 0 && plugin_rules(&by_env) == plugin_rules(&by_dir));
    let none = gongkai()
        .args(["validate", "--format", "json", "--no-plugins"])
        .env("GONGKAI_PLUGIN_PATH", dir)
        .arg(example())
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&none.stderr).contains("插件"), "{}", String::from_utf8_lossy(&none.stderr));
    assert_eq!(plugin_rules(&none), 0);
    let (_, code) = stdout_of(gongkai().args(["validate", "--no-plugins", "--plugin", "xinjiang"]).arg(example()));
    assert_eq!(code, 2);
}
