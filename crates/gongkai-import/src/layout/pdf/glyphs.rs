//! The page's text as positioned pieces: one per glyph for CJK text (the
//! extractor gives each glyph's x), one per word for Latin runs (it gives only the
//! run's extent, so word positions inside it are spread evenly by character).
//!
//! Coordinates are the page as displayed, y up: a larger `baseline` is higher on
//! the page. A page is read in the orientation its text reads upright in ([`View`]:
//! normally its `/Rotate`, a landscape page drawn turned on a portrait box); user
//! space is turned into that orientation, so rows and columns are found as on
//! screen. Text turned against the page's own (a stamp, a margin note) is skipped.
//! Widths come from glyph *advances* (the next glyph's x), never from glyph boxes:
//! some producers draw digits with boxes twice their advance (the 重庆 document).

use pdfboss_text::{Point, Rect, Ruling, TextSpan};
use std::borrow::Cow;

/// A piece of text at a position.
#[derive(Clone, Debug, PartialEq)]
pub struct Piece {
    /// The text (never containing tabs or line breaks).
    pub text: String,
    /// Left edge.
    pub x0: f32,
    /// Right edge (after the advance).
    pub x1: f32,
    /// Baseline.
    pub baseline: f32,
    /// Font size.
    pub size: f32,
}

impl Piece {
    /// The horizontal centre.
    pub fn center_x(&self) -> f32 {
        (self.x0 + self.x1) / 2.0
    }

    /// A point inside the text's height: a third of the size above the baseline,
    /// what decides which table band a piece is in.
    pub fn center_y(&self) -> f32 {
        self.baseline + self.size * 0.3
    }
}

/// The orientation a page is read in: the quarter turn (clockwise, as `/Rotate`)
/// under which its text reads upright, and the page box it turns. Unturned, user
/// space is kept as it is; turned, a point goes where the page shows it, in a box
/// from (0, 0) to the displayed width and height.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct View {
    /// 0, 90, 180 or 270.
    pub rotate: i32,
    /// The page box (normalised: `x0 <= x1`, `y0 <= y1`).
    pub page: Rect,
}

impl View {
    /// The view of a page whose text reads upright under `rotate`.
    pub fn new(rotate: i32, page: Rect) -> Self {
        let page = Rect {
            x0: page.x0.min(page.x1),
            y0: page.y0.min(page.y1),
            x1: page.x0.max(page.x1),
            y1: page.y0.max(page.y1),
        };
        View { rotate: rotate.rem_euclid(360), page }
    }

    /// The orientation a page is read in: that of more than half of its glyphs
    /// (horizontal text, counted by character), else the page's own `/Rotate`.
    /// A landscape page on a portrait box turned by `/Rotate 90` draws its text
    /// turned to match: read as displayed. Text turned against the majority (a
    /// stamp, a margin note) is left out by [`pieces`].
    pub fn of_page(spans: &[TextSpan], page_rotate: i32, page: Rect) -> Self {
        let turn_of = |span: &TextSpan| (span.rotate.rem_euclid(360) / 90) as usize % 4;
        let mut upright = spans.iter().filter(|s| !s.vertical);
        // Nearly every page has all its text one way: no need to count.
        if let Some(first) = upright.next().map(turn_of)
            && upright.all(|s| turn_of(s) == first)
        {
            return View::new(first as i32 * 90, page);
        }
        let mut glyphs = [0usize; 4];
        for span in spans.iter().filter(|s| !s.vertical) {
            glyphs[turn_of(span)] += span.text.chars().filter(|c| !c.is_whitespace()).count();
        }
        let total: usize = glyphs.iter().sum();
        let rotate = glyphs.iter().position(|&n| 2 * n > total).map_or(page_rotate, |turn| turn as i32 * 90);
        View::new(rotate, page)
    }

    /// A user-space point as displayed.
    pub fn point(&self, x: f32, y: f32) -> (f32, f32) {
        let Rect { x0, y0, x1, y1 } = self.page;
        match self.rotate {
            90 => (y - y0, x1 - x),
            180 => (x1 - x, y1 - y),
            270 => (y1 - y, x - x0),
            _ => (x, y),
        }
    }

