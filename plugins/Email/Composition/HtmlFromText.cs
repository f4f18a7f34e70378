using System.Net;
using System.Text;

namespace CampaignEngine.Plugins.Email.Composition;

/// <summary>
/// The HTML part for a message whose template gave only text: blank lines become paragraphs, line breaks
/// &lt;br&gt;, everything encoded. Mail clients rank a message with both parts higher than text only.
/// </summary>
internal static class HtmlFromText
{
    public static string Convert(string text)
    {
        var html = new StringBuilder("<!DOCTYPE html><html><body>");
        var paragraphs = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var paragraph in paragraphs)
        {
            html.Append("<p>").Append(string.Join("<br>", paragraph.Split('\n').Select(WebUtility.HtmlEncode))).Append("</p>");
        }

        return html.Append("</body></html>").ToString();
    }
}
