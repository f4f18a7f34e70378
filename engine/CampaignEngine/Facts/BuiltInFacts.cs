using System.Linq.Expressions;
using System.Reflection;
using CampaignEngine.Calendar;
using CampaignEngine.Dsl.Binding;

namespace CampaignEngine.Facts;

/// <summary>
/// The built-in fields and functions rules can use, by English name and Chinese alias. Each reader is
/// an expression over a <see cref="FactTable"/> row that the DSL compiler inlines; exact definitions
/// and missing-value behaviour are in docs/facts.md.
/// </summary>
public static class BuiltInFacts
{
    public static FactSchema<FactTable> Schema(FestivalCalendar calendar)
        => new(Fields(), Functions(calendar));

    private static IEnumerable<FieldDefinition<FactTable>> Fields()
    {
        // Orders and money.
        yield return FieldDefinition<FactTable>.Number("frequency", "paid orders before the date (refunded and closed excluded)", (t, row) => t.Frequency[row], "购买次数", "消费次数");
        yield return FieldDefinition<FactTable>.Money("monetary", "total paid, in yuan, for those orders", (t, row) => t.MonetaryFen[row] / 100.0, "消费金额", "累计消费");
        yield return FieldDefinition<FactTable>.Money("aov", "average order value: monetary ÷ frequency; missing without orders", (t, row) => t.Frequency[row] == 0 ? double.NaN : t.MonetaryFen[row] / (double)t.Frequency[row] / 100.0, "客单价");
        yield return FieldDefinition<FactTable>.Money("last_order_amount", "amount paid for the latest paid order", (t, row) => t.LastOrder[row] < 0 ? double.NaN : t.History.AmountFen[t.LastOrder[row]] / 100.0, "最近订单金额");
        yield return FieldDefinition<FactTable>.Number("refund_count", "refunded orders paid before the date", (t, row) => t.RefundCount[row], "退款次数");

        // Recency and rhythm.
        yield return FieldDefinition<FactTable>.Number("days_since_last", "days from the last paid order's day to the date", (t, row) => FactTable.DaysSince(t.LastOrderDay[row], t.Day), "距上次购买天数", "最近购买天数");
        yield return FieldDefinition<FactTable>.Number("days_since_first", "days from the first paid order's day to the date", (t, row) => FactTable.DaysSince(t.FirstOrderDay[row], t.Day), "距首次购买天数");
        yield return FieldDefinition<FactTable>.Date("first_order_date", "day of the first paid order", (t, row) => t.FirstOrderDay[row], "首次购买日期");
        yield return FieldDefinition<FactTable>.Date("last_order_date", "day of the last paid order", (t, row) => t.LastOrderDay[row], "最近购买日期");
        yield return FieldDefinition<FactTable>.Number("cycle", "purchase cycle: mean days between consecutive distinct order days; missing with fewer than 2", (t, row) => t.Cycle[row], "购买周期");
        yield return FieldDefinition<FactTable>.Number("cycle_stddev", "standard deviation of those gaps (population); missing with fewer than 2 order days", (t, row) => t.CycleStddev[row], "购买周期标准差");
        yield return FieldDefinition<FactTable>.Number("days_until_due", "cycle − days_since_last: negative when the next purchase is overdue", (t, row) => t.Cycle[row] - FactTable.DaysSince(t.LastOrderDay[row], t.Day), "距下次购买天数");

        // Logistics.
        yield return FieldDefinition<FactTable>.Number("days_since_shipped", "days since the latest shipment (any order) before the date", (t, row) => FactTable.DaysSince(t.LastShippedDay[row], t.Day), "距发货天数");
        yield return FieldDefinition<FactTable>.Number("days_since_arrived", "days since a parcel last arrived in the customer's city", (t, row) => FactTable.DaysSince(t.LastArrivedDay[row], t.Day), "距到达同城天数");
        yield return FieldDefinition<FactTable>.Number("days_since_delivery", "days since the latest signed (确认收货) delivery", (t, row) => FactTable.DaysSince(t.LastSignedDay[row], t.Day), "距签收天数", "距确认收货天数");
        yield return FieldDefinition<FactTable>.Date("last_order_shipped_date", "day the latest order shipped, if before the date", (t, row) => t.LastOrderEventDay(row, OrderEvent.Shipped), "最近订单发货日期");
        yield return FieldDefinition<FactTable>.Date("last_order_arrived_date", "day the latest order arrived in the city, if before the date", (t, row) => t.LastOrderEventDay(row, OrderEvent.Arrived), "最近订单到达日期");
        yield return FieldDefinition<FactTable>.Date("last_order_signed_date", "day the latest order was signed for, if before the date", (t, row) => t.LastOrderEventDay(row, OrderEvent.Signed), "最近订单签收日期");
        yield return FieldDefinition<FactTable>.Text("last_order_stage", "where the latest order stands: paid, shipped, arrived or signed", (t, row) => CustomerLookups.LastOrderStage(t, row), "最近订单状态");
        yield return FieldDefinition<FactTable>.Bool("has_open_parcel", "a shipped order not yet signed for", (t, row) => t.OpenParcels[row] > 0, "有在途包裹");
        yield return FieldDefinition<FactTable>.Number("open_parcels", "shipped orders not yet signed for", (t, row) => t.OpenParcels[row], "在途包裹数");
        yield return FieldDefinition<FactTable>.Number("days_in_transit", "days since the oldest open parcel shipped (stalled parcels); missing without one", (t, row) => FactTable.DaysSince(t.OldestOpenShippedDay[row], t.Day), "在途天数");

        // The customer.
        yield return FieldDefinition<FactTable>.Text("customer_id", "the buyer's id (买家会员名, also the Wangwang nick)", (t, row) => t.History.CustomerIdOf(row), "买家会员名", "旺旺");
        yield return FieldDefinition<FactTable>.Text("name", "the customer's name", (t, row) => t.History.Names[row], "姓名");
        yield return FieldDefinition<FactTable>.Text("phone", "mobile number", (t, row) => t.History.Phones[row], "手机号");
        yield return FieldDefinition<FactTable>.Text("email", "e-mail address", (t, row) => t.History.Emails[row], "邮箱");
        yield return FieldDefinition<FactTable>.Text("group", "chat group the customer is in", (t, row) => t.History.Groups[row], "客户群") with { Ids = TextIds(t => t.GroupIds) };
        yield return FieldDefinition<FactTable>.Text("level", "membership level (普通, 银卡, 金卡, VIP …)", (t, row) => CustomerLookups.Level(t, row), "会员等级") with { Ids = TextIds(t => t.LevelIds) };
        yield return FieldDefinition<FactTable>.Text("region", "province or region", (t, row) => t.History.Regions[row], "地区") with { Ids = TextIds(t => t.RegionIds) };
        yield return FieldDefinition<FactTable>.Text("tags", "the customer's tags joined by |", (t, row) => CustomerLookups.Tags(t, row), "标签");
        yield return FieldDefinition<FactTable>.Date("birthday", "birthday (year 1900 when only month and day are known)", (t, row) => t.History.BirthdayDays[row], "生日");
        yield return FieldDefinition<FactTable>.Number("days_to_birthday", "days until the next birthday on or after the date (0 on the day; Feb 29 → Feb 28 in common years)", (t, row) => Birthdays.DaysUntilNext(t.History.BirthdayDays[row], t.Day), "距生日天数");
        yield return FieldDefinition<FactTable>.Number("age", "age in completed years; missing when the birth year is unknown", (t, row) => Birthdays.Age(t.History.BirthdayDays[row], t.Day), "年龄");
        yield return FieldDefinition<FactTable>.Text("favorite_category", "category bought most (by items); ties go to the latest bought", (t, row) => Favorites.Category(t, row), "偏好类目", "常买类目") with { Ids = TextIds(t => t.FavoriteCategoryIds) };
        yield return FieldDefinition<FactTable>.Text("favorite_style", "style bought most (by items); ties go to the latest bought", (t, row) => Favorites.Style(t, row), "偏好风格") with { Ids = TextIds(t => t.FavoriteStyleIds) };

        // RFM.
        yield return FieldDefinition<FactTable>.Number("rfm_r", "recency score 1–5 (quintile of the last order day over active customers)", (t, row) => t.RfmR[row] == 0 ? double.NaN : t.RfmR[row], "R得分", "最近一次消费得分");
        yield return FieldDefinition<FactTable>.Number("rfm_f", "frequency score 1–5", (t, row) => t.RfmF[row] == 0 ? double.NaN : t.RfmF[row], "F得分", "消费频率得分");
        yield return FieldDefinition<FactTable>.Number("rfm_m", "monetary score 1–5", (t, row) => t.RfmM[row] == 0 ? double.NaN : t.RfmM[row], "M得分", "消费金额得分");
        yield return FieldDefinition<FactTable>.Number("rfm_score", "rfm_r + rfm_f + rfm_m (3–15)", (t, row) => t.RfmR[row] == 0 ? double.NaN : t.RfmR[row] + t.RfmF[row] + t.RfmM[row], "RFM总分");
        yield return FieldDefinition<FactTable>.Text("rfm_segment", "RFM segment id: important_value … general_winback", (t, row) => RfmSegment.Ids[t.Segment[row]], "客户分层", "RFM分层");
        yield return FieldDefinition<FactTable>.Text("rfm_segment_name", "RFM segment in Chinese: 重要价值客户 … 一般挽留客户", (t, row) => RfmSegment.ChineseNames[t.Segment[row]], "客户分层名称");

        // The date and contacts.
        yield return FieldDefinition<FactTable>.Number("weekday", "weekday of the date: Monday 1 … Sunday 7", (t, row) => t.Weekday, "星期");
        yield return FieldDefinition<FactTable>.Number("last_contact_days", "days since the last contact by any campaign; missing if never", (t, row) => CustomerLookups.LastContactDays(t, row), "距上次联系天数");
    }

