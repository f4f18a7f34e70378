using Antlr4.Runtime;
using CampaignEngine.Dsl.Diagnostics;
using CampaignEngine.Dsl.Generated;
using P = CampaignEngine.Dsl.Generated.CampaignParser;

namespace CampaignEngine.Dsl.Syntax;

/// <summary>How a syntax error names what the parser expected: in marketer words, both languages,
/// with the many tokens that can start a value folded into "a value".</summary>
internal static class TokenDescriptions
{
    private static readonly int[] ValueStarts =
        [P.IDENT, P.NUMBER, P.MONEY, P.PERCENT, P.DURATION, P.DATE, P.TIME, P.STRING, P.TRUE, P.FALSE, P.LPAREN, P.MINUS, P.NOT];

    private static readonly int[] Comparisons = [P.EQ, P.EQEQ, P.NEQ, P.LT, P.LE, P.GT, P.GE];

    private static readonly Dictionary<int, Localized> Names = new()
    {
        [P.RULE] = new("'rule'", "“规则”"),
        [P.PRIORITY] = new("'priority'", "“优先级”"),
        [P.WHEN] = new("'when'", "“当”"),
        [P.THEN] = new("'then'", "“则”"),
        [P.AND] = new("'and'", "“且”"),
        [P.OR] = new("'or'", "“或”"),
        [P.NOT] = new("'not'", "“非”"),
        [P.IN] = new("'in'", "“在”"),
        [P.NOT_IN] = new("'not in'", "“不在”"),
        [P.BETWEEN] = new("'between'", "“介于”"),
        [P.BETWEEN_AND] = new("'and'", "“和”"),
        [P.BETWEEN_END] = new("'之间'", "“之间”"),
        [P.SEND] = new("'send'", "“发送”"),
        [P.VIA] = new("'via'", "“通过”"),
        [P.WITH] = new("'with'", "“附带”"),
        [P.TAG] = new("'tag'", "“标记”"),
        [P.UNTAG] = new("'untag'", "“取消标记”"),
        [P.SET] = new("'set'", "“设置”"),
        [P.TO_VALUE] = new("'='", "“为”"),
        [P.TRUE] = new("'true'", "“真”"),
        [P.FALSE] = new("'false'", "“假”"),
        [P.DATE] = new("a date", "日期"),
        [P.TIME] = new("a time", "时间"),
        [P.MONEY] = new("an amount of money", "金额"),
        [P.PERCENT] = new("a percentage", "百分比"),
        [P.DURATION] = new("a duration", "时长"),
        [P.NUMBER] = new("a number", "数字"),
        [P.STRING] = new("text in quotes", "带引号的文字"),
        [P.IDENT] = new("a name", "名称"),
        [P.EQEQ] = new("'=='", "“==”"),
        [P.NEQ] = new("'!='", "“!=”"),
        [P.LE] = new("'<='", "“<=”"),
        [P.GE] = new("'>='", "“>=”"),
        [P.EQ] = new("'='", "“=”"),
        [P.LT] = new("'<'", "“<”"),
        [P.GT] = new("'>'", "“>”"),
        [P.PLUS] = new("'+'", "“+”"),
        [P.MINUS] = new("'-'", "“-”"),
        [P.STAR] = new("'*'", "“*”"),
        [P.SLASH] = new("'/'", "“/”"),
        [P.LPAREN] = new("'('", "“(”"),
        [P.RPAREN] = new("')'", "“)”"),
        [P.LBRACK] = new("'['", "“[”"),
        [P.RBRACK] = new("']'", "“]”"),
        [P.COMMA] = new("','", "“,”"),
        [P.SEMI] = new("';'", "“;”"),
        [P.COLON] = new("':'", "“:”"),
        [TokenConstants.EOF] = new("the end of the text", "结尾"),
    };

    /// <summary>"an expression, ')' or 'and'" — at most five items.</summary>
    public static Localized Expected(IEnumerable<int> tokenTypes)
    {
        var types = tokenTypes.Where(t => t != P.UNEXPECTED_CHAR && t != P.UNTERMINATED_STRING).ToHashSet();
        var items = new List<Localized>();
        if (types.Contains(P.IDENT) && types.Contains(P.NUMBER))
        {
            items.Add(new("a value (a fact, a number, text in quotes …)", "值（字段、数字、带引号的文字等）"));
            types.ExceptWith(ValueStarts);
        }

        if (types.Count(Comparisons.Contains) >= 3)
        {
            items.Add(new("a comparison such as >= or =", "比较符号，如 >= 或 ="));
            types.ExceptWith(Comparisons);
        }

        items.AddRange(types.Order().Select(Describe));
        if (items.Count == 0)
        {
            return new("something else", "其他内容");
        }

        var shown = items.Take(5).ToList();
        return new(
            string.Join(", ", shown.Take(shown.Count - 1).Select(i => i.English)) + (shown.Count > 1 ? " or " : "") + shown[^1].English,
            string.Join("、", shown.Take(shown.Count - 1).Select(i => i.Chinese)) + (shown.Count > 1 ? "或" : "") + shown[^1].Chinese);
    }

    public static Localized Describe(int tokenType)
        => Names.TryGetValue(tokenType, out var name) ? name : new Localized("a " + CampaignLexer.DefaultVocabulary.GetSymbolicName(tokenType), "符号");

    /// <summary>The offending token as the marketer typed it (the end of the text named in words).</summary>
    public static Localized Shown(IToken token)
        => token.Type == TokenConstants.EOF ? Names[TokenConstants.EOF] : new Localized(token.Text, token.Text);
}
