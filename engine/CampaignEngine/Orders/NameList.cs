namespace CampaignEngine.Orders;

/// <summary>
/// UTF-8 names appended one after another and read back by index: a <see cref="NameTable"/> without
/// the hash index, for a range parser that only needs to hand its order ids, in order, to the merge.
/// </summary>
internal sealed class NameList
{
    private byte[] _arena = new byte[1 << 12];
    private int[] _starts = new int[65];

    public int Count { get; private set; }

    public int Add(ReadOnlySpan<byte> name)
    {
        var id = Count;
        if (id + 1 == _starts.Length)
        {
            Array.Resize(ref _starts, _starts.Length * 2);
        }

        var start = _starts[id];
        if (start + name.Length > _arena.Length)
        {
            Array.Resize(ref _arena, Math.Max(_arena.Length * 2, start + name.Length));
        }

        name.CopyTo(_arena.AsSpan(start));
        _starts[id + 1] = start + name.Length;
        Count = id + 1;
        return id;
    }

    public ReadOnlySpan<byte> this[int id] => _arena.AsSpan(_starts[id], _starts[id + 1] - _starts[id]);

    /// <summary>Forgets the names, keeping the arrays for the next range.</summary>
    public void Clear() => Count = 0;
}
