//! Behaviour of the builtin catalog and of views with overlays, on the shipped data.

use std::num::NonZeroU32;

use gongkai_catalog::{Attestation, Catalog, CatalogOverlay, Level, NameCheck, Scheme, YearBasis, YearSet, parent_of};

fn catalog() -> &'static Catalog {
    Catalog::builtin()
}

#[test]
fn lookup_gives_names_with_provenance() {
    let info = catalog().lookup("2080505", Some(2024)).expect("2080505 is attested");
    assert_eq!(info.code, "2080505");
    assert_eq!(info.scheme, Scheme::Function);
    assert_eq!(info.level, Level::Xiang);
    let first = &info.names[0];
    assert_eq!(first.name, "机关事业单位基本养老保险缴费支出");
    assert!(first.years.contains(2024));
    // Hand-checked from the seed, and observed in many documents.
    assert_eq!(first.attestation, Attestation::HandChecked);
    assert!(first.documents > 10, "{first:?}");
    let kinds: Vec<Attestation> = first.evidence.iter().map(|e| e.attestation).collect();
    assert!(kinds.contains(&Attestation::HandChecked) && kinds.contains(&Attestation::Observed));
    let hand = &first.evidence[0];
    assert_eq!(hand.sources, ["seed2024"]);
    assert_eq!(hand.origin, "function_classification.tsv");
    assert_eq!(hand.years.to_vec(), [2024]);
    assert!(catalog().source("seed2024").is_some_and(|s| s.years.contains(2024)));
}

#[test]
fn lookup_orders_the_years_names_first() {
    let info = catalog().lookup("20805", Some(2019)).expect("20805 is attested");
    assert_eq!(info.names[0].name, "行政事业单位离退休");
    let info = catalog().lookup("20805", Some(2024)).expect("20805 is attested");
    assert_eq!(info.names[0].name, "行政事业单位养老支出");
    assert_eq!(info.names.len(), 2);
    // Without a year: most documents first.
    let info = catalog().lookup("20805", None).expect("20805 is attested");
    assert_eq!(info.names[0].name, "行政事业单位养老支出");
}

#[test]
fn department_economic_rows_take_years_from_their_sources() {
    let info = catalog().lookup("30219", None).expect("30219 is hand-checked");
    let hand = &info.names[0].evidence[0];
    assert_eq!(hand.sources, ["wanglu2018"]);
    assert_eq!(hand.years.to_vec(), [2018]);
    assert_eq!(hand.documents, 1);
}

#[test]
fn function_chain_2080101() {
    let mut chain = vec!["2080101"];
    while let Some(parent) = parent_of(chain[chain.len() - 1]) {
        chain.push(parent);
    }
    assert_eq!(chain, ["2080101", "20801", "208"]);
    let names: Vec<&str> =
        chain.iter().map(|code| catalog().lookup(code, Some(2024)).expect("attested").names[0].name).collect();
    assert_eq!(names, ["行政运行", "人力资源和社会保障管理事务", "社会保障和就业支出"]);
    let levels: Vec<Level> = chain.iter().map(|code| catalog().lookup(code, None).expect("attested").level).collect();
    assert_eq!(levels, [Level::Xiang, Level::Kuan, Level::Lei]);
}

#[test]
fn renamed_code_20805_prefers_the_years_name() {
    let names = catalog().names_for_year("20805", 2019).expect("attested");
    assert_eq!(names.basis, YearBasis::SameYear);
    assert_eq!(names.names.len(), 1);
    assert_eq!(names.names[0].name, "行政事业单位离退休");

    let names = catalog().names_for_year("20805", 2024).expect("attested");
    assert_eq!(names.basis, YearBasis::SameYear);
    assert_eq!(names.names.len(), 1);
    assert_eq!(names.names[0].name, "行政事业单位养老支出");

    // 2020 has no document: nearest years 2019 and 2021 tie; the earlier wins and the
    // answer says so.
    let names = catalog().names_for_year("20805", 2020).expect("attested");
    assert_eq!(names.basis, YearBasis::NearestYear(2019));
    assert_eq!(names.names[0].name, "行政事业单位离退休");
    // 2030: nothing that late; the latest attested year is used.
    let names = catalog().names_for_year("20805", 2030).expect("attested");
    assert_eq!(names.basis, YearBasis::NearestYear(2026));
    assert_eq!(names.names[0].name, "行政事业单位养老支出");
}

