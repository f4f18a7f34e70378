using System.Text;

namespace CampaignEngine.Campaigns.Tests.Templates;

/// <summary>
/// Random texts of literal pieces (Chinese, braces, percent signs, HTML, quotes, newlines) and bare outputs
/// render the same on the engine's path as through DotLiquid: the plain path must either give DotLiquid's
/// output or leave the text to DotLiquid.
/// </summary>
public sealed class GeneratedPlainTextsRenderLikeDotLiquidTests
{
    private static readonly string[] Literals =
    [
        "您好", "【", "】", "亲爱的", "回T退订", "a", "Z9", " ", "\t", "\n", "\r\n", "{", "}", "%", "{ }", "} {", "100%",
        "<p>", "</p>", "&amp;", "&", "\"", "'", ",", "!", "¥", "😀",
    ];

    private static readonly string[] Outputs =
    [
        "{{ name }}", "{{name}}", "{{ 姓名 }}", "{{姓名}}", "{{\tshop\t}}", "{{  shop_hotline }}", "{{ coupon_1 }}", "{{ _x }}",
        "{{ unset }}", "{{ 购买次数 }}",
    ];

    private static readonly string[] Names = ["name", "姓名", "shop", "shop_hotline", "coupon_1", "_x", "unset", "购买次数"];

    private static readonly string[] ValuePieces = ["张三", "Li", "{{", "}}", "{{ name }}", "{%", "%}", "<", ">", "&", "\"", "'", "\n", "%", " ", "李"];

    [Fact]
    public void Random_literal_text_with_bare_outputs_renders_as_DotLiquid_renders_it()
    {
        var random = new Random(7);
        var plain = 0;
        for (var i = 0; i < 5_000; i++)
        {
            var text = RenderPaths.Sms(Text(random));
            if (text is null)
            {
                continue; // DotLiquid rejects it (e.g. a stray "{%"): the loader reports it, nothing renders
            }

            plain += text.IsPlain ? 1 : 0;
            RenderPaths.AssertSame(text, Values(random));
        }

        // Most texts must take the plain path, or this compares DotLiquid with itself.
        Assert.InRange(plain, 2_500, 5_000);
    }

    [Fact]
    public void Random_email_parts_render_as_DotLiquid_renders_them()
    {
        var random = new Random(8);
        for (var i = 0; i < 1_000; i++)
        {
            string subject = Text(random), html = "<p>" + Text(random) + "</p>", body = Text(random);
            if (RenderPaths.Sms(subject) is null || RenderPaths.Sms(html) is null || RenderPaths.Sms(body) is null)
            {
                continue;
            }

            RenderPaths.AssertSame(RenderPaths.Email(subject, html, body), Values(random));
        }
    }

    private static string Text(Random random)
    {
        var text = new StringBuilder();
        for (var pieces = random.Next(0, 9); pieces > 0; pieces--)
        {
            text.Append(random.Next(5) < 3 ? Literals[random.Next(Literals.Length)] : Outputs[random.Next(Outputs.Length)]);
        }

        return text.ToString();
    }

    private static Dictionary<string, string> Values(Random random)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in Names.Where(n => n != "unset" && random.Next(5) > 0))
        {
            var value = new StringBuilder();
            for (var pieces = random.Next(0, 4); pieces > 0; pieces--)
            {
                value.Append(ValuePieces[random.Next(ValuePieces.Length)]);
            }

            values[name] = value.ToString();
        }

        return values;
    }
}