    /// <summary>A text column that rules compare as interned ids (level in ["金卡", "VIP"] compares ints).</summary>
    private static TextIds<FactTable> TextIds(Expression<Func<FactTable, int[]>> column) => new(column, FactTable.Texts.IdOf);

    private static IEnumerable<FunctionDefinition<FactTable>> Functions(FestivalCalendar calendar)
    {
        FunctionParameter Text(string name) => new(name, DslType.Text);

        // All pure: each reads the table as of its moment and changes nothing, so is_holiday("春节"), which does
        // not read the row, is asked once per block of customers and rules out a whole block when false.
        yield return new("tagged", DslType.Bool, "the customer carries the tag", [Text("tag")], ["有标签"],
            Tagged) { Pure = true };
        yield return new("bought", DslType.Bool, "bought an item of the category in a paid, non-refunded order before the date", [Text("category")], ["买过", "购买过"],
            ByName(nameof(CustomerLookups.Bought))) { Pure = true };
        yield return new("bought_style", DslType.Bool, "bought an item of the style in a paid, non-refunded order before the date", [Text("style")], ["买过风格"],
            ByName(nameof(CustomerLookups.BoughtStyle))) { Pure = true };
        yield return new("in_segment", DslType.Bool, "the customer's RFM segment, by id or Chinese name", [Text("segment")], ["属于分层"],
            (context, row, args) => args[0] is ConstantExpression { Value: string name }
                ? Expression.Call(Lookup(nameof(CustomerLookups.InSegment), typeof(int)), context, row, Expression.Constant(RfmSegment.Find(name)))
                : Expression.Call(Lookup(nameof(CustomerLookups.InSegment), typeof(string)), context, row, args[0]),
            args => args[0] is string name && RfmSegment.Find(name) < 0
                ? $"unknown RFM segment '{name}'; use one of {string.Join(", ", RfmSegment.Ids.Skip(1))} or their Chinese names (重要价值 …)"
                : null) { Pure = true };
        yield return new("opted_out", DslType.Bool, "the customer opted out of the channel (sms, email, wangwang, chat, all)", [Text("channel")], ["已退订"],
            (context, row, args) => Expression.Call(Lookup(nameof(CustomerLookups.OptedOut), typeof(string)), context, row, args[0]),
            args => args[0] is string name && CustomerLookups.ParseChannel(name) == Orders.OptOut.None
                ? $"unknown channel '{name}'; use sms, email, wangwang, chat or all"
                : null) { Pure = true };
        yield return new("contacts_in", DslType.Number, "contacts by any campaign in the window before the date", [new("window", DslType.Duration)], ["联系次数"],
            (context, row, args) => Expression.Call(Lookup(nameof(CustomerLookups.ContactsIn), typeof(double)), context, row, args[0])) { Pure = true };
        yield return new("is_holiday", DslType.Bool, "the date is the festival (中秋, double11, 春节 …)", [Text("festival")], ["是节日"],
            (context, row, args) => FestivalCall(calendar, context, args[0], daysTo: false),
            args => CheckFestival(calendar, args[0])) { Pure = true };
        yield return new("days_to_holiday", DslType.Number, "days from the date to the festival's next occurrence (0 on the day)", [Text("festival")], ["距节日天数"],
            (context, row, args) => FestivalCall(calendar, context, args[0], daysTo: true),
            args => CheckFestival(calendar, args[0])) { Pure = true };
    }

