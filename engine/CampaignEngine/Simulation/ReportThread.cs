using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.ExceptionServices;
using CampaignEngine.Evaluation;
using CampaignEngine.Reports;

namespace CampaignEngine.Simulation;

/// <summary>
/// The dry-run's report off the evaluator's thread: decisions are gathered in batches and handed through
/// a bounded queue to one thread that adds them to the <see cref="ReportBuilder"/> (outcomes, tallies, CSV
/// rows) strictly in the order they were made, so report.json and the CSV files are the same bytes as when
/// the evaluator's thread did it itself. A year over a million customers spent a sixth of its time there
/// on one core while the other idled. At most <see cref="QueuedBatches"/> batches wait, so memory stays
/// bounded: when the report thread falls that far behind, the evaluator waits.
/// A failure on the report thread (a full disk under sends.csv) stops the replay at the next hand-off and
/// is rethrown, as it was thrown, on the caller's thread.
/// </summary>
internal sealed class ReportThread : IDisposable
{
    /// <summary>Decisions per hand-off: enough that the queue's locking is noise, few enough that the decisions waiting stay small (about 10,000 at most, a few megabytes).</summary>
    internal const int BatchSize = 1024;

    /// <summary>Batches that may wait for the report thread.</summary>
    internal const int QueuedBatches = 8;

    private readonly ReportBuilder _builder;
    private readonly BlockingCollection<ArraySegment<DecisionValue>> _queue = new(QueuedBatches);
    // Batches the report thread is done with, for the evaluator to fill again: no new array per hand-off.
    private readonly ConcurrentQueue<DecisionValue[]> _spare = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Thread _thread;
    private DecisionValue[] _batch = new DecisionValue[BatchSize];
    private int _count;
    private bool _completed;
    private ExceptionDispatchInfo? _failure;
    private long _busyTicks;
    private long _reported;

    public ReportThread(ReportBuilder builder)
    {
        _builder = builder;
        _thread = new Thread(Consume) { IsBackground = true, Name = "dry-run report" };
        _thread.Start();
    }

    /// <summary>Time the report thread spent on decisions, and how many (final once <see cref="Complete"/> returned).</summary>
    public (TimeSpan Busy, long Decisions) Work => (Stopwatch.GetElapsedTime(0, _busyTicks), _reported);

    /// <summary>Queues a decision; waits while the queue is full; throws the report thread's failure if it failed.</summary>
    public void Add(Decision decision) => Add(DecisionValue.Of(decision));

    /// <summary>Queues a decision; waits while the queue is full; throws the report thread's failure if it failed.</summary>
    public void Add(in DecisionValue decision)
    {
        _batch[_count++] = decision;
        if (_count == BatchSize)
        {
            Hand();
            _batch = _spare.TryDequeue(out var spare) ? spare : new DecisionValue[BatchSize];
        }
    }

    /// <summary>Hands over the last decisions, waits until the report thread has added them all, and throws its failure if it failed.</summary>
    public void Complete()
    {
        if (_count > 0)
        {
            Hand();
        }

        _completed = true;
        _queue.CompleteAdding();
        _thread.Join();
        _failure?.Throw();
    }

    /// <summary>On every path: after <see cref="Complete"/>, or when the replay itself failed (then the report thread is stopped, not drained).</summary>
    public void Dispose()
    {
        if (!_completed)
        {
            _completed = true;
            _stop.Cancel();
            _thread.Join();
        }

        _queue.Dispose();
        _stop.Dispose();
    }

    private void Hand()
    {
        try
        {
            _queue.Add(new ArraySegment<DecisionValue>(_batch, 0, _count), _stop.Token);
            _count = 0;
            Volatile.Read(ref _failure)?.Throw();
        }
        catch (OperationCanceledException) when (_failure is not null)
        {
            // The report thread failed and stopped taking batches: its failure is the one to report.
            _failure.Throw();
        }
    }

    private void Consume()
    {
        try
        {
            foreach (var batch in _queue.GetConsumingEnumerable(_stop.Token))
            {
                var start = Stopwatch.GetTimestamp();
                foreach (ref readonly var decision in batch.AsSpan())
                {
                    _builder.Add(decision);
                }

                _busyTicks += Stopwatch.GetTimestamp() - start;
                _reported += batch.Count;
                Array.Clear(batch.Array!, 0, batch.Count);
                _spare.Enqueue(batch.Array!);
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Stopped by Dispose because the replay failed: its exception is on its way up already.
        }
        catch (Exception e)
        {
            // Set before the cancel, which the evaluator's thread sees (the token's state is a full fence).
            Volatile.Write(ref _failure, ExceptionDispatchInfo.Capture(e));
            _stop.Cancel();
        }
    }
}
