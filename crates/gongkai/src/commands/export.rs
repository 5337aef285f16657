//! `gongkai export FILE --to xlsx -o OUT.xlsx`: a disclosure's tables as a
//! workbook in the template layout (one sheet per table), which `gongkai
//! validate` and `gongkai import` read back.

use super::Outcome;
use crate::cli::{ExportArgs, ExportFormat};
use crate::lang::Lang;
use crate::output::{say_written, write_atomic};
use crate::report;

/// Imports one document and writes its tables.
pub fn run(args: &ExportArgs) -> Outcome {
    let Some((path, imported)) = super::import_one(&args.file, &args.limits, args.text.clone(), args.verbose) else {
        return Outcome::Failure;
    };
    if imported.document.tables.is_empty() {
        eprintln!(
            "{}",
            crate::lang::Lang::say(
                format!("错误：{path}：文件中没有可导出的表"),
                format!("error: {path}: the document has no tables to export")
            )
        );
        return Outcome::Failure;
    }
    let bytes = match args.to {
        ExportFormat::Xlsx => report::xlsx::tables_workbook(&imported.document),
    };
    let bytes = match bytes {
        Ok(b) => b,
        Err(e) => {
            eprintln!(
                "{}",
                crate::lang::Lang::say(
                    format!("错误：无法生成 {path} 的工作簿：{e}"),
                    format!("error: cannot build the workbook of {path}: {e}")
                )
            );
            return Outcome::Failure;
        }
    };
    if let Err(e) = write_atomic(&args.output, &bytes) {
        eprintln!("{}{}: {e}", crate::lang::Lang::error_prefix(), args.output.display());
        return Outcome::Failure;
    }
    let tables = imported.document.tables.len();
    say_written(&args.output, Lang::current().pick(&format!("表 {tables} 张"), &format!("{tables} tables")));
    Outcome::Clean
}
