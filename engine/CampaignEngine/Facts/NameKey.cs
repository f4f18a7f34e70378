using CampaignEngine.Orders;

namespace CampaignEngine.Facts;

/// <summary>
/// A name a rule wrote as a literal (<c>tagged("vip")</c>, <c>bought("外套")</c>), resolved to its interned id
/// once per history instead of once per customer: the compiled rule holds this key as a constant.
/// </summary>
internal sealed class NameKey(string name)
{
    private sealed record Resolved(NameTable Table, int Id);

    private Resolved? _resolved;

    public string Name => name;

    public int IdIn(NameTable table)
    {
        var resolved = _resolved;
        if (resolved is null || !ReferenceEquals(resolved.Table, table))
        {
            // Histories are swapped whole (reload), never mutated: one reference check is enough.
            _resolved = resolved = new Resolved(table, table.Find(name));
        }

        return resolved.Id;
    }
}
