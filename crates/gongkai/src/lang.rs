//! The language of what users see: Simplified Chinese by default, English with
//! `--lang en` (or a locale naming English: `LC_ALL`, `LC_MESSAGES`, `LANG`
//! starting with `en`). Identifiers — rule ids, JSON keys, the schema — are
//! English in both.

use std::ffi::OsString;
use std::sync::OnceLock;

use clap::ValueEnum;

/// A language of the interface.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum Lang {
    /// 简体中文 (the default).
    #[default]
    Zh,
    /// English.
    En,
}

/// The run's language, set once from the command line (see [`Lang::detect`]).
static CURRENT: OnceLock<Lang> = OnceLock::new();

impl Lang {
    /// Makes `self` the run's language (the first call wins).
    pub fn set(self) {
        let _ = CURRENT.set(self);
        // The importer's errors (a file that cannot be read) speak it too.
        gongkai_import::set_chinese(self == Lang::Zh);
    }

    /// The run's language: Chinese unless set otherwise.
    pub fn current() -> Lang {
        CURRENT.get().copied().unwrap_or_default()
    }

    /// The language a run speaks: `--lang` wherever it stands on the command
    /// line (read before parsing, so that the help and the parser's own
    /// errors are in it too), else the locale, else Chinese.
    pub fn detect(args: &[OsString]) -> Lang {
        let from_args = args.iter().enumerate().find_map(|(i, arg)| {
            let arg = arg.to_str()?;
            let value = match arg.strip_prefix("--lang") {
                Some("") => args.get(i + 1)?.to_str()?,
                Some(rest) => rest.strip_prefix('=')?,
                None => return None,
            };
            Lang::from_str(value, true).ok()
        });
        from_args.unwrap_or_else(|| {
            let locale =
                ["LC_ALL", "LC_MESSAGES", "LANG"].iter().find_map(|v| std::env::var(v).ok().filter(|s| !s.is_empty()));
            Lang::from_locale(locale.as_deref())
        })
    }

    /// The language a locale value (`en_US.UTF-8`, `zh_CN.UTF-8`, `C`) asks for.
    pub fn from_locale(locale: Option<&str>) -> Lang {
        match locale {
            Some(l) if l.to_ascii_lowercase().starts_with("en") => Lang::En,
            _ => Lang::Zh,
        }
    }

    /// The run's language's text of two (`Lang::say(format!(…), format!(…))`).
    pub fn say(zh: String, en: String) -> String {
        match Lang::current() {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }

    /// The prefix of an error message on stderr (`错误：`, `error: `).
    pub fn error_prefix() -> &'static str {
        Lang::current().pick("错误：", "error: ")
    }

    /// The text in this language.
    pub fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<OsString> {
        list.iter().map(OsString::from).collect()
    }

    #[test]
    fn the_flag_wins_wherever_it_stands() {
        assert_eq!(Lang::detect(&args(&["gongkai", "validate", "--lang", "en", "x.txt"])), Lang::En);
        assert_eq!(Lang::detect(&args(&["gongkai", "--lang=EN", "rules"])), Lang::En);
        assert_eq!(Lang::detect(&args(&["gongkai", "rules", "--lang", "zh"])), Lang::Zh);
    }

    #[test]
    fn a_locale_naming_english_asks_for_english() {
        assert_eq!(Lang::from_locale(Some("en_US.UTF-8")), Lang::En);
        for other in [Some("zh_CN.UTF-8"), Some("C.UTF-8"), Some("C"), None] {
            assert_eq!(Lang::from_locale(other), Lang::Zh, "{other:?}");
        }
    }
}
