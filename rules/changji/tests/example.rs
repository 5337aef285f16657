//! CJ001 on the Qitai 2024 example, in-process through the `rlib`.

use gongkai_import::{ImportOptions, import_file};
use gongkai_plugin::gongkai_model::{Disclosure, Number, Region, Severity};
use gongkai_plugin_changji::plugin;

fn example() -> Disclosure {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/qitai-2024-budget.txt");
    import_file(path, &ImportOptions::default()).expect("the example imports").document
}

#[test]
fn applies_to_qitai() {
    let manifest = plugin().manifest();
    manifest.validate().expect("valid manifest");
    let qitai = Region { county: Some("奇台县".into()), ..Region::default() };
    assert!(manifest.region_match(&qitai).is_some());
    assert!(manifest.template.is_none());
    assert!(manifest.rules.iter().all(|r| r.doc_zh.contains("## 检查内容") && r.doc_zh.contains("## 示例")));
}

#[test]
fn differing_name_with_equal_amount_is_a_warning() {
    let findings = plugin().check(&example());
    assert_eq!(findings.len(), 1, "{findings:#?}");
    let f = &findings[0];
    assert_eq!((f.rule.as_str(), f.severity), ("CJ001", Severity::Warning));
    assert!(f.message.contains("2024年破产企业生活费(县级配套)") && f.message.contains("2024年破产企业生活费补助项目"));
    assert!(f.message.contains("82.46"));
    assert_eq!(f.locations.len(), 2);
}

#[test]
fn differing_amount_is_an_error_and_a_missing_table_too() {
    let mut doc = example();
    let total = doc.performance_targets[1].funding.iter_mut().find(|f| f.is_total).expect("a total line");
    total.amount.value.value = Number::parse("80.00").expect("number");
    let findings = plugin().check(&doc);
    assert_eq!(findings.len(), 1, "{findings:#?}");
    assert_eq!(findings[0].severity, Severity::Error);
    assert!(findings[0].message.contains("金额不一致"));

    doc.performance_targets.truncate(1);
    let findings = plugin().check(&doc);
    assert!(findings[0].message.contains("没有同名同金额"), "{findings:#?}");
}
