//! A generated document as lines, each with a mark saying what it is.
//!
//! The marks are what the fault injector aims at and what the layout variants must
//! respect (a row is a row whatever its separators), and they let a fault's line be
//! found again after the layout has inserted or removed lines.

/// What a line is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Mark {
    /// Prose or headings nothing aims at.
    Plain,
    /// An empty line.
    Blank,
    /// The 目录 entry of table `n`.
    TocTable(u8),
    /// The line that opens table `n`: its `表 N` line (a 决算's title, its
    /// `公开0N表` printed under it).
    TableNumber(u8),
    /// Title, unit, header lines of table `n`.
    TableHead(u8),
    /// A data row of table `n`; `code` is the function or economic code ("" for 总计).
    TableRow {
        /// Table number.
        table: u8,
        /// Row code.
        code: String,
    },
    /// The 为空表 statement printed with table `n`.
    EmptyStatement(u8),
    /// The heading of explanation section `n` (1-based).
    SectionHeading(u8),
    /// The staffing sentence.
    Staffing,
    /// The offices sentence.
    Offices,
    /// A paragraph with numeric claims.
    Claim {
        /// It states a share (`占…%`) of an amount it also states.
        share: bool,
        /// Its first year-on-year change is non-zero (so a flipped word contradicts the rate).
        change: bool,
        /// A per-code paragraph (`…(类)…(款)…(项)：2024年预算数为…`).
        code_paragraph: bool,
    },
    /// The procurement sentence.
    Procurement {
        /// It lists the general budget's part by kind, and a procurement
        /// table prints each kind listed (so a changed figure of that list
        /// contradicts a cell).
        fund_list: bool,
    },
    /// A line citing a 文号 that is cited again elsewhere (`first`: the first citation).
    DocNumber {
        /// The first citation.
        first: bool,
    },
    /// A line of a performance-target table.
    Target,
    /// A paragraph of a 决算's explanation with numeric claims.
    FinalClaim {
        /// Its first amount is a figure a table prints (so a changed one
        /// contradicts a cell).
        printed: bool,
        /// It states a budget, an outturn and the rate of completion
        /// (`年初预算为…，支出决算为…，完成年初预算的…%`).
        completion: bool,
        /// It compares a “三公” category's outturn with a different budget in
        /// words (`决算数小于预算数`).
        comparison: bool,
    },
}

/// One line.
#[derive(Clone, Debug)]
pub struct Line {
    /// The text, without newline.
    pub text: String,
    /// What it is.
    pub mark: Mark,
    /// Set on the lines where the injected fault must be reported.
    pub expect: bool,
}

/// A document under construction.
#[derive(Clone, Debug, Default)]
pub struct Doc {
    /// The lines.
    pub lines: Vec<Line>,
}

impl Doc {
    /// Appends a line.
    pub fn push(&mut self, text: impl Into<String>, mark: Mark) {
        self.lines.push(Line { text: text.into(), mark, expect: false });
    }

    /// Appends an empty line.
    pub fn blank(&mut self) {
        self.push("", Mark::Blank);
    }

    /// Appends a paragraph and the empty line after it.
    pub fn para(&mut self, text: impl Into<String>, mark: Mark) {
        self.push(text, mark);
        self.blank();
    }

    /// The text with a final newline.
    pub fn text(&self) -> String {
        let mut out = String::with_capacity(self.lines.iter().map(|l| l.text.len() + 1).sum());
        for l in &self.lines {
            out.push_str(&l.text);
            out.push('\n');
        }
        out
    }

    /// 1-based numbers of the lines marked as expected.
    pub fn expected_lines(&self) -> Vec<u32> {
        self.lines.iter().enumerate().filter(|(_, l)| l.expect).map(|(i, _)| (i + 1) as u32).collect()
    }
}

/// Cells joined by tabs.
pub fn row<S: AsRef<str>>(cells: &[S]) -> String {
    let mut out = String::new();
    for (i, c) in cells.iter().enumerate() {
        if i > 0 {
            out.push('\t');
        }
        out.push_str(c.as_ref());
    }
    out
}
