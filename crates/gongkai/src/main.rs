//! `gongkai`: the reviewer's command-line tool. See `gongkai --help`.

mod cli;
mod commands;
mod help;
mod inputs;
mod lang;
mod output;
mod parts;
mod plugins;
mod report;

use std::process::ExitCode;

use cli::{Cli, Command, RulesAction, SchemaKind};
use commands::Outcome;

/// mimalloc: a batch run allocates many small strings per line read (see the
/// workspace manifest for the measurement).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let lang = lang::Lang::detect(&args);
    lang.set();
    let cli: Cli = help::parse(args, lang);
    let outcome = match &cli.command {
        Command::Validate(args) => commands::validate::run(args),
        Command::Import(args) => commands::import::run(args),
        Command::Rules { action, plugins, plugin_dirs } => match commands::rules::load(plugins, plugin_dirs) {
            Err(outcome) => outcome,
            Ok(loaded) => match action {
                None => commands::rules::list(&loaded),
                Some(RulesAction::Explain { id }) => commands::rules::explain(id, &loaded),
            },
        },
        Command::Schema { which } => {
            print!(
                "{}",
                match which {
                    SchemaKind::Disclosure => gongkai_model::schema::disclosure_schema_json(),
                    SchemaKind::Findings => gongkai_model::schema::findings_schema_json(),
                }
            );
            Outcome::Clean
        }
        Command::Catalog(args) => commands::catalog::run(args),
        Command::Export(args) => commands::export::run(args),
        Command::Plugins(args) => commands::plugins::run(args),
    };
    ExitCode::from(outcome.code())
}
