namespace CampaignEngine.Calendar;

/// <summary>
/// The festivals Chinese e-commerce shops greet customers on or run promotions for, in calendar order:
/// the traditional lunar festivals, the solar term 清明, the public holidays, the platform shopping
/// festivals (520, 618, 双十一, 双十二) and the imported days shops celebrate (Valentine's, Mother's and
/// Father's Day, Christmas).
/// </summary>
internal static class BuiltInFestivals
{
    public static IReadOnlyList<(Festival Festival, FestivalRule Rule)> All { get; } =
    [
        Entry("new_year", "元旦", new FixedDateRule(1, 1), "New Year", "New Year's Day", "元旦节", "1.1"),
        Entry("lunar_new_years_eve", "除夕", new LunarNewYearsEveRule(), "Chinese New Year's Eve", "Lunar New Year's Eve", "New Year's Eve", "大年三十", "年三十", "除夕夜"),
        Entry("spring_festival", "春节", new LunarDateRule(1, 1), "Spring Festival", "Chinese New Year", "Lunar New Year", "CNY", "大年初一", "农历新年"),
        Entry("lantern", "元宵节", new LunarDateRule(1, 15), "Lantern Festival", "Lantern", "元宵", "上元节"),
        Entry("valentines", "情人节", new FixedDateRule(2, 14), "Valentine's Day", "Valentines", "2.14"),
        Entry("womens_day", "妇女节", new FixedDateRule(3, 8), "Women's Day", "International Women's Day", "3.8", "三八", "三八节", "女神节", "女王节"),
        Entry("qingming", "清明节", new SolarTermRule(15, 4, 4), "Qingming", "Qingming Festival", "Tomb-Sweeping Day", "Tomb Sweeping Day", "清明"),
        Entry("labour_day", "劳动节", new FixedDateRule(5, 1), "Labour Day", "Labor Day", "May Day", "五一", "5.1", "五一劳动节"),
        Entry("day520", "520", new FixedDateRule(5, 20), "5.20", "520 Day", "网络情人节"),
        Entry("mothers_day", "母亲节", new NthWeekdayRule(5, DayOfWeek.Sunday, 2), "Mother's Day", "Mothers Day"),
        Entry("dragon_boat", "端午节", new LunarDateRule(5, 5), "Dragon Boat", "Dragon Boat Festival", "Duanwu", "端午"),
        Entry("day618", "618", new FixedDateRule(6, 18), "6.18", "618 Sale", "年中大促"),
        Entry("fathers_day", "父亲节", new NthWeekdayRule(6, DayOfWeek.Sunday, 3), "Father's Day", "Fathers Day"),
        Entry("qixi", "七夕", new LunarDateRule(7, 7), "Qixi", "Qixi Festival", "Chinese Valentine's Day", "Double Seventh", "七夕节", "七夕情人节"),
        Entry("mid_autumn", "中秋节", new LunarDateRule(8, 15), "Mid-Autumn", "Mid-Autumn Festival", "Moon Festival", "中秋"),
        Entry("national_day", "国庆节", new FixedDateRule(10, 1), "National Day", "国庆", "10.1"),
        Entry("double_ninth", "重阳节", new LunarDateRule(9, 9), "Double Ninth", "Double Ninth Festival", "Chongyang", "重阳", "重九"),
        Entry("double11", "双十一", new FixedDateRule(11, 11), "Double 11", "Double Eleven", "Singles' Day", "11.11", "双11", "光棍节"),
        Entry("double12", "双十二", new FixedDateRule(12, 12), "Double 12", "Double Twelve", "12.12", "双12"),
        Entry("christmas", "圣诞节", new FixedDateRule(12, 25), "Christmas", "Christmas Day", "Xmas", "圣诞", "12.25"),
    ];

    private static (Festival, FestivalRule) Entry(string id, string chineseName, FestivalRule rule, params string[] aliases)
        => (new Festival(id, chineseName, aliases), rule);
}
