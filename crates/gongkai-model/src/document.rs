//! The whole disclosure document.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::{
    Claim, GlossaryEntry, MissingTable, OtherMatters, PerformanceTargets, Provenance, Section, Table, TableKind,
    TextRef, UnitProfile,
};

/// The version of the exchange format; every document carries it.
pub const SCHEMA_VERSION: &str = "1.0.0";

/// The `$id` of the published disclosure schema.
pub const DISCLOSURE_SCHEMA_ID: &str = "https://gongkai.invalid/schemas/1.0.0/disclosure.schema.json";

/// Budget (预算) or final accounts (决算).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DocumentKind {
    /// 部门预算公开.
    Budget,
    /// 部门决算公开.
    FinalAccounts,
}

/// Whether the publisher is a department (部门, consolidating its units) or one unit (单位).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum UnitLevel {
    /// 部门.
    Department,
    /// 单位.
    Unit,
}

/// Where the unit sits administratively, as far as the document says.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Region {
    /// 省/自治区/直辖市 (e.g. `新疆维吾尔自治区`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub province: Option<String>,
    /// 地/州/市 (e.g. `昌吉回族自治州`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prefecture: Option<String>,
    /// 县/区 (e.g. `奇台县`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub county: Option<String>,
}

/// The input the document was read from.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SourceInfo {
    /// The file path as given (several for a document assembled from parts).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub files: Vec<String>,
    /// The input format (`text`, `pdf`, `xlsx`, `csv`, `json`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub format: Option<String>,
    /// The character encoding assumed for text input (`UTF-8`, `GB18030`, `UTF-16LE`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub encoding: Option<String>,
    /// The number of pages (PDF) or page breaks seen.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pages: Option<u32>,
    /// Pages without a text layer (scanned images), not read.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pages_without_text: Vec<u32>,
    /// Blank pages before the last page with text, each where it starts: a PDF
    /// page that draws nothing at all (no text, image or line), a text's page
    /// between two page breaks with no character on it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub blank_pages: Vec<Provenance>,
    /// Pages whose text repeats an earlier page's word for word.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub repeated_pages: Vec<RepeatedPage>,
    /// Runs of characters no reader can show as text: U+FFFD (a character the
    /// input's encoding, or a PDF font's map to Unicode, did not give) and
    /// private-use code points (a glyph of one font, shown as a box elsewhere).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unreadable: Vec<UnreadableText>,
}

/// A run of characters that do not display as text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct UnreadableText {
    /// Where the run stands (line, page, column and length).
    pub at: Provenance,
    /// The characters as read (`\u{FFFD}`, private-use code points).
    pub text: String,
    /// The line's text around the run, for people to find it (up to ten
    /// characters each side).
    pub context: String,
}

/// A page printed twice: its text is an earlier page's, word for word.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RepeatedPage {
    /// Where the repeat starts (its first line with text, and its page).
    pub at: Provenance,
    /// The earlier page it repeats.
    pub same_as: u32,
}

/// Document metadata.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Metadata {
    /// Budget or final accounts.
    pub kind: DocumentKind,
    /// The words that decided `kind`: a cover line (`2024年度部门决算`),
    /// else the first table title naming 预算 or 决算; absent when nothing named
    /// either (the kind is then the default, a budget).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind_evidence: Option<TextRef>,
    /// The fiscal year (预算年度).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fiscal_year: Option<u16>,
    /// The publishing unit as named on the cover.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit_name: Option<TextRef>,
    /// Department or unit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit_level: Option<UnitLevel>,
    /// The region.
    #[serde(default)]
    pub region: Region,
    /// The publication date (ISO `YYYY-MM-DD`) printed at the end.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<TextRef>,
    /// The input.
    #[serde(default)]
    pub source: SourceInfo,
}

/// Which part of the document a table-of-contents entry belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DocumentPart {
    /// 单位概况.
    Profile,
    /// 公开表.
    Tables,
    /// 情况说明.
    Explanation,
    /// 名词解释.
    Glossary,
    /// Anything else.
    Other,
}

/// A table-of-contents (目录) entry.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TocEntry {
    /// The part the entry is listed under.
    pub part: DocumentPart,
    /// Its printed numbering (`十一`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub numbering: Option<String>,
    /// The title as printed.
    pub title: String,
    /// For entries of the tables part: which table the title names.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub table: Option<TableKind>,
    /// The 目录's own statement that the table is empty, where it prints one in
    /// a column (`是否空表 | 公开空表理由` → `是；不涉及`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub declared_empty: Option<String>,
    /// Its line.
    pub source: Provenance,
}

