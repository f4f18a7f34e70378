namespace CampaignEngine.SampleShop;

/// <summary>Items with relative weights, drawn with <see cref="ShopRandom.Pick(double[])"/>.</summary>
internal sealed class Weighted<T>
{
    private readonly T[] _items;
    private readonly double[] _cumulative;

    public Weighted(params (T Item, double Weight)[] items)
    {
        _items = items.Select(i => i.Item).ToArray();
        _cumulative = new double[items.Length];
        var total = 0.0;
        for (var i = 0; i < items.Length; i++)
        {
            total += items[i].Weight;
            _cumulative[i] = total;
        }
    }

    public IReadOnlyList<T> Items => _items;

    public T Draw(ref ShopRandom random) => _items[random.Pick(_cumulative)];
}
