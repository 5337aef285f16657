//! `gongkai validate PATH...`: import, check, report.

use std::borrow::Cow;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use gongkai_import::ImportOptions;
use gongkai_model::{Counts, Coverage, Disclosure, DocumentFindings, FindingsReport, SCHEMA_VERSION};
use gongkai_rules::{Config, Engine};
use rayon::prelude::*;

use super::Outcome;
use crate::cli::{Format, ValidateArgs};
use crate::inputs::Input;
use crate::output::write_atomic;
use crate::report;

/// One document's result: its findings, its rendering (text and HTML formats)
/// and, for the xlsx format, its model (whose tables the workbook shows).
struct Checked {
    findings: DocumentFindings,
    rendered: String,
    document: Option<Disclosure>,
    /// The plugins whose rules ran on the document (ids).
    plugins: Vec<String>,
}

/// What to render or keep while the document is in memory. `Model` keeps the
/// model itself: the xlsx report writes each document's tables, and reading the
/// file again for them would cost a second import.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Render<'a> {
    Nothing,
    Text {
        color: bool,
    },
    /// `report_dir`: where the report goes, so that its links to a PDF's
    /// pages are relative to it.
    Html {
        index: usize,
        report_dir: &'a Path,
    },
    Model,
}

/// Loads `gongkai.toml` (given, or in the working directory) merged with the
/// command line.
fn config(args: &ValidateArgs) -> Result<Config, String> {
    let file = match &args.config {
        Some(path) => Some(path.clone()),
        None => Some(PathBuf::from("gongkai.toml")).filter(|p| p.exists()),
    };
    let base = match file {
        Some(path) => {
            let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            Config::from_toml(&text).map_err(|e| format!("{}: {e}", path.display()))?
        }
        None => Config::default(),
    };
    let cli = Config {
        select: args.select.clone(),
        ignore: args.ignore.clone(),
        tolerance: args.tolerance.clone(),
        plugins: args.plugins.clone(),
        plugin_dirs: args.plugin_dirs.iter().map(|p| p.to_string_lossy().into_owned()).collect(),
        // A document's region loads its plugins unless the run says not to.
        auto_plugins: !args.no_plugins,
        ..Config::default()
    };
    let mut merged = base.merged_with(&cli);
    if args.no_plugins {
        merged.auto_plugins = false;
        merged.plugins.clear();
    }
    merged.validate().map_err(|e| e.to_string())?;
    Ok(merged)
}

