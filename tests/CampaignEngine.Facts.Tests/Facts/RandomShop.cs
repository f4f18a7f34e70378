using CampaignEngine.Orders;

namespace CampaignEngine.Facts.Tests.Facts;

/// <summary>A random but seeded shop history: orders with every status, lines, and logistics times.</summary>
internal sealed record RandomOrder(string Id, string Customer, DateTime PaidAt, decimal Amount, OrderStatus Status,
    DateTime? Shipped, DateTime? Arrived, DateTime? Signed, OrderLine[] Lines);

internal static class RandomShop
{
    private static readonly string[] Categories = ["外套", "连衣裙", "T恤", "裤装", "鞋靴", "配饰"];
    private static readonly string[] Styles = ["韩版", "欧美", "日系", "简约", "复古", "街头"];

    public static readonly DateTime Start = new(2023, 1, 1);

    public static List<RandomOrder> Orders(Random random, int customers, int orders, int days, string prefix = "o")
    {
        var list = new List<RandomOrder>();
        for (var i = 0; i < orders; i++)
        {
            list.Add(Order(random, $"{prefix}{i}", $"c{random.Next(customers)}", Start.AddSeconds(random.NextInt64(days * 86400L))));
        }

        return list;
    }

    public static RandomOrder Order(Random random, string id, string customer, DateTime paid)
    {
        var status = (OrderStatus)random.Next(4);
        DateTime? shipped = random.Next(4) > 0 ? paid.AddHours(random.Next(1, 72)) : null;
        DateTime? arrived = shipped is { } s && random.Next(3) > 0 ? s.AddHours(random.Next(5, 60)) : null;
        DateTime? signed = arrived is { } a && random.Next(3) > 0 ? a.AddHours(random.Next(1, 100)) : null;
        var lines = Enumerable.Range(0, random.Next(1, 4))
            .Select(_ => new OrderLine(Categories[random.Next(Categories.Length)], Styles[random.Next(Styles.Length)], random.Next(1, 4), random.Next(1, 500)))
            .ToArray();
        return new RandomOrder(id, customer, paid, random.Next(1, 100_000) / 100m, status, shipped, arrived, signed, lines);
    }

    public static OrderHistory Build(int customers, IEnumerable<RandomOrder> orders)
    {
        var builder = new OrderHistoryBuilder();
        for (var c = 0; c < customers; c++)
        {
            builder.Customer($"c{c}", new CustomerDetails(Birthday: new DateOnly(1980 + c % 30, 1 + c % 12, 1 + c % 28), Tags: c % 3 == 0 ? ["vip"] : null));
        }

        foreach (var o in orders)
        {
            builder.Order(o.Id, o.Customer, o.PaidAt, o.Amount, o.Status, o.Shipped, o.Arrived, o.Signed, o.Lines);
        }

        return builder.Build();
    }
}
