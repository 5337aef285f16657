//! Prints the text a PDF is rebuilt into (development aid for the PDF reader).
fn main() {
    let path = std::env::args().nth(1).expect("a PDF path");
    let bytes = std::fs::read(&path).expect("readable");
    match gongkai_import::layout::pdf::read_pdf(&bytes, &path) {
        Ok(pdf) => print!("{}", pdf.text),
        Err(e) => eprintln!("{e}"),
    }
}