/// Runs the command.
pub fn run(args: &ValidateArgs) -> Outcome {
    let config = match config(args) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("{}{e}", crate::lang::Lang::error_prefix());
            return Outcome::Failure;
        }
    };
    // The explanation of a pair is per document (`Input::text`), not per run.
    let base_options = ImportOptions { limits: args.limits.limits(), ..Default::default() };
    // Named plugins are loaded once for the run; with auto-plugins each document
    // gets its own engine for its region (see `import_and_check`).
    let named = match crate::plugins::load_named(&config) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("{}{e}", crate::lang::Lang::error_prefix());
            return Outcome::Failure;
        }
    };
    if let Err(e) = config.check_selectors(&crate::plugins::rule_ids(&config, &named)) {
        eprintln!("{}{e}", crate::lang::Lang::error_prefix());
        return Outcome::Failure;
    }
    let named_ids: Vec<String> = named.iter().map(|p| p.id().to_owned()).collect();
    let (engine, options) = match crate::plugins::engine_with(&config, named, &base_options) {
        Ok(e) => e,
        Err(e) => {
            eprintln!("{}{e}", crate::lang::Lang::error_prefix());
            return Outcome::Failure;
        }
    };
    let files = match inputs(args) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("{}{e}", crate::lang::Lang::error_prefix());
            return Outcome::Failure;
        }
    };
    let color = args.output.is_none() && std::io::stdout().is_terminal() && args.format == Format::Text;
    let progress = progress_bar(files.len(), args.quiet);
    // (The report's folder: the output's, else the working directory.)
    let report_dir = match args.output.as_deref().and_then(Path::parent) {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let render_for = |index: usize| match args.format {
        Format::Text if !args.quiet => Render::Text { color },
        Format::Html => Render::Html { index, report_dir },
        Format::Xlsx => Render::Model,
        _ => Render::Nothing,
    };
    let check = |(index, input): (usize, &Input)| {
        let checked = check_one(input, &engine, &options, &config, &named_ids, render_for(index));
        if let Some(bar) = &progress {
            bar.inc(1);
        }
        checked
    };
    let checked: Vec<Checked> = match rayon::ThreadPoolBuilder::new().num_threads(args.jobs.unwrap_or(0)).build() {
        Ok(pool) => pool.install(|| files.par_iter().enumerate().map(check).collect()),
        Err(_) => files.iter().enumerate().map(check).collect(),
    };
    if let Some(bar) = progress {
        bar.finish_and_clear();
    }
    // Quiet reports render no documents: each file that could not be read is
    // still named on stderr, with the reason.
    if args.quiet {
        for error in checked.iter().filter_map(|c| c.findings.error.as_deref()) {
            eprintln!(
                "{}{}{error}",
                crate::lang::Lang::error_prefix(),
                crate::lang::Lang::current().pick("无法读取：", "could not be read: ")
            );
        }
    }
    // Split once: the reports borrow the findings and take the renderings.
    let mut docs = Vec::with_capacity(checked.len());
    let mut rendered = Vec::with_capacity(checked.len());
    let mut documents = Vec::with_capacity(checked.len());
    let mut plugins_ran = std::collections::BTreeSet::new();
    for c in checked {
        docs.push(c.findings);
        rendered.push(c.rendered);
        documents.push(c.document);
        plugins_ran.extend(c.plugins);
    }
    // A run with plugins says which ran; one that asked for them (by name, or
    // by region with --auto-plugins) says so too when none did, rather than
    // leaving the reader to guess.
    let asked = !config.plugins.is_empty() || args.auto_plugins;
    if (asked || !plugins_ran.is_empty()) && !args.quiet {
        let lang = crate::lang::Lang::current();
        let list = plugins_ran.into_iter().collect::<Vec<_>>().join(lang.pick("、", ", "));
        match (lang, list.is_empty()) {
            (crate::lang::Lang::Zh, false) => eprintln!("运行的插件：{list}"),
            (crate::lang::Lang::Zh, true) => eprintln!("没有插件运行（各文件所属地区没有对应的插件）"),
            (crate::lang::Lang::En, false) => eprintln!("plugins run: {list}"),
            (crate::lang::Lang::En, true) => eprintln!("no plugin ran (no plugin for the documents' regions)"),
        }
    }
    let body = match args.format {
        Format::Text => {
            let mut text: String = rendered.concat();
            text.push_str(&report::text::summary(&docs));
            if args.coverage {
                text.push_str(&report::text::coverage(&docs));
            }
            text
        }
        Format::Json => {
            let report = FindingsReport {
                schema_version: SCHEMA_VERSION.to_owned(),
                tool: format!("gongkai {}", env!("CARGO_PKG_VERSION")),
                counts: total(&docs),
                documents: docs.clone(),
            };
            let mut json = serde_json::to_string_pretty(&report).unwrap_or_default();
            json.push('\n');
            json
        }
        Format::Sarif => report::sarif::render(&docs),
        Format::Html => report::html::page(&docs, &rendered),
        Format::Xlsx => {
            if let Err(e) = report::xlsx::write_findings(args.output.as_deref(), &docs, &documents) {
                eprintln!("{}{e}", crate::lang::Lang::error_prefix());
                return Outcome::Failure;
            }
            String::new()
        }
    };
    if args.format != Format::Xlsx
        && let Err(e) = emit(args.output.as_deref(), &body)
    {
        eprintln!("{}{e}", crate::lang::Lang::error_prefix());
        return Outcome::Failure;
    }
    if let Some(path) = &args.output
        && !args.quiet
    {
        let c = total(&docs);
        let n = docs.len();
        let what = match crate::lang::Lang::current() {
            crate::lang::Lang::Zh => {
                format!("{n} 份文件，错误 {} 个，警告 {} 个，提示 {} 个", c.errors, c.warnings, c.infos)
            }
            crate::lang::Lang::En => {
                format!("{n} file(s), {} error(s), {} warning(s), {} note(s)", c.errors, c.warnings, c.infos)
            }
        };
        crate::output::say_written(path, &what);
    }
    if let Some(path) = &args.summary
        && let Err(e) = write_atomic(path, report::summary_csv::render(&docs).as_bytes())
    {
        eprintln!("{}{}: {e}", crate::lang::Lang::error_prefix(), path.display());
        return Outcome::Failure;
    }
    if docs.iter().any(|d| d.error.is_some()) {
        Outcome::Failure
    } else if docs.iter().any(|d| d.counts.errors > 0) {
        Outcome::Errors
    } else {
        Outcome::Clean
    }
}

/// The documents of the run: `--tables` with `--text` (one document), or the
/// paths with folders walked and paired (see `inputs`). Notes on skipped and
/// paired files go to stderr unless `--quiet`.
fn inputs(args: &ValidateArgs) -> Result<Vec<Input>, String> {
    if let (Some(tables), Some(text)) = (&args.tables, &args.text) {
        let format = gongkai_import::Format::of_path(&tables.to_string_lossy());
        if !matches!(
            format,
            Some(gongkai_import::Format::Workbook | gongkai_import::Format::Csv | gongkai_import::Format::Pdf)
        ) {
            return Err(format!(
                "{}: --tables takes a workbook (.xlsx, .xls), a CSV file or a PDF of the tables",
                tables.display()
            ));
        }
        return Ok(vec![Input { path: tables.clone(), text: Some(text.clone()) }]);
    }
    let collected = crate::inputs::collect(&args.paths)?;
    if !args.quiet {
        for note in &collected.notes {
            eprintln!("{}{note}", crate::lang::Lang::current().pick("提示：", "note: "));
        }
    }
    if collected.inputs.is_empty() {
        return Err("no disclosure files (.txt, .md, .pdf, .json, .xlsx, .xls, .csv) found in the given paths".into());
    }
    // Nothing to check at all: a usage error, with no report written.
    if collected.missing.len() == collected.inputs.len() {
        let missing: Vec<String> = collected.missing.iter().map(|p| format!("{}: 文件不存在", p.display())).collect();
        return Err(missing.join("\nerror: "));
    }
    Ok(collected.inputs)
}

