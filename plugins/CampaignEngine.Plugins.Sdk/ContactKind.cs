namespace CampaignEngine.Plugins.Sdk;

/// <summary>The contact detail a channel delivers to.</summary>
public enum ContactKind
{
    Phone,
    Email,
    /// <summary>A customer group (WeChat Work / DingTalk / QQ group bot): the address is the group, not a person.</summary>
    Group,
    /// <summary>Taobao's buyer nick (买家会员名).</summary>
    Wangwang,
}
