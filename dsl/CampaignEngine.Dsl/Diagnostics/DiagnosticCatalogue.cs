namespace CampaignEngine.Dsl.Diagnostics;

/// <summary>One kind of problem: its code, severity, and message and fix hint in English and Chinese.
/// Placeholders <c>{0}</c>, <c>{1}</c> … are filled with the problem's arguments.</summary>
public sealed record DiagnosticDescriptor(
    string Code,
    DiagnosticSeverity Severity,
    string Message,
    string Hint,
    string ChineseMessage,
    string ChineseHint);

/// <summary>
/// Every diagnostic the DSL can report, in one place so codes stay unique and docs/dsl.md can list
/// them. Codes: CE00xx text and syntax, CE01xx names, CE02xx types, CE03xx rules and actions.
/// </summary>
public static class DiagnosticCatalogue
{
    private const DiagnosticSeverity Error = DiagnosticSeverity.Error;
    private const DiagnosticSeverity Warning = DiagnosticSeverity.Warning;

    // ---- text and syntax
    public static readonly DiagnosticDescriptor UnexpectedInput = new("CE0001", Error,
        "'{0}' was not expected here",
        "Expected {1}.",
        "此处不应出现“{0}”",
        "这里应为{1}。");

    public static readonly DiagnosticDescriptor MissingInput = new("CE0002", Error,
        "{1} is missing before '{0}'",
        "Add {1} here.",
        "“{0}”之前缺少{1}",
        "请在这里补上{1}。");

    public static readonly DiagnosticDescriptor UnexpectedCharacter = new("CE0003", Error,
        "the character '{0}' is not part of the rule language",
        "Remove it, or put the text in quotes if it is meant as text.",
        "字符“{0}”不属于规则语言",
        "请删除它；如果它是文字内容，请用引号括起来。");

    public static readonly DiagnosticDescriptor UnterminatedText = new("CE0004", Error,
        "the text {0} has no closing quote",
        "Close the text with the same kind of quote it starts with, on the same line.",
        "文字 {0} 缺少结束引号",
        "请在同一行用相同的引号结束这段文字。");

    public static readonly DiagnosticDescriptor InvalidDate = new("CE0005", Error,
        "'{0}' is not a date in the calendar",
        "Write a date as year-month-day, e.g. 2026-11-11.",
        "“{0}”不是有效的日期",
        "日期请写成 年-月-日，例如 2026-11-11。");

    public static readonly DiagnosticDescriptor InvalidTime = new("CE0006", Error,
        "'{0}' is not a time of day",
        "Write a time as hours:minutes between 00:00 and 23:59, e.g. 21:00.",
        "“{0}”不是有效的时间",
        "时间请写成 时:分（00:00 到 23:59），例如 21:00。");

    public static readonly DiagnosticDescriptor TextBeforeFirstRule = new("CE0007", Error,
        "'{0}' is outside any rule",
        "Every rule in a .rules file starts with 'rule NAME' (or '规则 名称'); move this text into a rule or remove it.",
        "“{0}”不在任何规则之内",
        ".rules 文件里的每条规则都以“规则 名称”（或 rule NAME）开头；请把这段内容放进规则或删除。");

    public static readonly DiagnosticDescriptor EmptyInput = new("CE0008", Error,
        "there is nothing to compile here",
        "Write {0}.",
        "这里没有任何内容",
        "请写上{0}。");

    public static readonly DiagnosticDescriptor NumberTooLarge = new("CE0009", Error,
        "the number '{0}' is too large",
        "Use a number with at most 15 digits.",
        "数字“{0}”太大",
        "请使用不超过 15 位的数字。");

    public static readonly DiagnosticDescriptor IncompleteInput = new("CE0010", Error,
        "the text ends too early",
        "Expected {1}.",
        "内容不完整，提前结束了",
        "这里应为{1}。");

    public static readonly DiagnosticDescriptor KeywordGlued = new("CE0011", Error,
        "'{0}' reads as one name because '{1}' has no space after it",
        "Put a space between the keyword and the name: {1} {2}.",
        "“{0}”被当成了一个名称，因为“{1}”后面没有空格",
        "请在关键字和名称之间加空格：{1} {2}。");

