namespace CampaignEngine.Orders.Ingest;

/// <summary>The order-status words of Taobao/Tmall/JD exports and their English equivalents.</summary>
internal static class StatusWords
{
    public static bool TryParse(ReadOnlySpan<byte> word, IReadOnlyDictionary<string, OrderStatus> extra, out OrderStatus status)
    {
        // Most frequent first: a shop's export is mostly 交易成功.
        if (word.SequenceEqual("交易成功"u8)) { status = OrderStatus.Signed; return true; }
        if (word.SequenceEqual("交易关闭"u8)) { status = OrderStatus.Closed; return true; }
        if (word.SequenceEqual("卖家已发货，等待买家确认"u8) || word.SequenceEqual("卖家已发货,等待买家确认"u8)) { status = OrderStatus.Shipped; return true; }
        if (word.SequenceEqual("买家已付款，等待卖家发货"u8) || word.SequenceEqual("买家已付款,等待卖家发货"u8)) { status = OrderStatus.Paid; return true; }
        if (word.SequenceEqual("退款成功"u8) || word.SequenceEqual("已退款"u8)) { status = OrderStatus.Refunded; return true; }
        if (word.SequenceEqual("已完成"u8) || word.SequenceEqual("完成"u8)) { status = OrderStatus.Signed; return true; }
        if (word.SequenceEqual("等待确认收货"u8)) { status = OrderStatus.Shipped; return true; }
        if (word.SequenceEqual("等待出库"u8) || word.SequenceEqual("等待发货"u8)) { status = OrderStatus.Paid; return true; }
        if (word.SequenceEqual("已取消"u8) || word.SequenceEqual("等待买家付款"u8)) { status = OrderStatus.Closed; return true; }
        if (Ascii(word, "signed"u8)) { status = OrderStatus.Signed; return true; }
        if (Ascii(word, "paid"u8)) { status = OrderStatus.Paid; return true; }
        if (Ascii(word, "shipped"u8)) { status = OrderStatus.Shipped; return true; }
        if (Ascii(word, "refunded"u8)) { status = OrderStatus.Refunded; return true; }
        if (Ascii(word, "closed"u8)) { status = OrderStatus.Closed; return true; }
        if (extra.Count > 0 && extra.TryGetValue(System.Text.Encoding.UTF8.GetString(word), out status)) { return true; }

        status = default;
        return false;
    }

    private static bool Ascii(ReadOnlySpan<byte> word, ReadOnlySpan<byte> lower)
        => System.Text.Ascii.EqualsIgnoreCase(word, lower);
}
