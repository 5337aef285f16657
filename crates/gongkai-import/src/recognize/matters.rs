//! 其他重要事项 from the claims of their sections: operating costs, procurement,
//! assets and the performance overview keep their figures in named fields.

use gongkai_model::{
    AssetLine, Assets, Claim, Figure, OperatingCost, OtherMatters, PerformanceOverview, Procurement, PurchaseKind,
    Quantity, SectionKind, Unit,
};

fn figure(claim: &Claim) -> Option<Figure> {
    Some(Figure { value: claim.amount?, source: claim.amount_at.clone().unwrap_or_else(|| claim.source.clone()) })
}

/// Fills the named fields from the claims of the other-matters sections.
pub fn absorb(matters: &mut OtherMatters, claims: &[Claim]) {
    for claim in claims {
        let label = claim.subject.label.as_str();
        match claim.section {
            SectionKind::AgencyOperating if matters.operating_cost.is_none() && claim.amount.is_some() => {
                if let Some(amount) = figure(claim) {
                    matters.operating_cost = Some(OperatingCost { amount, change: claim.change.clone() });
                }
            }
            SectionKind::Procurement => {
                let p = matters.procurement.get_or_insert_with(Procurement::default);
                let slot = if label.contains("小微") {
                    &mut p.small_micro_reserved
                } else if label.contains("中小企业") {
                    &mut p.sme_reserved
                } else if let Some(kind) = PurchaseKind::named_in(label) {
                    match kind {
                        PurchaseKind::Goods => &mut p.goods,
                        PurchaseKind::Works => &mut p.works,
                        PurchaseKind::Services => &mut p.services,
                    }
                } else if label.contains("采购") {
                    &mut p.total
                } else {
                    continue;
                };
                if slot.is_none() {
                    *slot = figure(claim);
                }
            }
            SectionKind::Assets => {
                let assets = matters.assets.get_or_insert_with(Assets::default);
                let Some(amount) = claim.amount else { continue };
                let fig = figure(claim);
                if amount.unit == Unit::Device {
                    if label.contains("100万") {
                        assets
                            .equipment_over_1m
                            .get_or_insert(fig.clone().unwrap_or_else(|| unreachable_figure(amount)));
                    } else if label.contains("50万") {
                        assets
                            .equipment_over_500k
                            .get_or_insert(fig.clone().unwrap_or_else(|| unreachable_figure(amount)));
                    }
                    continue;
                }
                let is_value = amount.unit.is_money();
                let name = label.trim_end_matches("价值").trim_start_matches("其中").trim_start_matches(['：', ':']);
                let existing =
                    assets.lines.iter_mut().rev().find(|l| l.name == name && (is_value && l.value.is_none()));
                match existing {
                    Some(line) => line.value = fig,
                    None => assets.lines.push(AssetLine {
                        name: name.to_owned(),
                        quantity: if is_value { None } else { fig.clone() },
                        value: if is_value { fig } else { None },
                        part_of: None,
                    }),
                }
            }
            SectionKind::Performance => {
                let p = matters.performance.get_or_insert_with(PerformanceOverview::default);
                let Some(amount) = claim.amount else { continue };
                let money = amount.unit.is_money();
                let slot = match (label, money) {
                    (l, false) if l.contains("整体") => &mut p.overall_targets,
                    (l, false) if l.contains("非财政") => &mut p.non_fiscal_projects,
                    (l, false) if l.contains("财政拨款项目") || l.contains("项目") => &mut p.fiscal_projects,
                    (_, true) if p.non_fiscal_projects.is_some() => &mut p.non_fiscal_projects_amount,
                    (_, true) if p.fiscal_projects.is_some() => &mut p.fiscal_projects_amount,
                    (_, true) => &mut p.overall_amount,
                    _ => continue,
                };
                if slot.is_none() {
                    *slot = figure(claim);
                }
            }
            _ => {}
        }
    }
}

fn unreachable_figure(amount: Quantity) -> Figure {
    Figure { value: amount, source: Default::default() }
}
