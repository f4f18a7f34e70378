namespace CampaignEngine.Dsl.Diagnostics;

/// <summary>
/// Decides whether a marketer wrote in Chinese, so <c>Auto</c> answers in their language: Chinese keywords
/// or names count; Chinese inside quoted text (<c>level = "金卡"</c>) or a comment does not, since English
/// rules about a Chinese shop have plenty of both.
/// </summary>
internal static class MessageLanguageDetection
{
    public static bool LooksChinese(string text)
    {
        char? closing = null;
        var inComment = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n')
            {
                inComment = false;
                closing = null; // text never spans lines
            }
            else if (inComment)
            {
                continue;
            }
            else if (closing is { } close)
            {
                if (c == close)
                {
                    closing = null;
                }
                else if (c == '\\' && close == '"')
                {
                    i++;
                }
            }
            else if (c == '#' || (c == '/' && i + 1 < text.Length && text[i + 1] == '/'))
            {
                inComment = true;
            }
            else if (Closing(c) is { } quote)
            {
                closing = quote;
            }
            else if (IsChinese(c))
            {
                return true;
            }
        }

        return false;
    }

    private static char? Closing(char opening) => opening switch
    {
        '"' => '"',
        '\'' => '\'',
        '“' => '”',
        '「' => '」',
        _ => null,
    };

    // CJK Unified Ideographs (and extension A) cover every Chinese keyword and alias.
    private static bool IsChinese(char c) => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF';
}
