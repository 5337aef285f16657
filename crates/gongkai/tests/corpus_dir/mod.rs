//! Where the development corpus is: `shared/corpus` beside the repository (CI
//! clones `shared/` there), or `GONGKAI_CORPUS_DIR`. A missing folder fails the
//! test that asks, never passes it silently.

use std::path::PathBuf;

pub fn corpus_dir() -> PathBuf {
    let dir = std::env::var_os("GONGKAI_CORPUS_DIR")
        .map_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/corpus")), PathBuf::from);
    assert!(
        dir.is_dir(),
        "the corpus folder {} is missing: clone shared/ beside the repository (as CI does) \
         or set GONGKAI_CORPUS_DIR to the folder holding the corpus PDFs",
        dir.display()
    );
    dir
}
