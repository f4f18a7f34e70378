using CampaignEngine.Campaigns.Yaml;

namespace CampaignEngine.Campaigns;

/// <summary>
/// Every key of campaign files and engine.yaml, in English with its Chinese names — the one table the
/// loader, campaign.schema.json (kept in step by a test) and docs/campaigns.md agree on.
/// </summary>
internal static class CampaignKeys
{
    public static readonly KeySet Campaign = new("the campaign", "活动",
        new("campaign", "活动"),
        new("name", "名称"),
        new("description", "说明"),
        new("priority", "优先级"),
        new("purpose", "用途"),
        new("enabled", "启用"),
        new("schedule", "计划"),
        new("on", "触发"),
        new("audience", "受众"),
        new("holdout", "对照组"),
        new("limits", "限制"),
        new("channels", "渠道"),
        new("templates", "模板"),
        new("facts", "事实"),
        new("rules", "规则"),
        new("rules_file", "规则文件"));

    public static readonly KeySet Rule = new("a rule", "规则",
        new("rule", "规则", "名称"),
        new("priority", "优先级"),
        new("description", "说明"),
        new("when", "当"),
        new("then", "则"));

    public static readonly KeySet Limits = new("limits", "限制",
        new("per_customer", "每人"),
        new("quiet_hours", "免打扰"),
        new("budget", "预算"));

    public static readonly KeySet Budget = new("the budget", "预算",
        new("daily", "每日"),
        new("total", "总计"));

    public static readonly KeySet Fact = new("a fact", "事实",
        new("value", "值"),
        new("script", "脚本"),
        new("type", "类型"),
        new("description", "说明"),
        new("aliases", "别名"));

    public static readonly KeySet Email = new("an email template", "邮件模板",
        new("subject", "主题"),
        new KeySpec("html"),
        new("text", "正文"));

    /// <summary>A shared facts.yaml: only derived facts.</summary>
    public static readonly KeySet FactsFile = new("facts.yaml", "facts.yaml",
        new KeySpec("facts", "事实"));

    public static readonly KeySet Engine = new("engine.yaml", "engine.yaml",
        new("shop", "店铺"),
        new("time_zone", "时区"),
        new("trust_scripts", "信任脚本"),
        new("global_caps", "全局限制"),
        new("channels", "渠道"),
        new("holidays", "店铺节日"),
        new("outcome_window_days", "转化窗口天数"),
        new("loyal_price_days", "价格保护天数"));

    public static readonly KeySet Shop = new("shop", "店铺",
        new KeySpec("name", "名称"));

    public static readonly KeySet Holiday = new("a shop day", "店铺节日",
        new("id", "编号"),
        new("name", "名称"),
        new("date", "日期"),
        new("aliases", "别名"));

    /// <summary>Every key set, for the schema agreement test and the docs.</summary>
    public static readonly IReadOnlyList<KeySet> All = [Campaign, Rule, Limits, Budget, Fact, Email, FactsFile, Engine, Shop, Holiday];
}
