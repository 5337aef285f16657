//! The command line in the user's language: the parser with its help, and
//! the parser's own errors. English is the derive's doc comments in `cli.rs`;
//! Chinese is the table in [`zh`], laid onto the same command tree.

pub mod zh;

use std::ffi::OsString;

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, Command, CommandFactory, FromArgMatches};

use crate::cli::Cli;
use crate::lang::Lang;

/// The help layout with Chinese headings (clap's own are English).
const TEMPLATE_ZH: &str = "{about-with-newline}\n用法：{usage}\n\n{all-args}{after-help}";

/// Parses the command line in `lang`: help, version and usage errors are
/// printed here and end the process (exit 0 for help and version, 2 for a
/// misuse, as clap does).
pub fn parse(args: Vec<OsString>, lang: Lang) -> Cli {
    let mut cmd = command(lang);
    let matches = match cmd.try_get_matches_from_mut(args) {
        Ok(m) => m,
        Err(e) => exit_with(&mut cmd, e, lang),
    };
    match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(e) => exit_with(&mut cmd, e, lang),
    }
}

/// The command tree with its help in `lang`.
pub fn command(lang: Lang) -> Command {
    let cmd = Cli::command();
    match lang {
        Lang::En => cmd,
        Lang::Zh => in_chinese(cmd, "").disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help("显示版本")
                .help_heading("选项"),
        ),
    }
}

/// `cmd` (at `path`: `validate`, `rules.explain`) and its subcommands with
/// Chinese help; text without an entry stays English (the completeness test
/// keeps that from happening).
fn in_chinese(mut cmd: Command, path: &str) -> Command {
    let key = |suffix: &str| format!("{path}{suffix}");
    if let Some(about) = zh::text(path) {
        cmd = cmd.about(about).long_about(None);
    }
    let after = match path {
        // (The folder rule is kept with the code that applies it, `inputs.rs`.)
        "validate" => zh::text("validate@after")
            .zip(zh::text("validate@examples"))
            .map(|(codes, examples)| format!("{codes}\n\n{}\n\n{examples}", crate::inputs::PAIRING_RULE_ZH)),
        _ => zh::text(&key("@after")).map(str::to_owned),
    };
    if let Some(after) = after {
        cmd = cmd.after_help(after).after_long_help(None);
    }
    if let Some(usage) = zh::text(&key("@usage")) {
        cmd = cmd.override_usage(usage);
    }
    cmd = cmd
        .help_template(TEMPLATE_ZH)
        .subcommand_help_heading("命令")
        .subcommand_value_name("命令")
        .disable_help_subcommand(true)
        .disable_help_flag(true)
        .arg(Arg::new("help").short('h').long("help").action(ArgAction::Help).help("显示帮助").help_heading("选项"));
    let args: Vec<(String, bool, bool)> = cmd
        .get_arguments()
        .filter(|a| a.get_id() != "help")
        .map(|a| (a.get_id().to_string(), a.is_positional(), a.get_action().takes_values()))
        .collect();
    for (id, positional, takes_values) in args {
        let text = zh::text(&format!("{path} --{id}")).or_else(|| zh::text(&format!("* --{id}")));
        cmd = cmd.mut_arg(&id, |a| {
            let a = a.help_heading(if positional { "参数" } else { "选项" });
            match text {
                // (The Chinese text names the values and the default itself;
                // a flag has neither, and clap refuses to hide them there.)
                Some(text) if takes_values => {
                    a.help(text).long_help(None).hide_possible_values(true).hide_default_value(true)
                }
                Some(text) => a.help(text).long_help(None),
                None => a,
            }
        });
    }
    let subcommands: Vec<String> = cmd.get_subcommands().map(|s| s.get_name().to_owned()).collect();
    for name in subcommands {
        let child = if path.is_empty() { name.clone() } else { format!("{path}.{name}") };
        cmd = cmd.mut_subcommand(&name, |s| in_chinese(s, &child));
    }
    cmd
}

/// Prints a parser error (or the help or version it stands for) in `lang` and
/// ends the process.
fn exit_with(cmd: &mut Command, e: clap::Error, lang: Lang) -> ! {
    if lang == Lang::En || matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) {
        e.exit();
    }
    if e.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand {
        eprint!("{}", cmd.render_help());
        std::process::exit(2);
    }
    eprintln!("错误：{}", error_zh(&e));
    if let Some(s) = context(&e, ContextKind::SuggestedArg) {
        eprintln!("提示：是否想用“{s}”？");
    }
    if let Some(s) = context(&e, ContextKind::SuggestedSubcommand) {
        eprintln!("提示：是否想用命令“{s}”？");
    }
    eprintln!("运行 gongkai --help（或某个命令加 --help）查看用法。");
    std::process::exit(2);
}

