//! The walk over one paragraph that turns figures into claims.
//!
//! A claim opens with a subject phrase and a figure (`基本支出927.93万元`); the
//! clauses after it add to it (`占91.81%`, `比上年预算增加414.95万元`, `增长80.89%`,
//! `主要包括：…`) until a clause opens with a subject of its own. What decides the
//! role of a figure is the text just before it, its *lead* (from the last clause
//! separator or figure to the figure):
//!
//! * ends with a direction word (增加, 下降 …) → a change amount or rate; if a
//!   subject stands before the comparative (`因公出国（境）费增加…`), a new change-only
//!   claim;
//! * contains `占` (percent figures) → a share;
//! * otherwise → a new amount claim; a generic subject (`2024年预算数为`) takes the
//!   heading before the colon (`…(类)…(款)…(项)：`), a property (`价值`) the item
//!   before it (`房屋` → `房屋价值`).
//!
//! Reasons (`主要原因是…`) and uses (`主要用于…`) run to the end of the sentence and
//! produce nothing unless a clause in them has its own subject and figure, which is
//! how the 三公 paragraph chains its items after each reason.
//!
//! Every look-back is bounded ([`LEAD_WINDOW`]) and every look-ahead is cached, so the
//! walk is linear in the paragraph length.

use std::ops::Range;

use gongkai_model::{ClaimKind, ClaimSubject, Direction, Unit};

use crate::composition::{list_start, split_items};
use crate::direction::{comparative_start, direction_before, flat_word_at};
use crate::quantity::{Figure, find_figures};
use crate::subject::{Subject, derive, numbering_end};
use crate::text::Text;
use crate::{ParsedChange, ParsedClaim, Spanned};

/// How far back (in characters) a subject phrase may start before its figure. Real
/// subjects are far shorter; the bound keeps garbage input linear.
const LEAD_WINDOW: usize = 80;

/// First characters of [`REASON_WORDS`], `包括` and the no-change words: a cheap
/// filter so that most characters are not compared with every keyword.
const KEYWORD_FIRST_CHARS: &str = "原主具详包持无没保一";

/// The longest list (in characters) read after `包括`; longer text is prose, and the
/// bound keeps repeated `包括` without punctuation linear.
const MAX_LIST: usize = 600;

/// The longest paragraph title (in characters, numbering included): a title
/// names an item; a longer figure-free sentence is prose.
const MAX_TITLE: usize = 24;

/// Words that open a reason or description running to the end of the sentence.
const REASON_WORDS: &[&str] = &["原因", "主要用于", "主要是", "具体情况见", "详见"];

/// Whether `range` is a short numbered title naming an item
/// (`2．公务用车购置费支出情况说明`): numbered, at most [`MAX_TITLE`] characters,
/// naming something once its numbering is left out, in one clause that gives
/// no reason or use (`2.主要用于信访事务。` describes; it titles nothing).
pub(crate) fn is_short_title(text: &Text, range: Range<usize>) -> bool {
    let r = text.trim(range);
    r.len() <= MAX_TITLE
        && !(r.start..r.end).any(|i| matches!(text.key(i), ',' | ';'))
        && !REASON_WORDS.iter().any(|w| text.rfind(r.clone(), w).is_some())
        && numbering_end(text, r.clone()).is_some()
        && derive(text, r).is_named()
}

/// An item's label followed by a stage's words (`学前教育` + `支出决算`), the word
/// `支出` once (`公务用车购置费支出` + `支出决算` → `公务用车购置费支出决算`).
fn at_stage(item: &str, stage: &str) -> String {
    let item = if stage.starts_with("支出") { item.strip_suffix("支出").unwrap_or(item) } else { item };
    format!("{item}{stage}")
}