    // ---- names
    public static readonly DiagnosticDescriptor UnknownName = new("CE0101", Error,
        "there is no fact called '{0}'",
        "{1}",
        "没有名为“{0}”的字段",
        "{1}");

    public static readonly DiagnosticDescriptor UnknownFunction = new("CE0102", Error,
        "there is no function called '{0}'",
        "{1}",
        "没有名为“{0}”的函数",
        "{1}");

    public static readonly DiagnosticDescriptor WrongArgumentCount = new("CE0103", Error,
        "{0} takes {1} value(s) in parentheses, but {2} were given",
        "Write it as {3}.",
        "{0} 需要 {1} 个参数，但这里给了 {2} 个",
        "请写成 {3}。");

    public static readonly DiagnosticDescriptor WrongArgumentType = new("CE0104", Error,
        "value {1} of {0} must be {2}, but this is {3}",
        "Write it as {4}.",
        "{0} 的第 {1} 个参数应为{2}，这里却是{3}",
        "请写成 {4}。");

    public static readonly DiagnosticDescriptor ArgumentRejected = new("CE0105", Error,
        "{0} does not accept this value: {1}",
        "Check the spelling of the value.",
        "{0} 不接受这个值：{1}",
        "请检查这个值的拼写。");

    public static readonly DiagnosticDescriptor FunctionUsedAsFact = new("CE0106", Error,
        "'{0}' is a function and needs values in parentheses",
        "Write it as {1}.",
        "“{0}”是函数，需要在括号里给出参数",
        "请写成 {1}。");

    public static readonly DiagnosticDescriptor FactUsedAsFunction = new("CE0107", Error,
        "'{0}' is a fact, not a function",
        "Remove the parentheses: write just {0}.",
        "“{0}”是字段，不是函数",
        "请去掉括号，直接写 {0}。");

    // ---- types
    public static readonly DiagnosticDescriptor CannotCompare = new("CE0201", Error,
        "cannot compare {0} with {1}",
        "Compare values of the same kind, e.g. a number with a number or a date with a date.",
        "不能比较{0}和{1}",
        "请比较同一类的值，例如数字和数字、日期和日期。");

    public static readonly DiagnosticDescriptor CannotCalculate = new("CE0202", Error,
        "cannot calculate {0} {1} {2}",
        "Arithmetic works on numbers, money and durations; a date minus a date is a duration, a date plus a duration is a date.",
        "不能计算 {0} {1} {2}",
        "只有数字、金额和时长可以做运算；日期减日期得到时长，日期加时长得到日期。");

    public static readonly DiagnosticDescriptor ConditionNotBool = new("CE0203", Error,
        "a condition must be true or false, but this is {0}",
        "Compare it with something, e.g. {1} > 0, or test it with known({1}).",
        "条件必须是真或假，这里却是{0}",
        "请与某个值比较，例如 {1} > 0，或用 known({1}) 判断是否有值。");

    public static readonly DiagnosticDescriptor LogicNeedsBool = new("CE0204", Error,
        "'{0}' joins conditions, but this is {1}",
        "Each side of '{0}' must be a condition such as frequency >= 3.",
        "“{0}”用于连接条件，但这里是{1}",
        "“{0}”两边都必须是条件，例如 购买次数 >= 3。");

    public static readonly DiagnosticDescriptor ListItemMismatch = new("CE0205", Error,
        "this list item is {0}, but the value tested is {1}",
        "Put only values of the same kind in the list.",
        "列表中的这一项是{0}，而被判断的值是{1}",
        "列表中请只放同一类的值。");

    public static readonly DiagnosticDescriptor CannotOrder = new("CE0206", Error,
        "{0} values have no order, so '{1}' cannot be used",
        "Use = or != to compare {0} values.",
        "{0}没有大小之分，不能使用“{1}”",
        "{0}请用 = 或 != 比较。");

    public static readonly DiagnosticDescriptor NotAValue = new("CE0207", Error,
        "{0} cannot be used as a value here",
        "Use it through a function such as tagged(\"vip\").",
        "{0}不能直接当作值使用",
        "请通过函数使用，例如 tagged(\"vip\")。");

