//! `--name value` options shared by the corpus subcommands.

/// The value after `--name`, parsed; `default` when absent.
pub fn option<T: std::str::FromStr>(args: &[String], name: &str, default: T) -> Result<T, String> {
    match args.iter().position(|a| a == name) {
        None => Ok(default),
        Some(i) => args
            .get(i + 1)
            .ok_or_else(|| format!("{name} needs a value"))?
            .parse()
            .map_err(|_| format!("{name}: not a valid value: {}", args[i + 1])),
    }
}
