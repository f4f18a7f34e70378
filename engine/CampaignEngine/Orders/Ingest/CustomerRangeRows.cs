namespace CampaignEngine.Orders.Ingest;

/// <summary>The customers.csv rows of one range that passed their own checks, in file order, waiting for the in-order merge.</summary>
internal sealed class CustomerRangeRows : RangeRows
{
    /// <summary>File line of each row, relative to the range (1 = its first line).</summary>
    public readonly List<long> Line = [];
    public readonly NameList Ids = new();
    public readonly List<CustomerDetails> Details = [];

    public override void Clear()
    {
        base.Clear();
        Line.Clear();
        Ids.Clear();
        Details.Clear();
    }
}
