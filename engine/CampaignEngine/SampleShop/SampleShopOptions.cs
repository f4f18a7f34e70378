using System.Globalization;

namespace CampaignEngine.SampleShop;

/// <summary>
/// What sample shop to generate. The default period is the two years up to 2025-11-30 (2023-12-01 ..
/// 2025-11-30): two Double 11s and two 618s, and long enough for repeat customers to show their cycles.
/// </summary>
public sealed record SampleShopOptions
{
    public static readonly DateOnly DefaultStart = new(2023, 12, 1);
    public static readonly DateOnly DefaultEnd = new(2025, 11, 30);

    /// <summary>Customers never exceed this: member names are a bijection of the index modulo 2^30.</summary>
    public const int MaxCustomers = 100_000_000;

    public int Customers { get; init; } = 2000;

    public long Seed { get; init; } = 42;

    /// <summary>First day orders may be paid.</summary>
    public DateOnly Start { get; init; } = DefaultStart;

    /// <summary>The export date: nothing happens after the end of this day.</summary>
    public DateOnly End { get; init; } = DefaultEnd;

    /// <summary>
    /// Null: the realistic shop (most customers buy once). A number: every customer gets 1 + Poisson(n − 1)
    /// orders spread over the period by demand — the mean is n — for benchmarks at a given size.
    /// </summary>
    public double? OrdersPerCustomer { get; init; }

    /// <summary>Problems with these options, each saying how to fix it; empty when they are fine.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (Customers is < 1 or > MaxCustomers)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"the number of customers must be between 1 and {MaxCustomers:N0} (got {Customers})."));
        }

        if (End < Start.AddDays(27))
        {
            problems.Add($"the period {Start:yyyy-MM-dd}..{End:yyyy-MM-dd} is too short; the end must be at least 4 weeks after the start.");
        }

        if (Start.Year < 1902 || End.Year > 2099)
        {
            problems.Add($"the period must lie within 1902..2099 (got {Start:yyyy-MM-dd}..{End:yyyy-MM-dd}).");
        }

        if (OrdersPerCustomer is { } n && (double.IsNaN(n) || n < 1 || n > 500))
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"orders per customer must be between 1 and 500 (got {n})."));
        }

        return problems;
    }
}
