//! The HTML report: self-contained, every finding link resolves, and it loads in a
//! real headless browser (Debian's chromium) without console errors. The browser
//! part is skipped, with a message, where chromium is not installed; `.ci/run`
//! installs it. A screenshot is left in `target/html-report.png` (not in the repo).

use std::path::{Path, PathBuf};
use std::process::Command as Process;

use assert_cmd::Command;

fn example() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/qitai-2024-budget.txt")
}

/// The example plus a copy with one table amount and one claim figure changed.
fn inputs(dir: &Path) -> PathBuf {
    let text = std::fs::read_to_string(example()).unwrap();
    std::fs::write(dir.join("a-example.txt"), &text).unwrap();
    let broken = text
        .replacen(
            "208\t01\t\t人力资源和社会保障管理事务\t376.92\t376.61\t0.31",
            "208\t01\t\t人力资源和社会保障管理事务\t376.95\t376.61\t0.31",
            1,
        )
        .replacen("增长14.65%", "增长15.65%", 1);
    std::fs::write(dir.join("b-broken.txt"), broken).unwrap();
    dir.to_path_buf()
}

fn report(dir: &Path) -> (PathBuf, String) {
    let out = dir.join("report.html");
    let status = Command::cargo_bin("gongkai")
        .unwrap()
        .args(["validate", "--format", "html", "-o"])
        .arg(&out)
        .arg(inputs(dir))
        .output()
        .unwrap();
    assert_eq!(status.status.code(), Some(1), "{}", String::from_utf8_lossy(&status.stderr));
    let html = std::fs::read_to_string(&out).unwrap();
    (out, html)
}

#[test]
fn every_finding_link_has_its_target_and_nothing_is_fetched() {
    let dir = tempfile::tempdir().unwrap();
    let (_, html) = report(dir.path());
    let mut links = 0;
    for part in html.split("href=\"#").skip(1) {
        let id = &part[..part.find('"').unwrap()];
        assert!(html.contains(&format!("id=\"{id}\"")), "link to missing #{id}");
        links += 1;
    }
    assert!(links > 20, "{links}");
    for external in ["src=\"http", "href=\"http", "@import", "url(http"] {
        assert!(!html.contains(external), "external resource: {external}");
    }
    // Errors come first, each finding carries what the filter needs, and the
    // batch table gives each file its status.
    for section in html.split("<section class=\"doc\"").skip(1) {
        let severities: Vec<&str> =
            section.split("data-severity=\"").skip(1).map(|p| &p[..p.find('"').unwrap()]).collect();
        let rank = |s: &str| ["error", "warning", "info"].iter().position(|x| *x == s).unwrap();
        assert!(severities.windows(2).all(|w| rank(w[0]) <= rank(w[1])), "{severities:?}");
    }
    assert!(html.contains("<form class=\"filter\"") && html.contains("按规则："));
    assert!(html.contains("<th>状态</th>") && html.contains("需修改"));
    // The changed cell is highlighted and the changed rate is marked in the text.
    assert!(html.contains("class=\"hit\">376.95</td>"), "cell not highlighted");
    assert!(html.contains("<mark id=") && html.contains("15.65%</mark>"), "figure not marked");
}

fn chromium() -> Option<&'static str> {
    ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .find(|b| Process::new(b).arg("--version").output().is_ok_and(|o| o.status.success()))
}

#[test]
fn loads_in_a_headless_browser_without_console_errors() {
    let Some(browser) = chromium() else {
        eprintln!("SKIPPED: no chromium on this machine (apt-get install chromium); the static link check still ran");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let (path, html) = report(dir.path());
    let links = html.matches("class=\"loc\" href=").count();
    let profile = tempfile::tempdir().unwrap();
    let common = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--enable-logging=stderr",
        "--v=0",
        "--virtual-time-budget=3000",
    ];
    let url = format!("file://{}", path.display());
    let out = Process::new(browser)
        .args(common)
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg("--dump-dom")
        .arg(&url)
        .output()
        .unwrap();
    let dom = String::from_utf8_lossy(&out.stdout);
    let log = String::from_utf8_lossy(&out.stderr);
    assert!(dom.contains(&format!("data-links=\"{links}\"")), "the report's script did not run: {log}");
    assert!(dom.contains(&format!("data-links-ok=\"{links}\"")), "broken links in the browser");
    let console_errors: Vec<&str> =
        log.lines().filter(|l| l.contains("CONSOLE") && (l.contains("error") || l.contains("Uncaught"))).collect();
    assert!(console_errors.is_empty(), "{console_errors:#?}");
    // Every finding is shown at first; the address can preset the filter to
    // the errors only, which the script applies.
    let all = html.matches("data-severity=\"").count();
    assert!(dom.contains(&format!("data-findings-shown=\"{all}\"")), "not every finding shown at first");
    let errors = html.matches("data-severity=\"error\"").count();
    assert!(errors > 0 && errors < all, "{errors} of {all}");
    let filtered = Process::new(browser)
        .args(common)
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg("--dump-dom")
        .arg(format!("{url}#only=error"))
        .output()
        .unwrap();
    let dom = String::from_utf8_lossy(&filtered.stdout);
    assert!(dom.contains(&format!("data-findings-shown=\"{errors}\"")), "the filter did not keep the errors only");
    let shot = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/html-report.png");
    let _ = Process::new(browser)
        .args(common)
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg("--window-size=1280,2400")
        .arg(format!("--screenshot={}", shot.display()))
        .arg(&url)
        .output();
}
