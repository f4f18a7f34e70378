namespace CampaignEngine.Dsl.Compilation;

/// <summary>What a rule does when it fires. Positions let the host report e.g. an unknown template at its place.</summary>
public abstract record RuleAction(int Line, int Column);

/// <summary><c>send TEMPLATE [via CH, CH…] [with k = v, …]</c>: channels in order of preference (first reachable wins);
/// empty when the campaign's default channels apply.</summary>
public sealed record SendAction(
    string Template,
    IReadOnlyList<string> Channels,
    IReadOnlyList<TemplateValue> With,
    int Line,
    int Column) : RuleAction(Line, Column);

/// <summary>A <c>with key = value</c> pair: a literal, already typed (string, double, bool …).</summary>
public sealed record TemplateValue(string Key, object Value, Binding.DslType Type);

public sealed record TagAction(string Tag, int Line, int Column) : RuleAction(Line, Column);

public sealed record UntagAction(string Tag, int Line, int Column) : RuleAction(Line, Column);

public sealed record SetLevelAction(string Level, int Line, int Column) : RuleAction(Line, Column);
