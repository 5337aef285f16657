//! The publishing unit's name, from the places that state it: a cover line, a
//! table's `编制单位：` / `部门名称：` note. A candidate is cleaned of the label
//! before it (`预算单位：`), the year and document words around it
//! (`2026年…部门预算`), and a scope in brackets after it (`（汇总）`, `（本级）`);
//! what remains must end the way a unit's name ends (`…局`, `…委员会`, `…中心`).
//! A date (`二〇二六年三月`), a report's title (`…绩效评价报告`) or a bare
//! `部门预算` is no name at all.

/// Labels that introduce a unit's name.
const LABELS: &[&str] = &["预算主管部门", "主管部门", "预算单位", "部门名称", "单位名称", "编制单位", "编制部门"];

/// Document words printed after the name on a cover (`…部门预算`), longest first.
const TRAILERS: &[&str] = &[
    "部门综合预算公开",
    "部门预算公开",
    "单位预算公开",
    "部门综合预算",
    "部门预算",
    "单位预算",
    "部门决算",
    "单位决算",
    "预算公开",
    "决算公开",
    "情况说明",
    "公开",
    "预算",
    "决算",
];

/// Scopes in brackets after a name: the same unit.
const SCOPES: &[&str] = &["汇总", "本级", "部门本级", "本部", "机关"];

/// The last characters of a unit's name.
const ENDINGS: &[char] = &[
    '局', '院', '会', '委', '厅', '处', '所', '站', '校', '队', '馆', '心', '室', '部', '办', '社', '府', '署', '团',
    '园', '场',
];

/// The unit's name in a candidate text, if it holds one.
pub fn unit_name(text: &str) -> Option<String> {
    let mut t = text.trim();
    for label in LABELS {
        if let Some(rest) = t.strip_prefix(label) {
            t = rest.trim_start_matches([':', '：', ' ']).trim();
            break;
        }
    }
    // `2026年` before the name; after it (`北京市交通委员会 2026 年度部门预算信息`),
    // the name is what stands before the year.
    if let Some(pos) = t.find('年') {
        let before = t[..pos].trim_end();
        let digits = before.len() - before.trim_end_matches(|c: char| c.is_ascii_digit()).len();
        if digits == 4 {
            let name = before[..before.len() - 4].trim();
            t = if name.is_empty() { t[pos + '年'.len_utf8()..].trim_start_matches('度').trim() } else { name };
        }
    }
    let mut changed = true;
    while changed {
        changed = false;
        for w in TRAILERS {
            if let Some(rest) = t.strip_suffix(w) {
                t = rest.trim_end();
                changed = true;
            }
        }
        // `…2026年` left before the document words.
        if let Some(rest) = t.strip_suffix('年').or_else(|| t.strip_suffix("年度")) {
            let digits = rest.trim_end_matches(|c: char| c.is_ascii_digit());
            if digits.len() + 4 <= rest.len() {
                t = digits.trim_end();
                changed = true;
            }
        }
        for scope in SCOPES {
            for (open, close) in [('（', '）'), ('(', ')')] {
                if let Some(rest) =
                    t.strip_suffix(close).and_then(|r| r.strip_suffix(scope)).and_then(|r| r.strip_suffix(open))
                {
                    t = rest.trim_end();
                    changed = true;
                }
            }
        }
    }
    let n = t.chars().count();
    let ends_as_unit = t.chars().next_back().is_some_and(|c| ENDINGS.contains(&c));
    let prose = t.contains(['。', '，', ',', ':', '：']);
    (ends_as_unit && !prose && (3..=40).contains(&n)).then(|| t.to_owned())
}

#[cfg(test)]
mod tests {
    use super::unit_name;

    #[test]
    fn names_as_printed_in_real_documents() {
        for (printed, name) in [
            ("预算主管部门：上海市普陀区人民政府万里街道办事处", "上海市普陀区人民政府万里街道办事处"),
            ("预算单位：上海市医疗保险事业管理中心", "上海市医疗保险事业管理中心"),
            ("广州市工业和信息化局部门预算", "广州市工业和信息化局"),
            ("2026年广州市统计局部门预算", "广州市统计局"),
            ("西安市公安局（汇总）", "西安市公安局"),
            ("部门名称：深圳市住房和建设局（本级）", "深圳市住房和建设局"),
            ("中共重庆市委宣传部", "中共重庆市委宣传部"),
            ("无锡市发展和改革委员会", "无锡市发展和改革委员会"),
            ("奇台县社会保险管理局", "奇台县社会保险管理局"),
            ("北京市交通委员会 2026 年度部门预算信息", "北京市交通委员会"),
            ("西安市交通运输局（部门本级）", "西安市交通运输局"),
        ] {
            assert_eq!(unit_name(printed).as_deref(), Some(name), "{printed}");
        }
    }

    #[test]
    fn dates_titles_and_bare_document_words_are_no_names() {
        for printed in
            ["二〇二六年三月", "部门预算", "长沙市财政项目支出绩效评价报告", "2026年部门综合预算公开报表", ""]
        {
            assert_eq!(unit_name(printed), None, "{printed}");
        }
    }
}
