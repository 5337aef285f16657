//! Shared by F101 and F102: the majority number of decimals of a set of figures,
//! and the findings for the figures printed otherwise.

use std::collections::BTreeMap;

use gongkai_model::{Location, Number};

use crate::{Context, Findings};

/// The number of decimals most figures are printed with (ties: the larger
/// number of decimals); `None` without figures.
pub fn majority(decimals: impl IntoIterator<Item = u32>) -> Option<(u32, usize)> {
    let mut counts: BTreeMap<u32, usize> = BTreeMap::new();
    for d in decimals {
        *counts.entry(d).or_default() += 1;
    }
    counts.into_iter().max_by_key(|(d, n)| (*n, *d))
}

/// A printed figure: its value, where it stands and how to name it in a message.
pub type Figure = (Number, Location, String);

/// Reports every figure printed with another number of decimals than the
/// majority. `kind` names the figures in the message (`金额`, `百分比`) and
/// `unit` is printed after each value (` 万元`, `%`).
pub fn report_outliers(ctx: &Context<'_>, out: &mut Findings, figures: Vec<Figure>, kind: &str, unit: &str) {
    let Some((usual, count)) = majority(figures.iter().map(|(n, _, _)| n.decimals())) else { return };
    for (value, at, what) in figures {
        if value.decimals() == usual {
            continue;
        }
        let message = format!(
            "{what}写作 {value}{unit}，保留 {} 位小数；文中多数{kind}（{count} 处）保留 {usual} 位小数",
            value.decimals()
        );
        let mut finding = ctx.finding(message, None, vec![at]);
        finding.expected = Some(format!("{usual} 位小数"));
        finding.actual = Some(format!("{value}{}", unit.trim_start()));
        out.push(finding);
    }
}
