//! Which documents a run reads: files as given, directories walked recursively,
//! in a stable (sorted) order.
//!
//! A disclosure may come as two files — a workbook (or CSV) holding only the
//! tables and a text file holding the explanation — which are one document, as
//! with `--tables BOOK --text NOTES`. Inside a folder they are paired by this rule
//! (see [`PAIRING_RULE`], printed in `--help`):
//! - a folder holding exactly one workbook/CSV and exactly one text file: the two
//!   are one document, whatever their names;
//! - otherwise a workbook/CSV and a text file with the same stem (`foo.xlsx` +
//!   `foo.txt`) are one document — but only when the stem names exactly one of
//!   each, since a guess between two candidates would be silent and could be wrong;
//! - every other file (JSON, an unpaired workbook or text) is one document alone.
//!
//! Pairs are formed only between files of one folder, never across folders, so a
//! tree of one folder per department checks as one document per department.
//! Files named on the command line are always read alone. A file of a format we
//! do not read is skipped with a note; hidden files (`.DS_Store`, `.git/`) are
//! skipped silently. A path that does not exist stays among the documents (its
//! reading fails, `文件不存在`) and is listed in [`Collected::missing`].
//!
//! Folders and files are known by identity (device and inode on unix, the
//! canonical path elsewhere): a folder reached again (a symlink `loop -> .`, or a
//! path given twice) is not walked again, and a file reached again is not read
//! again, each with a note — every document is checked once.

use crate::lang::Lang;
use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

use gongkai_import::Imported;
use gongkai_model::{Finding, TableKind};

/// The pairing rule in one paragraph, for `--help` (kept next to the code).
pub const PAIRING_RULE: &str = "\
Folders: walked recursively. In one folder, a workbook/CSV of tables and a text
file of the explanation are checked as ONE document (as with --tables/--text)
when the folder holds exactly one of each (whatever their names), or else when
they share a file stem (foo.xlsx + foo.txt). Two PDFs whose names differ only
by the part they name (…附件1 情况说明.pdf + …附件2 公开报表.pdf) are one document
too. Every other file is checked alone;
files of other formats are skipped with a note. Files named on the command line
are always checked alone.";

/// [`PAIRING_RULE`] in Chinese, for the Chinese `validate --help`.
pub const PAIRING_RULE_ZH: &str = "\
文件夹：逐层查找。同一文件夹中，一个表格工作簿/CSV 与一个情况说明文本文件，在该文件夹
恰好各有一个时（不论文件名），或两者文件名相同时（foo.xlsx + foo.txt），作为同一份公开
文件检查（与 --tables/--text 相同）。两个 PDF 的文件名只差所指的部分时（…附件1 情况说明.pdf
+ …附件2 公开报表.pdf），也作为同一份文件。其余文件各自单独检查；不支持的格式跳过并提示。
命令行上直接列出的文件总是单独检查。";

/// How a file takes part in a document, by its extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    /// A workbook or CSV exchange: tables.
    Tables,
    /// Extracted text: the explanation (or a whole disclosure).
    Text,
    /// The JSON exchange format, or a published PDF: a whole document (a
    /// disclosure published as two PDFs is paired by their names, `parts.rs`,
    /// or named with `--tables`/`--text`).
    Whole,
}

fn role(path: &Path) -> Option<Role> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    match ext.as_str() {
        "xlsx" | "xlsm" | "xls" | "csv" => Some(Role::Tables),
        "txt" | "md" => Some(Role::Text),
        "json" | "pdf" => Some(Role::Whole),
        _ => None,
    }
}

fn is_pdf(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| e.eq_ignore_ascii_case("pdf"))
}

/// One document to read: a file, or a workbook/CSV of tables with the text file
/// of its explanation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Input {
    /// The file (the tables' file for a pair).
    pub path: PathBuf,
    /// The explanation's text file, for a pair.
    pub text: Option<PathBuf>,
}

impl Input {
    /// A file read alone.
    pub fn alone(path: PathBuf) -> Input {
        Input { path, text: None }
    }

