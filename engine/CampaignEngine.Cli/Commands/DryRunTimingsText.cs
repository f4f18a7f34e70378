using System.Diagnostics;
using System.Globalization;
using CampaignEngine.Evaluation;

namespace CampaignEngine.Cli.Commands;

/// <summary>The lines <c>campaign dry-run --timings</c> prints: where a replay's wall time went, and its memory.</summary>
internal static class DryRunTimingsText
{
    public static void Write(TextWriter error, TimeSpan total, TimeSpan load, TimeSpan simulation, EvaluationTimings timings)
    {
        var c = CultureInfo.InvariantCulture;
        error.WriteLine(string.Create(c, $"timings: total {total.TotalSeconds:0.0} s — loading the data {load.TotalSeconds:0.0} s, replay {simulation.TotalSeconds:0.0} s, writing the report {(total - load - simulation).TotalSeconds:0.0} s"));
        foreach (var (phase, what) in new[]
        {
            (EvaluationPhase.Facts, "moments"),
            (EvaluationPhase.Events, "event occurrences"),
            (EvaluationPhase.Rules, "customer checks"),
            (EvaluationPhase.Decisions, "decisions"),
            (EvaluationPhase.Report, "decisions reported"),
        })
        {
            error.WriteLine(string.Create(c, $"  {phase.ToString().ToLowerInvariant(),-10} {timings.TimeIn(phase).TotalSeconds,7:0.0} s  {timings.CountOf(phase),13:N0} {what}"));
        }

        using var process = Process.GetCurrentProcess();
        error.WriteLine(string.Create(c, $"  memory: peak working set {process.PeakWorkingSet64 / (1024.0 * 1024 * 1024):0.00} GiB; GC: {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)} collections (gen 0/1/2), {GC.GetTotalPauseDuration().TotalSeconds:0.0} s paused, {GC.GetTotalAllocatedBytes() / 1e9:0.0} GB allocated"));
    }
}
