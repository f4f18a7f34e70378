using CampaignEngine.Reports;
using CampaignEngine.Simulation.Tests.Reports;

namespace CampaignEngine.Simulation.Tests.Simulation;

public sealed class ReportThreadTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public void Decisions_through_the_report_thread_give_the_same_report_and_csv_bytes_as_added_directly()
    {
        // Three full batches and a partial one: a batch out of order or the last one lost changes the bytes.
        var count = (3 * ReportThread.BatchSize) + 17;
        var direct = Report(count, threaded: false);
        var threaded = Report(count, threaded: true);

        Assert.Equal(direct.Json, threaded.Json);
        Assert.Equal(direct.Sends, threaded.Sends);
        Assert.Equal(direct.Suppressed, threaded.Suppressed);
        var lastCareSend = count - 1 - ((count - 1 - 1) % 4);
        Assert.Contains($"第{lastCareSend}条", System.Text.Encoding.UTF8.GetString(threaded.Sends), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_write_failure_on_the_report_thread_is_thrown_on_the_callers_thread_and_stops_the_replay()
    {
        const int count = 400_000;
        var sends = new FailingStream(failAfterBytes: 3 << 20);
        var builder = SampleDecisions.NewBuilder(new ReportCsv(sends, null));
        var added = 0;
        var run = Task.Run(() =>
        {
            using var report = new ReportThread(builder);
            foreach (var decision in SampleDecisions.Many(count))
            {
                report.Add(decision);
                added++;
            }

            report.Complete();
        });

        var error = await Assert.ThrowsAsync<IOException>(() => run.WaitAsync(Patience));
        Assert.Equal(FailingStream.Message, error.Message);
        Assert.InRange(added, 1, count - 1);
    }

    [Fact]
    public void A_failure_on_the_last_batch_is_thrown_by_Complete()
    {
        var builder = SampleDecisions.NewBuilder(outcome: (customer, at) => customer == "erin"
            ? throw new InvalidOperationException("no outcome for erin")
            : default);
        using var report = new ReportThread(builder);
        report.Add(SampleDecisions.Send("promo", "vip", "alice", 1, "sms", 5));
        report.Add(SampleDecisions.Send("promo", "vip", "erin", 1, "sms", 5));

        var error = Assert.Throws<InvalidOperationException>(report.Complete);
        Assert.Equal("no outcome for erin", error.Message);
    }

    [Fact]
    public async Task The_evaluator_waits_while_the_queue_is_full()
    {
        using var gate = new ManualResetEventSlim();
        var builder = SampleDecisions.NewBuilder(outcome: (_, _) =>
        {
            gate.Wait();
            return default;
        });
        using var report = new ReportThread(builder);
        try
        {
            // The report thread holds one batch, the queue the next ones; one more cannot be handed over.
            var more = (ReportThread.QueuedBatches + 3) * ReportThread.BatchSize;
            var added = 0;
            // Its own thread: a pool thread may start late while other tests keep the pool busy.
            var producer = Task.Factory.StartNew(() =>
            {
                foreach (var decision in SampleDecisions.Many(more))
                {
                    report.Add(decision);
                    Interlocked.Increment(ref added);
                }
            }, TaskCreationOptions.LongRunning);

            // Stuck: it has handed some over, and the count stays put for a while (a fixed delay measured the scheduler).
            var seen = -1;
            using (var patience = new CancellationTokenSource(Patience))
            {
                while ((Volatile.Read(ref added) is var now && now != seen) || now == 0)
                {
                    seen = now;
                    await Task.Delay(300, patience.Token);
                }
            }

            Assert.False(producer.IsCompleted);
            Assert.InRange(Volatile.Read(ref added), 1, (ReportThread.QueuedBatches + 2) * ReportThread.BatchSize);

            gate.Set();
            await producer.WaitAsync(Patience);
            report.Complete();
            Assert.Equal(more, report.Work.Decisions);
        }
        finally
        {
            // A failed assertion must fail the test, not hang it: disposing the report waits for its thread, held at the gate.
            gate.Set();
        }
    }

    [Fact]
    public async Task Disposing_without_Complete_stops_the_report_thread()
    {
        var builder = SampleDecisions.NewBuilder();
        var run = Task.Run(() =>
        {
            using var report = new ReportThread(builder);
            foreach (var decision in SampleDecisions.Many(5 * ReportThread.BatchSize))
            {
                report.Add(decision);
            }
        });

        await run.WaitAsync(Patience);
        Assert.True(builder.SendCount + builder.SuppressedCount <= 5 * ReportThread.BatchSize);
    }

    private static (string Json, byte[] Sends, byte[] Suppressed) Report(int count, bool threaded)
    {
        var (sends, suppressed) = (new MemoryStream(), new MemoryStream());
        ReportBuilder builder;
        using (var csv = new ReportCsv(sends, suppressed))
        {
            builder = SampleDecisions.NewBuilder(csv);
            if (threaded)
            {
                using var report = new ReportThread(builder);
                foreach (var decision in SampleDecisions.Many(count))
                {
                    report.Add(decision);
                }

                report.Complete();
            }
            else
            {
                foreach (var decision in SampleDecisions.Many(count))
                {
                    builder.Add(decision);
                }
            }
        }

        return (ReportJson.Serialize(builder.Build()), sends.ToArray(), suppressed.ToArray());
    }
}
