namespace CampaignEngine.Orders;

/// <summary>One item line of an order, as a test or the sample shop hands it to <see cref="OrderHistoryBuilder"/>.</summary>
internal sealed record OrderLine(string? Category, string? Style, int Quantity, decimal UnitPrice);

/// <summary>A customer's details as customers.csv carries them.</summary>
internal sealed record CustomerDetails(
    string? Name = null,
    string? Phone = null,
    string? Email = null,
    string? Group = null,
    DateOnly? Birthday = null,
    string? Region = null,
    string? Level = null,
    IReadOnlyList<string>? Tags = null,
    OptOut OptOut = OptOut.None);
