//! `gongkai import FILE_OR_DIR [-o OUT.json]`.

use super::Outcome;
use crate::cli::ImportArgs;
use crate::lang::Lang;
use crate::output::{say_written, write_atomic};

/// Imports one document (a file, or a folder holding a workbook and its text) and
/// prints or writes its JSON.
pub fn run(args: &ImportArgs) -> Outcome {
    let Some((path, imported)) = super::import_one(&args.file, &args.limits, None, args.verbose) else {
        return Outcome::Failure;
    };
    let mut json = match serde_json::to_string_pretty(&imported.document) {
        Ok(j) => j,
        Err(e) => {
            eprintln!(
                "{}",
                crate::lang::Lang::say(
                    format!("错误：无法序列化 {path}：{e}"),
                    format!("error: cannot serialise {path}: {e}")
                )
            );
            return Outcome::Failure;
        }
    };
    json.push('\n');
    match &args.output {
        Some(out) => {
            if let Err(e) = write_atomic(out, json.as_bytes()) {
                eprintln!("{}{}: {e}", crate::lang::Lang::error_prefix(), out.display());
                return Outcome::Failure;
            }
            let doc = &imported.document;
            let (tables, claims) = (doc.tables.len(), doc.claims.len());
            say_written(
                out,
                &match Lang::current() {
                    Lang::Zh => format!("表 {tables} 张，说明数字 {claims} 处"),
                    Lang::En => format!("{tables} tables, {claims} figures of the text"),
                },
            );
        }
        None => print!("{json}"),
    }
    Outcome::Clean
}
