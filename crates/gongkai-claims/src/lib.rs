//! Numeric claims of a budget disclosure's explanation text (情况说明).
//!
//! The explanation part of a disclosure restates the tables in prose:
//! `一般公共预算1,008.93万元，占99.82%，比上年预算增加128.95万元，增长14.65%，主要原因是…`.
//! Each such statement is a *claim* the rules check against the tables (DOMAIN.md §4).
//! [`parse_paragraph`] reads one paragraph and returns its claims with the character
//! span of every figure, so that a finding can point at the exact printed number.
//!
//! ```
//! use gongkai_claims::{parse_paragraph, span_text};
//! use gongkai_model::{ClaimKind, Direction};
//!
//! let p = "基本支出927.93万元，占91.81%，比上年预算增加414.95万元，增长80.89%，主要原因是人员增加。";
//! let claims = parse_paragraph(p);
//! assert_eq!(claims.len(), 1);
//! let c = &claims[0];
//! assert_eq!((c.kind, c.subject.label.as_str()), (ClaimKind::Amount, "基本支出"));
//! assert_eq!(span_text(p, &c.amount.as_ref().unwrap().span), "927.93万元");
//! let change = c.change.as_ref().unwrap();
//! assert_eq!(change.direction.as_ref().unwrap().value, Direction::Up);
//! assert_eq!(change.rate.as_ref().unwrap().value.value.to_string(), "80.89");
//! ```
//!
//! What is read (the rules are documented in the private modules `clause`, `subject`
//! and `quantity`):
//! * amounts with share and change, totals (`收入预算1,010.70万元，其中：`);
//! * per-code paragraphs (`…(类)…(款)…(项)：2024年预算数为3.68万元…`, [`ClaimKind::CodeParagraph`]);
//! * structure lines (`社会保障和就业支出（类）933.03万元，占92.34%`, [`ClaimKind::StructureShare`]);
//! * compositions (`人员经费905.30万元，主要包括：基本工资、…`, [`ClaimKind::Composition`]),
//!   also without an amount (`收入预算包括：一般公共预算、单位资金等。`);
//! * change-only claims (`其中：因公出国（境）费增加0.00万元，增长0.00%`) and `持平`;
//! * assets and counts: `房屋93.44平方米，价值15.00万元` gives two claims, `房屋` (平方米)
//!   and `房屋价值` (万元): a property word (价值, 涉及金额 …) is prefixed with the
//!   item it belongs to.
//!
//! Never read as figures: numbers without a unit (years, dates, list markers, 文号,
//! `10名`), thresholds (`50万元以上`), targets (`>=80%`, `达到12次`), rates per unit
//! (`120元/月/人`) and 亿元 amounts ([`parse_quantity`] explains why).
//!
//! Offsets are character offsets (not bytes) into the paragraph as given;
//! full-width characters are folded one to one for matching, so they stay valid.

mod clause;
mod code_paragraph;
mod composition;
mod direction;
mod quantity;
mod subject;
mod text;

use std::ops::Range;

use gongkai_model::{Change, Claim, ClaimKind, ClaimSubject, Direction, Provenance, Quantity, SectionKind};
use serde::Serialize;

pub use quantity::parse_quantity;

/// A value with the character span where it is printed in the paragraph.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Spanned<T> {
    /// The value.
    pub value: T,
    /// Character offsets of the printed text (for a figure: sign, number and unit).
    pub span: Range<usize>,
}

/// A year-on-year change as printed: `比上年预算增加128.95万元，增长14.65%`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ParsedChange {
    /// The direction word of the amount (增加/减少), or 持平 for no change (then
    /// without amount; the rate stays empty too unless printed).
    pub direction: Option<Spanned<Direction>>,
    /// The change amount (printed positive; the direction gives the sign).
    pub amount: Option<Spanned<Quantity>>,
    /// The direction word of the rate (增长/下降).
    pub rate_direction: Option<Spanned<Direction>>,
    /// The rate (`14.65%`).
    pub rate: Option<Spanned<Quantity>>,
    /// The figure compared with, when printed (`比2025年年初预算数B万元减少…`).
    pub prior: Option<Spanned<Quantity>>,
    /// The change clause, from the comparative (`比上年…`) or the first direction
    /// word to the last figure.
    pub span: Range<usize>,
}

impl ParsedChange {
    fn starting_at(start: usize) -> ParsedChange {
        ParsedChange {
            direction: None,
            amount: None,
            rate_direction: None,
            rate: None,
            prior: None,
            span: start..start,
        }
    }