#[test]
fn renamed_code_20805_name_check() {
    assert_eq!(catalog().name_matches("20805", "行政事业单位养老支出", Some(2024)), NameCheck::Matches);
    assert_eq!(catalog().name_matches("20805", "行政事业单位离退休", Some(2019)), NameCheck::Matches);
    // The 2019 name in a 2024 document: mismatch, and the result says the printed name
    // is the 2019 one.
    let NameCheck::Mismatch { attested, printed_years } =
        catalog().name_matches("20805", "行政事业单位离退休", Some(2024))
    else {
        panic!("expected a mismatch")
    };
    assert_eq!(printed_years.to_vec(), [2019]);
    assert_eq!(attested[0].name, "行政事业单位养老支出");
    assert!(attested[0].expected);
    assert!(attested[0].documents >= 100);
    assert!(!attested[1].expected);
    // A year nobody has seen accepts either name.
    assert!(catalog().name_matches("20805", "行政事业单位离退休", Some(2020)).is_match());
    assert!(catalog().name_matches("20805", "行政事业单位养老支出", Some(2020)).is_match());
    assert!(catalog().name_matches("20805", "行政事业单位离退休", None).is_match());
}

#[test]
fn bracket_and_spacing_variants_match() {
    for printed in ["维修(护)费", "维修（护）费", "维修〔护〕费", " 维修 (护) 费", "维修（护）费（款）"]
    {
        assert!(catalog().name_matches("30213", printed, Some(2024)).is_match(), "{printed}");
    }
    assert!(catalog().name_matches("30212", "因公出国(境)费用", Some(2026)).is_match());
    assert!(catalog().name_matches("208", "社会保障和就业支出(类)", Some(2024)).is_match());
}

#[test]
fn wrong_name_is_a_mismatch_with_evidence() {
    let NameCheck::Mismatch { attested, printed_years } = catalog().name_matches("30213", "维护费", Some(2024))
    else {
        panic!("expected a mismatch")
    };
    assert!(printed_years.is_empty());
    assert_eq!(attested[0].name, "维修（护）费");
    assert!(attested[0].years.contains(2024));
}

#[test]
fn unknown_code_is_unknown() {
    // Well formed, not in the data: unknown, not wrong.
    assert_eq!(catalog().name_matches("2089998", "随便什么", Some(2024)), NameCheck::Unknown);
    assert_eq!(catalog().lookup("2089998", Some(2024)), None);
    assert_eq!(catalog().names_for_year("2089998", 2024), None);
    // Malformed codes are simply not in the data either.
    assert_eq!(catalog().name_matches("2O8", "社会保障和就业支出", Some(2024)), NameCheck::Unknown);
    assert!(!catalog().known_absent("2089998", 2024));
}

#[test]
fn nothing_is_complete_today() {
    for scheme in Scheme::ALL {
        for year in 2015..=2030 {
            assert!(!catalog().is_complete(scheme, year), "{scheme:?} {year}");
        }
    }
    assert!(catalog().data_files().iter().all(|f| !f.complete));
}

#[test]
fn search_finds_social_security_codes() {
    let hits = catalog().search("社会保障");
    let codes: Vec<&str> = hits.iter().map(|(code, _)| *code).collect();
    for expected in ["208", "20801", "20899", "2089999", "30112"] {
        assert!(codes.contains(&expected), "{expected} missing from {codes:?}");
    }
    assert!(hits.iter().all(|(_, name)| name.contains("社会保障")));
    // Sorted by code, one entry per code and name.
    assert!(hits.windows(2).all(|w| w[0] <= w[1]));
    assert!(catalog().search("").is_empty());
    assert!(catalog().search("  ").is_empty());
    // The query is normalised like the names.
    assert_eq!(catalog().search("维修(护)费"), catalog().search("维修（护）费"));
    assert!(catalog().search("不存在的名称xyz").is_empty());
}

#[test]
fn codes_named_uses_the_name_index() {
    let codes = catalog().codes_named("行政运行");
    assert!(codes.contains(&"2080101") && codes.contains(&"2010101"), "{codes:?}");
    assert!(codes.windows(2).all(|w| w[0] < w[1]));
    assert_eq!(catalog().codes_named("住房公积金"), ["2210201", "30113", "50103"]);
    assert!(catalog().codes_named("不存在").is_empty());
}

#[test]
fn unverified_rows_stay_out_of_lookups() {
    // 30203 咨询费 is only an unverified candidate in the hand-checked data…
    let candidates = catalog().unverified_candidates("30203");
    assert_eq!(candidates.len(), 1);
    assert_eq!(candidates[0].name, "咨询费");
    assert!(candidates[0].detail.contains("confidence=high"));
    // …and every name a lookup returns rests on trusted evidence.
    for code in catalog().codes() {
        let info = catalog().lookup(code, None).expect("listed codes resolve");
        for name in &info.names {
            assert!(name.evidence.iter().all(|e| e.attestation.is_trusted()), "{code}");
        }
    }
    // A candidate that no trusted file has stays unknown.
    let only_candidate = catalog()
        .data_files()
        .iter()
        .find(|f| f.attestation == Attestation::Unverified)
        .map(|f| f.path)
        .expect("the unverified file is listed");
    assert_eq!(only_candidate, "economic_classification.unverified.tsv");
    let unknown: Vec<&str> = ["50501", "51301", "59908", "50601"]
        .into_iter()
        .filter(|code| !catalog().unverified_candidates(code).is_empty())
        .filter(|code| catalog().lookup(code, None).is_none())
        .collect();
    assert!(!unknown.is_empty(), "expected some candidate-only codes among the sample");
    for code in unknown {
        assert_eq!(
            catalog().name_matches(code, catalog().unverified_candidates(code)[0].name, None),
            NameCheck::Unknown
        );
    }
}

