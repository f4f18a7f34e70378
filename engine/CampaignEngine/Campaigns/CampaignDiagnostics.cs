using CampaignEngine.Dsl.Diagnostics;

namespace CampaignEngine.Campaigns;

/// <summary>
/// The catalogue of campaign-file diagnostics (CE2xxx; the DSL owns CE0xxx/CE1xxx). One place, so codes
/// stay unique and docs/campaigns.md can list them. Arguments are numbered as in string.Format; the hint
/// sees the same arguments as the message.
/// </summary>
internal static class CampaignDiagnostics
{
    private const DiagnosticSeverity E = DiagnosticSeverity.Error;
    private const DiagnosticSeverity W = DiagnosticSeverity.Warning;
    private const DiagnosticSeverity I = DiagnosticSeverity.Info;

    // YAML structure
    public static readonly DiagnosticDescriptor YamlSyntax = new("CE2001", E,
        "YAML syntax error: {0}", "YAML 语法错误:{0}",
        "Check the indentation (spaces, not tabs), and that every `key:` is followed by a space.",
        "检查缩进(用空格,不要用 Tab),以及每个 `键:` 后面有一个空格。");
    public static readonly DiagnosticDescriptor ExtraYamlDocument = new("CE2002", W,
        "only the first YAML document is read; the part after `---` is ignored", "只读取第一个 YAML 文档,`---` 之后的内容被忽略",
        "Put each campaign in its own file.", "每个活动放在单独的文件里。");
    public static readonly DiagnosticDescriptor UnknownAnchor = new("CE2003", E,
        "unknown YAML alias '*{0}'", "未知的 YAML 别名 '*{0}'",
        "Define the anchor `&{0}` before using `*{0}`.", "先用 `&{0}` 定义锚点,再用 `*{0}`。");
    public static readonly DiagnosticDescriptor ComplexKey = new("CE2004", E,
        "a key must be plain text", "键必须是普通文本",
        "Write keys as `name: value`.", "键的写法是 `名称: 值`。");
    public static readonly DiagnosticDescriptor DuplicateKey = new("CE2005", E,
        "key '{0}' appears twice (first on line {1})", "键 '{0}' 出现了两次(第一次在第 {1} 行)",
        "Remove one of them: YAML keeps only one value per key.", "删除其中一个:同一个键只能有一个值。");
    public static readonly DiagnosticDescriptor EmptyFile = new("CE2006", W,
        "the file is empty", "文件是空的",
        "Start with `campaign: my-campaign-id`.", "以 `活动: 活动编号` 开头。");
    public static readonly DiagnosticDescriptor UnknownKey = new("CE2010", E,
        "unknown key '{0}' in {1}", "{1}中有未知的键 '{0}'",
        "{2}", "{2}");
    public static readonly DiagnosticDescriptor WrongType = new("CE2011", E,
        "'{0}' must be {1}, not {2}", "'{0}' 应该是{1},而不是{2}",
        "Example: {3}", "例如:{3}");
    public static readonly DiagnosticDescriptor MissingKey = new("CE2012", E,
        "{0} is missing the required key '{1}'", "{0}缺少必填的键 '{1}'",
        "Add `{1}: …`.", "添加 `{1}: …`。");
    public static readonly DiagnosticDescriptor SameKeyTwice = new("CE2013", E,
        "'{0}' and '{1}' are the same key", "'{0}' 和 '{1}' 是同一个键",
        "Keep one of them.", "只保留其中一个。");
    public static readonly DiagnosticDescriptor ExpectedMapping = new("CE2014", E,
        "{0} must be a mapping of keys, like `campaign: my-id`", "{0}应该是键值映射,例如 `活动: 活动编号`",
        "Each line is `key: value`; nested keys are indented by two spaces.", "每行写 `键: 值`;下一级的键缩进两个空格。");

