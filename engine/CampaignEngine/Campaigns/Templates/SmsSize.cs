using System.Text.RegularExpressions;

namespace CampaignEngine.Campaigns.Templates;

/// <summary>
/// How Chinese carriers bill an SMS: up to 70 characters (signature included) is one message; a longer
/// text is split into parts of 67 characters (3 go to the concatenation header), each billed as one.
/// Carriers count every character the same, Chinese or Latin, so there is no 160-character GSM case here.
/// </summary>
public readonly record struct SmsSize(int Characters, int Segments)
{
    public const int SingleLimit = 70;
    public const int PartLimit = 67;

    /// <summary>The default price of one billed message in yuan when engine.yaml gives none (typical bulk rate).</summary>
    public const decimal DefaultPricePerSegment = 0.05m;

    public static SmsSize Of(string text)
    {
        // Carriers count UTF-16 units: a character outside the BMP (an emoji) counts twice.
        var characters = text.Length;
        var segments = characters == 0 ? 0 : characters <= SingleLimit ? 1 : (characters + PartLimit - 1) / PartLimit;
        return new SmsSize(characters, segments);
    }

    public decimal Cost(decimal pricePerSegment) => Segments * pricePerSegment;
}

/// <summary>The checks China's rules for marketing SMS ask for: a 【signature】 first, an opt-out hint (回T退订).</summary>
internal static partial class SmsRules
{
    public static bool HasSignature(string text) => Signature().IsMatch(text);

    public static bool HasOptOutHint(string text) => OptOut().IsMatch(text);

    [GeneratedRegex(@"^\s*【[^】]+】")]
    private static partial Regex Signature();

    // 回T退订, 回TD退订, 退订回T, 回复T退订, 拒收请回复R is not an opt-out in the carriers' sense.
    [GeneratedRegex(@"回复?\s*(?:T|TD)\s*退订|退订\s*回复?\s*(?:T|TD)\b|reply\s+(?:T|TD|STOP)\b", RegexOptions.IgnoreCase)]
    private static partial Regex OptOut();
}
