using System.Globalization;
using System.Text.RegularExpressions;

namespace CampaignEngine.Campaigns.Schedules;

/// <summary>
/// Reads <c>on:</c> text: an event (<c>order_paid shipped arrived signed birthday holiday("中秋")</c>, or
/// 付款 发货 到达同城 签收 生日 节日("中秋")) with an optional offset (<c>+ 7d</c>, <c>- 3d</c>, <c>+ 12h</c>,
/// <c>+ 1w</c>), or the Chinese form <c>签收后7天</c> / <c>生日前3天</c>. The festival name is returned
/// unchecked; the caller checks it against the calendar.
/// </summary>
internal static partial class EventTriggerParser
{
    private static readonly Dictionary<string, CustomerEvent> Events = new(StringComparer.OrdinalIgnoreCase)
    {
        ["order_paid"] = CustomerEvent.OrderPaid, ["paid"] = CustomerEvent.OrderPaid, ["付款"] = CustomerEvent.OrderPaid,
        ["shipped"] = CustomerEvent.Shipped, ["发货"] = CustomerEvent.Shipped,
        ["arrived"] = CustomerEvent.Arrived, ["到达"] = CustomerEvent.Arrived, ["到达同城"] = CustomerEvent.Arrived,
        ["signed"] = CustomerEvent.Signed, ["delivered"] = CustomerEvent.Signed, ["签收"] = CustomerEvent.Signed, ["确认收货"] = CustomerEvent.Signed,
        ["birthday"] = CustomerEvent.Birthday, ["生日"] = CustomerEvent.Birthday,
        ["holiday"] = CustomerEvent.Holiday, ["节日"] = CustomerEvent.Holiday,
    };

    public static IEnumerable<string> EventNames => Events.Keys;

    public static EventTrigger? Parse(string text, out string? error)
    {
        error = null;
        var normalized = text.Trim().Replace('（', '(').Replace('）', ')').Replace('“', '"').Replace('”', '"').Replace('＋', '+').Replace('－', '-');
        var match = EnglishForm().Match(normalized);
        if (!match.Success)
        {
            match = ChineseForm().Match(normalized);
        }

        if (!match.Success)
        {
            error = "expected an event with an optional offset";
            return null;
        }

        var name = match.Groups["event"].Value;
        if (!Events.TryGetValue(name, out var customerEvent))
        {
            var closest = DidYouMean.Closest(name, Events.Keys);
            error = $"'{name}' is not an event (order_paid, shipped, arrived, signed, birthday, holiday(\"…\"))" + (closest is null ? "" : $"; did you mean '{closest}'?");
            return null;
        }

        var festival = match.Groups["festival"].Success ? match.Groups["festival"].Value.Trim() : null;
        if (customerEvent == CustomerEvent.Holiday && string.IsNullOrEmpty(festival))
        {
            error = "holiday needs the festival's name: holiday(\"中秋\")";
            return null;
        }

        if (customerEvent != CustomerEvent.Holiday && festival is not null)
        {
            error = $"only holiday takes a name in parentheses, not {name}";
            return null;
        }

        var offset = TimeSpan.Zero;
        if (match.Groups["amount"].Success)
        {
            if (!int.TryParse(match.Groups["amount"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var amount) || amount > 3660)
            {
                error = $"the offset '{match.Groups["amount"].Value}' is too large";
                return null;
            }

            var unit = match.Groups["unit"].Value switch
            {
                "h" or "小时" => TimeSpan.FromHours(1),
                "w" or "周" => TimeSpan.FromDays(7),
                _ => TimeSpan.FromDays(1),
            };
            var negative = match.Groups["sign"].Value is "-" or "前";
            offset = unit * (negative ? -amount : amount);
        }

        return new EventTrigger(customerEvent, festival, offset, text);
    }

    [GeneratedRegex(@"^(?<event>[A-Za-z_]+|[\p{IsCJKUnifiedIdeographs}]+?)\s*(?:\(\s*""(?<festival>[^""]*)""\s*\))?\s*(?:(?<sign>[+-])\s*(?<amount>\d+)\s*(?<unit>[dhw]|天|小时|周))?$")]
    private static partial Regex EnglishForm();

    [GeneratedRegex(@"^(?<event>[\p{IsCJKUnifiedIdeographs}]+?)(?:\(\s*""(?<festival>[^""]*)""\s*\))?(?<sign>前|后)(?<amount>\d+)(?<unit>天|小时|周)$")]
    private static partial Regex ChineseForm();
}
