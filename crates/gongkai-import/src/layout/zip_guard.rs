//! A zip bomb guard for .xlsx workbooks, run before calamine opens the zip.
//!
//! An .xlsx is a zip of XML; calamine inflates its entries as it reads them, so a
//! small file whose sheet inflates to gigabytes would hold a batch run for
//! minutes and its memory. The workbook's unpacked content is held to the input
//! limit (`--max-input-mb`): what an unpacked input could be, a packed one may
//! unpack to.
//!
//! The declared sizes are checked first. They are a claim, not a fact: the zip
//! reader calamine uses stops with an error past an entry's declared size, but
//! this guard does not depend on that, and inflates each entry into nothing with
//! the rest of the limit as its cap (one inflate of at most the limit, constant
//! memory). Only the shared strings are kept, for one check below.

use std::io::{Cursor, Read};

use crate::error::ImportError;

/// Refuses a zip that unpacks past `max_unpacked` bytes or whose shared-string
/// table claims more strings than it could hold. Not a zip: nothing to check
/// (the workbook reader says what it is not).
pub(crate) fn check(bytes: &[u8], file: &str, max_unpacked: u64) -> Result<(), ImportError> {
    let Ok(mut archive) = zip::ZipArchive::new(Cursor::new(bytes)) else { return Ok(()) };
    let over = |what: String| {
        ImportError::file(
            file,
            format!(
                "该工作簿解压后超过输入大小上限 {:.1} MB（{what}；可能是压缩炸弹？可用 --max-input-mb 调高）",
                max_unpacked as f64 / (1024.0 * 1024.0)
            ),
            format!(
                "the workbook {what}, over the limit of {max_unpacked} bytes for an input (a zip bomb? raise the limit with --max-input-mb)"
            ),
        )
    };
    // Declared sizes first: an honest bomb is refused without inflating anything.
    let mut declared: u64 = 0;
    for index in 0..archive.len() {
        if let Ok(entry) = archive.by_index_raw(index) {
            declared = declared.saturating_add(entry.size());
        }
    }
    if declared > max_unpacked {
        return Err(over(format!("declares {declared} bytes of unpacked content")));
    }
    let mut total: u64 = 0;
    for index in 0..archive.len() {
        // An entry that cannot be opened (encrypted, an unknown compression) is
        // left to calamine, which refuses it if it needs it.
        let Ok(mut entry) = archive.by_index(index) else { continue };
        let name = entry.name().map(|n| n.into_owned()).unwrap_or_default();
        let budget = max_unpacked - total;
        let shared_strings = name.to_ascii_lowercase().ends_with("sharedstrings.xml");
        let mut kept = Vec::new();
        total += inflate(&mut entry, budget.saturating_add(1), shared_strings.then_some(&mut kept));
        if total > max_unpacked {
            return Err(over(format!("unpacks to more than that (entry {name})")));
        }
        if shared_strings {
            check_shared_strings(&kept, &name, file)?;
        }
    }
    Ok(())
}

/// Inflates up to `cap` bytes of an entry, counting them (and keeping them in
/// `keep`). A read error (a corrupt stream, a checksum that does not match what
/// was inflated) ends the count where it happened: what was inflated until then
/// counts, and calamine reports the error if it reads the entry.
fn inflate(entry: &mut impl Read, cap: u64, mut keep: Option<&mut Vec<u8>>) -> u64 {
    let mut buffer = [0u8; 64 * 1024];
    let mut count = 0u64;
    while count < cap {
        let want = usize::try_from(cap - count).map_or(buffer.len(), |left| left.min(buffer.len()));
        match entry.read(&mut buffer[..want]) {
            Ok(0) | Err(_) => break,
            Ok(n) => {
                count += n as u64;
                if let Some(keep) = keep.as_deref_mut() {
                    keep.extend_from_slice(&buffer[..n]);
                }
            }
        }
    }
    count
}

/// calamine reserves room for the number of strings the table's `uniqueCount`
/// attribute claims, before reading any: `uniqueCount="99999999999"` in a file of
/// a few hundred bytes asks for terabytes, an allocation failure that aborts the
/// process. A string takes at least one byte of the table, so a claim past the
/// table's length is a lie.
fn check_shared_strings(xml: &[u8], name: &str, file: &str) -> Result<(), ImportError> {
    const KEY: &[u8] = b"uniqueCount";
    let mut at = 0;
    while let Some(found) = xml[at..].windows(KEY.len()).position(|w| w == KEY) {
        at += found + KEY.len();
        let rest = &xml[at..];
        let rest = trim_start(rest);
        let Some(rest) = rest.strip_prefix(b"=") else { continue };
        let rest = trim_start(rest);
        let Some(rest) = rest.strip_prefix(b"\"").or_else(|| rest.strip_prefix(b"'")) else { continue };
        let digits = rest.iter().take_while(|b| b.is_ascii_digit()).count();
        // More digits than fit a u64 is a lie too.
        let claimed = std::str::from_utf8(&rest[..digits]).ok().and_then(|d| d.parse::<u64>().ok()).unwrap_or(u64::MAX);
        if digits > 0 && claimed > xml.len() as u64 {
            return Err(ImportError::file(
                file,
                format!("工作簿已损坏：{name} 声称有 {claimed} 个字符串，却只有 {} 字节", xml.len()),
                format!("not a readable workbook: {name} claims {claimed} strings in {} bytes", xml.len()),
            ));
        }
    }
    Ok(())
}

fn trim_start(bytes: &[u8]) -> &[u8] {
    let skip = bytes.iter().take_while(|b| b.is_ascii_whitespace()).count();
    &bytes[skip..]
}
