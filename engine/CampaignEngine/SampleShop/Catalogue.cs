namespace CampaignEngine.SampleShop;

/// <summary>
/// The sample shop's goods: a menswear and womenswear mix in the styles and categories of a typical
/// small Taobao apparel shop. Every item (宝贝) has a fixed list price; titles follow the Taobao habit
/// of style + cut + item + 男/女 ("韩版宽松连帽卫衣女").
/// </summary>
internal sealed class Catalogue
{
    public static readonly string[] Styles = ["韩版", "欧美", "日系", "简约", "复古", "街头"];

    private static readonly string[] Cuts = ["宽松", "修身", "百搭", "新款", "加厚", "薄款", "高腰", "纯棉"];

    private static readonly Category[] WomensCategories =
    [
        new("连衣裙", [("碎花连衣裙", 159), ("针织连衣裙", 199), ("吊带裙", 99), ("衬衫裙", 169)], Season.Summer),
        new("外套", [("羊毛大衣", 599), ("羽绒服", 459), ("风衣", 329), ("牛仔外套", 219)], Season.Winter),
        new("T恤", [("短袖T恤", 59), ("印花T恤", 69), ("长袖T恤", 79)], Season.Summer),
        new("裤装", [("阔腿裤", 129), ("直筒牛仔裤", 149), ("休闲裤", 119), ("半身裙", 109)], Season.AllYear),
        new("衬衫", [("雪纺衬衫", 119), ("白衬衫", 129), ("格子衬衫", 109)], Season.AllYear),
        new("针织衫", [("开衫", 159), ("毛衣", 189), ("针织背心", 89)], Season.Winter),
        new("鞋靴", [("小白鞋", 199), ("马丁靴", 299), ("乐福鞋", 229)], Season.AllYear),
        new("配饰", [("围巾", 69), ("帆布包", 59), ("发夹", 19)], Season.AllYear),
    ];

    private static readonly Category[] MensCategories =
    [
        new("外套", [("羽绒服", 499), ("夹克", 269), ("风衣", 359), ("棉服", 329)], Season.Winter),
        new("T恤", [("短袖T恤", 69), ("Polo衫", 99), ("长袖T恤", 79)], Season.Summer),
        new("裤装", [("直筒牛仔裤", 159), ("工装裤", 149), ("休闲裤", 129), ("运动裤", 109)], Season.AllYear),
        new("衬衫", [("牛津纺衬衫", 139), ("格子衬衫", 119), ("商务衬衫", 159)], Season.AllYear),
        new("卫衣", [("连帽卫衣", 159), ("圆领卫衣", 139)], Season.Winter),
        new("鞋靴", [("运动鞋", 269), ("板鞋", 199), ("皮靴", 359)], Season.AllYear),
        new("配饰", [("棒球帽", 49), ("腰带", 79), ("双肩包", 129)], Season.AllYear),
    ];

    private readonly Item[][] _itemsByCategory;

    /// <summary>[department][month − 1]: cumulative weights of the department's categories in that month.</summary>
    private readonly double[][][] _categoryWeightsByMonth;

    public Catalogue()
    {
        Departments = [Build(WomensCategories, "女", 0), Build(MensCategories, "男", WomensCategories.Length)];
        _itemsByCategory = Departments.SelectMany(d => d.Categories).Select(c => c.Items).ToArray();
        _categoryWeightsByMonth = Departments
            .Select(d => Enumerable.Range(1, 12).Select(month => ShopRandom.Cumulative(d.CategoryRefs.Select(c => SeasonWeight(c.Season, month)))).ToArray())
            .ToArray();
    }

    /// <summary>0 = womenswear (女装), 1 = menswear (男装).</summary>
    public Department[] Departments { get; }

    /// <summary>An item of a category in a style; which cut and item is the random part.</summary>
    public Item Draw(CategoryRef category, int style, ref ShopRandom random)
    {
        var items = _itemsByCategory[category.Index];
        var perStyle = items.Length / Styles.Length;
        return items[(style * perStyle) + random.Next(perStyle)];
    }

    /// <summary>A category of the department, weighted by what sells in that month: coats in winter, T-shirts in summer.</summary>
    public CategoryRef DrawCategory(int department, int month, ref ShopRandom random)
        => Departments[department].CategoryRefs[random.Pick(_categoryWeightsByMonth[department][month - 1])];

    private static double SeasonWeight(Season season, int month) => season switch
    {
        Season.Summer => month is >= 5 and <= 8 ? 2.0 : month is >= 11 or <= 2 ? 0.3 : 1.0,
        Season.Winter => month is >= 10 or <= 2 ? 2.0 : month is >= 5 and <= 8 ? 0.2 : 1.0,
        _ => 1.0,
    };

    private static Department Build(Category[] categories, string genderSuffix, int firstIndex)
    {
        var refs = new CategoryRef[categories.Length];
        for (var c = 0; c < categories.Length; c++)
        {
            var category = categories[c];
            var items = new List<Item>();
            for (var s = 0; s < Styles.Length; s++)
            {
                for (var cut = 0; cut < Cuts.Length; cut++)
                {
                    foreach (var (noun, basePrice) in category.Nouns)
                    {
                        items.Add(new Item($"{Styles[s]}{Cuts[cut]}{noun}{genderSuffix}", category.Name, Styles[s], ListPriceFen(basePrice, s, cut)));
                    }
                }
            }

            category.Items = items.ToArray();
            refs[c] = new CategoryRef(firstIndex + c, category.Name, category.Season);
        }

        return new Department(refs, categories);
    }

    /// <summary>Prices end in 9 or 8 yuan, as shops price them; styles and cuts move them ±20%.</summary>
    private static long ListPriceFen(int basePrice, int style, int cut)
    {
        var factor = 0.85 + (0.05 * ((style * 3) + cut) % 0.4);
        var yuan = (int)Math.Round(basePrice * factor / 10.0) * 10;
        yuan = Math.Max(10, yuan) - (cut % 2 == 0 ? 1 : 2);
        return yuan * 100L;
    }

    internal enum Season
    {
        AllYear,
        Summer,
        Winter,
    }

    internal sealed record Category(string Name, (string Noun, int BasePrice)[] Nouns, Season Season)
    {
        public Item[] Items { get; set; } = [];
    }

    internal sealed record Department(CategoryRef[] CategoryRefs, Category[] Categories);

    internal sealed record CategoryRef(int Index, string Name, Season Season);

    internal sealed record Item(string Title, string Category, string Style, long ListPriceFen);
}
