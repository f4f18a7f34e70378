namespace CampaignEngine.Dsl.Binding;

/// <summary>
/// The types a marketer can write and the type checker knows. Each maps to one CLR representation
/// so that compiled rules read the host's columns without conversion or boxing.
/// </summary>
public enum DslType
{
    /// <summary>CLR <see cref="double"/>; <see cref="double.NaN"/> means missing.</summary>
    Number,
    /// <summary>CLR <see cref="double"/> in yuan (hosts store integer fen and read fen / 100.0, which
    /// rounds to the same double as the literal, so comparisons stay exact); NaN means missing.</summary>
    Money,
    /// <summary>CLR <see cref="bool"/>.</summary>
    Bool,
    /// <summary>CLR <see cref="string"/>; null means missing.</summary>
    Text,
    /// <summary>CLR <see cref="int"/>: <see cref="DateOnly.DayNumber"/>; <see cref="int.MinValue"/> means missing.</summary>
    Date,
    /// <summary>CLR <see cref="double"/> in days (<c>12h</c> is 0.5); NaN means missing.</summary>
    Duration,
    /// <summary>CLR <see cref="int"/>: minutes since midnight (<c>21:00</c> is 1260).</summary>
    Time,
    /// <summary>A set of tags; read and tested only through host functions such as <c>tagged("vip")</c>.</summary>
    TagSet,
}
