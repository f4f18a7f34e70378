using System.Globalization;
using CampaignEngine.Dsl.Compilation;
using CampaignEngine.Evaluation;
using CampaignEngine.Orders;

namespace CampaignEngine.Guards;

/// <summary>
/// Loyal-price protection: an offer must not let a customer buy for less than they themselves paid in
/// the last N days (engine.yaml <c>loyal_price_days</c>, default 30) — the seeds warn that discount
/// campaigns hurt old customers exactly this way. A send is an offer when its <c>with</c> values carry
/// <c>price</c> (offer price in yuan; 价格, offer_price) or <c>discount</c> (share of the regular price,
/// 0 &lt; d ≤ 1, so 0.8 is 八折; 折扣), optionally narrowed by <c>category</c> (类目); without a category the
/// offer is taken to cover everything. What the customer paid for a line is its unit price scaled by the
/// order's actual payment over its list total (shop coupons included); the regular price of a category
/// is the highest unit price it has in the loaded history (the catalogue's list price).
/// </summary>
internal sealed class LoyalPriceGuard(OrderHistory history, int days)
{
    public const string Name = "loyal_price";

    private long[]? regularFen;

    public Suppression? Check(IReadOnlyList<TemplateValue> with, int row, long nowShopSecond)
    {
        double? price = null, discount = null;
        string? category = null;
        foreach (var value in with)
        {
            switch (value.Key)
            {
                case "price" or "offer_price" or "价格" when value.Value is double p:
                    price = p;
                    break;
                case "discount" or "折扣" when value.Value is double d:
                    discount = d;
                    break;
                case "category" or "类目" when value.Value is string c:
                    category = c;
                    break;
            }
        }

        if (price is null && discount is not (> 0 and <= 1))
        {
            return null;
        }

        var categoryId = category is null ? -1 : history.Categories.Find(category);
        if (category is not null && categoryId < 0)
        {
            return null; // nobody ever bought that category, so nobody paid more for it
        }

        var from = nowShopSecond - days * 86400L;
        var start = history.CustomerOrderStarts[row];
        var end = history.CustomerOrderStarts[row + 1];
        for (var o = start; o < end; o++)
        {
            var paid = history.PaidDay[o] * 86400L + history.PaidSecond[o];
            if (paid < from || paid >= nowShopSecond || history.Status[o] == OrderStatus.Refunded)
            {
                continue;
            }

            long listFen = 0;
            for (var l = history.OrderLineStarts[o]; l < history.OrderLineStarts[o + 1]; l++)
            {
                listFen += history.LineUnitPriceFen[l] * Math.Max(1, history.LineQuantity[l]);
            }

            for (var l = history.OrderLineStarts[o]; l < history.OrderLineStarts[o + 1]; l++)
            {
                var lineCategory = history.LineCategory[l];
                if (categoryId >= 0 && lineCategory != categoryId)
                {
                    continue;
                }

                var paidFen = listFen > 0 ? history.LineUnitPriceFen[l] * (double)history.AmountFen[o] / listFen : history.LineUnitPriceFen[l];
                var offerFen = price is { } p ? p * 100 : discount!.Value * RegularFen(lineCategory);
                if (offerFen < paidFen - 0.5)
                {
                    var what = lineCategory >= 0 ? history.Categories.NameOf(lineCategory) : "an item";
                    var day = DateOnly.FromDayNumber(history.PaidDay[o]).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                    return new Suppression(Name, "undercuts_recent_price",
                        string.Create(CultureInfo.InvariantCulture, $"the offer (¥{offerFen / 100:0.00}) is below the ¥{paidFen / 100:0.00} the customer paid for {what} on {day}, within the last {days} days"));
                }
            }
        }

        return null;
    }

    private double RegularFen(int category)
    {
        if (category < 0)
        {
            return 0;
        }

        if (regularFen is null)
        {
            var highest = new long[history.Categories.Count];
            for (var l = 0; l < history.LineCount; l++)
            {
                if (history.LineCategory[l] is var c and >= 0)
                {
                    highest[c] = Math.Max(highest[c], history.LineUnitPriceFen[l]);
                }
            }

            regularFen = highest;
        }

        return category < regularFen.Length ? regularFen[category] : 0;
    }
}
