using CampaignEngine.Channels.Tests.Support;
using CampaignEngine.Plugins.Email;
using CampaignEngine.Plugins.Email.Composition;
using CampaignEngine.Plugins.Sdk;
using CampaignEngine.Plugins.Testing;

namespace CampaignEngine.Channels.Tests.Contract;

/// <summary>The test kit's contract, run against the email channel and a real SMTP server (through a relay that can hang or refuse).</summary>
public sealed class EmailContractTests(SmtpServer smtp) : ChannelContractTests, IClassFixture<SmtpServer>
{
    protected override ChannelHarness CreateHarness() => new EmailHarness(smtp);

    private sealed class EmailHarness : ChannelHarness
    {
        private const string Domain = "shop.example";

        private readonly SmtpServer _smtp;
        private readonly SmtpRelay _relay;
        private readonly List<string> _keys = [];

        public EmailHarness(SmtpServer smtp)
        {
            _smtp = smtp;
            _relay = new SmtpRelay(smtp.Port);
        }

        public override string ChannelName => "email";

        public override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
        {
            ["host"] = "127.0.0.1",
            ["port"] = _relay.Port.ToString(),
            ["security"] = "none",
            ["from_address"] = "care@" + Domain,
            ["list_unsubscribe"] = "https://shop.example/u?c={customer}",
        };

        public override IChannel CreateChannel(IChannelConfiguration configuration) => new EmailChannel(configuration);

        public override ChannelMessage GoodMessage(string idempotencyKey)
        {
            _keys.Add(idempotencyKey);
            return new ChannelMessage(idempotencyKey, "C001", "wang@example.com", "王女士，您的会员专享券已到账。", Subject: "会员专享券已到账", Template: "vip_coupon");
        }

        public override void SetProvider(ProviderBehaviour behaviour) => _relay.Behaviour = behaviour;

        /// <summary>The keys whose Message-ID (derived from the key) arrived in the server's Maildir.</summary>
        public override IReadOnlyList<string> IdempotencyKeysReceived()
            => _keys.Where(key => _smtp.DeliveredCount(MessageIdentity.For(key, Domain)) > 0).ToList();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _relay.Dispose();
            }
        }
    }
}
