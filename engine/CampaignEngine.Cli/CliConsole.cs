namespace CampaignEngine.Cli;

/// <summary>Where a command writes: standard output and error, replaceable so tests run the CLI in-process.</summary>
internal sealed record CliConsole(TextWriter Out, TextWriter Error)
{
    /// <summary>True when output goes to a terminal: progress bars then; plain lines in CI and pipes.</summary>
    public bool IsInteractive => ReferenceEquals(Out, Console.Out) && !Console.IsOutputRedirected
        && Environment.GetEnvironmentVariable("CI") is null;
}
