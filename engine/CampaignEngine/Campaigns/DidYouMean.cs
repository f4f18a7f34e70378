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
            // One edit distance for the whole engine: the calendar's, which festival names already use.
            var distance = Calendar.FestivalName.Distance(typed.ToLowerInvariant(), candidate.ToLowerInvariant());
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
}
