//! Pieces grouped into visual lines (by baseline) and a line's text rebuilt from
//! the gaps between its pieces.

use super::glyphs::Piece;

/// A visual line: pieces on one baseline, left to right.
#[derive(Clone, Debug)]
pub struct VisualLine {
    /// The pieces, sorted by x.
    pub pieces: Vec<Piece>,
    /// The baseline (of the first piece that started the line).
    pub baseline: f32,
    /// The largest font size on the line.
    pub size: f32,
}

impl VisualLine {
    /// The text in chunks: a gap wider than `chunk_gap` em starts a new chunk.
    /// Inside a chunk, a gap of at least a third of an em between two Latin
    /// letters or digits is a space; CJK text is joined without one.
    pub fn chunks(&self, chunk_gap: f32) -> Vec<String> {
        let mut chunks: Vec<String> = Vec::new();
        let mut current = String::new();
        let mut previous: Option<&Piece> = None;
        for piece in &self.pieces {
            if let Some(prev) = previous {
                let em = prev.size.max(piece.size).max(1.0);
                let gap = piece.x0 - prev.x1;
                if gap > chunk_gap * em {
                    chunks.push(std::mem::take(&mut current));
                } else if gap > em / 3.0 && needs_space(&current, &piece.text) {
                    current.push(' ');
                }
            }
            current.push_str(&piece.text);
            previous = Some(piece);
        }
        if !current.is_empty() {
            chunks.push(current);
        }
        chunks
    }

    /// The line cut into its chunks (see [`VisualLine::chunks`]), each a line of
    /// its own.
    pub fn split(&self, chunk_gap: f32) -> Vec<VisualLine> {
        let mut parts: Vec<VisualLine> = Vec::new();
        let mut previous: Option<&Piece> = None;
        for piece in &self.pieces {
            let starts =
                previous.is_none_or(|prev| piece.x0 - prev.x1 > chunk_gap * prev.size.max(piece.size).max(1.0));
            if starts {
                parts.push(VisualLine { pieces: Vec::new(), baseline: self.baseline, size: piece.size });
            }
            let part = parts.last_mut().expect("pushed above");
            part.size = part.size.max(piece.size);
            part.pieces.push(piece.clone());
            previous = Some(piece);
        }
        parts
    }
}

/// Whether two pieces of Latin text meet (`2025` `年` does not need a space;
/// `- 10 -` and `1,234.00 元` keep theirs only between Latin characters).
fn needs_space(before: &str, after: &str) -> bool {
    let latin = |c: char| c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | ',' | '%' | '(' | ')');
    before.chars().last().is_some_and(latin) && after.chars().next().is_some_and(latin)
}

/// Groups pieces into lines, top to bottom. A piece joins a line when its baseline
/// is within 0.35 of the larger font size of the line's baseline (justified text
/// and mixed fonts shift baselines by a little; the next line is a whole size away).
pub fn group_lines(mut pieces: Vec<Piece>) -> Vec<VisualLine> {
    pieces.sort_by(|a, b| b.baseline.total_cmp(&a.baseline).then(a.x0.total_cmp(&b.x0)));
    let mut lines: Vec<VisualLine> = Vec::new();
    for piece in pieces {
        let joins = lines
            .last()
            .is_some_and(|line| (line.baseline - piece.baseline).abs() <= 0.35 * line.size.max(piece.size).max(1.0));
        if joins {
            let line = lines.last_mut().expect("checked above");
            line.size = line.size.max(piece.size);
            line.pieces.push(piece);
        } else {
            lines.push(VisualLine { baseline: piece.baseline, size: piece.size, pieces: vec![piece] });
        }
    }
    for line in &mut lines {
        line.pieces.sort_by(|a, b| a.x0.total_cmp(&b.x0));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn piece(text: &str, x0: f32, x1: f32, baseline: f32) -> Piece {
        Piece { text: text.into(), x0, x1, baseline, size: 10.0 }
    }

    #[test]
    fn lines_by_baseline_and_chunks_by_gap() {
        let lines = group_lines(vec![
            piece("单位：万元", 400.0, 450.0, 700.2),
            piece("部", 20.0, 30.0, 700.0),
            piece("门", 30.0, 40.0, 700.0),
            piece("2025", 20.0, 40.0, 680.0),
            piece("年", 42.0, 52.0, 680.0),
            piece("1,234.00", 60.0, 100.0, 680.0),
            piece("元", 105.0, 115.0, 680.0),
        ]);
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0].chunks(2.0), ["部门", "单位：万元"]);
        assert_eq!(lines[1].chunks(2.0), ["2025年1,234.00元"]);
        let parts: Vec<Vec<String>> = lines[0].split(2.0).iter().map(|l| l.chunks(2.0)).collect();
        assert_eq!(parts, [["部门"], ["单位：万元"]]);
        assert_eq!(lines[1].split(2.0).len(), 1);
    }
}
