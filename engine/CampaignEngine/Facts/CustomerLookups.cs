using CampaignEngine.Orders;

namespace CampaignEngine.Facts;

/// <summary>The per-customer questions a rule asks with an argument: tags, categories, styles, contacts, segments.</summary>
internal static class CustomerLookups
{
    public static bool Tagged(FactTable t, int row, NameKey tag)
        => (t.Overlay.IsEmpty ? null : t.Overlay.Tagged(row, tag.Name)) ?? HasTag(t.History, row, tag.IdIn(t.History.Tags));

    public static bool Tagged(FactTable t, int row, string? tag)
        => tag is not null && ((t.Overlay.IsEmpty ? null : t.Overlay.Tagged(row, tag)) ?? HasTag(t.History, row, t.History.Tags.Find(tag)));

    /// <summary>The membership level, as a rule last set it during the run or as loaded.</summary>
    public static string? Level(FactTable t, int row) => (t.Overlay.IsEmpty ? null : t.Overlay.Level(row)) ?? t.History.Levels[row];

    public static bool Bought(FactTable t, int row, NameKey category) => BoughtAny(t, row, category.IdIn(t.History.Categories), styles: false);

    public static bool Bought(FactTable t, int row, string? category) => category is not null && BoughtAny(t, row, t.History.Categories.Find(category), styles: false);

    public static bool BoughtStyle(FactTable t, int row, NameKey style) => BoughtAny(t, row, style.IdIn(t.History.Styles), styles: true);

    public static bool BoughtStyle(FactTable t, int row, string? style) => style is not null && BoughtAny(t, row, t.History.Styles.Find(style), styles: true);

    public static bool OptedOut(FactTable t, int row, string? channel)
    {
        var flag = ParseChannel(channel);
        return flag != OptOut.None && (t.History.OptOuts[row] & flag) != 0;
    }

    public static OptOut ParseChannel(string? channel) => channel?.ToLowerInvariant() switch
    {
        "sms" or "短信" => OptOut.Sms,
        "email" or "邮件" => OptOut.Email,
        "wangwang" or "旺旺" => OptOut.Wangwang,
        "chat" or "群" => OptOut.Chat,
        "all" or "全部" or "any" => OptOut.All,
        _ => OptOut.None,
    };

    public static bool InSegment(FactTable t, int row, int segment) => t.Segment[row] == segment;

    public static bool InSegment(FactTable t, int row, string? segment) => segment is not null && t.Segment[row] == RfmSegment.Find(segment);

    /// <summary>Whole days since the last contact before the moment; NaN when never contacted.</summary>
    public static double LastContactDays(FactTable t, int row)
    {
        var last = t.Contacts.LastBefore(row, t.Moment);
        return last < 0 ? double.NaN : t.Day - (int)(last / 86400);
    }

    /// <summary>Contacts in the <paramref name="days"/> before the moment (a rolling window, not calendar days).</summary>
    public static double ContactsIn(FactTable t, int row, double days)
        => double.IsNaN(days) ? double.NaN : t.Contacts.CountBetween(row, t.Moment - (long)Math.Round(days * 86400), t.Moment);

    /// <summary>Where the latest order stands as of the moment: paid, shipped, arrived or signed.</summary>
    public static string? LastOrderStage(FactTable t, int row)
    {
        if (t.LastOrder[row] < 0) return null;
        if (t.LastOrderEventDay(row, OrderEvent.Signed) != FactTable.NoDay) return "signed";
        if (t.LastOrderEventDay(row, OrderEvent.Arrived) != FactTable.NoDay) return "arrived";
        if (t.LastOrderEventDay(row, OrderEvent.Shipped) != FactTable.NoDay) return "shipped";
        return "paid";
    }

    public static string? Tags(FactTable t, int row)
    {
        var h = t.History;
        if (row + 1 >= h.TagStarts.Length || h.TagStarts[row] == h.TagStarts[row + 1])
        {
            return null;
        }

        return string.Join('|', h.TagIds.AsSpan(h.TagStarts[row], h.TagStarts[row + 1] - h.TagStarts[row]).ToArray().Select(h.Tags.NameOf));
    }

    public static bool HasTag(OrderHistory h, int row, int tag)
    {
        if (tag < 0 || row + 1 >= h.TagStarts.Length)
        {
            return false;
        }

        return h.TagIds.AsSpan(h.TagStarts[row], h.TagStarts[row + 1] - h.TagStarts[row]).BinarySearch(tag) >= 0;
    }

    /// <summary>Any line of a paid, non-refunded order before the moment in that category (or style).</summary>
    private static bool BoughtAny(FactTable t, int row, int id, bool styles)
    {
        if (id < 0)
        {
            return false;
        }

        var h = t.History;
        var lines = styles ? h.LineStyle : h.LineCategory;
        var start = h.CustomerOrderStarts[row];
        for (var o = start; o < start + t.OrdersBefore[row]; o++)
        {
            if (h.Status[o] == OrderStatus.Refunded)
            {
                continue;
            }

            for (var l = h.OrderLineStarts[o]; l < h.OrderLineStarts[o + 1]; l++)
            {
                if (lines[l] == id)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