    /// The bottom of the displayed page and its height.
    pub fn vertical_extent(&self) -> (f32, f32) {
        let Rect { x0, y0, x1, y1 } = self.page;
        match self.rotate {
            90 | 270 => (0.0, x1 - x0),
            180 => (0.0, y1 - y0),
            _ => (y0, y1 - y0),
        }
    }

    /// The page's rulings as displayed.
    pub fn rulings(&self, rulings: Vec<Ruling>) -> Vec<Ruling> {
        if self.rotate == 0 {
            return rulings;
        }
        let turn = |p: Point| {
            let (x, y) = self.point(p.x, p.y);
            Point { x, y }
        };
        rulings.into_iter().map(|r| Ruling { start: turn(r.start), end: turn(r.end), ..r }).collect()
    }
}

/// The pieces of a page's spans read in `view`, in drawing order.
pub fn pieces(spans: &[TextSpan], view: &View) -> Vec<Piece> {
    let mut out = Vec::new();
    for span in spans {
        if span.vertical
            || span.rotate.rem_euclid(360) != view.rotate
            || span.size.is_nan()
            || span.size <= 0.0
            || !span.x.is_finite()
            || !span.y.is_finite()
        {
            // Vertical text, or text turned against the page's (a stamp, a
            // rotated margin note), is not part of a disclosure's reading flow.
            continue;
        }
        let chars: Vec<char> = span.text.chars().map(clean_char).collect();
        if chars.is_empty() {
            continue;
        }
        let (x, baseline) = view.point(span.x, span.y);
        let end_x = view.point(span.end_x, span.end_y).0;
        if let Some(starts) = glyph_starts(span, &chars, view, x, end_x) {
            for (k, ch) in chars.iter().enumerate() {
                if ch.is_whitespace() {
                    continue;
                }
                let x0 = starts[k];
                let x1 = starts.get(k + 1).copied().unwrap_or(end_x).max(x0);
                out.push(Piece { text: ch.to_string(), x0, x1, baseline, size: span.size });
            }
        } else {
            let advance = (end_x - x).max(0.0) / chars.len() as f32;
            let mut k = 0;
            while k < chars.len() {
                if chars[k].is_whitespace() {
                    k += 1;
                    continue;
                }
                let start = k;
                while k < chars.len() && !chars[k].is_whitespace() {
                    k += 1;
                }
                out.push(Piece {
                    text: chars[start..k].iter().collect(),
                    x0: x + advance * start as f32,
                    x1: x + advance * k as f32,
                    baseline,
                    size: span.size,
                });
            }
        }
    }
    out
}

/// Where each character's glyph starts along the displayed baseline, when the
/// extractor gives glyph positions (CJK text). It gives them as x in user space:
/// exact for text upright or upside down; for text turned a quarter (whose
/// glyphs advance along y) they are spread over the run by width, a CJK or
/// full-width character taking twice a Latin one's.
fn glyph_starts<'s>(span: &'s TextSpan, chars: &[char], view: &View, x: f32, end_x: f32) -> Option<Cow<'s, [f32]>> {
    if span.glyph_x.len() != chars.len() {
        return None;
    }
    // (Upright, nearly every page: the extractor's positions as they are.)
    Some(match view.rotate {
        0 => Cow::Borrowed(&span.glyph_x[..]),
        180 => span.glyph_x.iter().map(|&g| view.point(g, span.y).0).collect(),
        _ => {
            let weight = |c: &char| if u32::from(*c) >= 0x2E80 { 2.0 } else { 1.0 };
            let total: f32 = chars.iter().map(weight).sum();
            let scale = (end_x - x).max(0.0) / total;
            let mut at = x;
            chars
                .iter()
                .map(|c| {
                    let start = at;
                    at += weight(c) * scale;
                    start
                })
                .collect()
        }
    })
}

