using CampaignEngine.Cli;

namespace CampaignEngine.Plugins.Tests;

/// <summary>Runs the <c>campaign</c> command in-process, as a user would type it.</summary>
internal static class CampaignCommand
{
    public static (int Exit, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = CampaignCli.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }
}