fn emit(output: Option<&Path>, body: &str) -> Result<(), String> {
    match output {
        Some(path) => write_atomic(path, body.as_bytes()).map_err(|e| format!("{}: {e}", path.display())),
        None => {
            use std::io::Write;
            let mut out = std::io::stdout().lock();
            // A closed pipe (`| head`) is not an error worth a panic.
            let _ = out.write_all(body.as_bytes());
            Ok(())
        }
    }
}

fn total(docs: &[DocumentFindings]) -> Counts {
    let mut c = Counts::default();
    for d in docs {
        c.errors += d.counts.errors;
        c.warnings += d.counts.warnings;
        c.infos += d.counts.infos;
    }
    c
}

fn progress_bar(count: usize, quiet: bool) -> Option<indicatif::ProgressBar> {
    if count < 2 || quiet || !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = indicatif::ProgressBar::new(count as u64);
    bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
    Some(bar)
}

/// Imports a document and, with auto-plugins, re-imports it with its region's
/// plugins (their aliases may name its tables) and checks it with them. A pair
/// is read as one document (`ImportOptions::explanation`).
/// A document read and checked, with the ids of the plugins that ran on it.
type CheckedDocument = (gongkai_import::Imported, (Vec<gongkai_model::Finding>, Coverage), Vec<String>);

fn import_and_check(
    input: &Input,
    engine: &Engine,
    options: &ImportOptions,
    config: &Config,
    named: &[String],
) -> Result<CheckedDocument, gongkai_import::ImportError> {
    let name = input.path.to_string_lossy();
    let options = match &input.text {
        Some(text) => Cow::Owned(ImportOptions { explanation: Some(text.clone()), ..options.clone() }),
        None => Cow::Borrowed(options),
    };
    // A path that does not exist (kept among the inputs, see `inputs::collect`)
    // is unreadable like any other file, with its reason in the user's terms.
    if !input.path.exists() {
        return Err(gongkai_import::ImportError::file(&name, "文件不存在", "file not found"));
    }
    let imported = gongkai_import::import_file(&name, &options)?;
    let region = imported.document.meta.region.clone();
    let plugins = match config.auto_plugins {
        true => {
            // (A plugin's error is in the words its host gives.)
            crate::plugins::for_document(config, &region)
                .map_err(|e| gongkai_import::ImportError::file(&name, e.clone(), e))?
        }
        false => Vec::new(),
    };
    // No plugin for the region beyond the named ones: the run's engine, which
    // has those, already checked what a regional one would.
    if plugins.len() <= named.len() {
        let checked = engine.check_with_coverage(&imported.document);
        return Ok((imported, checked, named.to_vec()));
    }
    let ids = plugins.iter().map(|p| p.id().to_owned()).collect();
    let (regional, regional_options) = crate::plugins::engine_with(config, plugins, &options)
        .map_err(|e| gongkai_import::ImportError::file(&name, e.to_string(), e.to_string()))?;
    let imported = gongkai_import::import_file(&name, &regional_options)?;
    let checked = regional.check_with_coverage(&imported.document);
    Ok((imported, checked, ids))
}

fn check_one(
    input: &Input,
    engine: &Engine,
    options: &ImportOptions,
    config: &Config,
    named: &[String],
    render: Render<'_>,
) -> Checked {
    let files = input.files();
    match import_and_check(input, engine, options, config, named) {
        Err(e) => {
            let findings = DocumentFindings {
                files,
                unit_name: None,
                fiscal_year: None,
                error: Some(e.to_string()),
                findings: Vec::new(),
                counts: Counts::default(),
                coverage: None,
            };
            let rendered = match render {
                Render::Text { color } => report::text::render_document(&findings, None, color),
                Render::Html { index, report_dir } => {
                    report::html::render_document(index, &findings, None, None, report_dir)
                }
                Render::Nothing | Render::Model => String::new(),
            };
            Checked { findings, rendered, document: None, plugins: Vec::new() }
        }
        Ok((imported, (mut findings, coverage), plugins)) => {
            input.name_files(&mut findings, &imported);
            let doc = &imported.document;
            let findings = DocumentFindings {
                files,
                unit_name: doc.meta.unit_name.as_ref().map(|u| u.text.clone()),
                fiscal_year: doc.meta.fiscal_year,
                error: None,
                counts: Counts::of(&findings),
                findings,
                coverage: Some(coverage),
            };
            let source = imported.source_text.as_deref();
            let rendered = match render {
                Render::Text { color } => report::text::render_document(&findings, source, color),
                Render::Html { index, report_dir } => {
                    report::html::render_document(index, &findings, Some(doc), source, report_dir)
                }
                Render::Nothing | Render::Model => String::new(),
            };
            let document = (render == Render::Model).then_some(imported.document);
            Checked { findings, rendered, document, plugins }
        }
    }
}
