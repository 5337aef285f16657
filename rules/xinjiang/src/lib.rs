//! The Xinjiang Uygur Autonomous Region (新疆维吾尔自治区) rule plugin.
//!
//! It carries the region's budget-disclosure template as the 2024 documents
//! follow it (11 numbered tables, the explanation sections 一 … 十二 and a
//! 名词解释), the title aliases under which those tables also appear, and the
//! rules that follow from the template and from the region's performance-target
//! tables (整体绩效目标申报表, 项目支出绩效目标表). Rule ids start with `XJ`.
//!
//! Built as a `cdylib` the host loads (`libgongkai_plugin_xinjiang.so`); see
//! `docs/plugins.md`.

pub mod regions;
pub mod rules;
pub mod template;

use gongkai_plugin::Plugin;

/// The plugin: id `xinjiang`.
pub fn plugin() -> Plugin {
    Plugin {
        id: "xinjiang",
        name: "新疆维吾尔自治区部门预算公开规则",
        version: env!("CARGO_PKG_VERSION"),
        regions: regions::regions(),
        template: Some(template::template()),
        rules: rules::all(),
    }
}

gongkai_plugin::export_plugin!(plugin);