    /// The files, as reports name them (tables first; the text, whose lines the
    /// text report quotes, last).
    pub fn files(&self) -> Vec<String> {
        let mut files = vec![self.path.to_string_lossy().into_owned()];
        files.extend(self.text.iter().map(|t| t.to_string_lossy().into_owned()));
        files
    }

    /// Names the file each finding location is in. For a pair, line numbers alone
    /// are ambiguous: a location is the tables' file's when it is at a sheet cell
    /// (`表5!E12`, `目录!B3`) or in a table read from that file (a row or a
    /// title), and the text's otherwise (the explanation, the text's 目录, a
    /// table only the text has). A location that already names its file (a
    /// plugin's) keeps it.
    pub fn name_files(&self, findings: &mut [Finding], imported: &Imported) {
        let files = self.files();
        let (tables_file, text_file) = (&files[0], files.last().unwrap_or(&files[0]));
        // (By kind: a table of another kind than the tables' file's is the text's.)
        let from_tables_file: Vec<TableKind> = imported.tables_file.iter().map(|(kind, _)| *kind).collect();
        for location in findings.iter_mut().flat_map(|f| &mut f.locations) {
            let in_tables = self.text.is_none()
                || location.at.cell.is_some()
                || location.table.is_some_and(|k| from_tables_file.contains(&k));
            let file = if in_tables { tables_file } else { text_file };
            location.file.get_or_insert_with(|| file.clone());
        }
    }
}

/// The documents of a run and what the walk has to say (skipped files, pairs).
#[derive(Debug, Default)]
pub struct Collected {
    /// The documents, in a stable order.
    pub inputs: Vec<Input>,
    /// Notes for stderr: files skipped, files paired by the one-of-each rule.
    pub notes: Vec<String>,
    /// The paths given that do not exist (each also among `inputs`, in its place).
    pub missing: Vec<PathBuf>,
    /// The identities of the folders walked and the files taken.
    seen: HashSet<FileId>,
}

impl Collected {
    /// Takes a document unless its file was taken already (by another path).
    fn take(&mut self, input: Input) {
        if let Some(id) = file_id(&input.path)
            && !self.seen.insert(id)
        {
            self.notes.push(format!("{}: 已跳过：与已读取的文件是同一文件", input.path.display()));
            return;
        }
        if let Some(id) = input.text.as_deref().and_then(file_id) {
            self.seen.insert(id);
        }
        self.inputs.push(input);
    }
}

/// What makes a file or folder the same one whatever the path to it.
#[cfg(unix)]
type FileId = (u64, u64);
#[cfg(not(unix))]
type FileId = PathBuf;

/// The identity of the file or folder a path leads to (through symlinks);
/// `None` when it cannot be read.
#[cfg(unix)]
fn file_id(path: &Path) -> Option<FileId> {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(path).ok().map(|m| (m.dev(), m.ino()))
}

#[cfg(not(unix))]
fn file_id(path: &Path) -> Option<FileId> {
    std::fs::canonicalize(path).ok()
}

/// Expands the paths. A path that does not exist is kept as a document (whose
/// reading fails) and listed in [`Collected::missing`], so the others are still
/// checked.
pub fn collect(paths: &[PathBuf]) -> Result<Collected, String> {
    let mut out = Collected::default();
    for path in paths {
        if path.is_dir() {
            walk(path, &mut out).map_err(|e| format!("{}: {e}", path.display()))?;
        } else if path.exists() {
            out.take(Input::alone(path.clone()));
        } else {
            out.missing.push(path.clone());
            out.inputs.push(Input::alone(path.clone()));
        }
    }
    Ok(out)
}

