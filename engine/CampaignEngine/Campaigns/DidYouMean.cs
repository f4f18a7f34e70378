namespace CampaignEngine.Campaigns;

/// <summary>"Did you mean …" for a misspelled key, channel, template or festival: the closest known name by edit distance.</summary>
internal static class DidYouMean
{
    public static string? Closest(string typed, IEnumerable<string> known)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in known)
        {
            var distance = Distance(typed.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance < bestDistance)
            {
                (best, bestDistance) = (candidate, distance);
            }
        }

        // More than about a third of the word changed is a different word, not a typo.
        return best is not null && bestDistance <= Math.Max(1, typed.Length / 3) ? best : null;
    }

    /// <summary>A hint: "Did you mean 'x'?" when one is close, else the list of what is allowed.</summary>
    public static string Hint(string typed, IEnumerable<string> known, bool chinese)
    {
        var list = known.Distinct().ToList();
        var closest = Closest(typed, list);
        if (closest is not null)
        {
            return chinese ? $"您是不是想写 '{closest}'？" : $"Did you mean '{closest}'?";
        }

        var allowed = string.Join(", ", list.Take(30));
        return chinese ? $"可以使用：{allowed}" : $"Allowed: {allowed}";
    }

    private static int Distance(string a, string b)
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
}