/// A piece of an error's context as text (several values joined by `、`).
fn context(e: &clap::Error, kind: ContextKind) -> Option<String> {
    match e.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(v) => Some(v.join("、")),
        other => Some(other.to_string()),
    }
}

/// What a parser error says, in Chinese.
fn error_zh(e: &clap::Error) -> String {
    let get = |kind: ContextKind| context(e, kind).unwrap_or_default();
    let arg = get(ContextKind::InvalidArg);
    match e.kind() {
        ErrorKind::UnknownArgument => format!("不认识的参数“{arg}”"),
        ErrorKind::InvalidSubcommand => format!("没有“{}”这个命令", get(ContextKind::InvalidSubcommand)),
        ErrorKind::InvalidValue => {
            let valid = get(ContextKind::ValidValue);
            let value = get(ContextKind::InvalidValue);
            if valid.is_empty() {
                format!("{arg} 的值“{value}”无效")
            } else {
                format!("{arg} 的值“{value}”无效；可用的值：{valid}")
            }
        }
        ErrorKind::ValueValidation => format!("{arg} 的值“{}”无效", get(ContextKind::InvalidValue)),
        ErrorKind::MissingRequiredArgument => format!("缺少必需的参数：{arg}"),
        ErrorKind::MissingSubcommand => "缺少命令".to_owned(),
        ErrorKind::ArgumentConflict => format!("{arg} 不能与 {} 同时使用", get(ContextKind::PriorArg)),
        ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues => format!("{arg} 的值的个数不对"),
        ErrorKind::NoEquals => format!("{arg} 的值须用“=”连接"),
        // (Rare kinds: clap's own words, after the Chinese prefix.)
        _ => e.kind().as_str().map_or_else(|| e.to_string(), str::to_owned),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every key the command tree asks of the Chinese table.
    fn keys(cmd: &Command, path: &str, out: &mut Vec<(String, Option<String>)>) {
        out.push((path.to_owned(), None));
        for arg in cmd.get_arguments().filter(|a| !matches!(a.get_id().as_str(), "help" | "version")) {
            let id = arg.get_id().as_str();
            out.push((format!("{path} --{id}"), Some(format!("* --{id}"))));
        }
        for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
            let child = if path.is_empty() { sub.get_name().to_owned() } else { format!("{path}.{}", sub.get_name()) };
            keys(sub, &child, out);
        }
    }

    #[test]
    fn every_command_and_argument_has_its_chinese_help_and_every_entry_is_used() {
        let mut wanted = Vec::new();
        keys(&Cli::command(), "", &mut wanted);
        let mut used = std::collections::BTreeSet::new();
        for (key, shared) in &wanted {
            let found = [Some(key.clone()), shared.clone()].into_iter().flatten().find(|k| zh::text(k).is_some());
            let found = found.unwrap_or_else(|| panic!("no Chinese help for `{key}`"));
            used.insert(found);
        }
        for (key, _) in zh::ENTRIES {
            let extra = key.contains('@') && used.contains(key.split('@').next().unwrap_or_default());
            assert!(used.contains(*key) || extra, "`{key}` names nothing of the command line");
        }
    }

    /// Every command's help, rendered: Chinese without clap's English words,
    /// English with them.
    fn all_help(lang: Lang) -> Vec<String> {
        let mut cmd = command(lang);
        cmd.build();
        let mut out = vec![cmd.render_long_help().to_string()];
        for sub in cmd.get_subcommands_mut() {
            out.push(sub.render_long_help().to_string());
            for inner in sub.get_subcommands_mut() {
                out.push(inner.render_long_help().to_string());
            }
        }
        out
    }

    #[test]
    fn the_help_is_chinese_without_english_headings_and_english_with_en() {
        for help in all_help(Lang::Zh) {
            for english in
                ["Usage:", "Options:", "Arguments:", "Commands:", "Print help", "[default:", "Possible values"]
            {
                assert!(!help.contains(english), "`{english}` in:\n{help}");
            }
            assert!(help.contains("用法：") && help.contains("显示帮助"), "{help}");
        }
        for help in all_help(Lang::En) {
            assert!(help.contains("Usage:"), "{help}");
        }
    }
}