/// Parses one paragraph.
pub(crate) fn parse(paragraph: &str) -> Vec<ParsedClaim> {
    let text = Text::new(paragraph);
    let figures = find_figures(&text);
    Parser {
        text: &text,
        figures,
        next_figure: 0,
        claims: Vec::new(),
        current: None,
        reason: false,
        heading: None,
        title: None,
        lead_start: 0,
        sentence_start: 0,
        prior_year_figure: None,
        clause_end_cache: 0,
        list: None,
    }
    .run()
}

/// The whole a share names between `占` and its figure (`占授予中小企业合同金额的
/// 55.78%` → `授予中小企业合同金额`, `占“三公”经费的比例为7.32%` → `“三公”经费`);
/// `None` for a bare share (`占55.78%`, `占比为55.78%`).
fn share_base(text: &Text, range: Range<usize>) -> Option<String> {
    let range = text.trim(range);
    let (start, mut end) = (range.start, range.end);
    // Words between the whole and the figure, longest first.
    const LINKS: &[&str] =
        &["的比例为", "的比重为", "的比例", "的比重", "比例为", "比重为", "比例", "比重", "的", "为", "约", "达"];
    while let Some(s) = LINKS.iter().find_map(|w| text.ends_with(end, w).filter(|&s| s >= start)) {
        end = s;
    }
    let range = text.trim(start..end);
    // `占比` is the word "share", not a whole.
    let start = if text.at(range.start, "比") { range.start + 1 } else { range.start };
    (range.end >= start + 2).then(|| text.printed(start..range.end))
}

/// The measure `lead` names when it says only that its figure is last year's
/// (`（去年预算数为` → `预算数`, `上年执行数为` → `执行数`, `上年为` → ``): a
/// prior-year word, a measure, a verb; `None` for any other lead.
fn prior_year_measure(text: &Text, lead: Range<usize>) -> Option<&'static str> {
    let printed = text.printed(text.trim(lead));
    let mut rest = printed.trim_start_matches(['(', '（', '，', ',', ' ']).trim_end_matches([':', '：', ' ']);
    for verb in ["为", "是"] {
        rest = rest.strip_suffix(verb).unwrap_or(rest);
    }
    let measure = ["上一年", "上年", "去年"].iter().find_map(|y| rest.strip_prefix(y))?;
    ["", "预算数", "预算", "年初预算数", "年初预算", "执行数", "预算执行数", "决算数", "同期", "同期数"]
        .into_iter()
        .find(|m| *m == measure)
}

/// The year a comparison names and the rest: `2025年预算执行数` → (`Some("2025年")`,
/// `预算执行数`), `上年决算数` → (`None`, `决算数`) for last year however worded;
/// `None` when it names no year.
fn comparison_year(phrase: &str) -> Option<(Option<&str>, &str)> {
    if let Some(rest) = ["上一年", "上年", "去年"].iter().find_map(|y| phrase.strip_prefix(y)) {
        return Some((None, rest.strip_prefix("度").unwrap_or(rest)));
    }
    let digits = phrase.char_indices().take_while(|(_, c)| c.is_ascii_digit()).count();
    if digits != 4 || !phrase[4..].starts_with('年') {
        return None;
    }
    let year = &phrase[..4 + '年'.len_utf8()];
    let rest = &phrase[year.len()..];
    Some((Some(year), rest.strip_prefix("度").unwrap_or(rest)))
}

/// Ends a sentence: reasons and headings do not reach past it.
fn is_sentence_end(c: char) -> bool {
    matches!(c, '。' | ';' | '!' | '?' | '\n' | '\r')
}

/// Ends a clause (a sentence end, a comma or a tab-separated cell).
fn is_clause_end(c: char) -> bool {
    is_sentence_end(c) || matches!(c, ',' | '\t')
}