    public static readonly DiagnosticDescriptor CannotNegate = new("CE0208", Error,
        "cannot put a minus sign before {0}",
        "Only numbers, money and durations can be negative.",
        "{0}前面不能加负号",
        "只有数字、金额和时长可以取负。");

    // ---- rules and actions
    public static readonly DiagnosticDescriptor DuplicateRule = new("CE0301", Error,
        "there is already a rule called '{0}' (line {1})",
        "Give each rule its own name.",
        "已经有一条名为“{0}”的规则（第 {1} 行）",
        "请给每条规则起不同的名字。");

    public static readonly DiagnosticDescriptor SendWithoutTemplate = new("CE0302", Error,
        "'{0}' needs the name of a message template",
        "Write e.g. send vip_coupon (发送 vip_coupon).",
        "“{0}”需要消息模板的名称",
        "例如写成 发送 vip_coupon（send vip_coupon）。");

    public static readonly DiagnosticDescriptor UnknownSetting = new("CE0303", Error,
        "'{0}' cannot be set by a rule",
        "A rule can only set the membership level: set level = \"vip\" (设置 等级 = \"VIP\").",
        "规则不能设置“{0}”",
        "规则只能设置会员等级：设置 等级 = \"VIP\"（set level = \"vip\"）。");

    public static readonly DiagnosticDescriptor InvalidPriority = new("CE0304", Error,
        "priority must be a whole number, but it is '{0}'",
        "Write e.g. priority 10 (优先级 10); lower numbers are tried first.",
        "优先级必须是整数，这里是“{0}”",
        "例如写成 优先级 10（priority 10）；数字越小越先判断。");

    public static readonly DiagnosticDescriptor WithValueNotLiteral = new("CE0305", Error,
        "the value of '{0}' must be written out, e.g. a number or text in quotes",
        "Template values are fixed when the campaign loads; write e.g. {0} = \"VIP20\".",
        "“{0}”的值必须直接写出，例如数字或带引号的文字",
        "模板参数在加载活动时就确定；例如写成 {0} = \"VIP20\"。");

    public static readonly DiagnosticDescriptor DuplicateWithKey = new("CE0306", Error,
        "'{0}' is given twice",
        "Keep one value for each template parameter.",
        "“{0}”出现了两次",
        "每个模板参数只保留一个值。");

    public static readonly DiagnosticDescriptor EmptyName = new("CE0307", Error,
        "the {0} is empty",
        "Write a name between the quotes.",
        "{0}为空",
        "请在引号之间写上名称。");

    public static readonly DiagnosticDescriptor DuplicateChannel = new("CE0308", Warning,
        "the channel '{0}' is listed twice",
        "Remove the second one; channels are tried in order until one reaches the customer.",
        "渠道“{0}”重复出现",
        "请删除重复的渠道；渠道按顺序尝试，直到能联系到客户为止。");

    public static readonly DiagnosticDescriptor LevelNotText = new("CE0309", Error,
        "the level must be text, but this is {0}",
        "Write the level in quotes, e.g. set level = \"vip\".",
        "会员等级必须是文字，这里却是{0}",
        "请用引号写出等级，例如 设置 等级 = \"VIP\"。");

    /// <summary>Every descriptor, in code order (for docs and tests).</summary>
    public static IReadOnlyList<DiagnosticDescriptor> All { get; } =
    [
        UnexpectedInput, MissingInput, UnexpectedCharacter, UnterminatedText, InvalidDate, InvalidTime,
        TextBeforeFirstRule, EmptyInput, NumberTooLarge, IncompleteInput, KeywordGlued,
        UnknownName, UnknownFunction, WrongArgumentCount, WrongArgumentType, ArgumentRejected,
        FunctionUsedAsFact, FactUsedAsFunction,
        CannotCompare, CannotCalculate, ConditionNotBool, LogicNeedsBool, ListItemMismatch, CannotOrder,
        NotAValue, CannotNegate,
        DuplicateRule, SendWithoutTemplate, UnknownSetting, InvalidPriority, WithValueNotLiteral,
        DuplicateWithKey, EmptyName, DuplicateChannel, LevelNotText,
    ];
}
