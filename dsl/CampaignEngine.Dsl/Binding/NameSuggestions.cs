using CampaignEngine.Dsl.Diagnostics;
using CampaignEngine.Dsl.Syntax;

namespace CampaignEngine.Dsl.Binding;

/// <summary>"Did you mean …": the known names (English and Chinese aliases) closest to a misspelt one.</summary>
internal static class NameSuggestions
{
    /// <param name="candidates">Each known name with the English name it stands for.</param>
    public static Localized Hint(string unknown, IEnumerable<(string Name, string English)> candidates)
    {
        var close = candidates
            .Select(c => (c.Name, c.English, Distance: Distance(unknown, c.Name)))
            .Where(c => c.Distance <= Math.Max(1, Math.Min(unknown.Length, c.Name.Length) / 3)
                        || (unknown.Length >= 2 && c.Name.Contains(unknown, StringComparison.OrdinalIgnoreCase)))
            .OrderBy(c => c.Distance).ThenBy(c => c.Name, StringComparer.Ordinal)
            .DistinctBy(c => c.English)
            .Take(3)
            .ToList();
        if (close.Count > 0)
        {
            string Show(string name, string english) => string.Equals(name, english, StringComparison.OrdinalIgnoreCase) ? name : $"{name} ({english})";
            var shown = string.Join(", ", close.Select(c => Show(c.Name, c.English)));
            var shownZh = string.Join("、", close.Select(c => $"“{Show(c.Name, c.English)}”"));
            return new($"Did you mean {shown}?", $"您是不是想写 {shownZh}？");
        }

        var glued = ChineseKeywords.Inside(unknown);
        if (glued is not null)
        {
            return new(
                $"If '{glued}' is meant as a keyword, put a space before and after it.",
                $"如果“{glued}”是关键字，请在它前后加空格。");
        }

        return new(
            "Check the spelling; docs/facts.md lists every fact and function.",
            "请检查拼写；所有字段和函数见 docs/facts.md。");
    }

    /// <summary>Optimal string alignment distance, case-insensitive (a swap of two letters counts once).</summary>
    public static int Distance(string a, string b)
    {
        a = a.ToLowerInvariant();
        b = b.ToLowerInvariant();
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
