namespace CampaignEngine.Reports;

/// <summary>
/// Distinct customers, one bit per order-history row: a year's report over a million customers keeps
/// such a set per campaign, rule and reason, and as hash sets they took gigabytes. A decision whose
/// customer has no row (−1) counts as one more customer, as it did in a hash set.
/// </summary>
internal sealed class CustomerSet
{
    private ulong[] _bits = [];
    private bool _unknown;

    public int Count { get; private set; }

    public void Add(int row)
    {
        if (row < 0)
        {
            Count += _unknown ? 0 : 1;
            _unknown = true;
            return;
        }

        var word = row >> 6;
        if (word >= _bits.Length)
        {
            Array.Resize(ref _bits, Math.Max(word + 1, _bits.Length * 2));
        }

        var bit = 1UL << (row & 63);
        if ((_bits[word] & bit) == 0)
        {
            _bits[word] |= bit;
            Count++;
        }
    }
}