    // campaigns and rules
    public static readonly DiagnosticDescriptor InvalidCampaignId = new("CE2020", E,
        "campaign id '{0}' may contain only letters, digits, '-' and '_'", "活动编号 '{0}' 只能包含字母、数字、'-' 和 '_'",
        "Ids appear in reports and idempotency keys; use e.g. `cycle-reminder`.", "编号会出现在报表和幂等键里,例如 `cycle-reminder`。");
    public static readonly DiagnosticDescriptor DuplicateCampaignId = new("CE2021", E,
        "campaign id '{0}' is already used in {1}:{2}", "活动编号 '{0}' 已在 {1}:{2} 使用",
        "Each campaign needs its own id; rename one of them.", "每个活动需要唯一的编号,请改掉其中一个。");
    public static readonly DiagnosticDescriptor DuplicateRuleName = new("CE2022", E,
        "rule '{0}' is defined twice in this campaign (first at line {1})", "规则 '{0}' 在本活动中定义了两次(第一次在第 {1} 行)",
        "Rule names appear in reports and idempotency keys; give each rule its own name.", "规则名会出现在报表和幂等键里,请给每条规则起不同的名字。");
    public static readonly DiagnosticDescriptor NoRules = new("CE2023", E,
        "the campaign has no rules", "活动没有任何规则",
        "Add `rules:` with at least one rule, or `rules_file: rules/my.rules`.", "添加 `规则:` 并至少写一条规则,或写 `规则文件: rules/my.rules`。");
    public static readonly DiagnosticDescriptor RulesFileNotFound = new("CE2024", E,
        "rules file '{0}' not found", "找不到规则文件 '{0}'",
        "The path is relative to the campaign file's folder ({1}).", "路径相对于活动文件所在的目录({1})。");
    public static readonly DiagnosticDescriptor ScheduleAndTrigger = new("CE2025", E,
        "a campaign has either `schedule:` or `on:`, not both", "活动只能有 `计划:` 或 `触发:` 其中之一",
        "Use `schedule:` for a fixed time (daily 10:00) and `on:` for customer events (signed + 7d).", "固定时间用 `计划:`(daily 10:00),客户事件用 `触发:`(signed + 7d)。");
    public static readonly DiagnosticDescriptor NoScheduleOrTrigger = new("CE2026", E,
        "the campaign has neither `schedule:` nor `on:`: it would never run", "活动既没有 `计划:` 也没有 `触发:`,永远不会运行",
        "Add e.g. `schedule: daily 10:00` or `on: signed + 7d`.", "添加例如 `计划: daily 10:00` 或 `触发: signed + 7d`。");

    // schedules and triggers
    public static readonly DiagnosticDescriptor BadSchedule = new("CE2030", E,
        "cannot read schedule '{0}': {1}", "无法识别计划 '{0}':{1}",
        "Write `daily 10:00`, `weekly tue 10:00`, `monthly 1 10:00`, `每周二 10:00` or a cron line like `0 10 * * 2`.",
        "写法:`daily 10:00`、`weekly tue 10:00`、`monthly 1 10:00`、`每周二 10:00`,或 cron 表达式 `0 10 * * 2`。");
    public static readonly DiagnosticDescriptor BadTrigger = new("CE2031", E,
        "cannot read trigger '{0}': {1}", "无法识别触发条件 '{0}':{1}",
        "Write an event with an optional offset: `signed + 7d`, `birthday - 3d`, `holiday(\"中秋\") - 2d`, `shipped`.",
        "写事件名,可加偏移:`signed + 7d`、`birthday - 3d`、`holiday(\"中秋\") - 2d`、`签收后7天`。");
    public static readonly DiagnosticDescriptor UnknownFestival = new("CE2032", E,
        "unknown festival '{0}'", "未知的节日 '{0}'",
        "{1}", "{1}");
    public static readonly DiagnosticDescriptor BadTimeZone = new("CE2033", E,
        "unknown time zone '{0}'", "未知的时区 '{0}'",
        "Use an IANA name such as `Asia/Shanghai`.", "请使用 IANA 时区名,例如 `Asia/Shanghai`。");

    // holdout and limits
    public static readonly DiagnosticDescriptor BadHoldout = new("CE2040", E,
        "holdout '{0}' must be a percentage from 0% to 100%", "对照组 '{0}' 应该是 0% 到 100% 之间的百分比",
        "Write e.g. `holdout: 10%`.", "例如 `对照组: 10%`。");
    public static readonly DiagnosticDescriptor LargeHoldout = new("CE2041", W,
        "a holdout of {0}% leaves more than half of the audience uncontacted", "对照组 {0}% 会让一半以上的受众收不到消息",
        "A holdout of 5–20% is usually enough to measure the effect.", "通常 5–20% 的对照组就足以衡量效果。");
    public static readonly DiagnosticDescriptor BadCap = new("CE2042", E,
        "cannot read frequency cap '{0}'", "无法识别频次限制 '{0}'",
        "Write `1 per 14d` (rolling 14×24 hours), `1 per day`, `2 per week`, `1 per month`, or `每14天1次`.",
        "写法:`1 per 14d`(滚动 14×24 小时)、`1 per day`、`2 per week`、`1 per month`,或 `每14天1次`。");
    public static readonly DiagnosticDescriptor BadQuietHours = new("CE2043", E,
        "cannot read quiet hours '{0}'", "无法识别免打扰时段 '{0}'",
        "Write a quoted range of two different times: `quiet_hours: \"21:00-09:00\"`.", "写成带引号的两个不同时间:`免打扰: \"21:00-09:00\"`。");
    public static readonly DiagnosticDescriptor BadBudget = new("CE2044", E,
        "budget '{0}' must be a positive amount in yuan", "预算 '{0}' 应该是正数金额(元)",
        "Write `budget: 500` (per day) or `budget: {{daily: 500, total: 5000}}`.", "写成 `预算: 500`(每天)或 `预算: {{每日: 500, 总计: 5000}}`。");
    public static readonly DiagnosticDescriptor BadNumber = new("CE2045", E,
        "'{0}' must be {1}", "'{0}' 应该是{1}",
        null, null);

