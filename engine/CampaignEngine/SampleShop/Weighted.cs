namespace CampaignEngine.SampleShop;

/// <summary>Items with relative weights, drawn with <see cref="ShopRandom.Pick(double[])"/>.</summary>
internal sealed class Weighted<T>
{
    private readonly T[] _items;
    private readonly double[] _cumulative;

    public Weighted(params (T Item, double Weight)[] items)
    {
        _items = items.Select(i => i.Item).ToArray();
        _cumulative = ShopRandom.Cumulative(items.Select(i => i.Weight));
    }

    public IReadOnlyList<T> Items => _items;

    public T Draw(ref ShopRandom random) => _items[random.Pick(_cumulative)];
}