    /// <summary>
    /// A literal tag reads its column (<see cref="LiteralTag"/>) while no rule has set a tag during the run; the
    /// column lookup reads no row, so the DSL does it once per block of customers (the function is pure).
    /// </summary>
    private static Expression Tagged(Expression context, Expression row, IReadOnlyList<Expression> args)
    {
        if (args[0] is not ConstantExpression { Value: string name })
        {
            return ByName(nameof(CustomerLookups.Tagged))(context, row, args);
        }

        var tag = new LiteralTag(name);
        var overlay = Expression.Property(context, Internal(nameof(FactTable.Overlay)));
        var column = Expression.Call(Expression.Constant(tag), nameof(LiteralTag.LoadedColumn), null, Expression.Property(context, Internal(nameof(FactTable.History))));
        return Expression.Condition(
            Expression.Property(overlay, typeof(CustomerOverlay).GetProperty(nameof(CustomerOverlay.IsEmpty))!),
            Expression.ArrayIndex(column, row),
            Expression.Call(Lookup(nameof(CustomerLookups.Tagged), typeof(NameKey)), context, row, Expression.Constant(tag.Key)));
    }

    private static PropertyInfo Internal(string property)
        => typeof(FactTable).GetProperty(property, BindingFlags.NonPublic | BindingFlags.Instance) ?? throw new MissingMemberException(nameof(FactTable), property);