    // channels and templates
    public static readonly DiagnosticDescriptor UnknownChannel = new("CE2050", E,
        "unknown channel '{0}'", "未知的渠道 '{0}'",
        "{1}", "{1}");
    public static readonly DiagnosticDescriptor UnknownTemplate = new("CE2051", E,
        "rule '{0}' sends template '{1}', which this campaign does not define", "规则 '{0}' 发送的模板 '{1}' 在本活动中没有定义",
        "{2}", "{2}");
    public static readonly DiagnosticDescriptor TemplateLacksChannel = new("CE2052", W,
        "template '{0}' has no {1} text, so customers reachable only on {1} get nothing", "模板 '{0}' 没有 {1} 文本,只能通过 {1} 联系的客户将收不到消息",
        "Add `{1}: \"…\"` under the template, or drop {1} from the channels.", "在模板下添加 `{1}: \"…\"`,或从渠道中去掉 {1}。");
    public static readonly DiagnosticDescriptor NoChannelForSend = new("CE2053", E,
        "template '{0}' has no text for any channel this rule may use ({1})", "模板 '{0}' 没有本规则可用渠道({1})的文本",
        "Add a text for one of these channels, or send via a channel the template has.", "为其中一个渠道添加文本,或改用模板已有的渠道。");
    public static readonly DiagnosticDescriptor UnusedTemplate = new("CE2054", W,
        "template '{0}' is never sent by a rule", "模板 '{0}' 没有被任何规则使用",
        "Remove it, or send it from a rule: `then: send {0}`.", "删除它,或在规则中发送:`则: 发送 {0}`。");
    public static readonly DiagnosticDescriptor NoChannels = new("CE2055", E,
        "rule '{0}' sends '{1}' without `via` and the campaign has no `channels:`", "规则 '{0}' 发送 '{1}' 时没有写 `通过`,活动也没有 `渠道:`",
        "Add `channels: [wangwang, sms]` to the campaign or `via sms` to the action.", "在活动中添加 `渠道: [wangwang, sms]`,或在动作中写 `通过 短信`。");
    public static readonly DiagnosticDescriptor LiquidSyntax = new("CE2060", E,
        "template '{0}' ({1}): {2}", "模板 '{0}'({1}):{2}",
        "Liquid writes variables as {{{{ name }}}} and tags as {{% if … %}}…{{% endif %}}.", "Liquid 的变量写作 {{{{ name }}}},标签写作 {{% if … %}}…{{% endif %}}。");
    public static readonly DiagnosticDescriptor UnknownTemplateVariable = new("CE2061", E,
        "template '{0}' uses unknown variable '{1}'", "模板 '{0}' 使用了未知变量 '{1}'",
        "{2}", "{2}");
    public static readonly DiagnosticDescriptor SmsNoSignature = new("CE2062", W,
        "SMS text of '{0}' does not start with a signature 【…】", "模板 '{0}' 的短信没有以签名【…】开头",
        "Carriers in China reject SMS without a signature; start with 【{{{{ shop }}}}】.", "国内运营商会拒发没有签名的短信,请以【{{{{ shop }}}}】开头。");
    public static readonly DiagnosticDescriptor SmsNoOptOut = new("CE2063", W,
        "marketing SMS of '{0}' has no opt-out hint", "模板 '{0}' 的营销短信没有退订提示",
        "Marketing SMS must tell how to opt out: end with 回T退订 (or 退订回T, 回TD退订).", "营销短信必须说明退订方式:以 回T退订(或 退订回T、回TD退订)结尾。");
    public static readonly DiagnosticDescriptor SmsSize = new("CE2064", I,
        "SMS of '{0}' is about {1} characters: {2} segment(s), ≈¥{3} per customer", "模板 '{0}' 的短信约 {1} 个字:{2} 条计费,每位客户约 ¥{3}",
        null, null);
    public static readonly DiagnosticDescriptor SmsMultiSegment = new("CE2065", W,
        "SMS of '{0}' is about {1} characters and is billed as {2} messages (≈¥{3} per customer)", "模板 '{0}' 的短信约 {1} 个字,按 {2} 条计费(每位客户约 ¥{3})",
        "One SMS holds 70 characters including the signature; longer texts are billed per 67 characters.", "一条短信最多 70 个字(含签名),更长的按每 67 字一条计费。");
    public static readonly DiagnosticDescriptor EmailIncomplete = new("CE2066", E,
        "email of template '{0}' needs `subject` and `html` or `text`", "模板 '{0}' 的邮件需要 `主题` 以及 `html` 或 `正文`",
        "Write `email: {{subject: \"…\", html: \"…\"}}`.", "写成 `邮件: {{主题: \"…\", html: \"…\"}}`。");

