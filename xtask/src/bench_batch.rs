//! `cargo xtask bench-batch`: placeholder, filled in below.
pub fn run(_args: &[String]) -> Result<(), String> {
    Err("not yet".into())
}
