//! Where the plugin applies: the autonomous region, its prefecture-level
//! divisions, and the counties known so far (documents often name only their
//! county, as the Qitai example does).

use gongkai_plugin::RegionSpec;

/// The province.
pub const PROVINCE: &str = "新疆维吾尔自治区";

/// The prefecture-level divisions (地级市, 自治州, 地区).
pub const PREFECTURES: [&str; 14] = [
    "乌鲁木齐市",
    "克拉玛依市",
    "吐鲁番市",
    "哈密市",
    "昌吉回族自治州",
    "博尔塔拉蒙古自治州",
    "巴音郭楞蒙古自治州",
    "阿克苏地区",
    "克孜勒苏柯尔克孜自治州",
    "喀什地区",
    "和田地区",
    "伊犁哈萨克自治州",
    "塔城地区",
    "阿勒泰地区",
];

/// Counties listed by name: those of 昌吉回族自治州 (where the example comes
/// from). Others match through their province or prefecture when the document
/// names one.
pub const COUNTIES: [&str; 7] =
    ["昌吉市", "阜康市", "呼图壁县", "玛纳斯县", "奇台县", "吉木萨尔县", "木垒哈萨克自治县"];

/// The manifest's regions.
pub fn regions() -> Vec<RegionSpec> {
    let mut out = vec![RegionSpec::province(PROVINCE), RegionSpec::province("新疆")];
    out.extend(PREFECTURES.iter().map(|p| RegionSpec::prefecture(p)));
    out.extend(COUNTIES.iter().map(|c| RegionSpec::county(c)));
    out
}
