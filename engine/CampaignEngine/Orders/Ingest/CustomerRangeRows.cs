namespace CampaignEngine.Orders.Ingest;

/// <summary>
/// The customers.csv rows of one range that passed their own checks, by column, in file order, waiting
/// for the in-order merge. Columns rather than a record per row: rows wait here long enough to outlive a
/// young-generation collection, and a million short-lived records would then be old garbage. Groups,
/// regions and levels repeat, so they are kept as ids of the range's own table, not a string per row.
/// </summary>
internal sealed class CustomerRangeRows : RangeRows
{
    /// <summary>File line of each row, relative to the range (1 = its first line).</summary>
    public readonly List<long> Line = [];
    public readonly NameList Ids = new();
    public readonly List<string?> Name = [], Phone = [], Email = [];
    public readonly List<string[]?> Tags = [];
    public readonly List<int> Group = [], Region = [], Level = [], Birthday = [];
    public readonly List<OptOut> OptOut = [];
    public readonly NameTable Shared = new();

    public int RowCount => Line.Count;

    public override void Clear()
    {
        base.Clear();
        Line.Clear();
        Ids.Clear();
        Name.Clear();
        Phone.Clear();
        Email.Clear();
        Tags.Clear();
        Group.Clear();
        Region.Clear();
        Level.Clear();
        Birthday.Clear();
        OptOut.Clear();
        Shared.Clear();
    }
}
