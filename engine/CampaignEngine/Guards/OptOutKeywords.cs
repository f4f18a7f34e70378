namespace CampaignEngine.Guards;

/// <summary>
/// Whether an inbound SMS reply asks to stop messages: the carriers' conventions (T, TD, N, 退订, STOP,
/// 取消, 拒收 …), case- and width-insensitive, with surrounding punctuation ignored. The live run calls this
/// where replies come in and records an SMS opt-out; the evaluation then skips SMS for that customer.
/// </summary>
public static class OptOutKeywords
{
    private static readonly HashSet<string> Keywords = new(StringComparer.OrdinalIgnoreCase)
    {
        "T", "TD", "N", "Q", "STOP", "UNSUBSCRIBE", "退订", "退", "取消", "拒收", "退订短信", "取消订阅", "不要再发", "回T退订",
    };

    public static bool IsOptOut(string? replyText)
    {
        if (string.IsNullOrWhiteSpace(replyText))
        {
            return false;
        }

        // Full-width letters (ＴＤ) to ASCII, then strip what phones add around a one-word reply.
        var normalized = replyText.Normalize(System.Text.NormalizationForm.FormKC).Trim().Trim('.', '。', '!', '！', ',', '，', ' ', '"', '\'');
        return Keywords.Contains(normalized);
    }
}
