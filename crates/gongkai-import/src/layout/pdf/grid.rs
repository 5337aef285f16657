//! Ruled tables: the drawn lines of a page turned into table grids, and the
//! pieces inside a grid into rows of cells.
//!
//! Every table in the corpus is drawn with rulings, so cells are decided by the
//! lines the producer drew, not by guessing from gaps: a table is a group of
//! vertical rulings whose heights overlap; its rows are the bands between its
//! horizontal rulings; its columns are the distinct x positions of its verticals.
//! A cell merged across columns (a header group) has no vertical inside it in its
//! band, so its text lands in the first column it spans — the convention the
//! recognizer reads from workbooks too. Text in a band that holds several
//! printed lines with amounts (a table ruled only between groups) is split into
//! one row per line of amounts.

use super::glyphs::Piece;
use pdfboss_text::Ruling;

/// How close two coordinates are to count as the same ruling position (points).
const SNAP: f32 = 2.0;

/// A ruled table on a page.
#[derive(Clone, Debug)]
pub struct Grid {
    /// Top (largest y) and bottom of the ruled area.
    pub top: f32,
    pub bottom: f32,
    /// Left and right extent of the rulings.
    pub left: f32,
    pub right: f32,
    /// Horizontal rulings that cross the whole table, top to bottom (including
    /// the outer borders): they separate rows.
    levels: Vec<f32>,
    /// Horizontal rulings under only some columns (under a header group such as
    /// `本年收入` over its sources): y, left, right. They split a row only where
    /// they are drawn.
    partial: Vec<(f32, f32, f32)>,
    /// The distinct x positions of the verticals, left to right.
    columns: Vec<f32>,
    /// The verticals: x, lower y, upper y.
    verticals: Vec<(f32, f32, f32)>,
}

/// A row of a grid.
#[derive(Clone, Debug, PartialEq)]
pub struct GridRow {
    /// One text per column.
    pub cells: Vec<String>,
    /// No vertical crosses the row: a title or note drawn inside the frame, read
    /// as a line of text rather than a row of cells.
    pub spanning: bool,
}

impl GridRow {
    /// The row's text as one line: cells joined by tabs, or the spanning text.
    pub fn line(&self) -> String {
        if self.spanning {
            self.cells.iter().filter(|c| !c.is_empty()).cloned().collect::<Vec<_>>().join(" ")
        } else {
            self.cells.join("\t")
        }
    }
}

/// A table's rows with the left edge of each of its columns (for re-aligning a
/// continuation drawn with fewer columns on the next page).
#[derive(Clone, Debug, PartialEq)]
pub struct TableRows {
    pub rows: Vec<GridRow>,
    pub lefts: Vec<f32>,
}

impl TableRows {
    /// The rows re-aligned to another table's columns: each cell goes to the
    /// column of `lefts` that starts at or before its own left edge.
    pub fn aligned_to(&self, lefts: &[f32]) -> Vec<GridRow> {
        if lefts.is_empty() || self.lefts.as_slice() == lefts {
            return self.rows.clone();
        }
        self.rows
            .iter()
            .map(|row| {
                if row.spanning {
                    return row.clone();
                }
                let mut cells = vec![String::new(); lefts.len()];
                for (cell, left) in row.cells.iter().zip(&self.lefts) {
                    if cell.is_empty() {
                        continue;
                    }
                    let target = lefts.iter().rposition(|l| *l <= left + SNAP).unwrap_or(0);
                    if !cells[target].is_empty() {
                        cells[target].push(' ');
                    }
                    cells[target].push_str(cell);
                }
                GridRow { cells, spanning: false }
            })
            .collect()
    }
}

