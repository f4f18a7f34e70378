namespace CampaignEngine.Orders.Ingest;

/// <summary>
/// Remembers the last id seen in a column and what it resolved to: the lines of one order (and the
/// orders of one customer in a per-customer export) are adjacent, so most rows skip the hash lookup.
/// </summary>
internal sealed class AdjacentKey
{
    private readonly byte[] _bytes = new byte[128];
    private int _length = -1;
    private int _value;

    public bool TryGet(ReadOnlySpan<byte> key, out int value)
    {
        value = _value;
        return key.Length == _length && key.SequenceEqual(_bytes.AsSpan(0, _length));
    }

    public void Remember(ReadOnlySpan<byte> key, int value)
    {
        if (key.Length > _bytes.Length)
        {
            _length = -1;
            return;
        }

        key.CopyTo(_bytes);
        _length = key.Length;
        _value = value;
    }
}
