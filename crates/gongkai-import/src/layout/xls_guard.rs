//! A guard for .xls workbooks, run before calamine opens them.
//!
//! calamine reads an .xls whole when it opens it, trusting sizes written in the
//! file: a sector chain that loops back on itself is followed for ever (the
//! directory) or up to a stream's declared length (gigabytes); a DIMENSIONS
//! record makes it reserve rows × columns cells; and every sheet's cells are put
//! in one dense grid spanning its first to its last cell. A file of a few
//! hundred bytes can so ask for terabytes, and a failed allocation aborts the
//! process, which no `catch_unwind` can turn into an error.
//!
//! So the compound file is walked here the way calamine walks it (the same
//! sector arithmetic, including how it pads a short last sector), refusing a
//! chain that revisits a sector or leaves the file, and the BIFF records of each
//! sheet are scanned for the grid they would make, against the cell limit. A
//! file this walk cannot read is refused: calamine could not read it either, or
//! would read it differently from what was checked.

use std::collections::HashSet;

use crate::Limits;
use crate::error::ImportError;
use crate::limits::table_too_large;

const RESERVED_SECTORS: u32 = 0xFFFF_FFFA;
const DIFSECT: u32 = 0xFFFF_FFFC;
const ENDOFCHAIN: u32 = 0xFFFF_FFFE;

/// Checks an .xls workbook (the bytes start with the compound-file magic).
pub(crate) fn check(bytes: &[u8], file: &str, limits: &Limits) -> Result<(), ImportError> {
    let unreadable = |why: String| {
        ImportError::file(
            file,
            format!(".xls 工作簿已损坏或不是有效的工作簿（{why}）"),
            format!("not a readable .xls workbook: {why}"),
        )
    };
    let stream = workbook_stream(bytes).map_err(unreadable)?;
    for (pos, name) in sheet_positions(&stream) {
        let Some(records) = stream.get(pos..) else { continue };
        let grid = sheet_grid(records);
        if grid.cells() > limits.max_table_cells {
            let what = (format!("工作表“{name}”"), format!("sheet {name}"));
            return Err(table_too_large(
                file,
                None,
                (&what.0, &what.1),
                grid.rows,
                grid.columns,
                limits.max_table_cells,
            ));
        }
    }
    Ok(())
}

/// The file read front to back, as calamine's reader sees it: sectors are
/// loaded on demand into one buffer (the mini sectors into another), and a
/// sector cut short by the end of the file is padded with zeros once read.
struct Source<'a> {
    bytes: &'a [u8],
    pos: usize,
}

struct Sectors {
    data: Vec<u8>,
    size: usize,
    max_id: u32,
}

impl Sectors {
    fn get<'s>(&'s mut self, id: u32, source: &mut Source<'_>) -> Result<&'s [u8], String> {
        if self.max_id < id {
            return Err(format!("sector {id} points past the end of the file"));
        }
        let start = id as usize * self.size;
        let end = start + self.size;
        if end > self.data.len() {
            let mut len = self.data.len();
            self.data.resize(end, 0);
            let available = source.bytes.len() - source.pos;
            let read = (end - len).min(available);
            self.data[len..len + read].copy_from_slice(&source.bytes[source.pos..source.pos + read]);
            source.pos += read;
            len += read;
            if len < end {
                return Ok(&self.data[start.min(len)..len]);
            }
        }
        Ok(&self.data[start..end])
    }

    /// A chain of sectors, at most `len` bytes; refused when it revisits a
    /// sector (calamine would loop) or points outside the allocation table.
    fn chain(&mut self, mut id: u32, fat: &[u32], source: &mut Source<'_>, len: usize) -> Result<Vec<u8>, String> {
        let mut chain = Vec::new();
        let mut seen = HashSet::new();
        while id != ENDOFCHAIN {
            if !seen.insert(id) {
                return Err(format!("sector chain loops back to sector {id}"));
            }
            let sector = self.get(id, source)?;
            let take = sector.len().min(len - chain.len());
            chain.extend_from_slice(&sector[..take]);
            if chain.len() >= len {
                break;
            }
            id = *fat.get(id as usize).ok_or_else(|| format!("sector {id} is outside the allocation table"))?;
        }
        Ok(chain)
    }
}

fn u16_at(b: &[u8], at: usize) -> u16 {
    b.get(at..at + 2).map_or(0, |s| u16::from_le_bytes([s[0], s[1]]))
}

