//! The command line.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use gongkai_import::Limits;

/// Reads Chinese government budget disclosures (部门预算公开) and checks them the
/// way a careful finance-bureau reviewer would: every table sums, every table
/// agrees with the others, every figure of the explanation text matches the
/// tables, every required table and section is there.
#[derive(Debug, Parser)]
#[command(
    name = "gongkai",
    version,
    propagate_version = true,
    after_help = "\
Examples:
  gongkai validate examples/qitai-2024-budget.txt
  gongkai validate disclosures/ --format json --output findings.json
  gongkai import examples/qitai-2024-budget.txt -o qitai.json
  gongkai rules explain A101

Without --lang en, help and reports are in Simplified Chinese."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    /// Language of the interface: zh (Simplified Chinese, the default) or en;
    /// a locale naming English (LANG=en_US.UTF-8) chooses English too.
    #[arg(long, global = true, value_enum, value_name = "LANG")]
    pub lang: Option<crate::lang::Lang>,
}

#[derive(Debug, Subcommand)]
// Parsed once per run: the size of the largest variant does not matter.
#[allow(clippy::large_enum_variant)]
pub enum Command {
    /// Check disclosures and report every inconsistency with its line.
    #[command(after_help = validate_after_help())]
    Validate(ValidateArgs),
    /// Read a disclosure into the JSON exchange format (schemas/disclosure.schema.json).
    #[command(after_help = "\
Unrecognised parts are reported on stderr with their line numbers and kept in the
document's `unparsed` list. A folder must hold one document: one file, or a
workbook/CSV of tables and a text file of the explanation (read as one).

Examples:
  gongkai import examples/qitai-2024-budget.txt -o qitai.json
  gongkai import dept/ -o dept.json      (dept/ holds book.xlsx and notes.txt)")]
    Import(ImportArgs),
    /// List the rules, or explain one.
    #[command(after_help = "\
Examples:
  gongkai rules
  gongkai rules explain A101
  gongkai rules --plugin xinjiang --plugin-dir target/release")]
    Rules {
        #[command(subcommand)]
        action: Option<RulesAction>,
        /// Also list (or explain) the rules of a plugin (a path, or a name looked up in the plugin directories).
        #[arg(long = "plugin", value_name = "PATH_OR_NAME", global = true)]
        plugins: Vec<String>,
        /// A directory searched for plugins by name.
        #[arg(long = "plugin-dir", value_name = "DIR", global = true)]
        plugin_dirs: Vec<PathBuf>,
    },
    /// Print a JSON Schema of the exchange formats.
    #[command(after_help = "\
Example:
  gongkai schema findings > findings.schema.json")]
    Schema {
        /// Which schema.
        #[arg(value_enum, default_value = "disclosure")]
        which: SchemaKind,
    },
    /// List rule plugins, and which would load for a file's region.
    #[command(after_help = "\
Examples:
  gongkai plugins --plugin-dir target/release
  gongkai plugins --plugin-dir target/release examples/qitai-2024-budget.txt")]
    Plugins(PluginsArgs),
    /// Write a disclosure's tables as a workbook in the template layout.
    #[command(after_help = "\
One sheet per table (表1, 表2 …): title, 编制单位 and 单位 rows, the header rows
(merged as in the templates), a ※ row, then the rows with codes split into
类/款/项 columns and amounts as numbers (#,##0.00). The workbook reads back with
`gongkai import` and `gongkai validate`; cells found wrong point at 表N!E12.

Examples:
  gongkai export examples/qitai-2024-budget.txt --to xlsx -o qitai.xlsx
  gongkai export tables.xlsx --text notes.txt --to xlsx -o tidy.xlsx")]
    Export(ExportArgs),
    /// Look up classification codes (政府收支分类科目) in the built-in catalog.
    #[command(after_help = "\
Examples:
  gongkai catalog 2080505 --year 2024
  gongkai catalog --search 养老")]
    Catalog(CatalogArgs),
}

/// `validate --help`'s epilogue: exit codes, how folders are read (the rule is
/// kept with the code that applies it, `inputs.rs`), examples.
fn validate_after_help() -> String {
    format!(
        "\
Exit codes: 0 no errors, 1 errors found, 2 a file could not be read or the command was misused.

{}

Examples:
  gongkai validate examples/qitai-2024-budget.txt
  gongkai validate county-2024/ --jobs 2 --summary summary.csv
  gongkai validate doc.txt --select A,X --ignore F --format sarif -o doc.sarif
  gongkai validate --tables book.xlsx --text notes.txt --format xlsx -o findings.xlsx
  gongkai validate dept/     (dept/ holds book.xlsx and notes.txt: one document)",
        crate::inputs::PAIRING_RULE
    )
}

#[derive(Debug, Subcommand)]
pub enum RulesAction {
    /// Print a rule's documentation.
    Explain {
        /// The rule id (A101) or name (hierarchy-sum).
        id: String,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SchemaKind {
    /// The disclosure document.
    Disclosure,
    /// The findings report of `validate --format json`.
    Findings,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Compiler-style diagnostics with the source lines quoted.
    Text,
    /// JSON following schemas/findings.schema.json.
    Json,
    /// SARIF 2.1.0, for code-review systems.
    Sarif,
    /// One self-contained HTML page: tables with the cells involved highlighted.
    Html,
    /// A workbook (needs --output): one row per finding, and each document's
    /// tables with the cells involved filled in colour.
    Xlsx,
}

/// What `gongkai export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// An Excel workbook, one sheet per table.
    Xlsx,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The disclosure (.txt, .json, .xlsx, .xls, .csv), or a folder holding a
    /// workbook and the text of its explanation.
    pub file: PathBuf,
    /// The format to write.
    #[arg(long, value_enum, default_value = "xlsx")]
    pub to: ExportFormat,
    /// The file to write (atomically).
    #[arg(long, short = 'o', value_name = "OUT.xlsx")]
    pub output: PathBuf,
    /// List each line the importer could not place (else only their count).
    #[arg(long, short = 'v')]
    pub verbose: bool,
    /// A text file of the explanation to combine with a workbook or CSV input.
    #[arg(long, value_name = "FILE.txt")]
    pub text: Option<PathBuf>,
    #[command(flatten)]
    pub limits: LimitArgs,
}

#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// Files or directories (walked recursively for .pdf, .txt, .md, .json, .xlsx,
    /// .xls, .csv; a workbook and a text file in one folder may be one document,
    /// see below).
    #[arg(required_unless_present = "tables")]
    pub paths: Vec<PathBuf>,
    /// A workbook (or CSV) holding the tables, checked with --text as one document.
    #[arg(long, value_name = "BOOK.xlsx", requires = "text", conflicts_with = "paths")]
    pub tables: Option<PathBuf>,
    /// The text of the explanation that goes with --tables.
    #[arg(long, value_name = "NOTES.txt", requires = "tables")]
    pub text: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    pub format: Format,
    /// Write the report to FILE (atomically) instead of stdout.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Rules to run: ids, id prefixes or families, comma-separated (default: all).
    #[arg(long, value_delimiter = ',')]
    pub select: Vec<String>,
    /// Rules to skip: ids, id prefixes or families, comma-separated.
    #[arg(long, value_delimiter = ',')]
    pub ignore: Vec<String>,
    /// Widen every rounding comparison by this amount (e.g. 0.01).
    #[arg(long)]
    pub tolerance: Option<String>,
    /// A configuration file (default: ./gongkai.toml when it exists).
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Documents checked in parallel (default: the number of cores).
    #[arg(long)]
    pub jobs: Option<usize>,
    /// Print only the summary (text format) and errors.
    #[arg(long, short = 'q')]
    pub quiet: bool,
    /// Also write a per-document summary as CSV.
    #[arg(long, value_name = "FILE.csv")]
    pub summary: Option<PathBuf>,
    /// Print what was checked of each document and what was not, and why
    /// (tables listed and recognised, comparisons per rule, claims compared).
    #[arg(long)]
    pub coverage: bool,
    #[command(flatten)]
    pub limits: LimitArgs,
    /// Load a rule plugin (a path, or a name looked up in the plugin directories).
    #[arg(long = "plugin", value_name = "PATH_OR_NAME")]
    pub plugins: Vec<String>,
    /// A directory searched for plugins by name (also `plugin-dirs` in gongkai.toml).
    #[arg(long = "plugin-dir", value_name = "DIR")]
    pub plugin_dirs: Vec<PathBuf>,
    /// Load the plugins whose regions match each document's region (the
    /// default; given, the run also says which plugins ran).
    #[arg(long)]
    pub auto_plugins: bool,
    /// Load no plugin: check with the national rules only.
    #[arg(long, conflicts_with_all = ["plugins", "auto_plugins"])]
    pub no_plugins: bool,
}

#[derive(Debug, Args)]
pub struct PluginsArgs {
    /// A directory searched for plugins.
    #[arg(long = "plugin-dir", value_name = "DIR")]
    pub plugin_dir: Vec<PathBuf>,
    /// A disclosure: show which plugins its region selects.
    pub file: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The disclosure (.txt in UTF-8, GB18030/GBK or UTF-16; .json; .xlsx, .xls,
    /// .csv), or a folder holding a workbook and the text of its explanation.
    pub file: PathBuf,
    /// Write the JSON to FILE (atomically) instead of stdout.
    #[arg(long, short = 'o', value_name = "OUT.json")]
    pub output: Option<PathBuf>,
    /// List each line the importer could not place (else only their count).
    #[arg(long, short = 'v')]
    pub verbose: bool,
    #[command(flatten)]
    pub limits: LimitArgs,
}

#[derive(Debug, Args)]
pub struct CatalogArgs {
    /// A code: 208, 20805, 2080505, 30101 …
    #[arg(required_unless_present = "search")]
    pub code: Option<String>,
    /// The budget year whose names to prefer.
    #[arg(long)]
    pub year: Option<u16>,
    /// Find codes whose name contains TEXT.
    #[arg(long, value_name = "TEXT", conflicts_with = "code")]
    pub search: Option<String>,
}

/// Input limits a user can raise (defaults and reasons: `gongkai_import::Limits`).
#[derive(Debug, Args)]
pub struct LimitArgs {
    /// Largest input accepted, in MB; also the most a workbook may unpack to.
    #[arg(long, default_value_t = 64, value_name = "MB")]
    pub max_input_mb: u64,
    /// Most cells of one table (rows × columns of its used range).
    #[arg(long, default_value_t = Limits::default().max_table_cells, value_name = "CELLS")]
    pub max_table_cells: u64,
    /// Deepest nesting of arrays and objects in a JSON input.
    #[arg(long, default_value_t = Limits::default().max_json_depth, value_name = "LEVELS")]
    pub max_json_depth: u32,
    /// Most elements of one array in a JSON input.
    #[arg(long, default_value_t = Limits::default().max_json_array, value_name = "ELEMENTS")]
    pub max_json_array: u64,
}

impl LimitArgs {
    /// The importer's limits.
    pub fn limits(&self) -> Limits {
        Limits {
            max_input_bytes: self.max_input_mb.saturating_mul(1024 * 1024),
            max_table_cells: self.max_table_cells,
            max_json_depth: self.max_json_depth,
            max_json_array: self.max_json_array,
        }
    }
}
