using System.Globalization;
using System.Text;

namespace CampaignEngine.Calendar;

/// <summary>
/// How a typed festival name is matched: marketers write "Mid-Autumn", "mid autumn", "中秋节", "双11",
/// "11.11" or "１１.１１" for the same day, so names are compared by a key that ignores case, width,
/// spaces and punctuation and a trailing "festival"/"节".
/// </summary>
internal static class FestivalName
{
    public static string Key(string name)
    {
        var folded = name.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        var key = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (char.IsLetterOrDigit(c))
            {
                key.Append(c);
            }
        }

        var text = key.ToString();
        foreach (var suffix in (ReadOnlySpan<string>)["festival", "节"])
        {
            if (text.Length > suffix.Length && text.EndsWith(suffix, StringComparison.Ordinal))
            {
                return text[..^suffix.Length];
            }
        }

        return text;
    }

    /// <summary>
    /// Edit distance (Levenshtein) between two keys, for "did you mean". Allowed distance grows with
    /// length — one slip in a two-character Chinese name (中球 → 中秋), two in "dubble11".
    /// </summary>
    public static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    public static int AllowedDistance(string key) => Math.Max(1, key.Length / 3);

    public static bool IsChinese(string name)
        => name.Any(c => CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.OtherLetter);
}