/// Control characters (a tab, a soft hyphen drawn as a control) become spaces, so
/// the text we build keeps its own tabs and lines.
fn clean_char(c: char) -> char {
    if c.is_control() { ' ' } else { c }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A span as the extractor gives it: origin, end after the advance, the
    /// quarter turn it reads upright under, glyph x for CJK text.
    fn span(text: &str, origin: (f32, f32), end: (f32, f32), rotate: i32) -> TextSpan {
        let glyph_x: Box<[f32]> = if pdfboss_text::keeps_glyph_x(text) {
            // Glyph starts along the run, as x: constant for text turned a quarter.
            let n = text.chars().count() as f32;
            (0..text.chars().count()).map(|k| origin.0 + (end.0 - origin.0) * k as f32 / n).collect()
        } else {
            Box::default()
        };
        let zero = Rect { x0: 0.0, y0: 0.0, x1: 0.0, y1: 0.0 };
        TextSpan {
            text: text.into(),
            logical: false,
            x: origin.0,
            y: origin.1,
            end_x: end.0,
            end_y: end.1,
            rotate,
            glyph_x,
            size: 10.0,
            font: "F1".into(),
            font_name: String::new(),
            page: 0,
            bbox: zero,
            ascent: 8.8,
            descent: -1.2,
            bold: false,
            italic: false,
            monospace: false,
            serif: false,
            font_family: String::new(),
            font_stretch: None,
            font_weight: None,
            rise: 0.0,
            vertical: false,
            invisible: false,
            color: None,
            underline: false,
            strikethrough: false,
            highlight: false,
            highlight_color: None,
            artifact: None,
            structure: None,
            alt: None,
            lang: None,
            expansion: None,
        }
    }

    const PORTRAIT: Rect = Rect { x0: 0.0, y0: 0.0, x1: 595.0, y1: 842.0 };

    fn shown(pieces: &[Piece]) -> Vec<(String, f32, f32, f32)> {
        pieces.iter().map(|p| (p.text.clone(), p.x0, p.x1, p.baseline)).collect()
    }

    /// A landscape page on a portrait box, `/Rotate 90`: its text runs bottom to
    /// top in user space (`0 1 -1 0 595 0 cm`: landscape (x, y) is drawn at
    /// (595 − y, x)) and is read as displayed, at its landscape position; a stamp
    /// drawn upright in user space is turned against it and left out.
    #[test]
    fn a_page_turned_by_rotate_is_read_as_displayed() {
        let spans = [
            span("部门", (595.0 - 485.0, 330.0), (595.0 - 485.0, 350.0), 90),
            span("100.00", (595.0 - 470.0, 700.0), (595.0 - 470.0, 730.0), 90),
            span("印", (300.0, 400.0), (310.0, 400.0), 0),
        ];
        let view = View::of_page(&spans, 90, PORTRAIT);
        assert_eq!(view.rotate, 90);
        assert_eq!(view.vertical_extent(), (0.0, 595.0));
        assert_eq!(
            shown(&pieces(&spans, &view)),
            [
                ("部".to_owned(), 330.0, 340.0, 485.0),
                ("门".to_owned(), 340.0, 350.0, 485.0),
                ("100.00".to_owned(), 700.0, 730.0, 470.0)
            ]
        );
    }

    /// The page is read as most of its glyphs read: a turned margin note beside
    /// upright text is left out, whatever the page's `/Rotate` says; with no
    /// majority the page's `/Rotate` decides.
    #[test]
    fn the_majority_of_glyphs_decides_and_turned_notes_are_left_out() {
        let spans = [
            span("一般公共预算支出表", (100.0, 700.0), (190.0, 700.0), 0),
            span("附注", (20.0, 100.0), (20.0, 120.0), 90),
        ];
        for page_rotate in [0, 90] {
            let view = View::of_page(&spans, page_rotate, PORTRAIT);
            assert_eq!(view.rotate, 0);
            let text: String = pieces(&spans, &view).iter().map(|p| p.text.as_str()).collect();
            assert_eq!(text, "一般公共预算支出表");
        }
        let even = [span("部门", (100.0, 700.0), (120.0, 700.0), 0), span("附注", (20.0, 100.0), (20.0, 120.0), 90)];
        assert_eq!(View::of_page(&even, 90, PORTRAIT).rotate, 90);
        assert_eq!(View::of_page(&[], 270, PORTRAIT).rotate, 270);
    }

    /// Under every quarter turn, the direction the text runs in is displayed
    /// left to right, the glyphs' up direction is up, and the page box lands at
    /// (0, 0) (upright pages keep user space as it is).
    #[test]
    fn each_quarter_turn_shows_its_text_upright() {
        let runs = [(0, (1.0, 0.0), (0.0, 1.0)), (90, (0.0, 1.0), (-1.0, 0.0)), (180, (-1.0, 0.0), (0.0, -1.0))];
        let runs = runs.into_iter().chain([(270, (0.0, -1.0), (1.0, 0.0))]);
        for (rotate, along, up) in runs {
            let view = View::new(rotate, PORTRAIT);
            let at = view.point(200.0, 300.0);
            let step = |d: (f32, f32)| {
                let to = view.point(200.0 + d.0, 300.0 + d.1);
                (to.0 - at.0, to.1 - at.1)
            };
            assert_eq!(step(along), (1.0, 0.0), "{rotate}");
            assert_eq!(step(up), (0.0, 1.0), "{rotate}");
            let corners = [(0.0, 0.0), (595.0, 0.0), (0.0, 842.0), (595.0, 842.0)].map(|(x, y)| view.point(x, y));
            let bottom = corners.iter().map(|c| c.1).fold(f32::INFINITY, f32::min);
            let top = corners.iter().map(|c| c.1).fold(f32::NEG_INFINITY, f32::max);
            let left = corners.iter().map(|c| c.0).fold(f32::INFINITY, f32::min);
            assert_eq!((left, bottom), (0.0, 0.0), "{rotate}");
            assert_eq!(view.vertical_extent(), (bottom, top - bottom), "{rotate}");
        }
    }

    /// Glyphs turned a quarter have no x of their own: they are spread over the
    /// run by width (`2026` half as wide as `年`); upside-down glyphs keep theirs.
    #[test]
    fn glyphs_of_turned_text_are_placed_along_the_run() {
        let turned = [span("2026年", (100.0, 200.0), (100.0, 230.0), 90)];
        let view = View::new(90, PORTRAIT);
        let starts: Vec<(String, f32, f32)> =
            pieces(&turned, &view).into_iter().map(|p| (p.text, p.x0, p.x1)).collect();
        let expected = [("2", 200.0, 205.0), ("0", 205.0, 210.0), ("2", 210.0, 215.0), ("6", 215.0, 220.0)];
        let mut expected: Vec<(String, f32, f32)> =
            expected.iter().map(|(t, a, b)| ((*t).to_owned(), *a, *b)).collect();
        expected.push(("年".to_owned(), 220.0, 230.0));
        assert_eq!(starts, expected);

        let upside_down = [span("部门", (400.0, 500.0), (380.0, 500.0), 180)];
        let view = View::new(180, PORTRAIT);
        assert_eq!(
            shown(&pieces(&upside_down, &view)),
            [("部".to_owned(), 195.0, 205.0, 342.0), ("门".to_owned(), 205.0, 215.0, 342.0)]
        );
    }

    /// Rulings are turned with the text, so grids are found as displayed.
    #[test]
    fn rulings_turn_with_the_page() {
        let ruling =
            |(x0, y0), (x1, y1)| Ruling { start: Point { x: x0, y: y0 }, end: Point { x: x1, y: y1 }, width: 0.5 };
        // Drawn along user y (a horizontal on the landscape page).
        let turned = View::new(90, PORTRAIT).rulings(vec![ruling((125.0, 20.0), (125.0, 820.0))]);
        assert_eq!(turned, [ruling((20.0, 470.0), (820.0, 470.0))]);
        let kept = vec![ruling((1.0, 2.0), (3.0, 2.0))];
        assert_eq!(View::new(0, PORTRAIT).rulings(kept.clone()), kept);
    }
}
