using System.CommandLine;

namespace CampaignEngine.Cli;

/// <summary>One subcommand of <c>campaign</c>; implementations need a public parameterless constructor.</summary>
internal interface ICliCommand
{
    Command Create(CliConsole console);
}
