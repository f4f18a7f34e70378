using System.Globalization;
using CampaignEngine.Dsl.Diagnostics;

namespace CampaignEngine.Campaigns;

/// <summary>One entry of the campaign diagnostic catalogue: a code, a severity, and the message and fix in English and Chinese.</summary>
internal sealed record DiagnosticDescriptor(string Code, DiagnosticSeverity Severity, string English, string Chinese, string? HintEnglish = null, string? HintChinese = null)
{
    public Diagnostic Create(string file, int line, int column, int length, bool chinese, params object[] args)
    {
        var message = Format(chinese ? Chinese : English, args);
        var hintFormat = chinese ? HintChinese ?? HintEnglish : HintEnglish;
        return new Diagnostic(Code, Severity, file, line, column, length, message, hintFormat is null ? null : Format(hintFormat, args));
    }

    private static string Format(string format, object[] args) => string.Format(CultureInfo.InvariantCulture, format, args);
}