fn u32_at(b: &[u8], at: usize) -> u32 {
    b.get(at..at + 4).map_or(0, |s| u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
}

fn u32s(b: &[u8]) -> impl Iterator<Item = u32> + '_ {
    b.chunks_exact(4).map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
}

/// The `Workbook` (or BIFF5 `Book`) stream, read as calamine reads it.
fn workbook_stream(bytes: &[u8]) -> Result<Vec<u8>, String> {
    if bytes.len() < 512 {
        return Err("shorter than a compound-file header".into());
    }
    let header = &bytes[..512];
    let version = u16_at(header, 26);
    let sector_size = match u16_at(header, 30) {
        9 => 512,
        12 => 4096,
        s => return Err(format!("sector shift {s} (9 or 12 expected)")),
    };
    if bytes.len() < sector_size {
        return Err("shorter than a compound-file header".into());
    }
    let directory_start = u32_at(header, 48);
    let mini_fat_start = u32_at(header, 60);
    let mini_fat_len = u32_at(header, 64) as usize;
    let mut difat_id = u32_at(header, 68);
    let max_id = (bytes.len() / sector_size) as u32;
    let mut source = Source { bytes, pos: sector_size };
    let mut sectors = Sectors { data: Vec::new(), size: sector_size, max_id };

    let mut difat: Vec<u32> = u32s(&header[76..512]).collect();
    let mut difat_sectors = 0u32;
    while difat_id < RESERVED_SECTORS {
        difat_sectors += 1;
        if difat_sectors > max_id.saturating_add(1) {
            return Err("the sector index chain is longer than the file".into());
        }
        difat.extend(u32s(sectors.get(difat_id, &mut source)?));
        difat_id = difat.pop().ok_or("an empty sector index")?;
    }
    // Each listed sector holds a part of the allocation table; more parts than
    // the file has sectors (the same sector listed again and again) would make
    // a table quadratic in the file's size.
    let fat_ids: Vec<u32> = difat.into_iter().filter(|id| *id < DIFSECT).collect();
    if fat_ids.len() as u64 > u64::from(max_id) + 1 {
        return Err("more allocation-table sectors than the file has sectors".into());
    }
    let mut fat = Vec::new();
    for id in fat_ids {
        fat.extend(u32s(sectors.get(id, &mut source)?));
    }

    let directory = sectors.chain(directory_start, &fat, &mut source, usize::MAX)?;
    let entries: Vec<(String, u32, usize)> =
        directory.chunks_exact(128).map(|entry| directory_entry(entry, sector_size)).collect();
    let Some(root) = entries.first() else { return Err("no root directory".into()) };
    if version != 3 && root.1 == ENDOFCHAIN {
        return Err("no root directory".into());
    }
    let (mini_fat, mini_stream) = if mini_fat_len > 0 {
        let mini_stream = sectors.chain(root.1, &fat, &mut source, root.2)?;
        let mini_fat = sectors.chain(mini_fat_start, &fat, &mut source, mini_fat_len.saturating_mul(sector_size))?;
        (u32s(&mini_fat).collect(), mini_stream)
    } else {
        (Vec::new(), Vec::new())
    };
    let mut mini = Sectors { data: mini_stream, size: 64, max_id: max_id.saturating_mul(8) };

    let found = ["Workbook", "Book"]
        .iter()
        .find_map(|want| entries.iter().find(|(name, ..)| name.as_bytes().eq_ignore_ascii_case(want.as_bytes())));
    let Some((_, start, len)) = found else { return Err("no Workbook stream".into()) };
    if *len < 4096 {
        mini.chain(*start, &mini_fat, &mut source, *len)
    } else {
        sectors.chain(*start, &fat, &mut source, *len)
    }
}

/// A directory entry: name (up to its first NUL), first sector, length. The
/// name is decoded with calamine's very call (which honours a byte-order mark),
/// so that both find the same stream.
fn directory_entry(entry: &[u8], sector_size: usize) -> (String, u32, usize) {
    let mut name = encoding_rs::UTF_16LE.decode(&entry[..64]).0.into_owned();
    if let Some(nul) = name.find('\0') {
        name.truncate(nul);
    }
    let start = u32_at(entry, 116);
    let len = if sector_size == 512 {
        u32_at(entry, 120) as usize
    } else {
        let low = u64::from(u32_at(entry, 120));
        let high = u64::from(u32_at(entry, 124));
        usize::try_from(high << 32 | low).unwrap_or(usize::MAX)
    };
    (name, start, len)
}