struct Parser<'t> {
    text: &'t Text,
    figures: Vec<Figure>,
    next_figure: usize,
    claims: Vec<ParsedClaim>,
    /// The claim later clauses add to.
    current: Option<usize>,
    /// Inside a reason or description.
    reason: bool,
    /// The text before the last colon of this sentence, if it names something.
    heading: Option<Range<usize>>,
    /// The paragraph's title: a numbered first sentence without figures that
    /// names something (`1.因公出国（境）费用。2026年预算数38.40万元…`). A
    /// generic subject anywhere in the paragraph takes it when no heading
    /// before a colon stands in its sentence.
    title: Option<Range<usize>>,
    /// Where the lead of the next figure or word starts.
    lead_start: usize,
    /// Where the current sentence starts.
    sentence_start: usize,
    /// A figure of this sentence stated as last year's before any change
    /// (`上年执行数为40.00万元，…`), with its measure (`执行数`).
    prior_year_figure: Option<(Spanned<gongkai_model::Quantity>, &'static str)>,
    /// The next clause end at or after the last position asked (queries only move forward).
    clause_end_cache: usize,
    /// A `其中` enumeration in this sentence: its head (the claim before `其中`),
    /// how many amount claims it lists, and whether they are joined by `、`.
    list: Option<List>,
}

/// `收入A万元，其中：甲B万元、乙C万元、丙D万元，较上年减少E万元`: the change after an
/// enumeration of parts is the whole's, not the last part's.
#[derive(Clone, Copy)]
struct List {
    head: usize,
    items: usize,
    enumerated: bool,
}

