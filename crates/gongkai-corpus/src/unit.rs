//! The unit a document is about: name, kind, offices and staffing.

use crate::rng::Rng;

/// Staffing of the unit profile.
#[derive(Clone, Debug)]
pub struct Staff {
    /// 编制数.
    pub quota: u32,
    /// 在职.
    pub active: u32,
    /// 退休.
    pub retired: u32,
    /// 离休.
    pub lixiu: u32,
    /// Changes against last year (在职, 退休).
    pub changes: (u32, u32),
}

impl Staff {
    /// 实有人数 = 在职 + 退休 + 离休.
    pub fn total(&self) -> u32 {
        self.active + self.retired + self.lixiu
    }
}

/// A budget unit.
#[derive(Clone, Debug)]
pub struct Unit {
    /// Full name (`奇台县社会保险中心`).
    pub name: String,
    /// The county (`奇台县`).
    pub county: String,
    /// The character used in county 文号 (`奇`).
    pub county_short: String,
    /// The name without the county, for project names.
    pub short_name: String,
    /// Administrative unit (行政单位) rather than public institution (事业单位).
    pub admin: bool,
    /// Internal offices.
    pub offices: Vec<String>,
    /// Staffing.
    pub staff: Staff,
    /// Main functions paragraph.
    pub functions: String,
}

const COUNTIES: [&str; 10] = [
    "奇台县",
    "吉木萨尔县",
    "木垒哈萨克自治县",
    "呼图壁县",
    "玛纳斯县",
    "阜康市",
    "昌吉市",
    "温宿县",
    "伊宁县",
    "沙湾市",
];

const ADMIN: [(&str, &str); 8] = [
    ("农业农村局", "负责全县农业农村发展规划、农村经营管理和农业技术推广的统筹协调工作"),
    ("自然资源局", "负责全县自然资源调查监测、确权登记和国土空间用途管制工作"),
    ("市场监督管理局", "负责全县市场综合监督管理、市场主体登记和产品质量安全监督工作"),
    ("司法局", "负责全县法治建设的统筹规划、人民调解和公共法律服务体系建设工作"),
    ("审计局", "负责全县预算执行、财务收支和政府投资项目的审计监督工作"),
    ("统计局", "负责全县统计调查、统计监督和统计信息发布工作"),
    ("民政局", "负责全县社会救助、养老服务、社会组织登记和社区治理工作"),
    ("水利局", "负责全县水资源管理、水利工程建设与运行管理和防汛抗旱工作"),
];

const INSTITUTIONS: [(&str, &str); 8] = [
    ("社会保险中心", "负责全县社会保险待遇的核定、支付和基金征缴稽核工作"),
    ("农业技术推广中心", "负责全县农业新技术、新品种的试验示范和推广服务工作"),
    ("公共资源交易中心", "负责全县公共资源交易平台的运行维护和交易活动的现场服务工作"),
    ("林业工作站", "负责全县林业资源保护、造林绿化和林业有害生物防治工作"),
    ("畜牧兽医发展中心", "负责全县动物疫病防控、畜牧技术推广和畜产品质量安全服务工作"),
    ("城市管理服务中心", "负责县城市容环境卫生、市政设施维护和园林绿化管护工作"),
    ("档案馆", "负责全县档案的接收、保管、开发利用和档案信息化建设工作"),
    ("水利工作站", "负责乡镇水利设施管护、灌溉用水调度和水费计收服务工作"),
];

const OFFICES: [&str; 14] = [
    "办公室",
    "综合股",
    "财务股",
    "政策法规股",
    "业务管理股",
    "信息中心",
    "督查股",
    "人事股",
    "规划计划股",
    "安全监管股",
    "执法大队",
    "技术服务股",
    "档案管理股",
    "项目管理股",
];

impl Unit {
    /// Draws a unit.
    pub fn draw(rng: &mut Rng) -> Unit {
        let county = (*rng.pick(&COUNTIES)).to_owned();
        let admin = rng.chance(50);
        let (org, functions) = if admin { *rng.pick(&ADMIN) } else { *rng.pick(&INSTITUTIONS) };
        let n_offices = rng.range(2, 9) as usize;
        let mut offices = rng.subset(&OFFICES, 50, n_offices);
        offices.truncate(n_offices.max(2));
        let active = rng.range(5, 80) as u32;
        let staff = Staff {
            quota: active + rng.range(0, 10) as u32,
            active,
            retired: rng.range(0, 40) as u32,
            lixiu: if rng.chance(10) { 1 } else { 0 },
            changes: (rng.range(0, 3) as u32, rng.range(0, 3) as u32),
        };
        Unit {
            name: format!("{county}{org}"),
            county_short: county.chars().next().map(String::from).unwrap_or_default(),
            county,
            short_name: org.to_owned(),
            admin,
            offices: offices.into_iter().map(String::from).collect(),
            staff,
            functions: format!("{functions}。"),
        }
    }
}
