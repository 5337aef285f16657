//! Writing output files atomically: a temporary file in the same directory, then
//! a rename, so an interrupted or failed run never leaves a half-written report
//! where a good one was.

use std::io::Write;
use std::path::Path;

/// Writes `bytes` to `path` atomically. A path that is not a regular file
/// (`/dev/null`, `/dev/stdout`, a named pipe) is written to as it is: renaming
/// a file over it would replace the device or pipe itself.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    if std::fs::metadata(path).is_ok_and(|m| !m.is_file() && !m.is_dir()) {
        let mut out = std::fs::OpenOptions::new().write(true).open(path)?;
        out.write_all(bytes)?;
        return out.flush();
    }
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::Builder::new().prefix(".gongkai-").suffix(".tmp").tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    // A temporary file is private (0600); a report is an ordinary file. Keep the
    // permissions of the file being replaced, else use the usual 0644.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(path).map(|m| m.permissions().mode() & 0o777).unwrap_or(0o644);
        tmp.as_file().set_permissions(std::fs::Permissions::from_mode(mode))?;
    }
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// Prints `text` on stdout; a closed pipe (`gongkai rules | head`) ends the
/// output quietly instead of a panic.
pub fn print(text: &str) {
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(text.as_bytes()).and_then(|()| out.flush());
}

/// Says on stderr what was written where (`已写入 findings.json：…`), so that a
/// run with `-o` does not end in silence.
pub fn say_written(path: &Path, what: &str) {
    let lang = crate::lang::Lang::current();
    eprintln!("{}{}{}{what}", lang.pick("已写入 ", "wrote "), path.display(), lang.pick("：", ": "));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_whole_files_and_leaves_no_temporaries() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("report.json");
        write_atomic(&path, b"first").unwrap();
        write_atomic(&path, b"second").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"second");
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(names.len(), 1);
    }

    /// `-o /dev/null`, `-o /dev/stdout` or a named pipe is written to, never
    /// replaced (a named pipe stands in for the devices here: replacing the
    /// machine's /dev/null would be the very bug).
    #[cfg(unix)]
    #[test]
    fn a_pipe_or_device_is_written_to_not_replaced() {
        use std::io::Read;
        use std::os::unix::fs::FileTypeExt;
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pipe");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if !made.is_ok_and(|s| s.success()) {
            eprintln!("mkfifo unavailable: skipped");
            return;
        }
        let reader = {
            let fifo = fifo.clone();
            std::thread::spawn(move || {
                let mut text = String::new();
                std::fs::File::open(&fifo).unwrap().read_to_string(&mut text).unwrap();
                text
            })
        };
        write_atomic(&fifo, b"report").unwrap();
        assert_eq!(reader.join().unwrap(), "report");
        assert!(std::fs::metadata(&fifo).unwrap().file_type().is_fifo());
    }
}