impl Parser<'_> {
    fn run(mut self) -> Vec<ParsedClaim> {
        let n = self.text.len();
        let mut i = 0;
        while i < n {
            if let Some(f) = self.figures.get(self.next_figure).filter(|f| f.span.start <= i).cloned() {
                self.next_figure += 1;
                if f.span.start == i {
                    self.on_figure(&f);
                    i = f.span.end;
                    self.lead_start = i;
                }
                continue;
            }
            let c = self.text.key(i);
            if is_sentence_end(c) {
                if self.claims.is_empty() && self.next_figure == 0 && self.title.is_none() {
                    self.title = self.numbered_title(0..i);
                }
                self.reason = false;
                self.heading = None;
                self.list = None;
                self.lead_start = i + 1;
                self.sentence_start = i + 1;
                self.prior_year_figure = None;
            } else if c == '其' && self.text.at(i, "其中") {
                self.list = self.current.filter(|&h| self.claims[h].amount.is_some()).map(|head| List {
                    head,
                    items: 0,
                    enumerated: false,
                });
            } else if c == '、' {
                if let Some(list) = self.list.as_mut() {
                    list.enumerated = true;
                }
            } else if matches!(c, ',' | '\t') {
                self.lead_start = i + 1;
            } else if c == ':' {
                self.on_colon(i);
                self.lead_start = i + 1;
            } else if !self.reason && KEYWORD_FIRST_CHARS.contains(c) {
                if REASON_WORDS.iter().any(|w| self.text.at(i, w)) {
                    self.reason = true;
                } else if self.text.at(i, "包括") {
                    if let Some(end) = self.on_list(i) {
                        i = end;
                        self.lead_start = end;
                        continue;
                    }
                } else if let Some(len) = flat_word_at(self.text, i) {
                    self.on_flat(i, len);
                    i += len;
                    self.lead_start = i;
                    continue;
                }
            }
            i += 1;
        }
        self.claims
    }

    /// The lead of something starting at `end`, bounded by [`LEAD_WINDOW`].
    fn lead(&self, end: usize) -> Range<usize> {
        self.lead_start.max(end.saturating_sub(LEAD_WINDOW)).min(end)..end
    }

    /// The next clause end at or after `i` (cached; `i` never decreases).
    fn clause_end(&mut self, i: usize) -> usize {
        if self.clause_end_cache < i {
            let mut j = i;
            while j < self.text.len() && !is_clause_end(self.text.key(j)) {
                j += 1;
            }
            self.clause_end_cache = j;
        }
        self.clause_end_cache
    }

    /// Whether a clause inside a reason may open a claim: only with a real subject.
    /// Whether the words in `range` (before a comparative `比…`) name a subject
    /// of their own (`支出预算比…`), not only connect to the figure before (`，比…`).
    fn names_own_subject(&self, range: std::ops::Range<usize>) -> bool {
        let subject = derive(self.text, range);
        subject.is_named() || !subject.names.is_empty()
    }

    fn reason_allows(&self, subject: &Subject) -> bool {
        !self.reason || (subject.is_named() && !subject.mentions("原因"))
    }

    fn on_colon(&mut self, colon: usize) {
        if self.reason {
            return;
        }
        let lead = self.lead(colon);
        let subject = derive(self.text, lead.clone());
        if subject.is_named() || !subject.names.is_empty() {
            self.heading = Some(lead);
        }
    }

    fn on_figure(&mut self, f: &Figure) {
        let lead = self.lead(f.span.start);
        let quantity = Spanned { value: f.quantity, span: f.span.clone() };
        if let Some(word) = direction_before(self.text, lead.clone()) {
            let comparative = comparative_start(self.text, lead.start..word.span.start);
            let change_start = comparative.unwrap_or(word.span.start);
            let subject = derive(self.text, lead.start..change_start);
            if !self.reason_allows(&subject) {
                return;
            }
            let is_rate = f.quantity.unit == Unit::Percent;
            let free = |c: &ParsedClaim| {
                c.change.as_ref().is_none_or(|ch| if is_rate { ch.rate.is_none() } else { ch.amount.is_none() })
            };
            // After an enumeration of parts (two or more, joined by `、`), a change
            // without a subject of its own is the whole's.
            let whole = self
                .list
                .filter(|l| l.items >= 2 && l.enumerated && !subject.is_named() && subject.names.is_empty())
                .map(|l| l.head)
                .filter(|&h| free(&self.claims[h]));
            let idx = match whole {
                Some(head) => {
                    self.current = Some(head);
                    head
                }
                None => self.subject_or_current(subject, change_start, free),
            };
            let base = comparative
                .filter(|_| self.claims[idx].change.as_ref().is_none_or(|ch| ch.prior.is_none()))
                .and_then(|c| self.stated_base(idx, c..word.span.start));
            let direction = Spanned { value: word.direction, span: word.span };
            let claim = &mut self.claims[idx];
            let change = claim.change.get_or_insert_with(|| ParsedChange::starting_at(change_start));
            if base.is_some() {
                change.prior = base;
            }
            if is_rate {
                change.rate_direction = Some(direction);
                change.rate = Some(quantity);
            } else {
                change.direction = Some(direction);
                change.amount = Some(quantity);
            }
            change.span = change.span.start.min(change_start)..f.span.end;
            claim.span.end = claim.span.end.max(f.span.end);
        } else if f.quantity.unit == Unit::Percent {
            let share_word = self.text.rfind(lead.clone(), "占");
            // `占财政性资金(人员类…除外)总额的比例为100%`: a share of a base the text
            // narrows by an exclusion cannot be checked against any printed total.
            if let Some(w) = share_word
                && ["除外", "不含", "扣除", "以外"].iter().any(|m| self.text.rfind(w..f.span.start, m).is_some())
            {
                return;
            }
            let subject = derive(self.text, lead.start..share_word.unwrap_or(lead.end));
            if !self.reason_allows(&subject) {
                return;
            }
            let start = share_word.unwrap_or(f.span.start);
            let idx = self.subject_or_current(subject, start, |c| c.share.is_none());
            let base = share_word.and_then(|w| share_base(self.text, w + 1..f.span.start));
            let claim = &mut self.claims[idx];
            claim.share = Some(quantity);
            claim.share_of = base;
            claim.span.end = claim.span.end.max(f.span.end);
        } else if let Some(comparative) = comparative_start(self.text, lead.clone())
            && let Some(current) = self.current.filter(|&c| {
                let claim = &self.claims[c];
                claim.amount.is_some()
                    && claim.change.as_ref().is_none_or(|ch| ch.prior.is_none() && ch.amount.is_none())
            })
            && !self.names_own_subject(lead.start..comparative)
        {
            // `A万元，比2025年年初预算数B万元减少C万元`: B is what A is compared
            // with (last year's figure, the base of the rate), not a claim of its own.
            let claim = &mut self.claims[current];
            let change = claim.change.get_or_insert_with(|| ParsedChange::starting_at(comparative));
            change.prior = Some(quantity);
            change.span = change.span.start.min(comparative)..f.span.end;
            claim.span.end = claim.span.end.max(f.span.end);
        } else if let Some(comparative) = comparative_start(self.text, lead.clone())
            && self.names_own_subject(lead.start..comparative)
        {
            // `“三公”经费比2023年年初预算数B万元增加C万元，增长D%`: this year's
            // amount is not stated; B is last year's, the base of the change that
            // follows — never this year's amount.
            let subject = self.complete(derive(self.text, lead.start..comparative));
            if !self.reason_allows(&subject) {
                return;
            }
            let kind = subject.kind.unwrap_or(ClaimKind::Amount);
            let start = subject.start;
            let idx = self.new_claim(subject, kind, start);
            let claim = &mut self.claims[idx];
            let change = claim.change.get_or_insert_with(|| ParsedChange::starting_at(comparative));
            change.prior = Some(quantity);
            change.span = comparative..f.span.end;
            claim.span.end = f.span.end;
        } else if let Some(measure) = prior_year_measure(self.text, lead.clone()) {
            // `…增加196万元（去年预算数为0万元，无法计算增减比率）`: last year's
            // figure, the base of the change before it — never a claim of its own;
            // before any change (`上年执行数为A万元，本年预算B万元，比上年执行数增长X%`),
            // the base of the one the sentence names it in.
            let change = self.current.and_then(|current| {
                let claim = &mut self.claims[current];
                claim.amount.as_ref()?;
                claim.change.as_mut().filter(|ch| ch.prior.is_none())
            });
            match change {
                Some(change) => change.prior = Some(quantity),
                None => self.prior_year_figure = Some((quantity, measure)),
            }
        } else {
            let subject = derive(self.text, lead);
            if !self.reason_allows(&subject) {
                return;
            }
            let subject = self.complete(subject);
            let kind = subject.kind.unwrap_or(ClaimKind::Amount);
            let start = if subject.label.is_empty() && subject.names.is_empty() { f.span.start } else { subject.start };
            let idx = self.new_claim(subject, kind, start);
            if let Some(list) = self.list.as_mut() {
                list.items += 1;
            }
            let claim = &mut self.claims[idx];
            claim.amount = Some(quantity);
            claim.span.end = f.span.end;
        }
        self.reason = false;
    }

    /// The figure a change compares with, stated earlier in the sentence as a
    /// claim of its own (`2025年预算执行数为A万元，2026年预算安排B万元，比2025年预算
    /// 执行数增加X%`): the comparison (`phrase`, from `比` to the direction word)
    /// names a year and a measure; the base is the last amount before the
    /// changing claim `idx`, in this sentence, whose subject is that measure and
    /// whose clause names that year. Without a measure (`比上年增长`) or a year
    /// the comparison is with a figure the sentence does not give.
    fn stated_base(&self, idx: usize, phrase: Range<usize>) -> Option<Spanned<gongkai_model::Quantity>> {
        let printed = self.text.printed(self.text.trim(phrase));
        let (year, measure) = comparison_year(printed.trim_start_matches(['比', '较', '与', '和']))?;
        let measure = measure.trim_end_matches('数');
        if !["预算", "执行", "决算"].iter().any(|m| measure.contains(m)) {
            return None;
        }
        if year.is_none()
            && let Some((figure, stated)) = &self.prior_year_figure
            && (stated.is_empty() || stated.trim_end_matches('数').ends_with(measure))
        {
            return Some(figure.clone());
        }
        self.claims[..idx].iter().rev().find_map(|c| {
            let amount = c.amount.as_ref()?;
            if c.span.start < self.sentence_start {
                return None;
            }
            let label = c.subject.label.trim_end_matches('数');
            let names = label.ends_with(measure) || (label.chars().count() >= 2 && measure.ends_with(label));
            let clause = self.clause_before(amount.span.start);
            let dated = match year {
                Some(y) => clause.contains(y),
                None => ["上年", "去年", "上一年"].iter().any(|w| clause.contains(w)),
            };
            (names && dated).then(|| amount.clone())
        })
    }

    /// The printed clause before `end`, from the last clause end or colon.
    fn clause_before(&self, end: usize) -> String {
        let mut start = end;
        while start > self.sentence_start && !is_clause_end(self.text.key(start - 1)) && self.text.key(start - 1) != ':'
        {
            start -= 1;
        }
        self.text.printed(start..end)
    }

    /// `range` as the paragraph's title: numbered, naming something, and short —
    /// or a chain of 类/款/项 names, however long its names
    /// (`1.一般公共服务（类）信访事务（款）行政运行（项）`).
    fn numbered_title(&self, range: Range<usize>) -> Option<Range<usize>> {
        let r = self.text.trim(range);
        let subject = derive(self.text, r.clone());
        let short = r.len() <= MAX_TITLE || !subject.names.is_empty();
        (short && numbering_end(self.text, r.clone()).is_some() && subject.is_named()).then_some(r)
    }

    /// A generic subject takes the heading (or else the paragraph's title); a
    /// property takes the current item's name.
    fn complete(&self, subject: Subject) -> Subject {
        // (A final figure with no figure before it, `1.…（项）。支出决算为60.00
        // 万元`, is the title's item at that stage.)
        let first_final = subject.final_stage && self.current.is_none();
        if subject.names.is_empty()
            && (subject.label.is_empty() || subject.generic || first_final)
            && let Some(heading) = self.heading.clone().or_else(|| self.title.clone())
        {
            let mut from_heading = derive(self.text, heading);
            if !from_heading.names.is_empty() {
                // Names before a colon introduce a per-code paragraph, even a lone 类.
                from_heading.kind = Some(ClaimKind::CodeParagraph);
            }
            if first_final && !from_heading.label.is_empty() {
                from_heading.label = at_stage(&from_heading.label, &subject.label);
            }
            return from_heading;
        }
        // A generic measure with neither heading nor title (`行政运行（01项）
        // 376.61万元。主要用于…。本年预算安排376.16万元`) is of the paragraph's
        // topic: the subject of its first amount.
        if subject.names.is_empty()
            && subject.generic
            && let Some(topic) = self.claims.iter().find(|c| c.amount.is_some() && !c.subject.label.is_empty())
        {
            let kind = (!topic.subject.names.is_empty()).then_some(topic.kind);
            let (label, names) = (topic.subject.label.clone(), topic.subject.names.clone());
            return Subject { label, names, kind, generic: false, ..subject };
        }
        // `…（项）。年初预算999.83万元，支出决算1,182.59万元`: the final figure of
        // the subject just stated, with its names.
        // (Not after a final figure of its own: `收入决算…，支出决算…` are two.)
        if subject.final_stage
            && let Some(current) = self.current
            && !self.claims[current].subject.label.is_empty()
            && !self.claims[current].subject.label.contains("决算")
        {
            let base = &self.claims[current];
            let kind = (!base.subject.names.is_empty()).then_some(base.kind);
            // (`“三公”经费支出预算…，支出决算…`: the budget's words give way.)
            let mut own = base.subject.label.as_str();
            for stage in ["支出预算", "年初预算数", "年初预算", "预算数", "预算"] {
                own = own.strip_suffix(stage).unwrap_or(own);
            }
            let label = at_stage(own, &subject.label);
            return Subject { label, names: base.subject.names.clone(), kind, ..subject };
        }
        if subject.attribute
            && let Some(current) = self.current
            && !self.claims[current].subject.label.is_empty()
        {
            let base = &self.claims[current].subject.label;
            return Subject { label: format!("{base}{}", subject.label), ..subject };
        }
        subject
    }

    /// The claim a share or change goes to: a new one if the clause names a subject,
    /// else the current claim if `free` says the slot is still empty, else a new one.
    fn subject_or_current(&mut self, subject: Subject, start: usize, free: impl Fn(&ParsedClaim) -> bool) -> usize {
        if !subject.is_named()
            && subject.names.is_empty()
            && let Some(current) = self.current.filter(|&c| free(&self.claims[c]))
        {
            return current;
        }
        let subject = self.complete(subject);
        let kind = subject.kind.unwrap_or(ClaimKind::Amount);
        let start = if subject.label.is_empty() { start } else { subject.start.min(start) };
        self.new_claim(subject, kind, start)
    }

    fn new_claim(&mut self, subject: Subject, kind: ClaimKind, start: usize) -> usize {
        self.claims.push(ParsedClaim {
            kind,
            subject: ClaimSubject { label: subject.label, code: None, names: subject.names },
            amount: None,
            share: None,
            share_of: None,
            change: None,
            items: Vec::new(),
            span: start..start,
        });
        self.current = Some(self.claims.len() - 1);
        self.claims.len() - 1
    }

    /// `包括` at `keyword`: a list of items if no figure follows in the clause.
    /// Returns where to resume, or `None` to read on as usual.
    fn on_list(&mut self, keyword: usize) -> Option<usize> {
        let end = self.clause_end(keyword);
        let figure_follows = self.figures.get(self.next_figure).is_some_and(|f| f.span.start < end);
        if figure_follows {
            return None;
        }
        let start = list_start(self.text, keyword);
        if end.saturating_sub(start) > MAX_LIST {
            return None;
        }
        let (items, items_end) = split_items(self.text, start..end);
        if items.is_empty() {
            return None;
        }
        let mut pre_end = keyword;
        for filler in ["主要", "具体", "还", "分别"] {
            if let Some(s) = self.text.ends_with(pre_end, filler).filter(|&s| s >= self.lead_start) {
                pre_end = s;
            }
        }
        let subject = derive(self.text, self.lead(keyword).start..pre_end);
        let idx = if subject.is_named() {
            let start = subject.start;
            self.new_claim(subject, ClaimKind::Composition, start)
        } else {
            let current = self.current.filter(|&c| self.claims[c].items.is_empty())?;
            if self.claims[current].kind == ClaimKind::Amount {
                self.claims[current].kind = ClaimKind::Composition;
            }
            current
        };
        let claim = &mut self.claims[idx];
        claim.items = items;
        claim.span.end = claim.span.end.max(items_end);
        Some(end)
    }

    /// A no-change word (`持平`) at `at`, `len` characters long.
    fn on_flat(&mut self, at: usize, len: usize) {
        let lead = self.lead(at);
        let comparative = comparative_start(self.text, lead.clone());
        if comparative.is_none() && self.text.at(at, "一致") {
            return;
        }
        let change_start = comparative.unwrap_or(at);
        let subject = derive(self.text, lead.start..change_start);
        let idx = if subject.is_named() {
            let start = subject.start;
            self.new_claim(subject, ClaimKind::Amount, start)
        } else {
            match self.current.filter(|&c| self.claims[c].change.is_none()) {
                Some(c) => c,
                None => return,
            }
        };
        let claim = &mut self.claims[idx];
        let change = claim.change.get_or_insert_with(|| ParsedChange::starting_at(change_start));
        change.direction = Some(Spanned { value: Direction::Flat, span: at..at + len });
        change.span = change.span.start.min(change_start)..at + len;
        claim.span.end = claim.span.end.max(at + len);
    }
}