impl TocEntry {
    /// The table number its numbering prints (`表6`, `附表6`, `6` → 6); `None`
    /// for other numbering (`表2-1`, `六`).
    pub fn table_number(&self) -> Option<u32> {
        let n = self.numbering.as_deref()?.trim();
        let n = n.strip_prefix("附表").or_else(|| n.strip_prefix('表')).unwrap_or(n);
        n.parse().ok()
    }
}

/// Text the importer could not place; kept so that nothing is silently dropped.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Unparsed {
    /// The text.
    pub text: String,
    /// Why it was not placed.
    pub reason: String,
    /// Its line.
    pub source: Provenance,
}

/// A budget or final-accounts disclosure.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(extend("$id" = DISCLOSURE_SCHEMA_ID))]
pub struct Disclosure {
    /// The exchange-format version (`1.0.0` for this schema).
    pub schema_version: String,
    /// Metadata.
    pub meta: Metadata,
    /// The table of contents as printed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub contents: Vec<TocEntry>,
    /// 单位概况.
    #[serde(default)]
    pub profile: UnitProfile,
    /// The tables present in the document, in printed order (empty tables included).
    #[serde(default)]
    pub tables: Vec<Table>,
    /// Tables the template requires that the document lacks.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub missing_tables: Vec<MissingTable>,
    /// The explanation (情况说明), section by section.
    #[serde(default)]
    pub sections: Vec<Section>,
    /// The numeric claims of the explanation.
    #[serde(default)]
    pub claims: Vec<Claim>,
    /// 其他重要事项.
    #[serde(default)]
    pub other_matters: OtherMatters,
    /// Performance-target tables.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub performance_targets: Vec<PerformanceTargets>,
    /// 名词解释.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub glossary: Vec<GlossaryEntry>,
    /// The heading of the glossary part, when present (an empty glossary still has it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub glossary_heading: Option<TextRef>,
    /// Text that could not be placed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unparsed: Vec<Unparsed>,
}

impl Disclosure {
    /// An empty document of a kind.
    pub fn new(kind: DocumentKind) -> Disclosure {
        Disclosure {
            schema_version: SCHEMA_VERSION.to_owned(),
            meta: Metadata {
                kind,
                kind_evidence: None,
                fiscal_year: None,
                unit_name: None,
                unit_level: None,
                region: Region::default(),
                published: None,
                source: SourceInfo::default(),
            },
            contents: Vec::new(),
            profile: UnitProfile::default(),
            tables: Vec::new(),
            missing_tables: Vec::new(),
            sections: Vec::new(),
            claims: Vec::new(),
            other_matters: OtherMatters::default(),
            performance_targets: Vec::new(),
            glossary: Vec::new(),
            glossary_heading: None,
            unparsed: Vec::new(),
        }
    }

    /// The first table of a kind.
    pub fn table(&self, kind: TableKind) -> Option<&Table> {
        self.tables.iter().find(|t| t.kind == kind)
    }

    /// Every section, depth first.
    pub fn all_sections(&self) -> Vec<&Section> {
        fn walk<'a>(s: &'a Section, out: &mut Vec<&'a Section>) {
            out.push(s);
            for sub in &s.subsections {
                walk(sub, out);
            }
        }
        let mut out = Vec::new();
        for s in &self.sections {
            walk(s, &mut out);
        }
        out
    }

    /// Every piece of prose in the document (profile, headings, paragraphs,
    /// glossary, target-table goals), for checks that read the whole text. A
    /// text kept in two places (the same words from the same line) is listed once.
    pub fn prose(&self) -> Vec<&TextRef> {
        let mut out: Vec<&TextRef> = Vec::new();
        out.extend(self.meta.unit_name.iter());
        out.extend(self.profile.functions.iter());
        out.extend(self.profile.offices.text.iter());
        out.extend(self.profile.subordinate_units.text.iter());
        out.extend(self.profile.staffing.text.iter());
        out.extend(self.profile.other.iter());
        for s in self.all_sections() {
            out.push(&s.heading);
            out.extend(s.paragraphs.iter());
        }
        for t in &self.performance_targets {
            out.push(&t.title);
            out.extend(t.project.iter());
            out.extend(t.goal.iter());
        }
        let mut seen = std::collections::HashSet::new();
        out.retain(|t| seen.insert((t.source.line, t.text.as_str())));
        out
    }
}
