using System.CommandLine;

namespace CampaignEngine.Cli;

/// <summary>
/// The <c>campaign</c> command. Each subcommand lives in its own file under <c>Commands/</c> as an
/// <see cref="ICliCommand"/>; they are discovered here so that adding a command touches no other file.
/// </summary>
public static class CampaignCli
{
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var root = new RootCommand("CampaignEngine — repeat-customer retention campaigns: validate, dry-run, run.");
        foreach (var command in DiscoverCommands(output, error).OrderBy(c => c.Name, StringComparer.Ordinal))
        {
            root.Subcommands.Add(command);
        }

        // Our handler below, not System.CommandLine's: it would print a stack trace.
        var configuration = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
        try
        {
            var parsed = root.Parse(args);
            if (parsed.Errors.Count > 0)
            {
                // Usage mistakes get exit code 2 (documented), distinct from errors in the marketer's files.
                foreach (var parseError in parsed.Errors)
                {
                    error.WriteLine($"error: {parseError.Message}");
                }

                error.WriteLine("Run 'campaign --help' or 'campaign COMMAND --help' for usage.");
                return ExitCodes.Usage;
            }

            return parsed.Invoke(configuration);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The machine, not CampaignEngine: a full disk under a year's sends.csv, a folder the user may not write.
            error.WriteLine($"error: a file could not be read or written: {ex.Message}");
            error.WriteLine("Check the path, its permissions and the free disk space (a year's dry-run over a million customers writes GBs of CSV; --details none leaves them out), then run the command again.");
            return ExitCodes.FileSystem;
        }
        catch (Exception ex)
        {
            // A bug of ours must still not greet a marketer with a stack trace.
            error.WriteLine($"internal error: {ex.Message}");
            error.WriteLine("This is a bug in CampaignEngine; please report it with the command you ran.");
            return ExitCodes.InternalError;
        }
    }

    private static IEnumerable<Command> DiscoverCommands(TextWriter output, TextWriter error)
    {
        var console = new CliConsole(output, error);
        return typeof(CampaignCli).Assembly.GetTypes()
            .Where(t => typeof(ICliCommand).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
            .Select(t => ((ICliCommand)Activator.CreateInstance(t)!).Create(console));
    }
}
