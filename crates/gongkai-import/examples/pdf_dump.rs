//! Dumps a PDF page's spans and rulings (development aid for the PDF reader).
use pdfboss_core::Document;
use pdfboss_text::{ReadingOrder, extract_spans_and_rulings_reporting};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let doc = Document::open(&args[1]).unwrap();
    let first: usize = args.get(2).map_or(0, |s| s.parse().unwrap());
    let last: usize = args.get(3).map_or(first, |s| s.parse().unwrap());
    for i in first..=last.min(doc.page_count() - 1) {
        let page = doc.page(i).unwrap();
        let (spans, rulings, _) = extract_spans_and_rulings_reporting(&doc, &page, ReadingOrder::Content).unwrap();
        println!("=== page {} media {:?} rotate {}", i + 1, page.media_box, page.rotate);
        for s in &spans {
            println!(
                "S x={:.1} y={:.1} end={:.1} size={:.1} art={:?} {:?}",
                s.x,
                s.y,
                s.end_x,
                s.size,
                s.artifact.is_some(),
                s.text
            );
        }
        for r in &rulings {
            println!("R ({:.1},{:.1})-({:.1},{:.1}) w={:.1}", r.start.x, r.start.y, r.end.x, r.end.y, r.width);
        }
    }
}
