//! Binary-size baseline: the same argument handling and output as
//! `size_with_catalog`, without the catalog. Compare the two release binaries to see
//! what the embedded tables and query code cost.

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let code = args.first().map_or("2080505", String::as_str);
    let name = args.get(1).map_or("机关事业单位基本养老保险缴费支出", String::as_str);
    println!("{code} {name}: {} characters", name.chars().count());
}
