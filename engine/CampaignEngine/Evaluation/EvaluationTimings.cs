using System.Diagnostics;

namespace CampaignEngine.Evaluation;

/// <summary>
/// Where an evaluator's time goes, when asked (<c>campaign dry-run --timings</c>): stepping the facts,
/// finding event occurrences, running audiences and rule conditions, deciding (guards, rendering,
/// recording) and whatever the caller does with each decision (the dry-run's report). Off by default:
/// timing every decision costs two clock reads.
/// </summary>
public sealed class EvaluationTimings
{
    private readonly long[] _ticks = new long[Enum.GetValues<EvaluationPhase>().Length];
    private readonly long[] _counts = new long[Enum.GetValues<EvaluationPhase>().Length];

    internal static long Now => Stopwatch.GetTimestamp();

    /// <summary>Adds the time since <paramref name="start"/> (a <see cref="Now"/>) and <paramref name="count"/> items to a phase; returns the current time.</summary>
    internal long Add(EvaluationPhase phase, long start, long count = 1)
    {
        var now = Now;
        _ticks[(int)phase] += now - start;
        _counts[(int)phase] += count;
        return now;
    }

    /// <summary>Adds time measured elsewhere, e.g. on the dry-run's report thread, once that thread is done.</summary>
    internal void Add(EvaluationPhase phase, TimeSpan time, long count)
    {
        _ticks[(int)phase] += (long)(time.TotalSeconds * Stopwatch.Frequency);
        _counts[(int)phase] += count;
    }

    public TimeSpan TimeIn(EvaluationPhase phase) => Stopwatch.GetElapsedTime(0, _ticks[(int)phase]);

    public long CountOf(EvaluationPhase phase) => _counts[(int)phase];
}

/// <summary>The phases <see cref="EvaluationTimings"/> tells apart; the count is of moments, candidates, row checks or decisions.</summary>
public enum EvaluationPhase
{
    /// <summary>Fact table computed or advanced to the moment (count: moments).</summary>
    Facts,

    /// <summary>Event occurrences found (count: candidates).</summary>
    Events,

    /// <summary>Audiences and rule conditions over blocks of customers (count: customers checked).</summary>
    Rules,

    /// <summary>Guards, rendering and recording of each decision (count: decisions).</summary>
    Decisions,

    /// <summary>The caller's handling of each decision (count: decisions); in the dry-run, handing it to its report thread.</summary>
    Report,

    /// <summary>The dry-run's report thread, alongside the evaluation: outcomes, tallies and CSV rows (count: decisions).</summary>
    ReportThread,
}
