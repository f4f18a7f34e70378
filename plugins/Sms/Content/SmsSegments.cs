namespace CampaignEngine.Plugins.Sms.Content;

/// <summary>
/// How many billed segments (条) an SMS takes under the Chinese carriers' rule, which the big providers
/// (Aliyun, Tencent Cloud) bill by: every character counts as one — Chinese, Latin letters, digits,
/// punctuation, spaces, line breaks and the 【signature】 alike — because Chinese SMS go out in UCS-2.
/// Up to 70 characters is one SMS; a longer one is split into segments of 67 (each carries a 3-character
/// concatenation header). A character outside the Basic Multilingual Plane (most emoji) takes two UCS-2
/// units and so counts as two, which is exactly <see cref="string.Length"/>.
/// </summary>
internal static class SmsSegments
{
    public const int SingleLimit = 70;
    public const int LongSegment = 67;

    public static int Count(string fullText)
    {
        var length = fullText.Length;
        return length switch
        {
            0 => 0,
            <= SingleLimit => 1,
            _ => (length + LongSegment - 1) / LongSegment,
        };
    }
}
