using CampaignEngine.Dsl.Binding;

namespace CampaignEngine.Dsl.Compilation;

/// <summary>The CLR representation of each DSL type (documented on <see cref="DslType"/>) and its missing value.</summary>
internal static class ClrTypes
{
    /// <summary>The first day number past <see cref="DateOnly.MaxValue"/>: dates beyond it are missing.</summary>
    public static readonly int DayNumberLimit = DateOnly.MaxValue.DayNumber;

    public static Type? Of(DslType type) => type switch
    {
        DslType.Number or DslType.Money or DslType.Duration => typeof(double),
        DslType.Bool => typeof(bool),
        DslType.Text => typeof(string),
        DslType.Date or DslType.Time => typeof(int),
        _ => null, // a tag set is whatever the host's functions read
    };

    /// <summary>A value as explain shows it: missing as null, dates and times as <see cref="DateOnly"/>/<see cref="TimeOnly"/>.</summary>
    public static object? Display(DslType type, object? value) => (type, value) switch
    {
        (DslType.Number or DslType.Money or DslType.Duration, double d) => double.IsNaN(d) ? null : d,
        (DslType.Date, int day) => day == int.MinValue ? null : DateOnly.FromDayNumber(Math.Clamp(day, 0, DayNumberLimit)),
        (DslType.Time, int minutes) => new TimeOnly(Math.Clamp(minutes, 0, 24 * 60 - 1) / 60, Math.Clamp(minutes, 0, 24 * 60 - 1) % 60),
        _ => value,
    };
}
