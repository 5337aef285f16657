//! `gongkai plugins [FILE]`: the plugins found, and which would load for a file.

use gongkai_rules::Config;
use gongkai_rules::host;

use super::Outcome;
use crate::cli::PluginsArgs;

/// Lists discovered plugins with their manifest or why they are refused.
pub fn run(args: &PluginsArgs) -> Outcome {
    let config = Config {
        plugin_dirs: args.plugin_dir.iter().map(|p| p.to_string_lossy().into_owned()).collect(),
        ..Config::default()
    };
    let dirs = host::search_dirs(&config);
    println!("插件目录：{}", dirs.iter().map(|d| d.display().to_string()).collect::<Vec<_>>().join("、"));
    let found = host::discover(&config);
    if found.is_empty() {
        println!("未找到插件");
    }
    for (path, manifest) in &found {
        match manifest {
            Ok(m) => {
                let regions: Vec<String> = m.regions.iter().map(|r| r.name.clone()).collect();
                println!(
                    "{}  {} {} ({})  地区：{}  规则 {} 条{}",
                    path.display(),
                    m.id,
                    m.version,
                    m.name,
                    regions.join("、"),
                    m.rules.len(),
                    if m.template.is_some() { "，含公开模板" } else { "" }
                );
            }
            Err(e) => println!("{}  拒绝加载：{e}", path.display()),
        }
    }
    if let Some(file) = &args.file {
        let name = file.to_string_lossy().into_owned();
        match gongkai_import::import_file(&name, &Default::default()) {
            Ok(imported) => {
                let region = &imported.document.meta.region;
                let plugins = host::for_region(&config, region);
                // (A level not named in the document is shown as such, not as `None`.)
                let level = |l: &Option<String>| l.clone().unwrap_or_else(|| "（未写明）".to_owned());
                println!(
                    "{name}：地区 {}/{}/{}，将加载：{}",
                    level(&region.province),
                    level(&region.prefecture),
                    level(&region.county),
                    if plugins.is_empty() {
                        "（无）".to_owned()
                    } else {
                        plugins.iter().map(|p| p.id().to_owned()).collect::<Vec<_>>().join("、")
                    }
                );
            }
            Err(e) => {
                eprintln!("{}{e}", crate::lang::Lang::error_prefix());
                return Outcome::Failure;
            }
        }
    }
    Outcome::Clean
}
