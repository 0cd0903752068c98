using Visibility.Simulator;

namespace Visibility.Simulator.Tests;

public class BatchingTests
{
    private static TelemetryReading Reading(int i) =>
        new($"S-{i % 7}:{i}", $"S-{i % 7}", DateTime.UtcNow, 1, 2, null, null, null, null, null, null, null);

    [Fact]
    public void Readings_leave_in_full_batches_then_the_rest_on_flush_none_lost_or_doubled()
    {
        var batcher = new TelemetryBatcher(100);
        var batches = new List<IReadOnlyList<TelemetryReading>>();
        for (int i = 0; i < 1234; i++)
            if (batcher.Add(Reading(i)) is { } full) batches.Add(full);
        Assert.Equal(12, batches.Count);
        Assert.All(batches, b => Assert.Equal(100, b.Count));
        Assert.Equal(34, batcher.Pending);

        batches.Add(batcher.Flush()!);
        Assert.Null(batcher.Flush());
        var ids = batches.SelectMany(b => b).Select(r => r.MessageId).ToList();
        Assert.Equal(1234, ids.Count);
        Assert.Equal(1234, ids.Distinct().Count());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1001)]
    public void Batch_size_must_fit_the_contract(int size) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new TelemetryBatcher(size));

    [Theory]
    [InlineData(300, 5, 100, 1.0)]     // 60 readings/s: one batch would take 1.7 s, capped at 1 s
    [InlineData(500, 5, 100, 1.0)]     // 100/s: one full batch per second
    [InlineData(2000, 5, 100, 0.25)]   // 400/s: a batch every 0.25 s
    [InlineData(50_000, 5, 100, 0.2)]  // floor: at most 5 ticks per second
    public void Tick_period_targets_about_one_batch_per_tick(int shipments, double interval, int batch, double expectedSeconds) =>
        Assert.Equal(expectedSeconds, TelemetryBatcher.TickPeriod(shipments, interval, batch).TotalSeconds, 3);

    [Fact]
    public void A_rejected_batch_is_split_by_the_indices_the_problem_names()
    {
        var batch = Enumerable.Range(0, 10).Select(Reading).ToList();
        var (kept, rejected) = TelemetryBatcher.WithoutRejected(batch, ["[3].lat", "[7].shipmentId", "[7].lon", "[42].lat", "title", "[x].lat"]);
        Assert.Equal(["S-3:3", "S-0:7"], rejected.Select(r => r.MessageId));
        Assert.Equal(8, kept.Count);
        Assert.DoesNotContain(kept, r => r.MessageId is "S-3:3" or "S-0:7");
    }

    [Fact]
    public void Problem_errors_are_grouped_per_reading()
    {
        var byIndex = BatchSender.ErrorsByIndex(new Dictionary<string, string[]>
        {
            ["[7].shipmentId"] = ["unknown shipment"],
            ["[7].lat"] = ["out of range"],
            ["[0]"] = ["bad item"],
            ["body"] = ["ignored"],
        });
        Assert.Equal(2, byIndex.Count);
        Assert.Equal(["shipmentId: unknown shipment", "lat: out of range"], byIndex[7]);
        Assert.Equal(["bad item"], byIndex[0]);
    }
}

public class ReportScheduleTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Each_item_reports_once_per_interval_spread_evenly()
    {
        const int n = 300;
        var interval = TimeSpan.FromSeconds(5);
        var schedule = new ReportSchedule<int>(interval);
        // Items arrive over the first seconds (bookings trickle in) but keep the grid of the common anchor.
        for (int i = 0; i < n; i++) schedule.Add(i, T0, (double)i / n, T0 + TimeSpan.FromSeconds(i % 3));

        var perItem = new int[n];
        var perTick = new List<int>();
        for (var now = T0; now <= T0 + TimeSpan.FromSeconds(50); now += TimeSpan.FromSeconds(0.5))
        {
            var due = schedule.TakeDue(now);
            perTick.Add(due.Count);
            foreach (var (item, slot) in due)
            {
                perItem[item]++;
                schedule.Continue(item, slot, now);
            }
        }
        Assert.All(perItem, c => Assert.InRange(c, 9, 11)); // [0, 50] s at 5 s, less the slots before an item arrived
        // 300 per 5 s at 0.5 s ticks = 30 per tick: no burst.
        Assert.All(perTick.Skip(11), c => Assert.InRange(c, 29, 31)); // once every item has joined (after 5 s)
    }

    [Fact]
    public void Missed_slots_are_skipped_not_replayed_in_a_burst()
    {
        var schedule = new ReportSchedule<string>(TimeSpan.FromSeconds(5));
        schedule.Add("a", T0, 0.2, T0); // due at T0 + 1 s
        var late = T0 + TimeSpan.FromSeconds(23); // the loop was blocked for a while
        var (item, slot) = Assert.Single(schedule.TakeDue(late));
        schedule.Continue(item, slot, late);
        Assert.Empty(schedule.TakeDue(late));
        Assert.Equal(T0 + TimeSpan.FromSeconds(26), schedule.NextDue); // keeps its phase: 1 s + k·5 s
    }

    [Fact]
    public void Items_added_late_join_the_grid_of_the_anchor()
    {
        var schedule = new ReportSchedule<string>(TimeSpan.FromSeconds(5));
        schedule.Add("late", T0, 0.5, T0 + TimeSpan.FromSeconds(13)); // grid 2.5, 7.5, 12.5, 17.5 ...
        Assert.Equal(T0 + TimeSpan.FromSeconds(17.5), schedule.NextDue);
    }
}
