//! Writes generated documents to a directory (development aid).
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let n: u64 = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(3);
    let dir = args.get(2).cloned().unwrap_or_else(|| "/tmp/corpus".into());
    std::fs::create_dir_all(&dir).ok();
    for i in 0..n {
        let d = gongkai_corpus::generate(1, i);
        std::fs::write(format!("{dir}/{}.txt", d.name), d.text).ok();
    }
}
