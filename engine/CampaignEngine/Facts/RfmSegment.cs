namespace CampaignEngine.Facts;

/// <summary>
/// The eight classic RFM segments (GLOSSARY.md): "important" when M is high, then by R and F.
/// A measure is high when its 1–5 quintile score is 4 or 5 (the top two fifths of the active base).
/// </summary>
internal static class RfmSegment
{
    /// <summary>Index 1…8 → English id (index 0: not scored — no paid order before the date).</summary>
    public static readonly string?[] Ids =
        [null, "important_value", "important_keep", "important_develop", "important_winback", "general_value", "general_keep", "general_develop", "general_winback"];

    public static readonly string?[] ChineseNames =
        [null, "重要价值客户", "重要保持客户", "重要发展客户", "重要挽留客户", "一般价值客户", "一般保持客户", "一般发展客户", "一般挽留客户"];

    public const int HighScore = 4;

    public static byte Of(int r, int f, int m)
    {
        if (r == 0)
        {
            return 0;
        }

        var index = (r >= HighScore ? 0 : 1) + (f >= HighScore ? 0 : 2) + (m >= HighScore ? 0 : 4);
        return (byte)(index + 1);
    }

    /// <summary>The segment index of an English id or Chinese name ("important_value", "重要价值", "重要价值客户"), or −1.</summary>
    public static int Find(string name)
    {
        for (var i = 1; i < Ids.Length; i++)
        {
            if (string.Equals(Ids[i], name, StringComparison.OrdinalIgnoreCase) || ChineseNames[i] == name || ChineseNames[i]![..^2] == name)
            {
                return i;
            }
        }

        return -1;
    }
}
