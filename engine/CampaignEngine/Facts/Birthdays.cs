namespace CampaignEngine.Facts;

/// <summary>
/// Birthday arithmetic. A Feb 29 birthday falls on Feb 28 in common years (the day most people born
/// then celebrate, and never a date that does not exist). A birth year of 1900 or earlier means "year
/// unknown" in exports, so age is missing for it.
/// </summary>
internal static class Birthdays
{
    public static double DaysUntilNext(int birthdayDay, int today)
    {
        if (birthdayDay == int.MinValue)
        {
            return double.NaN;
        }

        var birthday = DateOnly.FromDayNumber(birthdayDay);
        var date = DateOnly.FromDayNumber(today);
        var next = In(birthday, date.Year);
        if (next < date)
        {
            next = In(birthday, date.Year + 1);
        }

        return next.DayNumber - today;
    }

    public static double Age(int birthdayDay, int today)
    {
        if (birthdayDay == int.MinValue)
        {
            return double.NaN;
        }

        var birthday = DateOnly.FromDayNumber(birthdayDay);
        if (birthday.Year <= 1900)
        {
            return double.NaN;
        }

        var date = DateOnly.FromDayNumber(today);
        var age = date.Year - birthday.Year - (In(birthday, date.Year) > date ? 1 : 0);
        return age < 0 ? double.NaN : age;
    }

    private static DateOnly In(DateOnly birthday, int year)
        => birthday is { Month: 2, Day: 29 } && !DateTime.IsLeapYear(year) ? new DateOnly(year, 2, 28) : new DateOnly(year, birthday.Month, birthday.Day);
}