/// Segments of a page's rulings that make tables.
pub fn grids(rulings: &[Ruling]) -> Vec<Grid> {
    let mut verticals: Vec<(f32, f32, f32)> = Vec::new();
    let mut horizontals: Vec<(f32, f32, f32)> = Vec::new();
    for r in rulings {
        let (dx, dy) = ((r.end.x - r.start.x).abs(), (r.end.y - r.start.y).abs());
        if dx < 0.5 && dy >= 4.0 {
            verticals.push((r.start.x, r.start.y.min(r.end.y), r.start.y.max(r.end.y)));
        } else if dy < 0.5 && dx >= 4.0 {
            horizontals.push((r.start.y, r.start.x.min(r.end.x), r.start.x.max(r.end.x)));
        }
    }
    // Group verticals whose vertical extents overlap (or nearly touch: tables drawn
    // cell by cell leave hairline gaps between a row's segments and the next's).
    verticals.sort_by(|a, b| a.1.total_cmp(&b.1));
    let mut groups: Vec<Vec<(f32, f32, f32)>> = Vec::new();
    let mut group_top = f32::NEG_INFINITY;
    for v in verticals {
        if groups.is_empty() || v.1 > group_top + 3.0 {
            groups.push(Vec::new());
            group_top = v.2;
        } else {
            group_top = group_top.max(v.2);
        }
        groups.last_mut().expect("pushed above").push(v);
    }
    groups
        .into_iter()
        .filter_map(|group| {
            let bottom = group.iter().map(|v| v.1).fold(f32::INFINITY, f32::min);
            let top = group.iter().map(|v| v.2).fold(f32::NEG_INFINITY, f32::max);
            let mut columns = snap(group.iter().map(|v| v.0).collect());
            // A single vertical is a rule beside text (a margin bar), not a table.
            if columns.len() < 2 && !horizontals.iter().any(|h| within(h.0, bottom, top)) {
                return None;
            }
            let mut left = columns.first().copied().unwrap_or(0.0);
            let mut right = columns.last().copied().unwrap_or(0.0);
            let inside: Vec<(f32, f32, f32)> = horizontals
                .iter()
                .copied()
                .filter(|h| within(h.0, bottom - SNAP, top + SNAP) && h.2 > left - SNAP && h.1 < right + SNAP)
                .collect();
            for h in &inside {
                left = left.min(h.1);
                right = right.max(h.2);
            }
            // A position's extent is the union of its segments (tables drawn cell by
            // cell draw a row's border in pieces).
            let mut extents: Vec<(f32, f32, f32, f32)> = Vec::new();
            for y in snap(inside.iter().map(|h| h.0).collect()) {
                let (mut x0, mut covered) = (f32::INFINITY, 0.0f32);
                let mut x1 = f32::NEG_INFINITY;
                for h in inside.iter().filter(|h| (h.0 - y).abs() < SNAP) {
                    x0 = x0.min(h.1);
                    x1 = x1.max(h.2);
                    covered += h.2 - h.1;
                }
                extents.push((y, x0, x1, covered));
            }
            let width = (right - left).max(1.0);
            let mut levels = vec![top, bottom];
            let mut partial = Vec::new();
            for (y, x0, x1, covered) in extents {
                if (x1 - x0) >= 0.9 * width && covered >= 0.9 * width {
                    levels.push(y);
                } else {
                    partial.push((y, x0, x1));
                }
            }
            let mut levels = snap(levels);
            levels.reverse();
            columns.dedup_by(|a, b| (*a - *b).abs() < SNAP);
            Some(Grid { top, bottom, left, right, levels, partial, columns, verticals: group })
        })
        .collect()
}

fn within(y: f32, low: f32, high: f32) -> bool {
    y >= low && y <= high
}

/// Sorts and merges positions closer than [`SNAP`] (keeping their mean).
fn snap(mut values: Vec<f32>) -> Vec<f32> {
    values.sort_by(f32::total_cmp);
    let mut out: Vec<(f32, usize)> = Vec::new();
    for v in values {
        match out.last_mut() {
            Some((mean, n)) if (v - *mean).abs() < SNAP => {
                *mean = (*mean * *n as f32 + v) / (*n as f32 + 1.0);
                *n += 1;
            }
            _ => out.push((v, 1)),
        }
    }
    out.into_iter().map(|(v, _)| v).collect()
}

