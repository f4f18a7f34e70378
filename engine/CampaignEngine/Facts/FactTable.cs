namespace CampaignEngine.Facts;

/// <summary>
/// Every customer's facts as of one evaluation date, as columns: one array per fact, one row per
/// customer (the dense customer index of the order history). Compiled rules read these arrays by row.
/// (Skeleton: the facts issue fills it; the type name is the contract campaigns code against.)
/// </summary>
public sealed class FactTable
{
    public int RowCount { get; init; }
}
