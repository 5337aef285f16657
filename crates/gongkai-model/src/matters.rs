//! 其他重要事项: agency operating costs, procurement, state assets, performance
//! overview. Each figure keeps where it was printed.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::{Change, Provenance, Quantity, TextRef};

/// A printed figure and where it stands.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Figure {
    /// The value with its unit.
    pub value: Quantity,
    /// Where it is printed.
    pub source: Provenance,
}

/// 机关运行经费 (单位运行经费).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OperatingCost {
    /// The amount.
    pub amount: Figure,
    /// The stated change against last year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub change: Option<Change>,
}

/// A kind of purchase: the three branches of the national procurement
/// catalogue (政府采购品目分类目录), A 货物, B 工程, C 服务.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PurchaseKind {
    /// 货物 (A).
    Goods,
    /// 工程 (B).
    Works,
    /// 服务 (C).
    Services,
}

impl PurchaseKind {
    /// The three kinds, in the catalogue's order.
    pub const ALL: [PurchaseKind; 3] = [PurchaseKind::Goods, PurchaseKind::Works, PurchaseKind::Services];

    /// The word (`货物`).
    pub fn word(self) -> &'static str {
        match self {
            PurchaseKind::Goods => "货物",
            PurchaseKind::Works => "工程",
            PurchaseKind::Services => "服务",
        }
    }

    /// The catalogue's letter (`A`).
    pub fn letter(self) -> char {
        match self {
            PurchaseKind::Goods => 'A',
            PurchaseKind::Works => 'B',
            PurchaseKind::Services => 'C',
        }
    }

    /// The kind of an item whose 采购目录 a label prints by its catalogue code
    /// (`A02010104台式计算机`, `C0201软件开发服务`): the one word of the label
    /// that is a catalogue letter followed by at least two digits. `None`
    /// where no word or more than one is.
    pub fn of_catalogue_item(label: &str) -> Option<PurchaseKind> {
        let mut kinds = label.split_whitespace().filter_map(|word| {
            let first = word.chars().next()?;
            let kind = PurchaseKind::ALL.into_iter().find(|k| k.letter() == first)?;
            let digits = word[1..].chars().take_while(char::is_ascii_digit).count();
            (digits >= 2).then_some(kind)
        });
        let kind = kinds.next()?;
        kinds.next().is_none().then_some(kind)
    }

    /// The kind a procurement subject names: its word next to 采购
    /// (`政府采购货物预算`, `拟采购服务支出`, `货物类采购预算`, `工程采购`), never a
    /// word inside a name (`某服务中心政府采购预算总额` is the whole). `None`
    /// when it names none, or more than one.
    pub fn named_in(label: &str) -> Option<PurchaseKind> {
        match PurchaseKind::all_named_in(label).as_slice() {
            [kind] => Some(*kind),
            _ => None,
        }
    }

    /// Every kind a subject names next to 采购 (see [`PurchaseKind::named_in`]).
    pub fn all_named_in(label: &str) -> Vec<PurchaseKind> {
        let names = |k: &PurchaseKind| {
            let w = k.word();
            [format!("采购{w}"), format!("{w}采购"), format!("{w}类")].iter().any(|f| label.contains(f.as_str()))
        };
        PurchaseKind::ALL.into_iter().filter(names).collect()
    }
}

/// 政府采购情况.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Procurement {
    /// 采购预算 total.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total: Option<Figure>,
    /// 货物.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub goods: Option<Figure>,
    /// 工程.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub works: Option<Figure>,
    /// 服务.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub services: Option<Figure>,
    /// 面向中小企业预留.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sme_reserved: Option<Figure>,
    /// 其中小微企业预留.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub small_micro_reserved: Option<Figure>,
}

/// One asset line: a count or area and a value (`车辆2辆，价值33.72万元`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AssetLine {
    /// The asset as named (房屋, 车辆, 一般公务用车, 办公家具, 其他资产 …).
    pub name: String,
    /// Count or area, when printed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quantity: Option<Figure>,
    /// Value, when printed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<Figure>,
    /// For a breakdown line (`其中：一般公务用车0辆`): the name of the line it belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part_of: Option<String>,
}

/// 国有资产占用使用情况.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Assets {
    /// The date the figures refer to (`截至2023年底`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<String>,
    /// The asset lines in printed order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lines: Vec<AssetLine>,
    /// Large equipment: count of devices worth ≥ 50万元.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub equipment_over_500k: Option<Figure>,
    /// Large equipment: count of devices worth ≥ 100万元.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub equipment_over_1m: Option<Figure>,
    /// Statements about planned purchases, verbatim.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub plans: Vec<TextRef>,
}

/// The performance overview paragraph (`整体预算绩效目标1个。涉及金额…`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PerformanceOverview {
    /// Number of overall (unit-level) targets.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub overall_targets: Option<Figure>,
    /// The amount they cover.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub overall_amount: Option<Figure>,
    /// Number of fiscal-allocation projects with targets.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fiscal_projects: Option<Figure>,
    /// Their amount.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fiscal_projects_amount: Option<Figure>,
    /// Number of non-fiscal projects.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub non_fiscal_projects: Option<Figure>,
    /// Their amount.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub non_fiscal_projects_amount: Option<Figure>,
}

/// 其他重要事项.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OtherMatters {
    /// 机关运行经费.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub operating_cost: Option<OperatingCost>,
    /// 政府采购.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub procurement: Option<Procurement>,
    /// 国有资产占用.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assets: Option<Assets>,
    /// 预算绩效 overview.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub performance: Option<PerformanceOverview>,
}

#[cfg(test)]
mod tests {
    use super::PurchaseKind;

    #[test]
    fn a_kind_is_named_next_to_its_purchase() {
        assert_eq!(PurchaseKind::named_in("政府采购货物预算"), Some(PurchaseKind::Goods));
        assert_eq!(PurchaseKind::named_in("拟采购服务支出"), Some(PurchaseKind::Services));
        assert_eq!(PurchaseKind::named_in("工程类采购预算"), Some(PurchaseKind::Works));
        assert_eq!(PurchaseKind::named_in("某服务中心政府采购预算总额"), None);
        assert_eq!(PurchaseKind::named_in("某服务中心采购预算"), None);
        assert_eq!(PurchaseKind::named_in("政府采购货物和政府采购服务"), None, "two kinds are none");
    }

    #[test]
    fn an_item_is_of_the_kind_its_catalogue_code_begins_with() {
        let of = PurchaseKind::of_catalogue_item;
        assert_eq!(of("201 08 01 办公设备购置 A02010104台式计算机 30 310 02"), Some(PurchaseKind::Goods));
        assert_eq!(of("某工作 C0201软件开发服务 软件接口开发 4"), Some(PurchaseKind::Services));
        assert_eq!(of("房屋修缮 B08修缮工程 1"), Some(PurchaseKind::Works));
        assert_eq!(of("日常公用经费 A4纸 1"), None, "one digit is no code");
        assert_eq!(of("某中心 201 08 01"), None);
        assert_eq!(of("A0201 计算机 C0201 软件"), None, "two codes are none");
    }
}