    /// <summary>A literal name becomes a <see cref="NameKey"/> resolved once per history; anything else is looked up per call.</summary>
    private static FunctionBuilder ByName(string method)
        => (context, row, args) => args[0] is ConstantExpression { Value: string name }
            ? Expression.Call(Lookup(method, typeof(NameKey)), context, row, Expression.Constant(new NameKey(name)))
            : Expression.Call(Lookup(method, typeof(string)), context, row, args[0]);

    private static MethodInfo Lookup(string name, Type argument)
        => typeof(CustomerLookups).GetMethod(name, BindingFlags.Public | BindingFlags.Static, [typeof(FactTable), typeof(int), argument])
           ?? throw new MissingMethodException(nameof(CustomerLookups), name);

    private static Expression FestivalCall(FestivalCalendar calendar, Expression context, Expression argument, bool daysTo)
    {
        if (argument is ConstantExpression { Value: string name } && calendar.TryFind(name, out var festival))
        {
            var probe = Expression.Constant(new FestivalProbe(calendar, festival));
            return Expression.Call(probe, daysTo ? nameof(FestivalProbe.DaysFrom) : nameof(FestivalProbe.IsToday), null, context);
        }

        var days = Expression.Call(typeof(FestivalProbe), nameof(FestivalProbe.DaysTo), null, Expression.Constant(calendar), argument, context);
        return daysTo ? days : Expression.Equal(days, Expression.Constant(0.0));
    }

    private static string? CheckFestival(FestivalCalendar calendar, object? argument)
        => argument is string name && !calendar.TryFind(name, out _)
            ? $"unknown festival '{name}'; known: {string.Join(", ", calendar.Festivals.Select(f => $"{f.Id} ({f.ChineseName})"))}"
            : null;
}