impl Grid {
    /// Whether a piece belongs to this table.
    pub fn holds(&self, piece: &Piece) -> bool {
        let (x, y) = (piece.center_x(), piece.center_y());
        y < self.top && y > self.bottom && x > self.left - SNAP && x < self.right + SNAP
    }

    /// The table's rows, top to bottom, each a list of cell texts with one entry
    /// per column (empty where the row has nothing). Columns outside the outer
    /// verticals are kept only when some row has text there.
    pub fn rows(&self, pieces: Vec<Piece>) -> TableRows {
        // Column slots: left of the first vertical, between verticals, right of the last.
        let slots = self.columns.len() + 1;
        // Bands: between full-width rulings, split further by partial rulings
        // (their sub-bands); a piece under no partial ruling of its band goes to the
        // band's first sub-band, where a merged cell's text belongs.
        let mut bands: Vec<(f32, f32, Vec<Piece>)> = Vec::new();
        let mut first_sub_band = Vec::new();
        for w in self.levels.windows(2) {
            first_sub_band.push(bands.len());
            let mut cuts: Vec<f32> =
                self.partial.iter().filter(|p| p.0 < w[0] - SNAP && p.0 > w[1] + SNAP).map(|p| p.0).collect();
            cuts.sort_by(|a, b| b.total_cmp(a));
            let mut upper = w[0];
            for cut in cuts.into_iter().chain(std::iter::once(w[1])) {
                bands.push((upper, cut, Vec::new()));
                upper = cut;
            }
        }
        for piece in pieces {
            let (x, y) = (piece.center_x(), piece.center_y());
            let Some(band) = self.levels.windows(2).position(|w| y <= w[0] && y > w[1]) else { continue };
            let first = first_sub_band[band];
            let last = first_sub_band.get(band + 1).copied().unwrap_or(bands.len());
            let split_here = self
                .partial
                .iter()
                .any(|p| p.0 < self.levels[band] - SNAP && p.0 > self.levels[band + 1] + SNAP && x > p.1 && x < p.2);
            let sub = if split_here {
                (first..last).find(|&b| y <= bands[b].0 && y > bands[b].1).unwrap_or(first)
            } else {
                first
            };
            bands[sub].2.push(piece);
        }
        let mut rows: Vec<GridRow> = Vec::new();
        for (upper, lower, band) in bands {
            if band.is_empty() {
                continue;
            }
            let middle = (upper + lower) / 2.0;
            // The verticals that cross this band: its cell boundaries.
            let mut crossing: Vec<usize> = (0..self.columns.len())
                .filter(|&c| {
                    self.verticals
                        .iter()
                        .any(|v| (v.0 - self.columns[c]).abs() < SNAP && v.1 <= middle + 1.0 && v.2 >= middle - 1.0)
                })
                .collect();
            // A band whose text all falls in one cell is a merged cell — unless
            // it prints a row of separate amounts (`合计 | 431,500.00 | 87,250.00
            // …` where the generator drew the verticals only in the header):
            // then the table's columns are its cells.
            let slot_of_piece = |crossing: &[usize], piece: &Piece| {
                let x = piece.center_x();
                crossing.iter().rev().find(|&&c| self.columns[c] < x).map_or(0, |&c| c + 1)
            };
            let one_cell = band.windows(2).all(|w| slot_of_piece(&crossing, &w[0]) == slot_of_piece(&crossing, &w[1]));
            if one_cell && band.len() > 2 && spread_amounts(&band) {
                crossing = (0..self.columns.len()).collect();
            }
            // The band's cell edges, left to right (the table's outer edges
            // close the first and last slots).
            let edges: Vec<f32> = std::iter::once(self.left)
                .chain(crossing.iter().map(|&c| self.columns[c]))
                .chain(std::iter::once(self.right))
                .collect();
            for line_pieces in split_lines_of_amounts(join_wrapped_numbers(band, &edges)) {
                let mut cells = vec![Vec::<Piece>::new(); slots];
                for piece in line_pieces {
                    let x = piece.center_x();
                    // The slot of the cell's left boundary: the last crossing vertical
                    // left of the piece (slot 0 when there is none).
                    let slot = crossing.iter().rev().find(|&&c| self.columns[c] < x).map_or(0, |&c| c + 1);
                    cells[slot].push(piece);
                }
                rows.push(GridRow { cells: cells.into_iter().map(cell_text).collect(), spanning: crossing.is_empty() });
            }
        }
        // Drop the outer slots when no row uses them.
        let keep_first = rows.iter().any(|r| !r.spanning && !r.cells[0].is_empty());
        let keep_last = rows.iter().any(|r| !r.spanning && !r.cells[slots - 1].is_empty());
        for row in rows.iter_mut().filter(|r| !r.spanning) {
            if !keep_last {
                row.cells.pop();
            }
            if !keep_first {
                row.cells.remove(0);
            }
        }
        let mut lefts: Vec<f32> = std::iter::once(self.left).chain(self.columns.iter().copied()).collect();
        if !keep_last {
            lefts.pop();
        }
        if !keep_first {
            lefts.remove(0);
        }
        TableRows { rows, lefts }
    }
}