#[test]
fn printed_variants_of_the_same_year_both_match() {
    // 山东 prints 对个人和家庭补助, elsewhere 对个人和家庭的补助, both in 2026.
    assert!(catalog().name_matches("303", "对个人和家庭补助", Some(2026)).is_match());
    assert!(catalog().name_matches("303", "对个人和家庭的补助", Some(2026)).is_match());
    let names = catalog().names_for_year("303", 2026).expect("attested");
    assert_eq!(names.names[0].name, "对个人和家庭的补助");
    assert_eq!(names.names.len(), 2);
}

#[test]
fn stats_describe_the_tables() {
    let stats = catalog().stats();
    assert!(stats.rows > 1000, "{stats:?}");
    assert!(stats.codes > 900 && stats.codes < stats.rows, "{stats:?}");
    assert_eq!(stats.candidates, 131);
    assert_eq!(catalog().codes().count(), stats.codes);
    assert!(catalog().codes().collect::<Vec<_>>().windows(2).all(|w| w[0] < w[1]));
}

#[test]
fn overlay_adds_regional_entries() {
    let mut overlay = CatalogOverlay::new("xinjiang-2024");
    overlay
        .add("30299", "其他商品和服务支出（区域细目）", &[2024], Attestation::HandChecked)
        .expect("valid entry")
        .with_documents(NonZeroU32::new(4).expect("non-zero"));
    overlay.add("2089998", "区域试点支出", &[2024], Attestation::Observed).expect("valid entry");
    let view = catalog().with_overlay(&overlay);

    // A code only the overlay knows.
    assert!(view.name_matches("2089998", "区域试点支出", Some(2024)).is_match());
    let info = view.lookup("2089998", Some(2024)).expect("overlay code");
    assert_eq!(info.names[0].evidence[0].origin, "xinjiang-2024");
    assert_eq!(info.names[0].evidence[0].sources, ["xinjiang-2024"]);
    // The builtin catalog itself is unchanged.
    assert_eq!(catalog().name_matches("2089998", "区域试点支出", Some(2024)), NameCheck::Unknown);

    // A regional name beside the builtin one: both are the year's names.
    assert!(view.name_matches("30299", "其他商品和服务支出(区域细目)", Some(2024)).is_match());
    assert!(view.name_matches("30299", "其他商品和服务支出", Some(2024)).is_match());
    let info = view.lookup("30299", Some(2024)).expect("attested");
    assert!(info.names.iter().any(|n| n.name == "其他商品和服务支出（区域细目）" && n.documents == 4));

    assert!(view.search("区域").iter().any(|(code, _)| *code == "2089998"));
    assert_eq!(view.codes_named("区域试点支出"), ["2089998"]);
    assert!(!view.is_complete(Scheme::Function, 2024));
}

#[test]
fn official_names_win_in_their_year() {
    // An overlay stands in for a future official catalog file here.
    let mut official = CatalogOverlay::new("official-2024");
    official.add("303", "对个人和家庭的补助", &[2024], Attestation::Official).expect("valid entry");
    let view = catalog().view().with_overlay(&official);
    assert!(view.name_matches("303", "对个人和家庭的补助", Some(2024)).is_match());
    // 山东's shorter form, printed in 2026 only, is another year's variant; in 2026
    // (no official list) it still matches.
    assert!(matches!(view.name_matches("303", "对个人和家庭补助", Some(2024)), NameCheck::Mismatch { .. }));
    assert!(view.name_matches("303", "对个人和家庭补助", Some(2026)).is_match());
    let names = view.names_for_year("303", 2024).expect("attested");
    assert_eq!(names.names.len(), 1);
    assert_eq!(names.names[0].attestation, Attestation::Official);

    // An observed 2024 name that the official list lacks no longer counts for 2024.
    let mut official = CatalogOverlay::new("official-2024");
    official.add("20805", "官方名称", &[2024], Attestation::Official).expect("valid entry");
    let view = catalog().with_overlay(&official);
    let NameCheck::Mismatch { attested, printed_years } =
        view.name_matches("20805", "行政事业单位养老支出", Some(2024))
    else {
        panic!("official names decide their year")
    };
    assert!(printed_years.contains(2024));
    assert_eq!(attested[0].name, "官方名称");
    assert!(attested[0].expected && !attested[1].expected);
}

#[test]
fn year_sets_print_compactly() {
    let info = catalog().lookup("301", None).expect("attested");
    let years: YearSet = info.names[0].years;
    assert_eq!(years.to_string(), "2019-2026");
}
