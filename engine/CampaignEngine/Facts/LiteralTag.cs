using CampaignEngine.Orders;

namespace CampaignEngine.Facts;

/// <summary>
/// A tag a rule names as a literal (<c>tagged("blacklist")</c>), with a column of who carries it in the loaded
/// customer data: built once per history, so that the rule reads one array element per customer instead of
/// searching the customer's tag list. Tags rules set during a run (the overlay) are read the slow way.
/// </summary>
internal sealed class LiteralTag(string name)
{
    private sealed record Column(OrderHistory History, bool[] Tagged);

    private Column? _column;

    public NameKey Key { get; } = new(name);

    /// <summary>Row → carries the tag, as loaded. Histories are swapped whole, never changed: one reference check.</summary>
    public bool[] LoadedColumn(OrderHistory history)
    {
        var column = _column;
        if (column is null || !ReferenceEquals(column.History, history))
        {
            var tagged = new bool[history.CustomerCount];
            var id = Key.IdIn(history.Tags);
            for (var row = 0; row < tagged.Length; row++)
            {
                tagged[row] = CustomerLookups.HasTag(history, row, id);
            }

            _column = column = new Column(history, tagged);
        }

        return column.Tagged;
    }
}
