namespace CampaignEngine.Plugins.Sdk;

/// <summary>The result of <see cref="IChannel.Check"/>: problems are sentences a marketer can act on.</summary>
public sealed record MessageCheck(IReadOnlyList<string> Problems)
{
    public static MessageCheck Ok { get; } = new(Array.Empty<string>());

    public bool IsOk => Problems.Count == 0;

    public static MessageCheck Fail(params string[] problems) => new(problems);
}
