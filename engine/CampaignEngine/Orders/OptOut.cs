namespace CampaignEngine.Orders;

/// <summary>The channels a customer asked not to be contacted on (退订 column: <c>全部</c> or <c>sms|email</c>).</summary>
[Flags]
public enum OptOut : byte
{
    None = 0,
    Sms = 1,
    Email = 2,
    Wangwang = 4,
    Chat = 8,
    All = Sms | Email | Wangwang | Chat,
}