/// BIFF records as calamine iterates them: type, data (CONTINUE records, which
/// only extend a record's data, are skipped over). Ends at the first record
/// that does not fit, where calamine stops with an error.
fn records(mut stream: &[u8]) -> impl Iterator<Item = (u16, &[u8])> {
    std::iter::from_fn(move || {
        if stream.len() < 4 {
            return None;
        }
        let kind = u16_at(stream, 0);
        let len = usize::from(u16_at(stream, 2));
        let (record, rest) = stream.split_at_checked(len + 4)?;
        stream = rest;
        while stream.len() > 4 && u16_at(stream, 0) == 0x003C {
            let len = usize::from(u16_at(stream, 2));
            stream = stream.get(len + 4..)?;
        }
        Some((kind, &record[4..]))
    })
}

/// Where each sheet's records start (BoundSheet8 records of the globals).
fn sheet_positions(stream: &[u8]) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    for (kind, data) in records(stream) {
        match kind {
            0x0085 => out.push((u32_at(data, 0) as usize, format!("number {}", out.len() + 1))),
            0x000A => break,
            _ => {}
        }
    }
    out
}

/// The grid calamine would allocate for one sheet: the larger of what its
/// DIMENSIONS record reserves and the span of its cells.
struct Grid {
    rows: u64,
    columns: u64,
}

impl Grid {
    fn cells(&self) -> u64 {
        self.rows.saturating_mul(self.columns)
    }
}

fn sheet_grid(stream: &[u8]) -> Grid {
    let mut reserved = Grid { rows: 0, columns: 0 };
    let (mut top, mut left, mut bottom, mut right) = (u32::MAX, u32::MAX, 0u32, 0u32);
    let mut cell = |row: u32, column: u32| {
        (top, left) = (top.min(row), left.min(column));
        (bottom, right) = (bottom.max(row), right.max(column));
    };
    let mut seen_bof = false;
    let mut depth = 0usize;
    let mut formula_at = (0u32, 0u32);
    for (kind, data) in records(stream) {
        // Nested substreams (embedded charts) are skipped, as calamine does.
        if depth > 0 {
            match kind {
                0x0809 => depth += 1,
                0x000A => depth -= 1,
                _ => {}
            }
            continue;
        }
        let at = || (u32::from(u16_at(data, 0)), u32::from(u16_at(data, 2)));
        match kind {
            0x0809 if seen_bof => depth += 1,
            0x0809 => seen_bof = true,
            0x0200 => {
                // calamine's arithmetic, wrapping as its release build does.
                let (rf, rl, cf, cl) = match data.len() {
                    10 => (
                        u32::from(u16_at(data, 0)),
                        u32::from(u16_at(data, 2)),
                        u32::from(u16_at(data, 4)),
                        u32::from(u16_at(data, 6)),
                    ),
                    14 | 16 => {
                        (u32_at(data, 0), u32_at(data, 4), u32::from(u16_at(data, 8)), u32::from(u16_at(data, 10)))
                    }
                    _ => continue,
                };
                let cf = if cf > 0xFF || cl < cf { 0 } else { cf };
                let (end_row, end_col) = if rl >= 1 && cl >= 1 { (rl - 1, cl - 1) } else { (rf, cf) };
                let rows = u64::from(end_row.wrapping_sub(rf).wrapping_add(1));
                let columns = u64::from(end_col.wrapping_sub(cf).wrapping_add(1));
                if rows.saturating_mul(columns) > reserved.cells() {
                    reserved = Grid { rows, columns };
                }
            }
            0x0203 | 0x0204 | 0x00D6 | 0x0205 | 0x027E | 0x00FD => {
                let (row, column) = at();
                cell(row, column);
            }
            // A formula's cell; a string record after it puts its value there
            // (at A1 when no formula came first).
            0x0006 => {
                formula_at = at();
                cell(formula_at.0, formula_at.1);
            }
            0x0207 => cell(formula_at.0, formula_at.1),
            0x00BD if data.len() >= 6 => {
                let (row, first) = at();
                let count = (data.len() - 6).div_ceil(6) as u32;
                cell(row, first);
                cell(row, first + count.saturating_sub(1));
            }
            0x000A => break,
            _ => {}
        }
    }
    let spanned = if top <= bottom {
        Grid { rows: u64::from(bottom - top) + 1, columns: u64::from(right - left) + 1 }
    } else {
        Grid { rows: 0, columns: 0 }
    };
    if spanned.cells() > reserved.cells() { spanned } else { reserved }
}
