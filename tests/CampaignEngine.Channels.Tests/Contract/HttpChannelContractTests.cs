using CampaignEngine.Channels.Tests.Support;
using CampaignEngine.Plugins.Chat.DingTalk;
using CampaignEngine.Plugins.Chat.WeChatWork;
using CampaignEngine.Plugins.Sdk;
using CampaignEngine.Plugins.Sms;
using CampaignEngine.Plugins.Testing;
using CampaignEngine.Plugins.Wangwang;

namespace CampaignEngine.Channels.Tests.Contract;

/// <summary>The test kit's contract, run against each HTTP channel with the kit's own local provider.</summary>
public class SmsContractTests : ChannelContractTests
{
    protected override ChannelHarness CreateHarness() => new HttpChannelHarness(
        "sms",
        url => new() { ["endpoint"] = url.ToString(), ["sign_name"] = "小美家", ["template_code"] = "SMS_100", ["price_fen"] = "5" },
        new Dictionary<string, string> { ["access_key"] = "LTAI5tContractKeyId", ["secret"] = "contract-sms-secret-42" },
        configuration => new SmsChannel(configuration),
        key => new ChannelMessage(key, "C001", "13812345678", "王女士，您的会员券已到账。回T退订", Template: "vip_coupon"),
        number => $$"""{"Code":"OK","BizId":"biz-{{number}}","RequestId":"r-{{number}}","Message":"OK"}""",
        request => Independent.ParseForm(request.Body).GetValueOrDefault("OutId"));
}

public class WangwangContractTests : ChannelContractTests
{
    protected override ChannelHarness CreateHarness() => new HttpChannelHarness(
        "wangwang",
        url => new() { ["endpoint"] = url.ToString(), ["app_key"] = "12345678", ["seller_nick"] = "小美家旗舰店" },
        new Dictionary<string, string> { ["secret"] = "contract-wangwang-secret-42" },
        configuration => new WangwangChannel(configuration),
        key => new ChannelMessage(key, "C001", "tb_王小美88", "亲，您的大衣已签收一周啦，穿着还合身吗？", Template: "after_sales"),
        number => "{\"wangwang_message_send_response\":{\"message_id\":\"ww-" + number + "\"}}",
        request => Independent.ParseForm(request.Body).GetValueOrDefault("out_id"));
}

public class WeChatWorkContractTests : ChannelContractTests
{
    protected override ChannelHarness CreateHarness() => new HttpChannelHarness(
        "wechat_group",
        url => new() { ["endpoint"] = url.ToString(), ["groups"] = "vip" },
        new Dictionary<string, string> { ["vip_key"] = "contract-wecom-key-42" },
        configuration => new WeChatWorkChannel(configuration),
        key => new ChannelMessage(key, "group:vip", "vip", "本周上新：秋冬羊毛大衣，会员抢先看！", Template: "new_arrivals"),
        _ => """{"errcode":0,"errmsg":"ok"}""",
        request => request.Header("Idempotency-Key"));
}

public class DingTalkContractTests : ChannelContractTests
{
    protected override ChannelHarness CreateHarness() => new HttpChannelHarness(
        "dingtalk_group",
        url => new() { ["endpoint"] = url.ToString(), ["groups"] = "fans" },
        new Dictionary<string, string> { ["fans_token"] = "contract-ding-token-42", ["fans_secret"] = "SECcontract-ding-secret-42" },
        configuration => new DingTalkChannel(configuration),
        key => new ChannelMessage(key, "group:fans", "fans", "中秋快乐！会员专享月饼礼盒今日开抢。", Template: "mid_autumn"),
        _ => """{"errcode":0,"errmsg":"ok"}""",
        request => request.Header("Idempotency-Key"));
}
