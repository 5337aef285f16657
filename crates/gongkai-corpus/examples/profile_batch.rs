//! A loop for a profiler: imports and checks `COUNT` (100) generated documents
//! `ROUNDS` times: `profile_batch [ROUNDS] [COUNT]`.
//!
//! `cargo build --release -p gongkai-corpus --example profile_batch` then
//! `perf record -g target/release/examples/profile_batch 20`.

use gongkai_corpus::detection::Checker;

/// The CLI's allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let rounds: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(10);
    let count: u64 = std::env::args().nth(2).and_then(|a| a.parse().ok()).unwrap_or(100);
    let docs: Vec<String> = (0..count).map(|i| gongkai_corpus::generate(1, i).text).collect();
    let bytes: usize = docs.iter().map(String::len).sum();
    let checker = Checker::new().expect("default config");
    let mut findings = 0;
    let mut times = Vec::new();
    for _ in 0..rounds {
        let started = std::time::Instant::now();
        for d in &docs {
            findings += checker.check(d, "profile.txt").map(|f| f.len()).unwrap_or(0);
        }
        times.push(started.elapsed().as_secs_f64());
    }
    times.sort_by(f64::total_cmp);
    let rate = |secs: f64| bytes as f64 / 1e6 / secs;
    println!("{findings} findings; MB/s best {:.1}, median {:.1}", rate(times[0]), rate(times[times.len() / 2]));
}