    // derived and script facts
    public static readonly DiagnosticDescriptor FactNameClash = new("CE2070", E,
        "fact '{0}' already exists ({1})", "事实 '{0}' 已经存在({1})",
        "Give the derived fact another name.", "给派生事实换一个名字。");
    public static readonly DiagnosticDescriptor FactCycle = new("CE2071", E,
        "facts depend on each other in a cycle: {0}", "事实之间循环依赖:{0}",
        "A derived fact may use built-in facts and facts defined without a cycle.", "派生事实可以使用内置事实和其他不构成循环的派生事实。");
    public static readonly DiagnosticDescriptor ScriptsNotTrusted = new("CE2072", E,
        "C# script fact '{0}' is not allowed: this engine does not trust scripts", "不允许 C# 脚本事实 '{0}':引擎未信任脚本",
        "Scripts run with the engine's rights. Review the script, then set `trust_scripts: true` in engine.yaml.", "脚本以引擎的权限运行。审核脚本后,在 engine.yaml 中设置 `trust_scripts: true`。");
    public static readonly DiagnosticDescriptor ScriptError = new("CE2073", E,
        "C# script of fact '{0}': {1}", "事实 '{0}' 的 C# 脚本:{1}",
        "The script is a C# expression over `context` (the fact table) and `row` (the customer's row).", "脚本是基于 `context`(事实表)和 `row`(客户行号)的 C# 表达式。");
    public static readonly DiagnosticDescriptor BadFactType = new("CE2074", E,
        "fact '{0}': unknown type '{1}'", "事实 '{0}':未知类型 '{1}'",
        "Use number, money, bool, text, date or duration.", "可用类型:number、money、bool、text、date、duration。");
    public static readonly DiagnosticDescriptor FactNeedsValue = new("CE2075", E,
        "fact '{0}' needs `value:` (a DSL expression) or `script:` (C#)", "事实 '{0}' 需要 `值:`(DSL 表达式)或 `脚本:`(C#)",
        "Write `facts: {{ big_spender: monetary >= 1000 }}`.", "写成 `事实: {{ 大客户: 消费金额 >= 1000 }}`。");

    // engine configuration and files
    public static readonly DiagnosticDescriptor NoEngineConfig = new("CE2080", I,
        "no engine.yaml in {0}; using the defaults (Asia/Shanghai, no global cap, scripts not trusted)", "{0} 中没有 engine.yaml,使用默认设置(Asia/Shanghai,无全局限制,不信任脚本)",
        null, null);
    public static readonly DiagnosticDescriptor BadHoliday = new("CE2081", E,
        "shop day '{0}' needs a date written `MM-DD`", "店铺节日 '{0}' 需要 `MM-DD` 格式的日期",
        "Write e.g. `{{id: anniversary, name: 店庆, date: \"09-18\"}}`.", "例如 `{{id: anniversary, 名称: 店庆, date: \"09-18\"}}`。");
    public static readonly DiagnosticDescriptor NoCampaignFiles = new("CE2090", W,
        "no campaign files (*.yaml) in {0}", "{0} 中没有活动文件(*.yaml)",
        "Campaign files end in .yaml or .yml; engine.yaml and facts.yaml are not campaigns.", "活动文件以 .yaml 或 .yml 结尾;engine.yaml 和 facts.yaml 不是活动。");
    public static readonly DiagnosticDescriptor DirectoryNotFound = new("CE2091", E,
        "directory '{0}' does not exist", "目录 '{0}' 不存在",
        "Pass the folder holding your campaign files, e.g. `campaign validate campaigns`.", "请传入活动文件所在的目录,例如 `campaign validate campaigns`。");
    public static readonly DiagnosticDescriptor FileUnreadable = new("CE2092", E,
        "cannot read the file: {0}", "无法读取文件:{0}",
        null, null);
}
