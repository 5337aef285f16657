//! Character encodings: UTF-8 (with or without BOM), UTF-16 with a BOM, and
//! GB18030 (a superset of GBK, what Windows machines in China write). We never
//! guess silently: the encoding assumed is reported, and bytes that decode in
//! none of them are refused with their offset.

use encoding_rs::{Encoding, GB18030, UTF_8, UTF_16BE, UTF_16LE};

/// Decoded text and the encoding it was read as.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text.
    pub text: String,
    /// The encoding's name (`UTF-8`, `GB18030`, `UTF-16LE`, `UTF-16BE`).
    pub encoding: &'static str,
}

/// Decodes bytes, or says at which byte offset they stop making sense.
pub fn decode(bytes: &[u8]) -> Result<Decoded, String> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        return strict(encoding, &bytes[bom_len..]);
    }
    if let Some(utf16) = sniff_utf16_without_bom(bytes) {
        return strict(utf16, bytes);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(Decoded { text: text.to_owned(), encoding: UTF_8.name() }),
        Err(utf8_error) => strict(GB18030, bytes).map_err(|gb_error| {
            format!(
                "not valid UTF-8 (invalid byte at offset {}) and not GB18030/GBK either ({gb_error})",
                utf8_error.valid_up_to()
            )
        }),
    }
}

/// UTF-16 text without a BOM has a NUL in every other byte for ASCII; text in
/// UTF-8 or GB18030 has none.
fn sniff_utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = &bytes[..bytes.len().min(4096)];
    if sample.len() < 4 || !sample.len().is_multiple_of(2) {
        return None;
    }
    let even_nuls = sample.iter().step_by(2).filter(|b| **b == 0).count();
    let odd_nuls = sample.iter().skip(1).step_by(2).filter(|b| **b == 0).count();
    let half = sample.len() / 2;
    if odd_nuls * 4 > half && even_nuls == 0 {
        Some(UTF_16LE)
    } else if even_nuls * 4 > half && odd_nuls == 0 {
        Some(UTF_16BE)
    } else {
        None
    }
}

fn strict(encoding: &'static Encoding, bytes: &[u8]) -> Result<Decoded, String> {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let mut text = String::with_capacity(bytes.len() + bytes.len() / 2);
    let mut consumed = 0;
    loop {
        let (result, read) = decoder.decode_to_string_without_replacement(&bytes[consumed..], &mut text, true);
        consumed += read;
        match result {
            encoding_rs::DecoderResult::InputEmpty => {
                return Ok(Decoded { text, encoding: encoding.name() });
            }
            encoding_rs::DecoderResult::OutputFull => {
                text.reserve(bytes.len() - consumed + 16);
            }
            encoding_rs::DecoderResult::Malformed(len, _) => {
                let offset = consumed.saturating_sub(len as usize);
                return Err(format!("undecodable bytes at offset {offset} as {}", encoding.name()));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_each_encoding() {
        let text = "单位：万元\t1,010.70\n";
        assert_eq!(decode(text.as_bytes()).unwrap().encoding, "UTF-8");
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend_from_slice(text.as_bytes());
        assert_eq!(decode(&bom).unwrap().text, text);
        let (gbk, _, _) = GB18030.encode(text);
        let d = decode(&gbk).unwrap();
        assert_eq!((d.encoding, d.text.as_str()), ("gb18030", text));
        let mut le: Vec<u8> = vec![0xFF, 0xFE];
        le.extend(text.encode_utf16().flat_map(|u| u.to_le_bytes()));
        assert_eq!(decode(&le).unwrap().text, text);
    }

    #[test]
    fn refuses_garbage_with_offset() {
        let err = decode(&[b'a', b'b', 0xFF, 0xFF, 0xFF, 0x30]).unwrap_err();
        assert!(err.contains("offset 2"), "{err}");
    }
}
