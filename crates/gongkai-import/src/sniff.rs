//! What a file really is, by its first bytes, when its name says otherwise:
//! a reviewer given a scan saved as `.pdf` by a PNG export, or a Word file
//! renamed `.txt`, is told what the file is and what to give instead, not
//! that a cross-reference table is broken.

use crate::Format;

/// Why `bytes` cannot be read as `format`, when their content shows another
/// kind of file, in Chinese and in English; `None` when the content may be
/// what the name says.
pub fn mismatch(bytes: &[u8], format: Format) -> Option<(String, String)> {
    if bytes.is_empty() {
        return Some(("文件为空（0 字节）".to_owned(), "the file is empty (0 bytes)".to_owned()));
    }
    let actual = kind(bytes);
    let (expected, expected_en) = match format {
        Format::Pdf => (" PDF", "a PDF"),
        Format::Text | Format::Csv | Format::Json => ("文本文件", "a text file"),
        // (A workbook's reader names its own failures; a PDF or an image
        // named .xlsx is still worth saying.)
        Format::Workbook => (" Excel 工作簿", "an Excel workbook"),
    };
    let fits = matches!(
        (format, actual),
        (_, None) | (Format::Pdf, Some(Kind::Pdf)) | (Format::Workbook, Some(Kind::Ole | Kind::Zip | Kind::Xlsx))
    );
    if fits {
        return None;
    }
    let actual = actual?;
    Some((
        format!("这是{}，不是{expected}；请提供 PDF、Excel 工作簿或文本文件", actual.name()),
        format!("this is {}, not {expected_en}: give a PDF, an Excel workbook or a text file", actual.name_en()),
    ))
}

/// A kind of file told by its first bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Pdf,
    Png,
    Jpeg,
    Gif,
    Tiff,
    Bmp,
    /// An OLE compound file: a Word or Excel 97-2003 file.
    Ole,
    /// A Word document (.docx).
    Docx,
    /// An Excel workbook (.xlsx).
    Xlsx,
    /// Another zip archive.
    Zip,
    Rar,
    SevenZip,
    Html,
}

impl Kind {
    fn name_en(self) -> &'static str {
        match self {
            Kind::Pdf => "a PDF file",
            Kind::Png => "a PNG image",
            Kind::Jpeg => "a JPEG image",
            Kind::Gif => "a GIF image",
            Kind::Tiff => "a TIFF image",
            Kind::Bmp => "a BMP image",
            Kind::Ole => "a Word or Excel 97-2003 document",
            Kind::Docx => "a Word document (.docx)",
            Kind::Xlsx => "an Excel workbook (.xlsx)",
            Kind::Zip => "a zip archive",
            Kind::Rar => "a rar archive",
            Kind::SevenZip => "a 7z archive",
            Kind::Html => "a web page (HTML)",
        }
    }

    fn name(self) -> &'static str {
        match self {
            Kind::Pdf => " PDF 文件",
            Kind::Png => " PNG 图片",
            Kind::Jpeg => " JPEG 图片",
            Kind::Gif => " GIF 图片",
            Kind::Tiff => " TIFF 图片",
            Kind::Bmp => " BMP 图片",
            Kind::Ole => " Word 或 Excel 97-2003 文档",
            Kind::Docx => " Word 文档（.docx）",
            Kind::Xlsx => " Excel 工作簿（.xlsx）",
            Kind::Zip => "压缩包（zip）",
            Kind::Rar => "压缩包（rar）",
            Kind::SevenZip => "压缩包（7z）",
            Kind::Html => "网页（HTML）",
        }
    }
}

/// The kind of file `bytes` start as, when they are one of the kinds told here.
fn kind(bytes: &[u8]) -> Option<Kind> {
    let head = &bytes[..bytes.len().min(1024)];
    let starts = |magic: &[u8]| head.starts_with(magic);
    // (A PDF may have a few bytes of junk before its header.)
    if head.windows(5).any(|w| w == b"%PDF-") {
        return Some(Kind::Pdf);
    }
    let kind = if starts(b"\x89PNG\r\n\x1a\n") {
        Kind::Png
    } else if starts(b"\xff\xd8\xff") {
        Kind::Jpeg
    } else if starts(b"GIF87a") || starts(b"GIF89a") {
        Kind::Gif
    } else if starts(b"II*\0") || starts(b"MM\0*") {
        Kind::Tiff
    } else if starts(b"BM") && bytes.len() > 14 && bytes[6..10] == [0, 0, 0, 0] {
        Kind::Bmp
    } else if starts(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1") {
        Kind::Ole
    } else if starts(b"PK\x03\x04") {
        // The first entries of an Office file name its part folder.
        let window = &bytes[..bytes.len().min(64 * 1024)];
        let names = |part: &[u8]| window.windows(part.len()).any(|w| w == part);
        if names(b"word/") {
            Kind::Docx
        } else if names(b"xl/") {
            Kind::Xlsx
        } else {
            Kind::Zip
        }
    } else if starts(b"Rar!\x1a\x07") {
        Kind::Rar
    } else if starts(b"7z\xbc\xaf\x27\x1c") {
        Kind::SevenZip
    } else {
        let text = String::from_utf8_lossy(head).trim_start_matches('\u{feff}').trim_start().to_ascii_lowercase();
        if text.starts_with("<!doctype html") || text.starts_with("<html") {
            Kind::Html
        } else {
            return None;
        }
    };
    Some(kind)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_is_named_by_what_it_holds() {
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
        let zh = |bytes: &[u8], format| mismatch(bytes, format).map(|(zh, _)| zh);
        assert_eq!(
            zh(png, Format::Pdf).as_deref(),
            Some("这是 PNG 图片，不是 PDF；请提供 PDF、Excel 工作簿或文本文件")
        );
        assert_eq!(
            mismatch(png, Format::Pdf).map(|(_, en)| en).as_deref(),
            Some("this is a PNG image, not a PDF: give a PDF, an Excel workbook or a text file")
        );
        let docx = [b"PK\x03\x04".as_slice(), b"\0\0\0\0word/document.xml"].concat();
        assert!(zh(&docx, Format::Text).unwrap().contains("Word 文档"));
        assert!(zh(b"%PDF-1.7\n", Format::Text).unwrap().contains("这是 PDF 文件，不是文本文件"));
        assert_eq!(zh(b"", Format::Pdf).as_deref(), Some("文件为空（0 字节）"));
    }

    #[test]
    fn a_file_that_may_be_what_its_name_says_passes() {
        assert_eq!(mismatch(b"junk\n%PDF-1.4\n", Format::Pdf), None);
        assert_eq!(mismatch("2026年某局部门预算".as_bytes(), Format::Text), None);
        assert_eq!(mismatch(b"PK\x03\x04\0\0xl/workbook.xml", Format::Workbook), None);
        assert_eq!(mismatch(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", Format::Workbook), None);
        // (A PDF without a header is the PDF reader's to refuse, with its reason.)
        assert_eq!(mismatch(b"not a pdf at all", Format::Pdf), None);
    }
}
