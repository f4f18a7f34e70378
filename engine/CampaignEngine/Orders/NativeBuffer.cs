using System.Runtime.InteropServices;

namespace CampaignEngine.Orders;

/// <summary>
/// An array outside the GC heap, freed when disposed (or finalized). For big arrays that die while the
/// history's final arrays are being allocated — the builder's sort keys and positions of 10M orders, the
/// order-id hash index — a managed array would stay garbage, and resident, until a full collection.
/// </summary>
internal sealed unsafe class NativeBuffer<T> : IDisposable
    where T : unmanaged
{
    private T* _items;

    public NativeBuffer(int length, bool zeroed = false)
    {
        Length = length;
        _items = zeroed
            ? (T*)NativeMemory.AllocZeroed((nuint)Math.Max(1, length), (nuint)sizeof(T))
            : (T*)NativeMemory.Alloc((nuint)Math.Max(1, length), (nuint)sizeof(T));
    }

    ~NativeBuffer() => Free();

    public int Length { get; }

    public Span<T> Span => _items is null ? throw new ObjectDisposedException(nameof(NativeBuffer<T>)) : new Span<T>(_items, Length);

    public void Dispose()
    {
        Free();
        GC.SuppressFinalize(this);
    }

    private void Free()
    {
        NativeMemory.Free(_items);
        _items = null;
    }
}