/// The one document a path names (`gongkai import PATH`, `gongkai export PATH`):
/// a file, or a folder holding one document (one file, or a workbook and its
/// text). The walk's notes are printed on stderr.
pub fn one_document(path: &Path) -> Result<Input, String> {
    let mut collected = collect(&[path.to_path_buf()])?;
    if !collected.missing.is_empty() {
        return Err(Lang::say(
            format!("{}：文件或文件夹不存在", path.display()),
            format!("{}: no such file or directory", path.display()),
        ));
    }
    for note in &collected.notes {
        eprintln!("{}{note}", Lang::current().pick("提示：", "note: "));
    }
    match collected.inputs.len() {
        1 => Ok(collected.inputs.remove(0)),
        0 => Err(Lang::say(
            format!("{}：文件夹中没有公开文件（.txt、.md、.pdf、.json、.xlsx、.xls、.csv）", path.display()),
            format!("{}: no disclosure file (.txt, .md, .pdf, .json, .xlsx, .xls, .csv) in the folder", path.display()),
        )),
        n => {
            let names: Vec<String> = collected.inputs.iter().map(|i| i.files().join(" + ")).collect();
            Err(Lang::say(
                format!(
                    "{}：文件夹中有 {n} 份文件（{}）；此命令只读取一份：请指定一个文件，或用 gongkai validate 批量检查",
                    path.display(),
                    names.join("、")
                ),
                format!(
                    "{}: the folder holds {n} documents ({}); this command reads one: name a file, or use `gongkai validate` for a batch",
                    path.display(),
                    names.join(", ")
                ),
            ))
        }
    }
}

fn walk(dir: &Path, out: &mut Collected) -> std::io::Result<()> {
    if let Some(id) = file_id(dir)
        && !out.seen.insert(id)
    {
        out.notes.push(format!("{}: 已跳过：该文件夹已经读取过（符号链接循环或重复的路径）", dir.display()));
        return Ok(());
    }
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)?.map(|e| e.map(|e| e.path())).collect::<Result<_, _>>()?;
    entries.retain(|p| !p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with('.')));
    entries.sort();
    let files: Vec<&PathBuf> = entries.iter().filter(|p| !p.is_dir()).collect();
    let mut partners = pair(&files, out);
    let pdfs: Vec<&PathBuf> = files.iter().copied().filter(|p| is_pdf(p)).collect();
    partners.extend(crate::parts::pair_pdfs(&pdfs, &mut out.notes));
    // In name order; a pair stands where its tables' file stands.
    for path in &entries {
        if path.is_dir() {
            walk(path, out)?;
            continue;
        }
        match role(path) {
            None => out.notes.push(Lang::say(
                format!("{}：已跳过：gongkai 不读取这种格式", path.display()),
                format!("{}: skipped: not a format gongkai reads", path.display()),
            )),
            Some(_) if partners.values().any(|t| t == path) => {}
            Some(_) => out.take(Input { path: path.clone(), text: partners.get(path).cloned() }),
        }
    }
    Ok(())
}

