namespace CampaignEngine.Orders.Ingest;

/// <summary>A column the ingest understands: its canonical English name, the headers recognised by default, and whether rows need it.</summary>
internal sealed record ExportColumn(string Name, bool Required, params string[] DefaultHeaders)
{
    /// <summary>orders.csv, Taobao/Tmall 宝贝报表, JD order export and English headers (docs/ingest.md).</summary>
    public static readonly ExportColumn[] OrderColumns =
    [
        new("order_id", true, "订单编号", "订单号", "主订单编号", "订单ID"),
        new("customer_id", true, "买家会员名", "买家昵称", "买家账号", "客户账号", "下单帐号", "下单账号", "会员名"),
        new("paid_at", true, "付款时间", "支付时间", "付款确认时间", "订单付款时间"),
        new("amount", true, "买家实际支付金额", "实付金额", "买家实付金额", "应付金额", "订单金额", "支付金额"),
        new("status", true, "订单状态", "交易状态"),
        new("shipped_at", false, "发货时间", "卖家发货时间", "出库时间"),
        new("arrived_at", false, "到达同城时间", "到达时间"),
        new("signed_at", false, "确认收货时间", "签收时间", "完成时间", "交易成功时间"),
        new("item", false, "宝贝标题", "商品名称", "商品标题", "宝贝名称"),
        new("category", false, "商品类目", "类目", "宝贝类目", "商品分类"),
        new("style", false, "风格", "商品风格"),
        new("quantity", false, "购买数量", "宝贝数量", "商品数量", "数量"),
        new("unit_price", false, "单价", "价格", "商品单价", "宝贝单价"),
    ];

    /// <summary>customers.csv (会员/客户 export) and English headers.</summary>
    public static readonly ExportColumn[] CustomerColumns =
    [
        new("customer_id", true, "买家会员名", "买家昵称", "买家账号", "客户账号", "会员名", "旺旺"),
        new("name", false, "姓名", "客户姓名", "收货人姓名", "收货人"),
        new("phone", false, "手机号", "手机", "联系手机", "手机号码"),
        new("email", false, "邮箱", "电子邮箱", "Email"),
        new("group", false, "客户群", "群"),
        new("birthday", false, "生日", "出生日期"),
        new("region", false, "地区", "省份", "所在地区"),
        new("level", false, "会员等级", "等级", "客户等级"),
        new("tags", false, "标签", "客户标签"),
        new("opt_out", false, "退订", "退订渠道"),
    ];
}
