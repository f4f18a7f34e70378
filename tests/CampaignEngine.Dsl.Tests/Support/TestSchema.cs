using System.Linq.Expressions;
using CampaignEngine.Dsl.Binding;

namespace CampaignEngine.Dsl.Tests.Support;

/// <summary>A schema over <see cref="CustomerTable"/> shaped like the engine's built-in facts.</summary>
internal static class TestSchema
{
    public static readonly string[] Festivals = ["中秋", "春节", "double11"];

    /// <summary>The pool behind <see cref="WithTextIds"/>: interns case-insensitively, as the DSL compares text.</summary>
    public static readonly TextIdPool Texts = new();

    public static FactSchema<CustomerTable> Create() => new(Fields(), Functions());

    /// <summary>The same facts with <c>level</c> also offered as interned ids (tables must call <see cref="CustomerTable.InternTexts"/>).</summary>
    public static FactSchema<CustomerTable> WithTextIds()
        => new(Fields().Select(f => f.Name == "level" ? f with { Ids = new(c => c.LevelIds, Texts.IdOf) } : f), Functions());

    private static IEnumerable<FieldDefinition<CustomerTable>> Fields()
    {
        yield return FieldDefinition<CustomerTable>.Number("frequency", "number of paid orders", (c, r) => c.Frequency[r], "购买次数");
        yield return FieldDefinition<CustomerTable>.Money("monetary", "total paid", (c, r) => c.Monetary[r], "消费金额");
        yield return FieldDefinition<CustomerTable>.Number("days_since_last", "days since the last order", (c, r) => c.DaysSinceLast[r], "距上次购买天数");
        yield return FieldDefinition<CustomerTable>.Number("cycle", "mean days between orders", (c, r) => c.Cycle[r], "购买周期");
        yield return FieldDefinition<CustomerTable>.Money("aov", "average order value", (c, r) => c.Aov[r], "客单价");
        yield return FieldDefinition<CustomerTable>.Duration("since_first", "time since the first order", (c, r) => c.SinceFirst[r], "首单至今");
        yield return FieldDefinition<CustomerTable>.Number("days_to_birthday", "days to the next birthday", (c, r) => c.DaysToBirthday[r], "距生日天数");
        yield return FieldDefinition<CustomerTable>.Text("level", "membership level", (c, r) => c.Level[r], "会员等级", "等级");
        yield return FieldDefinition<CustomerTable>.Text("region", "region", (c, r) => c.Region[r], "地区");
        yield return FieldDefinition<CustomerTable>.Date("last_order", "date of the last order", (c, r) => c.LastOrder[r], "最近下单日");
        yield return FieldDefinition<CustomerTable>.Bool("is_member", "joined the membership", (c, r) => c.IsMember[r], "是否会员");
        Expression<Func<CustomerTable, int, int>> time = (c, r) => c.PreferredTime[r];
        yield return new("preferred_time", DslType.Time, "preferred contact time", ["偏好时间"], time);
        Expression<Func<CustomerTable, int, ulong>> tags = (c, r) => c.Tags[r];
        yield return new("tags", DslType.TagSet, "the customer's tags", ["标签"], tags);
    }

    private static IEnumerable<FunctionDefinition<CustomerTable>> Functions()
    {
        yield return new("tagged", DslType.Bool, "has the tag", [new("tag", DslType.Text)], ["有标签"], Tagged,
            args => args[0] is string tag && Array.IndexOf(CustomerTable.TagNames, tag) < 0 ? $"unknown tag \"{tag}\"" : null);
        yield return new("bought", DslType.Bool, "bought from the category", [new("category", DslType.Text)], ["买过"], Bought);
        yield return new("contacts_in", DslType.Number, "contacts within a period", [new("period", DslType.Duration)], ["联系次数"], ContactsIn);
        yield return new("is_holiday", DslType.Bool, "today is the festival", [new("festival", DslType.Text)], ["是节日"],
            (_, _, args) => Expression.Equal(args[0], Expression.Constant("中秋")),
            args => args[0] is string f && !Festivals.Contains(f) ? $"unknown festival \"{f}\"" : null);
    }

    /// <summary>A literal tag becomes its bit at compile time, as the engine's tag dictionary does.</summary>
    private static Expression Tagged(Expression context, Expression row, IReadOnlyList<Expression> args)
    {
        var tags = Expression.ArrayIndex(Expression.Property(context, nameof(CustomerTable.Tags)), row);
        if (args[0] is ConstantExpression { Value: string tag })
        {
            var bit = 1UL << Array.IndexOf(CustomerTable.TagNames, tag);
            return Expression.NotEqual(Expression.And(tags, Expression.Constant(bit)), Expression.Constant(0UL));
        }

        return Expression.Call(typeof(TestSchema), nameof(HasTag), null, tags, args[0]);
    }

    private static bool HasTag(ulong tags, string? tag)
    {
        var index = tag is null ? -1 : Array.IndexOf(CustomerTable.TagNames, tag);
        return index >= 0 && (tags & (1UL << index)) != 0;
    }

    private static Expression Bought(Expression context, Expression row, IReadOnlyList<Expression> args)
        => Expression.Call(typeof(TestSchema), nameof(HasBought), null,
            Expression.ArrayIndex(Expression.Property(context, nameof(CustomerTable.Bought)), row), args[0]);

    private static bool HasBought(uint bought, string? category)
    {
        var index = category is null ? -1 : Array.IndexOf(CustomerTable.Categories, category);
        return index >= 0 && (bought & (1u << index)) != 0;
    }

    /// <summary>1 when the last contact falls within the period, else 0 (missing when never contacted).</summary>
    private static Expression ContactsIn(Expression context, Expression row, IReadOnlyList<Expression> args)
    {
        var last = Expression.ArrayIndex(Expression.Property(context, nameof(CustomerTable.LastContactDays)), row);
        return Expression.Condition(Expression.LessThanOrEqual(last, args[0]), Expression.Constant(1.0), Expression.Constant(0.0));
    }
}
