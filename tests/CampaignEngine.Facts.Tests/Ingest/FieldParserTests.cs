using System.Text;
using CampaignEngine.Orders.Ingest;

namespace CampaignEngine.Facts.Tests.Ingest;

public sealed class FieldParserTests
{
    [Fact]
    public void Day_numbers_match_DateOnly_for_every_day_of_several_centuries()
    {
        for (var date = new DateOnly(1900, 1, 1); date.Year < 2200; date = date.AddDays(1))
        {
            Assert.True(FieldParsers.TryParseMoment(Encoding.ASCII.GetBytes(date.ToString("yyyy-MM-dd")), out var day, out _));
            Assert.Equal(date.DayNumber, day);
        }
    }

    [Theory]
    [InlineData("128.00", 12800)]
    [InlineData("128", 12800)]
    [InlineData("0.5", 50)]
    [InlineData(".5", 50)]
    [InlineData("-3.01", -301)]
    [InlineData("¥99.90", 9990)]
    public void Yuan_parse_to_exact_fen(string text, long fen)
    {
        Assert.True(FieldParsers.TryParseFen(Encoding.UTF8.GetBytes(text), out var parsed));
        Assert.Equal(fen, parsed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1.005")]
    [InlineData("1,000.00")]
    [InlineData("12a")]
    [InlineData(".")]
    public void Not_money_is_refused(string text) => Assert.False(FieldParsers.TryParseFen(Encoding.UTF8.GetBytes(text), out _));

    [Theory]
    [InlineData("2024-02-29 23:59:59", true)]
    [InlineData("2023-02-29 10:00:00", false)]
    [InlineData("2024-01-01 24:00:00", false)]
    [InlineData("2024-01-01T08:30", true)]
    [InlineData("01/02/2024", false)]
    public void Times_are_validated(string text, bool ok) => Assert.Equal(ok, FieldParsers.TryParseMoment(Encoding.UTF8.GetBytes(text), out _, out _));
}
