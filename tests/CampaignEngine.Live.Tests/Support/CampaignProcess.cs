using System.Diagnostics;
using System.Text;

namespace CampaignEngine.Live.Tests.Support;

/// <summary>The real CLI (<c>dotnet campaign.dll …</c>) as a child process, which a test can SIGKILL.</summary>
internal sealed class CampaignProcess : IDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();
    private readonly Lock gate = new();

    private CampaignProcess(Process process) => this.process = process;

    public static CampaignProcess Start(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Repository.CampaignDll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        start.Environment["CI"] = "1";
        var process = new Process { StartInfo = start };
        var child = new CampaignProcess(process);
        process.OutputDataReceived += (_, e) => child.Append(e.Data);
        process.ErrorDataReceived += (_, e) => child.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Runs to the end; returns the exit code and everything printed.</summary>
    public static (int ExitCode, string Output) Run(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        using var child = Start(workingDirectory, environment, arguments);
        if (!child.process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            child.Kill();
            throw new TimeoutException($"campaign {string.Join(' ', arguments)} did not finish in 2 minutes:\n{child.Output}");
        }

        child.process.WaitForExit();
        return (child.process.ExitCode, child.Output);
    }

    public bool HasExited => process.HasExited;

    public int ProcessId => process.Id;

    public int ExitCode => process.ExitCode;

    public string Output
    {
        get
        {
            lock (gate)
            {
                return output.ToString();
            }
        }
    }

    /// <summary>SIGKILL: no finally block, no flush, no goodbye.</summary>
    public void Kill()
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It exited on its own just before.
        }

        process.WaitForExit();
    }

    public bool WaitForExit(TimeSpan timeout)
    {
        var exited = process.WaitForExit(timeout);
        if (exited)
        {
            process.WaitForExit();
        }

        return exited;
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (gate)
            {
                output.AppendLine(line);
            }
        }
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            Kill();
        }

        process.Dispose();
    }
}
