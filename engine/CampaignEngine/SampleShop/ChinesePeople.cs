using System.Text;

namespace CampaignEngine.SampleShop;

/// <summary>
/// Names, nicknames, regions, phone numbers and mailboxes as they look in a Chinese shop's export:
/// common surnames by frequency, given names of one or two characters, Taobao-style member names,
/// mobile numbers with real carrier prefixes, QQ and NetEase mailboxes, provinces weighted roughly
/// by online-shopping population.
/// </summary>
internal static class ChinesePeople
{
    private static readonly Weighted<string> Surnames = new(
        ("王", 7.1), ("李", 7.0), ("张", 6.7), ("刘", 5.4), ("陈", 4.5), ("杨", 3.1), ("黄", 2.2), ("赵", 2.0),
        ("吴", 1.8), ("周", 1.7), ("徐", 1.3), ("孙", 1.3), ("马", 1.2), ("朱", 1.1), ("胡", 1.1), ("郭", 1.0),
        ("何", 0.9), ("林", 0.9), ("罗", 0.8), ("高", 0.8), ("郑", 0.7), ("梁", 0.7), ("谢", 0.6), ("宋", 0.5),
        ("唐", 0.5), ("许", 0.5), ("韩", 0.5), ("冯", 0.5), ("邓", 0.5), ("曹", 0.4), ("欧阳", 0.1), ("司马", 0.02));

    private static readonly string[] FemaleGiven = ["婷", "静", "敏", "丽", "娟", "芳", "燕", "霞", "雪", "颖", "欣", "怡", "佳", "琪", "萌", "瑶", "思", "雨", "梦", "晓", "悦", "琳", "倩", "露"];

    private static readonly string[] MaleGiven = ["伟", "强", "磊", "军", "勇", "杰", "涛", "斌", "超", "鹏", "浩", "宇", "轩", "俊", "凯", "峰", "明", "辉", "博", "文", "阳", "晨", "鑫", "天"];

    private static readonly string[] NickStems = ["小鱼儿", "晴天", "阿狸", "喵喵", "糖果", "木子", "tb", "sunny", "momo", "lucky", "星星", "果果", "小白", "大橙子", "七七", "jack", "lily", "阿杰", "Vivian", "kk"];

    private static readonly string[] MailSyllables = ["wang", "li", "zhang", "liu", "chen", "yang", "huang", "zhao", "wu", "zhou", "xu", "sun", "ma", "zhu", "hu", "lin", "xiao", "yu", "jie", "ting"];

    private static readonly string[] PhonePrefixes = ["130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152", "153", "155", "156", "157", "158", "159", "166", "176", "177", "180", "181", "182", "185", "186", "187", "188", "189", "191", "198", "199"];

    public static readonly Weighted<string> Regions = new(
        ("广东", 12), ("浙江", 9), ("江苏", 9), ("山东", 7), ("上海", 6), ("河南", 6), ("四川", 6), ("北京", 5),
        ("福建", 5), ("湖北", 5), ("湖南", 4), ("安徽", 4), ("河北", 4), ("辽宁", 3), ("陕西", 3), ("重庆", 3),
        ("江西", 3), ("广西", 3), ("天津", 2), ("云南", 2), ("山西", 2), ("黑龙江", 2), ("贵州", 2), ("吉林", 1),
        ("内蒙古", 1), ("新疆", 1), ("甘肃", 1), ("海南", 1), ("宁夏", 0.5), ("青海", 0.5), ("西藏", 0.2));

    public static string Name(bool female, ref ShopRandom random)
    {
        var given = female ? FemaleGiven : MaleGiven;
        var name = Surnames.Draw(ref random) + random.Pick(given);
        return random.Chance(0.7) ? name + random.Pick(given) : name;
    }

    /// <summary>
    /// The 买家会员名: a stem plus a number unique to the customer. The number is the customer's index
    /// times an odd constant modulo 2^30 — a bijection, so member names never collide, yet they do not
    /// read as a counter.
    /// </summary>
    public static string MemberName(int customerIndex, ref ShopRandom random)
    {
        var number = (uint)((ulong)(customerIndex + 1) * 2654435761UL % (1UL << 30));
        return random.Pick(NickStems) + number.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public static string Phone(ref ShopRandom random)
    {
        var phone = new StringBuilder(random.Pick(PhonePrefixes), 11);
        for (var i = 0; i < 8; i++)
        {
            phone.Append((char)('0' + random.Next(10)));
        }

        return phone.ToString();
    }

    public static string Email(ref ShopRandom random)
    {
        if (random.Chance(0.55))
        {
            var digits = 6 + random.Next(5);
            var qq = new StringBuilder(digits + 7);
            qq.Append((char)('1' + random.Next(9)));
            for (var i = 1; i < digits; i++)
            {
                qq.Append((char)('0' + random.Next(10)));
            }

            return qq.Append("@qq.com").ToString();
        }

        var domain = random.Pick((string[])["163.com", "126.com", "sina.com", "gmail.com"]);
        return $"{random.Pick(MailSyllables)}{random.Pick(MailSyllables)}{random.Next(1000)}@{domain}";
    }
}