    /// The model's [`Change`], with `locate` turning a span into a [`Provenance`].
    pub fn to_change(&self, locate: &dyn Fn(Range<usize>) -> Provenance) -> Change {
        Change {
            direction: self.direction.as_ref().map(|d| d.value),
            amount: self.amount.as_ref().map(|a| a.value),
            amount_at: self.amount.as_ref().map(|a| locate(a.span.clone())),
            rate_direction: self.rate_direction.as_ref().map(|d| d.value),
            rate: self.rate.as_ref().map(|r| r.value),
            rate_at: self.rate.as_ref().map(|r| locate(r.span.clone())),
            prior: self.prior.as_ref().map(|p| p.value),
            prior_at: self.prior.as_ref().map(|p| locate(p.span.clone())),
            source: locate(self.span.clone()),
        }
    }
}

/// One numeric claim of a paragraph.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ParsedClaim {
    /// What kind of statement.
    pub kind: ClaimKind,
    /// What it talks about. `label` is the budget term (unit name, year, numbering
    /// and verbs removed; “三公” quotes normalised); `names` the level names of
    /// per-code and structure lines; `code` is never filled here.
    pub subject: ClaimSubject,
    /// The amount (`1,008.93万元`, `93.44平方米`, `2辆`).
    pub amount: Option<Spanned<Quantity>>,
    /// The share (`占99.82%`).
    pub share: Option<Spanned<Quantity>>,
    /// The whole the share is of, when named (`占授予中小企业合同金额的55.78%`).
    pub share_of: Option<String>,
    /// The year-on-year change.
    pub change: Option<ParsedChange>,
    /// For compositions: the items listed, `等` removed.
    pub items: Vec<String>,
    /// Character offsets of the claim's clause: from its subject to its last figure or item.
    pub span: Range<usize>,
}

impl ParsedClaim {
    /// The model's [`Claim`] for a claim of `paragraph` in a section of kind
    /// `section`, with `locate` turning a character span of the paragraph into a
    /// [`Provenance`] (the caller knows where the paragraph stands).
    pub fn to_claim(
        &self,
        section: SectionKind,
        paragraph: &str,
        locate: &dyn Fn(Range<usize>) -> Provenance,
    ) -> Claim {
        Claim {
            kind: self.kind,
            section,
            subject: self.subject.clone(),
            amount: self.amount.as_ref().map(|a| a.value),
            amount_at: self.amount.as_ref().map(|a| locate(a.span.clone())),
            share: self.share.as_ref().map(|s| s.value),
            share_at: self.share.as_ref().map(|s| locate(s.span.clone())),
            share_of: self.share_of.clone(),
            change: self.change.as_ref().map(|c| c.to_change(locate)),
            items: self.items.clone(),
            text: span_text(paragraph, &self.span),
            source: locate(self.span.clone()),
        }
    }
}

/// Parses the numeric claims of one paragraph of explanation text. Never panics;
/// runs in time linear in the paragraph length.
pub fn parse_paragraph(text: &str) -> Vec<ParsedClaim> {
    clause::parse(text)
}

/// Whether a paragraph is only a numbered title — the title of the figures that
/// follow in the next paragraph: a chain of 类/款/项 names however long
/// (`2.一般公共服务（类）信访事务（款）一般行政管理事务（项）。` on a line of its
/// own), or a short phrase naming an item (`2．公务用车购置费支出情况说明。`,
/// before `…预算136.48万元，支出决算136.48万元`). A title states no figure.
pub fn is_title(paragraph: &str) -> bool {
    let trimmed = paragraph.trim().trim_end_matches(['。', '：', ':']);
    if trimmed.is_empty() || trimmed.chars().count() > 200 {
        return false;
    }
    let text = text::Text::new(trimmed);
    let all = 0..text.len();
    let Some(start) = subject::numbering_end(&text, all.clone()) else { return false };
    // No figure after the numbering: a title states none.
    if trimmed.chars().skip(start).any(|c| c.is_ascii_digit()) {
        return false;
    }
    if code_paragraph::split_level_names(&text, start..text.len()).is_some_and(|s| s.rest_start >= text.len()) {
        return true;
    }
    clause::is_short_title(&text, all)
}

/// The characters `span` of `paragraph` (out-of-range parts are ignored).
pub fn span_text(paragraph: &str, span: &Range<usize>) -> String {
    paragraph.chars().skip(span.start).take(span.end.saturating_sub(span.start)).collect()
}
