namespace CampaignEngine.Evaluation;

/// <summary>
/// A <see cref="Decision"/>'s fields as a value: what the evaluator makes and the dry-run's report takes.
/// A year over a million customers decides a hundred million times, most of them suppressions nobody
/// keeps; as objects they were the largest share of the replay's garbage. A caller that wants objects
/// gets them from <see cref="ToDecision"/> (the public <see cref="CampaignEvaluator.Evaluate(DateTimeOffset, Action{Decision}, Action{CustomerChange}?)"/> does).
/// </summary>
internal readonly record struct DecisionValue(
    string Campaign,
    string Rule,
    string CustomerId,
    string Occurrence,
    DateTimeOffset DecidedAt,
    DateTimeOffset SendAt,
    string? Channel,
    string Template,
    RenderedMessage? Message,
    long CostFen,
    Suppression? Suppression,
    int CustomerRow = -1)
{
    public bool IsSend => Suppression is null;

    public Decision ToDecision()
        => new(Campaign, Rule, CustomerId, Occurrence, DecidedAt, SendAt, Channel, Template, Message, CostFen, Suppression) { CustomerRow = CustomerRow };

    public static DecisionValue Of(Decision d)
        => new(d.Campaign, d.Rule, d.CustomerId, d.Occurrence, d.DecidedAt, d.SendAt, d.Channel, d.Template, d.Message, d.CostFen, d.Suppression, d.CustomerRow);
}

/// <summary>Where the evaluator hands its decisions as values (the dry-run's report); see <see cref="DecisionValue"/>.</summary>
internal interface IDecisionSink
{
    void Add(in DecisionValue decision);
}
