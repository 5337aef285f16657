//! Units of printed quantities.

use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::Number;

/// The unit a figure is printed in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// 万元 (10,000 yuan): the usual unit of disclosure tables and text.
    WanYuan,
    /// 元: some provinces print tables in yuan.
    Yuan,
    /// A percentage, printed with `%`.
    Percent,
    /// 平方米.
    SquareMetre,
    /// A count of people (人).
    Person,
    /// A count of vehicles (辆).
    Vehicle,
    /// A count of devices (台).
    Device,
    /// A count of items, projects, offices (个, 项, 次 …).
    Count,
}

impl Unit {
    /// The unit as printed.
    pub fn name_zh(self) -> &'static str {
        match self {
            Unit::WanYuan => "万元",
            Unit::Yuan => "元",
            Unit::Percent => "%",
            Unit::SquareMetre => "平方米",
            Unit::Person => "人",
            Unit::Vehicle => "辆",
            Unit::Device => "台",
            Unit::Count => "个",
        }
    }

    /// Whether this is a money unit.
    pub fn is_money(self) -> bool {
        matches!(self, Unit::WanYuan | Unit::Yuan)
    }
}

/// A printed figure with its unit, e.g. `1,008.93万元` or `99.82%`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Quantity {
    /// The value as printed (scale kept).
    pub value: Number,
    /// Its unit.
    pub unit: Unit,
}

impl Quantity {
    /// A quantity.
    pub fn new(value: Number, unit: Unit) -> Quantity {
        Quantity { value, unit }
    }

    /// The value converted to 万元 exactly (a 元 figure is divided by 10,000; the
    /// printed scale grows by 4 so the rounding interval stays right). `None` for
    /// non-money units.
    pub fn in_wan_yuan(self) -> Option<Number> {
        match self.unit {
            Unit::WanYuan => Some(self.value),
            Unit::Yuan => {
                // Shift the decimal point instead of dividing, so trailing zeros
                // (and with them the printed precision) are kept.
                let mut value: Decimal = self.value.0;
                value.set_scale(value.scale() + 4).ok()?;
                Some(Number(value))
            }
            _ => None,
        }
    }
}