/// A band's pieces as printed lines: one group normally (a cell's text wrapped
/// over lines stays one row), one per line when two or more lines of the band
/// each hold a label and an amount (rows not separated by a ruling). Pieces
/// between two such lines go with the nearer one: a figure printed higher or
/// lower than its label, vertically centred in a taller cell, is no row of its
/// own.
fn split_lines_of_amounts(band: Vec<Piece>) -> Vec<Vec<Piece>> {
    let lines = super::lines::group_lines(band);
    if lines.len() < 2 {
        return vec![lines.into_iter().flat_map(|l| l.pieces).collect()];
    }
    let with_amounts: Vec<f32> = lines
        .iter()
        .filter(|l| {
            let chunks = l.chunks(1.0);
            let is_amount = |c: &String| gongkai_model::Number::parse_printed(c).is_some();
            chunks.iter().any(is_amount) && chunks.iter().any(|c| !is_amount(c))
        })
        .map(|l| l.baseline)
        .collect();
    if with_amounts.len() < 2 {
        return vec![lines.into_iter().flat_map(|l| l.pieces).collect()];
    }
    let mut out = vec![Vec::new(); with_amounts.len()];
    for line in lines {
        let nearest = with_amounts
            .iter()
            .enumerate()
            .min_by(|a, b| (a.1 - line.baseline).abs().total_cmp(&(b.1 - line.baseline).abs()))
            .map_or(0, |(i, _)| i);
        out[nearest].extend(line.pieces);
    }
    out
}

