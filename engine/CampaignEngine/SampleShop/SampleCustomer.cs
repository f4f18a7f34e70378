namespace CampaignEngine.SampleShop;

/// <summary>
/// One customer of the sample shop: who they are, how they can be reached, what they like and how
/// often they come back. Shares are typical of a small Taobao apparel shop: about two thirds women,
/// most with a phone, a quarter with an email, some in the shop's chat groups, a few opted out.
/// </summary>
internal sealed class SampleCustomer
{
    private static readonly Weighted<int>[] StyleByDepartment =
    [
        new((0, 30), (1, 12), (2, 15), (3, 25), (4, 10), (5, 8)),   // 女装: 韩版 first
        new((0, 10), (1, 15), (2, 18), (3, 30), (4, 7), (5, 20)),   // 男装: 简约, 街头
    ];

    private static readonly string[] ChatGroups = ["G01", "G02", "G03", "G04", "G05", "G06", "G07", "G08"];

    public required string MemberName { get; init; }
    public required string Name { get; init; }
    public required int Department { get; init; }
    public required int PreferredStyle { get; init; }
    public required Catalogue.CategoryRef PreferredCategory { get; init; }
    public string? Phone { get; init; }
    public string? Email { get; init; }
    public string? ChatGroup { get; init; }
    public DateOnly? Birthday { get; init; }
    public required string Region { get; init; }
    public required string Tags { get; init; }
    public required string OptOut { get; init; }

    /// <summary>Comes back after the first order at all (the minority that makes a shop's repeat revenue).</summary>
    public required bool Returns { get; init; }

    /// <summary>The personal purchase cycle in days (log-normal, median ~55 days, mostly 25–120).</summary>
    public required double CycleDays { get; init; }

    /// <summary>After each repeat order, the chance of yet another one.</summary>
    public required double Loyalty { get; init; }

    public static SampleCustomer Create(int index, Catalogue catalogue, DateOnly end, ref ShopRandom random)
    {
        var female = random.Chance(0.65);
        var department = female ? 0 : 1;
        var categories = catalogue.Departments[department].CategoryRefs;
        var age = (int)Math.Clamp(Math.Round(29 + (7 * random.Normal())), 17, 62);
        var phone = random.Chance(0.92) ? ChinesePeople.Phone(ref random) : null;
        var email = random.Chance(0.25) ? ChinesePeople.Email(ref random) : null;
        var group = random.Chance(0.12) ? random.Pick(ChatGroups) : null;

        return new SampleCustomer
        {
            MemberName = ChinesePeople.MemberName(index, ref random),
            Name = ChinesePeople.Name(female, ref random),
            Department = department,
            PreferredStyle = StyleByDepartment[department].Draw(ref random),
            PreferredCategory = categories[random.Next(categories.Length)],
            Phone = phone,
            Email = email,
            ChatGroup = group,
            Birthday = DrawBirthday(age, end, ref random),
            Region = ChinesePeople.Regions.Draw(ref random),
            Tags = DrawTags(age, female, ref random),
            OptOut = DrawOptOut(email is not null, group is not null, ref random),
            Returns = random.Chance(0.22),
            CycleDays = Math.Clamp(random.LogNormal(55, 0.5), 12, 300),
            Loyalty = random.Between(0.2, 0.65),
        };
    }

    /// <summary>About 70% of customers gave a birthday; a sixth of those only the month and day (year 1900).</summary>
    private static DateOnly? DrawBirthday(int age, DateOnly end, ref ShopRandom random)
    {
        if (!random.Chance(0.7))
        {
            return null;
        }

        var birthYear = end.Year - age;
        var dayOfYear = random.Next(365);
        var date = new DateOnly(birthYear, 1, 1).AddDays(dayOfYear);
        // 1900 is not a leap year: a 2/29 birthday known without its year is written as 1900-02-28.
        return random.Chance(1.0 / 6) ? new DateOnly(1900, date.Month, date is { Month: 2, Day: 29 } ? 28 : date.Day) : date;
    }

    private static string DrawTags(int age, bool female, ref ShopRandom random)
    {
        var tags = new List<string>(3);
        if (random.Chance(0.06))
        {
            tags.Add("大码");
        }

        if (age <= 22 && random.Chance(0.6))
        {
            tags.Add("学生");
        }
        else if (age >= 24 && random.Chance(0.12))
        {
            tags.Add("职场");
        }

        if (female && age is >= 26 and <= 40 && random.Chance(0.15))
        {
            tags.Add("宝妈");
        }

        if (random.Chance(0.01))
        {
            tags.Add("差评");
        }

        if (random.Chance(0.003))
        {
            tags.Add("黑名单");
        }

        return string.Join('|', tags);
    }

    /// <summary>About 2% opted out of everything; others of single channels, mostly SMS (回T退订).</summary>
    private static string DrawOptOut(bool hasEmail, bool inGroup, ref ShopRandom random)
    {
        if (random.Chance(0.02))
        {
            return "全部";
        }

        var channels = new List<string>(2);
        if (random.Chance(0.06))
        {
            channels.Add("sms");
        }

        if (hasEmail && random.Chance(0.08))
        {
            channels.Add("email");
        }

        if (random.Chance(0.01))
        {
            channels.Add("wangwang");
        }

        if (inGroup && random.Chance(0.05))
        {
            channels.Add("chat");
        }

        return string.Join('|', channels);
    }
}
