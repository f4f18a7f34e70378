namespace CampaignEngine.Dsl.Diagnostics;

/// <summary>Decides whether a marketer wrote in Chinese, so <c>Auto</c> answers in their language.</summary>
internal static class MessageLanguageDetection
{
    public static bool LooksChinese(string text)
    {
        foreach (var c in text)
        {
            // CJK Unified Ideographs (and extension A) cover every Chinese keyword and alias.
            if (c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF')
            {
                return true;
            }
        }

        return false;
    }
}