/// A band's pieces with every number wrapped inside its cell made whole again:
/// a cell too narrow for `299,901.02` prints `299,901.0` over `2` (often centred
/// on the row, one part above the row's other figures and one below). In each
/// cell (slot between two `edges`), a printed line that stops short of a whole
/// amount and fills at least 70% of the cell's width, followed by a line of
/// digits only that completes it, become one piece at their middle height — the
/// row's figure, read from the cell's box rather than guessed from the text.
fn join_wrapped_numbers(band: Vec<Piece>, edges: &[f32]) -> Vec<Piece> {
    // Most bands print one line: nothing can be wrapped.
    let (low, high) =
        band.iter().fold((f32::INFINITY, f32::NEG_INFINITY), |(a, b), p| (a.min(p.baseline), b.max(p.baseline)));
    let size = band.iter().map(|p| p.size).fold(1.0f32, f32::max);
    if high - low <= 0.35 * size {
        return band;
    }
    let mut by_slot: Vec<Vec<Piece>> = vec![Vec::new(); edges.len() + 1];
    for piece in band {
        by_slot[slot_of(piece.center_x(), edges)].push(piece);
    }
    let mut out = Vec::new();
    for (slot, pieces) in by_slot.into_iter().enumerate() {
        let width = match (slot.checked_sub(1).and_then(|s| edges.get(s)), edges.get(slot)) {
            (Some(left), Some(right)) => right - left,
            _ => {
                out.extend(pieces);
                continue;
            }
        };
        let mut lines = super::lines::group_lines(pieces).into_iter().peekable();
        while let Some(line) = lines.next() {
            let text: String = line.pieces.iter().map(|p| p.text.as_str()).collect::<String>().trim().to_owned();
            let (x0, x1) = extent(&line.pieces);
            let next_text =
                lines.peek().map(|n| n.pieces.iter().map(|p| p.text.as_str()).collect::<String>().trim().to_owned());
            let joins = next_text.as_deref().is_some_and(|next| {
                !next.is_empty()
                    && next.chars().all(|c| c.is_ascii_digit() || c == '.' || c == ',')
                    && x1 - x0 >= 0.7 * width
                    && unfinished_number(&text)
                    && gongkai_model::Number::parse_printed(&format!("{text}{next}")).is_some()
            });
            if joins {
                let next = lines.next().expect("peeked above");
                let (n0, n1) = extent(&next.pieces);
                out.push(Piece {
                    text: format!("{text}{}", next_text.unwrap_or_default()),
                    x0: x0.min(n0),
                    x1: x1.max(n1),
                    baseline: (line.baseline + next.baseline) / 2.0,
                    size: line.size.max(next.size),
                });
            } else {
                out.extend(line.pieces);
            }
        }
    }
    out
}

/// The horizontal extent of some pieces.
fn extent(pieces: &[Piece]) -> (f32, f32) {
    pieces.iter().fold((f32::INFINITY, f32::NEG_INFINITY), |(a, b), p| (a.min(p.x0), b.max(p.x1)))
}

/// Whether a printed figure stops short of a whole amount, as one cut at a
/// cell's edge does: it ends in a separator, has one decimal (amounts print
/// two), or its last thousands group has fewer than three digits.
pub(super) fn unfinished_number(text: &str) -> bool {
    if !text.starts_with(|c: char| c.is_ascii_digit() || c == '-') {
        return false;
    }
    if text.ends_with(['.', ',']) {
        return true;
    }
    match text.rsplit_once('.') {
        Some((_, decimals)) => decimals.len() < 2,
        None => text.rsplit_once(',').is_some_and(|(_, group)| group.len() < 3),
    }
}

/// Whether a band's pieces print at least two amounts standing apart (more
/// than an em between them): a row of cells, not one merged cell's text.
fn spread_amounts(band: &[Piece]) -> bool {
    super::lines::group_lines(band.to_vec()).iter().any(|line| {
        let chunks = line.chunks(1.0);
        chunks.len() >= 3 && chunks.iter().filter(|c| gongkai_model::Number::parse_printed(c).is_some()).count() >= 2
    })
}

/// The cell (slot between two edges) of an x position.
fn slot_of(x: f32, edges: &[f32]) -> usize {
    edges.iter().filter(|e| **e < x).count()
}

