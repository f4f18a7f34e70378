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
        foreach (var (phase, name, what) in new[]
        {
            (EvaluationPhase.Facts, "facts", "moments"),
            (EvaluationPhase.Events, "events", "event occurrences"),
            (EvaluationPhase.Rules, "rules", "customer checks"),
            (EvaluationPhase.Decisions, "decisions", "decisions"),
            (EvaluationPhase.Report, "report", "decisions handed to the report thread"),
            // Not part of the replay's wall time unless the replay waited for it (then it shows in "report" above).
            (EvaluationPhase.ReportThread, "  its thread", "decisions reported (outcomes, tallies, CSV rows), beside the replay"),
        })
        {
            error.WriteLine(string.Create(c, $"  {name,-12} {timings.TimeIn(phase).TotalSeconds,7:0.0} s  {timings.CountOf(phase),13:N0} {what}"));
        }

        using var process = Process.GetCurrentProcess();
        error.WriteLine(string.Create(c, $"  memory: peak working set {process.PeakWorkingSet64 / (1024.0 * 1024 * 1024):0.00} GiB; GC: {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)} collections (gen 0/1/2), {GC.GetTotalPauseDuration().TotalSeconds:0.0} s paused, {GC.GetTotalAllocatedBytes() / 1e9:0.0} GB allocated"));
    }
}
