namespace CampaignEngine.Facts.Tests.Ingest;

/// <summary>Real-looking Taobao 宝贝报表 rows, built in the tests.</summary>
internal static class OrderExports
{
    public const string ChineseHeader = "订单编号,买家会员名,付款时间,买家实际支付金额,订单状态,发货时间,到达同城时间,确认收货时间,宝贝标题,商品类目,风格,购买数量,单价";

    public const string CustomersHeader = "买家会员名,姓名,手机号,邮箱,客户群,生日,地区,会员等级,标签,退订";

    public static string Row(string orderId, string customer, string paid, string amount, string status = "交易成功",
        string shipped = "", string arrived = "", string signed = "", string item = "羊毛大衣", string category = "外套", string style = "韩版",
        string quantity = "1", string price = "")
        => string.Join(',', orderId, customer, paid, amount, status, shipped, arrived, signed, item, category, style, quantity, price == "" ? amount : price);
}
