//! The command line's help in Simplified Chinese, keyed by where it stands:
//! `validate` (a command's summary), `validate@after` (the text after its
//! options), `validate@usage`, `validate --format` (an argument), `* --lang`
//! (an argument shared by every command that has it). The English is the
//! doc comments of `cli.rs`; a test walks the command tree and fails on a
//! command or argument without its Chinese here, or an entry nothing uses.

/// The Chinese text of `key`, if any.
pub fn text(key: &str) -> Option<&'static str> {
    ENTRIES.iter().find(|(k, _)| *k == key).map(|(_, v)| *v)
}

/// Every entry (for the completeness test).
pub const ENTRIES: &[(&str, &str)] = &[
    (
        "",
        "读取中国政府部门预算公开文件，像细心的财政审核人员一样检查：每张表是否合计正确、\
表与表是否一致、情况说明中的每个数字是否与表相符、规定的表和说明部分是否齐全。",
    ),
    ("@usage", "gongkai <命令> [选项]"),
    (
        "@after",
        "\
示例：
  gongkai validate examples/qitai-2024-budget.txt
  gongkai validate 公开文件/ --format json --output findings.json
  gongkai import examples/qitai-2024-budget.txt -o qitai.json
  gongkai rules explain A101

加 --lang en 显示英文（English）。",
    ),
    ("* --lang", "界面语言：zh 简体中文（默认），en 英文；也可由环境变量 LANG 设为 en_* 选择英文"),
    // validate
    ("validate", "检查公开文件，逐条报告每处不一致及其所在位置"),
    (
        "validate@usage",
        "gongkai validate [选项] <文件或文件夹>...\n       gongkai validate --tables <表格.xlsx> --text <说明.txt> [选项]",
    ),
    (
        "validate --paths",
        "要检查的文件或文件夹（文件夹逐层查找 .pdf、.txt、.md、.json、.xlsx、.xls、.csv；\
同一文件夹中的工作簿和文本可能是同一份文件，见下文）",
    ),
    ("validate --tables", "存放各表的工作簿（或 CSV），与 --text 一起作为同一份文件检查"),
    ("validate --text", "与 --tables 配套的情况说明文本"),
    (
        "validate --format",
        "输出格式：text 诊断文本，引出原文行（默认）；json 按 schemas/findings.schema.json；\
sarif 供代码审查系统；html 单个网页，标出涉及的单元格；xlsx 工作簿（需 --output），\
每条问题一行，并附各表、涉及单元格着色",
    ),
    ("validate --output", "把报告写入该文件（整体写入，不留半截文件），而不是输出到屏幕"),
    ("validate --select", "只运行这些规则：规则编号、编号前缀或类别，用逗号分隔（默认：全部）"),
    ("validate --ignore", "跳过这些规则：规则编号、编号前缀或类别，用逗号分隔"),
    ("validate --tolerance", "把每项舍入比较放宽这么多（例如 0.01）"),
    ("validate --config", "配置文件（默认：当前目录的 gongkai.toml，如有）"),
    ("validate --jobs", "并行检查的文件数（默认：CPU 核数）"),
    ("validate --quiet", "只输出汇总（text 格式）和错误；无法读取的文件仍逐个列出原因"),
    ("validate --summary", "另将每份文件的汇总写成 CSV"),
    (
        "validate --coverage",
        "列出每份文件检查了什么、没检查什么以及原因（目录所列和识别出的表、各规则的核对数、比对过的说明数字）",
    ),
    ("validate --plugins", "加载规则插件（路径，或在插件目录中按名称查找）"),
    (
        "validate --plugin_dirs",
        "按名称查找插件的目录（也可在 gongkai.toml 中设 plugin-dirs）；其后还查找 GONGKAI_PLUGIN_PATH、\
用户数据目录（Linux 为 ~/.local/share/gongkai/plugins）和程序旁的 plugins/",
    ),
    ("validate --auto_plugins", "加载地区与各文件所属地区相符的插件（默认即如此，并说明运行了哪些插件）"),
    ("validate --no_plugins", "不加载任何插件，只用全国规则检查"),
    ("validate@after", "退出码：0 无错误，1 发现错误，2 有文件无法读取或命令用法有误。"),
    (
        "validate@examples",
        "\
示例：
  gongkai validate examples/qitai-2024-budget.txt
  gongkai validate 县2024/ --jobs 2 --summary 汇总.csv
  gongkai validate 文件.txt --select A,X --ignore F --format sarif -o 文件.sarif
  gongkai validate --tables 表格.xlsx --text 说明.txt --format xlsx -o 问题.xlsx
  gongkai validate 某局/     （某局/ 内有 表格.xlsx 和 说明.txt：同一份文件）",
    ),
    // the input limits, shared
    ("* --max_input_mb", "可接受的最大输入（MB），也是工作簿解压后的上限（默认 64）"),
    ("* --max_table_cells", "单张表最多的单元格数（已用区域的行数 × 列数）"),
    ("* --max_json_depth", "JSON 输入中数组和对象嵌套的最大层数"),
    ("* --max_json_array", "JSON 输入中单个数组的最多元素数"),
    // import
    ("import", "把公开文件读成 JSON 交换格式（schemas/disclosure.schema.json）"),
    ("import@usage", "gongkai import [选项] <文件或文件夹>"),
    (
        "import --file",
        "公开文件（.pdf；.txt，UTF-8、GB18030/GBK 或 UTF-16 编码；.json；.xlsx、.xls、.csv），\
或存放一个工作簿及其情况说明文本的文件夹",
    ),
    ("import --output", "把 JSON 写入该文件（整体写入），而不是输出到屏幕"),
    ("import --verbose", "逐行列出未能归入任何部分的行（否则只给出行数）"),
    (
        "import@after",
        "\
无法识别的部分在标准错误输出中列出（带行号），并保存在文件的 unparsed 列表中。文件夹须只含
一份文件：一个文件，或一个表格工作簿/CSV 加一个情况说明文本（合并读取）。

示例：
  gongkai import examples/qitai-2024-budget.txt -o qitai.json
  gongkai import 某局/ -o 某局.json      （某局/ 内有 表格.xlsx 和 说明.txt）",
    ),
    // rules
    ("rules", "列出全部规则，或解释其中一条"),
    ("rules@usage", "gongkai rules [explain <规则>] [--plugin <插件> --plugin-dir <目录>]"),
    ("rules --plugins", "同时列出（或解释）该插件的规则（路径，或在插件目录中按名称查找）"),
    ("rules --plugin_dirs", "按名称查找插件的目录"),
    (
        "rules@after",
        "\
示例：
  gongkai rules
  gongkai rules explain A101
  gongkai rules --plugin xinjiang --plugin-dir target/release",
    ),
    ("rules.explain", "显示一条规则的说明"),
    ("rules.explain@usage", "gongkai rules explain <规则>"),
    ("rules.explain --id", "规则编号（A101）或名称（hierarchy-sum）"),
    // schema
    ("schema", "输出交换格式的 JSON Schema"),
    ("schema@usage", "gongkai schema [disclosure|findings]"),
    ("schema --which", "哪一个：disclosure 公开文件（默认）；findings validate --format json 的报告"),
    (
        "schema@after",
        "\
示例：
  gongkai schema findings > findings.schema.json",
    ),
    // plugins
    ("plugins", "列出规则插件，以及某份文件所属地区会加载哪些插件"),
    ("plugins@usage", "gongkai plugins [--plugin-dir <目录>] [文件]"),
    ("plugins --plugin_dir", "查找插件的目录"),
    ("plugins --file", "一份公开文件：显示其所属地区选用的插件"),
    (
        "plugins@after",
        "\
示例：
  gongkai plugins --plugin-dir target/release
  gongkai plugins --plugin-dir target/release examples/qitai-2024-budget.txt",
    ),
    // export
    ("export", "把公开文件的各表按模板格式写成工作簿"),
    ("export@usage", "gongkai export <文件> -o <输出.xlsx> [选项]"),
    ("export --file", "公开文件（.txt、.json、.xlsx、.xls、.csv），或存放一个工作簿及其情况说明文本的文件夹"),
    ("export --to", "写出的格式：xlsx Excel 工作簿，每张表一个工作表（默认）"),
    ("export --output", "要写入的文件（整体写入）"),
    ("export --text", "与工作簿或 CSV 合并的情况说明文本"),
    ("export --verbose", "逐行列出未能归入任何部分的行（否则只给出行数）"),
    (
        "export@after",
        "\
每张表一个工作表（表1、表2 …）：标题、编制单位和单位行、表头（按模板合并单元格）、※ 行，
然后是各行，科目编码拆成类/款/项三列，金额为数字（#,##0.00）。工作簿可再用 gongkai import
和 gongkai validate 读取；查出有误的单元格指向 表N!E12。

示例：
  gongkai export examples/qitai-2024-budget.txt --to xlsx -o qitai.xlsx
  gongkai export 表格.xlsx --text 说明.txt --to xlsx -o 整理后.xlsx",
    ),
    // catalog
    ("catalog", "在内置目录中查询政府收支分类科目"),
    ("catalog@usage", "gongkai catalog <科目编码> [--year <年度>]\n       gongkai catalog --search <名称中的文字>"),
    ("catalog --code", "科目编码：208、20805、2080505、30101 …"),
    ("catalog --year", "优先采用该预算年度的科目名称"),
    ("catalog --search", "查找名称中含有该文字的科目"),
    (
        "catalog@after",
        "\
示例：
  gongkai catalog 2080505 --year 2024
  gongkai catalog --search 养老",
    ),
];