/// The text of a cell: its printed lines top to bottom, each left to right, joined
/// without a separator (a name wrapped in a narrow column continues on the next
/// line); a space only where Latin text meets Latin text across a gap.
fn cell_text(pieces: Vec<Piece>) -> String {
    let mut text = String::new();
    for line in super::lines::group_lines(pieces) {
        for chunk in line.chunks(f32::INFINITY) {
            text.push_str(&chunk);
        }
    }
    text.trim().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn piece(text: &str, x0: f32, x1: f32, baseline: f32) -> Piece {
        Piece { text: text.into(), x0, x1, baseline, size: 10.0 }
    }

    fn texts(lines: &[Vec<Piece>]) -> Vec<Vec<&str>> {
        lines.iter().map(|l| l.iter().map(|p| p.text.as_str()).collect()).collect()
    }

    /// `299,901.0` over `2` in a cell too narrow for `299,901.02`, centred on
    /// the row: one figure, on the row's line.
    #[test]
    fn a_number_wrapped_inside_its_cell_is_one_figure() {
        let edges = [0.0, 100.0, 150.0, 200.0];
        let band = vec![
            piece("公共安全支出", 5.0, 65.0, 500.0),
            piece("299,901.0", 104.0, 148.0, 507.0),
            piece("2", 143.0, 148.0, 493.0),
            piece("215,971.06", 152.0, 198.0, 500.0),
        ];
        let joined = join_wrapped_numbers(band, &edges);
        let rows = split_lines_of_amounts(joined);
        assert_eq!(texts(&rows), [vec!["公共安全支出", "299,901.02", "215,971.06"]]);

        // A whole amount over a digit is two figures (two rows of a band ruled
        // only between groups), not one.
        let band = vec![
            piece("工资福利支出", 5.0, 65.0, 510.0),
            piece("1,234.00", 104.0, 148.0, 510.0),
            piece("基本工资", 5.0, 45.0, 495.0),
            piece("5", 143.0, 148.0, 495.0),
        ];
        let rows = split_lines_of_amounts(join_wrapped_numbers(band, &edges));
        assert_eq!(rows.len(), 2);
    }

    /// A figure printed above its label (centred in a taller cell) is no row of
    /// its own: only lines with a label and an amount split a band.
    #[test]
    fn a_figure_above_its_label_stays_in_its_row() {
        let band = vec![
            piece("226,000.00", 104.0, 148.0, 510.0),
            piece("城乡社区支出", 5.0, 65.0, 500.0),
            piece("226,000.00", 152.0, 198.0, 500.0),
        ];
        assert_eq!(split_lines_of_amounts(band).len(), 1);
    }

    /// A data row whose verticals the generator did not draw (only the header
    /// has them): its label and amounts stand apart, so it is read in the
    /// table's columns rather than as one merged cell (`合计431,500.00 …`).
    #[test]
    fn a_row_of_amounts_without_its_verticals_is_read_in_the_columns() {
        let grid = Grid {
            top: 600.0,
            bottom: 400.0,
            left: 0.0,
            right: 300.0,
            levels: vec![600.0, 550.0, 500.0, 400.0],
            partial: Vec::new(),
            columns: vec![100.0, 200.0],
            verticals: vec![(100.0, 550.0, 600.0), (200.0, 550.0, 600.0)],
        };
        let pieces = vec![
            piece("科目", 10.0, 40.0, 570.0),
            piece("合计", 110.0, 140.0, 570.0),
            piece("小计", 210.0, 240.0, 570.0),
            piece("合计", 10.0, 30.0, 520.0),
            piece("431,500.00", 120.0, 170.0, 520.0),
            piece("87,250.00", 220.0, 270.0, 520.0),
            // A merged cell's text (a note across the table) stays one cell.
            piece("注：本表金额单位为元", 10.0, 120.0, 450.0),
        ];
        let rows = grid.rows(pieces).rows;
        let cells: Vec<Vec<&str>> = rows.iter().map(|r| r.cells.iter().map(String::as_str).collect()).collect();
        assert_eq!(cells[0], ["科目", "合计", "小计"]);
        assert_eq!(cells[1], ["合计", "431,500.00", "87,250.00"]);
        assert_eq!(cells[2][0], "注：本表金额单位为元");
        assert!(rows[2].spanning);
    }

    #[test]
    fn unfinished_numbers() {
        assert!(unfinished_number("299,901.0"));
        assert!(unfinished_number("12,43"));
        assert!(unfinished_number("1,234."));
        assert!(!unfinished_number("1,234.00"));
        assert!(!unfinished_number("21999"));
        assert!(!unfinished_number("合计"));
    }
}
