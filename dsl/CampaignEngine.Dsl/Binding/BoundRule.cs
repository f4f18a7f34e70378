using CampaignEngine.Dsl.Compilation;
using CampaignEngine.Dsl.Syntax;

namespace CampaignEngine.Dsl.Binding;

/// <summary>A checked rule; its actions carry positions in the compiled text (the compiler moves them into the file).</summary>
internal sealed record BoundRule(string Name, int Priority, BoundExpression When, IReadOnlyList<RuleAction> Actions, TextSpan KeywordSpan);
