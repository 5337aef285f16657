//! The 昌吉回族自治州 (Changji) rule plugin: local rules layered on top of the
//! Xinjiang plugin's. It defines no template of its own (the province's applies)
//! and applies to the prefecture and its seven county-level divisions, Qitai
//! (奇台县) among them. Rule ids start with `CJ`.

mod project_match;

use gongkai_plugin::{Plugin, RegionSpec};

pub use project_match::PROJECT_TARGET_MATCH;

/// The prefecture.
pub const PREFECTURE: &str = "昌吉回族自治州";

/// Its county-level divisions.
pub const COUNTIES: [&str; 7] =
    ["昌吉市", "阜康市", "呼图壁县", "玛纳斯县", "奇台县", "吉木萨尔县", "木垒哈萨克自治县"];

/// The plugin: id `changji`.
pub fn plugin() -> Plugin {
    let mut regions = vec![RegionSpec::prefecture(PREFECTURE), RegionSpec::prefecture("昌吉州")];
    regions.extend(COUNTIES.iter().map(|c| RegionSpec::county(c)));
    Plugin {
        id: "changji",
        name: "昌吉回族自治州部门预算公开规则",
        version: env!("CARGO_PKG_VERSION"),
        regions,
        template: None,
        rules: vec![&PROJECT_TARGET_MATCH],
    }
}

gongkai_plugin::export_plugin!(plugin);