/// The pairs of one folder's files: tables' file → text file.
fn pair(files: &[&PathBuf], out: &mut Collected) -> BTreeMap<PathBuf, PathBuf> {
    let of = |wanted: Role| files.iter().filter(|p| role(p) == Some(wanted)).copied().collect::<Vec<_>>();
    let (tables, texts) = (of(Role::Tables), of(Role::Text));
    let mut pairs = BTreeMap::new();
    if let ([book], [text]) = (tables.as_slice(), texts.as_slice()) {
        if book.file_stem() != text.file_stem() {
            out.notes.push(Lang::say(
                format!(
                    "{} + {}：作为同一份文件检查（文件夹中唯一的工作簿或 CSV 和唯一的文本文件）",
                    book.display(),
                    text.display()
                ),
                format!(
                    "{} + {}: checked as one document (the folder's only workbook/CSV and only text file)",
                    book.display(),
                    text.display()
                ),
            ));
        }
        pairs.insert((*book).clone(), (*text).clone());
        return pairs;
    }
    let stem = |p: &PathBuf| p.file_stem().map(|s| s.to_os_string());
    let mut by_stem: BTreeMap<_, (Vec<&PathBuf>, Vec<&PathBuf>)> = BTreeMap::new();
    for book in &tables {
        by_stem.entry(stem(book)).or_default().0.push(book);
    }
    for text in &texts {
        by_stem.entry(stem(text)).or_default().1.push(text);
    }
    for (books, texts) in by_stem.values() {
        match (books.as_slice(), texts.as_slice()) {
            ([book], [text]) => {
                pairs.insert((*book).clone(), (*text).clone());
            }
            (b, t) if !b.is_empty() && !t.is_empty() => {
                let names: Vec<String> = b.iter().chain(t).map(|p| p.display().to_string()).collect();
                out.notes.push(Lang::say(
                    format!("{}：文件名相同，但不是一个工作簿加一个文本文件；各自单独检查", names.join("、")),
                    format!(
                        "{}: share a stem but are not one workbook and one text file; each is checked alone",
                        names.join(", ")
                    ),
                ));
            }
            _ => {}
        }
    }
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folder(names: &[&str]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for name in names {
            let path = dir.path().join(name);
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent).unwrap();
            }
            std::fs::write(path, "x").unwrap();
        }
        dir
    }

    /// The documents as `name` or `book+text`, relative to the folder.
    fn documents(dir: &Path) -> (Vec<String>, Vec<String>) {
        let collected = collect(&[dir.to_path_buf()]).unwrap();
        let rel = |p: &PathBuf| p.strip_prefix(dir).unwrap().to_string_lossy().into_owned();
        let docs = collected
            .inputs
            .iter()
            .map(|i| match &i.text {
                Some(t) => format!("{}+{}", rel(&i.path), rel(t)),
                None => rel(&i.path),
            })
            .collect();
        (docs, collected.notes)
    }

    #[test]
    fn one_workbook_and_one_text_are_one_document_whatever_their_names() {
        let dir = folder(&["tables.xlsx", "说明.txt"]);
        let (docs, notes) = documents(dir.path());
        assert_eq!(docs, ["tables.xlsx+说明.txt"]);
        assert!(notes[0].contains("作为同一份文件检查"), "{notes:?}");
    }

    #[test]
    fn many_files_pair_by_stem_and_the_rest_stay_alone() {
        let dir = folder(&[
            "a.xlsx",
            "a.txt",
            "b.csv",
            "b.md",
            "c.txt",
            "d.xls",
            "e.json",
            "readme.docx",
            "f.pdf",
            ".DS_Store",
        ]);
        let (docs, notes) = documents(dir.path());
        assert_eq!(docs, ["a.xlsx+a.txt", "b.csv+b.md", "c.txt", "d.xls", "e.json", "f.pdf"]);
        assert_eq!(notes.len(), 1, "{notes:?}");
        assert!(notes[0].contains("readme.docx：已跳过"), "{notes:?}");
    }

    #[test]
    fn ambiguous_stems_and_other_folders_are_not_paired() {
        let dir = folder(&["a.xlsx", "a.csv", "a.txt", "x/b.txt", "y/b.xlsx"]);
        let (docs, notes) = documents(dir.path());
        assert_eq!(docs, ["a.csv", "a.txt", "a.xlsx", "x/b.txt", "y/b.xlsx"]);
        assert!(notes.iter().any(|n| n.contains("文件名相同")), "{notes:?}");
    }

    #[test]
    fn a_file_named_on_the_command_line_is_alone() {
        let dir = folder(&["a.xlsx", "a.txt"]);
        let collected = collect(&[dir.path().join("a.xlsx")]).unwrap();
        assert_eq!(collected.inputs, [Input::alone(dir.path().join("a.xlsx"))]);
    }

    #[cfg(unix)]
    #[test]
    fn a_folder_reached_again_through_a_symlink_is_walked_once() {
        let dir = folder(&["a.txt", "x/b.json"]);
        std::os::unix::fs::symlink(".", dir.path().join("loop")).unwrap();
        std::os::unix::fs::symlink("..", dir.path().join("x/up")).unwrap();
        let (docs, notes) = documents(dir.path());
        assert_eq!(docs, ["a.txt", "x/b.json"]);
        assert_eq!(notes.len(), 2, "{notes:?}");
        assert!(notes.iter().all(|n| n.contains("已跳过")), "{notes:?}");
    }

    #[test]
    fn one_document_refuses_a_folder_of_many() {
        let dir = folder(&["a.txt", "b.txt"]);
        let err = one_document(dir.path()).unwrap_err();
        assert!(err.contains("有 2 份文件"), "{err}");
        let dir = folder(&["book.xlsx", "notes.txt"]);
        assert_eq!(one_document(dir.path()).unwrap().text, Some(dir.path().join("notes.txt")));
        let dir = folder(&["readme.docx"]);
        assert!(one_document(dir.path()).unwrap_err().contains("没有公开文件"));
    }
}
