using CampaignEngine.Campaigns.Templates;

namespace CampaignEngine.Evaluation;

/// <summary>
/// A message decided but not yet put together: a plain text (which cannot fail to render) for a channel
/// whose cost does not depend on the text, with the values its variables took at the decision's moment.
/// The dry-run's report thread joins the text when it writes the row, so the evaluator's thread — the
/// replay's critical path — does not spend the time and garbage of tens of millions of messages on it.
/// Every value is read at decision time: joining later sees no later fact.
/// </summary>
internal sealed class PendingMessage(ChannelText text, TemplateValues values, string address, bool marketing)
{
    /// <summary>The message exactly as rendering it at decision time would have made it.</summary>
    public RenderedMessage Render()
    {
        var rendered = text.Render(values);
        return new RenderedMessage(address, rendered.Body, rendered.Subject, rendered.Html, marketing, values);
    }
}
