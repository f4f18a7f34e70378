using CampaignEngine.Channels.Tests.Support;
using CampaignEngine.Plugins.Email;
using static CampaignEngine.Channels.Tests.Email.EmailSendTests;

namespace CampaignEngine.Channels.Tests.Email;

public class EmailCheckTests
{
    [Fact]
    public void A_marketing_email_with_subject_text_and_unsubscribe_link_passes()
        => Assert.Empty(Channel().Check(Message("wang@example.com")).Problems);

    [Theory]
    [InlineData("wang")]
    [InlineData("wang@localhost")]
    [InlineData("wang @example.com")]
    [InlineData("王 <wang@example.com>")]
    [InlineData("")]
    public void An_address_that_is_not_an_email_is_refused(string address)
        => Assert.Contains("not an email address", Assert.Single(Channel().Check(Message(address)).Problems));

    [Fact]
    public void An_email_without_subject_is_refused()
        => Assert.Contains("no subject", Assert.Single(Channel().Check(Message("wang@example.com") with { Subject = null }).Problems));

    [Fact]
    public void An_empty_email_is_refused()
        => Assert.Contains("empty", Assert.Single(Channel().Check(Message("wang@example.com", text: " ")).Problems));

    [Fact]
    public void A_marketing_email_without_unsubscribe_link_is_refused_but_a_service_email_is_not()
    {
        var channel = Channel(unsubscribe: null);
        Assert.Contains("list_unsubscribe", Assert.Single(channel.Check(Message("wang@example.com")).Problems));
        Assert.Empty(channel.Check(Message("wang@example.com") with { IsMarketing = false }).Problems);
    }

    [Fact]
    public void An_email_costs_the_configured_price()
        => Assert.Equal(3, Channel(price: "3").EstimateCost(Message("wang@example.com")).Fen);

    private static EmailChannel Channel(string? unsubscribe = "https://shop.example/u?c={customer}", string? price = null)
    {
        var settings = new Dictionary<string, string> { ["host"] = "smtp.shop.example", ["from_address"] = "care@shop.example" };
        if (unsubscribe is not null)
        {
            settings["list_unsubscribe"] = unsubscribe;
        }

        if (price is not null)
        {
            settings["price_fen"] = price;
        }

        return new EmailChannel(new TestConfiguration("email", settings));
    }
}
