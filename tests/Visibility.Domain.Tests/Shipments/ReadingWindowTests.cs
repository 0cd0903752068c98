using Visibility.Domain.Shipments;

namespace Visibility.Domain.Tests.Shipments;

/// <summary>The idempotency window's rules: what is a duplicate, what is stale, and that nothing is ever applied twice.</summary>
public class ReadingWindowTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    private static uint F(string id) => ReadingWindow.Fingerprint(Tracker(id));
    private static long Tracker(string id) => ShipmentTracker.MessageHash(id);

    /// <summary>What the tracker does with a reading: check, and add when new.</summary>
    private static WindowCheck Offer(ReadingWindow w, string id, DateTimeOffset at)
    {
        var check = w.Check(F(id), at);
        if (check == WindowCheck.New) w.Add(F(id), at);
        return check;
    }

    [Fact]
    public void A_retry_after_1000_newer_readings_is_a_duplicate()
    {
        var w = new ReadingWindow();
        Assert.Equal(WindowCheck.New, Offer(w, "first", T0));
        for (int i = 1; i <= 1_000; i++) Assert.Equal(WindowCheck.New, Offer(w, $"m{i}", T0.AddSeconds(i)));
        Assert.Equal(WindowCheck.Duplicate, Offer(w, "first", T0));
        Assert.Equal(WindowCheck.Duplicate, Offer(w, "m1", T0.AddSeconds(1)));
        Assert.Equal(WindowCheck.Duplicate, Offer(w, "m1000", T0.AddSeconds(1000)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(17)]
    [InlineData(5_000)]
    [InlineData(5_031)]
    public void Whatever_came_before_the_last_992_readings_are_always_held(int history)
    {
        var w = new ReadingWindow();
        for (int i = 0; i < history; i++) Offer(w, $"h{i}", T0.AddSeconds(i));
        int held = ReadingWindow.Capacity - ReadingWindow.BlockSize;   // 992
        var start = T0.AddSeconds(history);
        for (int i = 0; i < held; i++) Assert.Equal(WindowCheck.New, Offer(w, $"r{i}", start.AddSeconds(i)));
        for (int i = 0; i < held; i++) Assert.Equal(WindowCheck.Duplicate, w.Check(F($"r{i}"), start.AddSeconds(i)));
    }

    [Fact]
    public void Across_the_24_hour_boundary_older_readings_are_stale_and_held_ones_stay_duplicates()
    {
        var w = new ReadingWindow();
        var newest = T0.AddDays(3);
        Assert.Equal(WindowCheck.New, Offer(w, "held", newest.AddHours(-23)));
        Assert.Equal(WindowCheck.New, Offer(w, "newest", newest));

        // A reading never seen: inside the 24 h it is new (late, out of order), outside it is stale.
        Assert.Equal(WindowCheck.New, w.Check(F("late"), newest - ReadingWindow.Span));
        Assert.Equal(WindowCheck.Stale, w.Check(F("late"), newest - ReadingWindow.Span - TimeSpan.FromTicks(1)));
        Assert.Equal(WindowCheck.Stale, w.Check(F("late"), newest.AddDays(-2)));

        // The shipment moves on two hours: "held" is now 25 h old; still in the ring, its retry is a duplicate.
        Assert.Equal(WindowCheck.New, Offer(w, "later", newest.AddHours(2)));
        Assert.Equal(WindowCheck.Duplicate, w.Check(F("held"), newest.AddHours(-23)));
        Assert.Equal(WindowCheck.Stale, w.Check(F("other"), newest.AddHours(-23)));
    }

    [Fact]
    public void A_reading_the_window_let_go_of_is_stale_never_new()
    {
        var w = new ReadingWindow();
        // Ten readings a second for three minutes: far more than the window holds, all within 24 h.
        int n = 1_800;
        for (int i = 0; i < n; i++) Offer(w, $"m{i}", T0.AddMilliseconds(100 * i));
        Assert.Equal(ReadingWindow.Capacity, w.Fingerprints.Length);
        Assert.True(w.Floor > 0);
        Assert.Equal(WindowCheck.Stale, w.Check(F("m0"), T0));                                  // let go of: stale, not new
        Assert.Equal(WindowCheck.Stale, w.Check(F("never"), T0.AddMilliseconds(100 * 500)));   // as old: might be a replay
        Assert.Equal(WindowCheck.Duplicate, w.Check(F($"m{n - 1}"), T0.AddMilliseconds(100 * (n - 1))));
        Assert.Equal(WindowCheck.New, w.Check(F("never"), T0.AddMilliseconds(100 * (n - 10) + 50)));   // late but newer than the floor
    }

    [Fact]
    public void Random_retries_and_late_readings_are_never_applied_twice_and_recent_retries_are_duplicates()
    {
        var random = new Random(24);
        var w = new ReadingWindow();
        var applied = new Dictionary<string, (DateTimeOffset At, int Order)>();
        var sent = new List<(string Id, DateTimeOffset At)>();
        var clock = T0;
        int order = 0;
        for (int step = 0; step < 20_000; step++)
        {
            (string Id, DateTimeOffset At) reading;
            if (sent.Count > 0 && random.Next(3) == 0)
                reading = sent[random.Next(Math.Max(0, sent.Count - 3_000), sent.Count)];   // a retry, up to 3,000 readings back
            else
            {
                clock = clock.AddSeconds(random.Next(1, 120));
                // Mostly in order; some late by up to 30 h.
                var at = random.Next(10) == 0 ? clock.AddMinutes(-random.Next(0, 30 * 60)) : clock;
                reading = ($"r{step}", at);
                sent.Add(reading);
            }
            var check = w.Check(F(reading.Id), reading.At);
            if (check == WindowCheck.New)
            {
                Assert.False(applied.ContainsKey(reading.Id), $"{reading.Id} applied twice");
                w.Add(F(reading.Id), reading.At);
                applied[reading.Id] = (reading.At, order++);
            }
            else if (check == WindowCheck.Duplicate)
                Assert.True(applied.ContainsKey(reading.Id), $"{reading.Id} called a duplicate, never applied");
            // A retry of one of the last 992 applied, within 24 h of the newest: always recognised as a duplicate.
            if (applied.TryGetValue(reading.Id, out var was) && order - was.Order <= ReadingWindow.Capacity - ReadingWindow.BlockSize
                && was.At >= new DateTimeOffset(w.NewestReading, TimeSpan.Zero) - ReadingWindow.Span && check != WindowCheck.New)
                Assert.Equal(WindowCheck.Duplicate, check);
        }
        Assert.InRange(applied.Count, 10_000, 14_000);
    }

    [Fact]
    public void Memory_is_bounded_and_compact()
    {
        var w = new ReadingWindow();
        for (int i = 0; i < 10_000; i++) Offer(w, $"m{i}", T0.AddSeconds(5 * i));
        Assert.Equal(ReadingWindow.Capacity, w.Fingerprints.Length);
        Assert.Equal(ReadingWindow.Blocks, w.Oldest.Length);
        Assert.Equal(ReadingWindow.Blocks, w.Newest.Length);
        // 4 bytes a reading, 16 a block: 4,608 bytes of arrays, 6.2 KB as JSON (base64).
        int bytes = w.Fingerprints.Length * sizeof(uint) + (w.Oldest.Length + w.Newest.Length) * sizeof(long);
        Assert.Equal(4_608, bytes);
        var json = System.Text.Json.JsonSerializer.Serialize(w, new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web));
        Assert.InRange(json.Length, 6_000, 6_400);

        // A shipment with few readings holds only what it needs: a block at a time.
        var small = new ReadingWindow();
        for (int i = 0; i < 40; i++) Offer(small, $"s{i}", T0.AddMinutes(15 * i));
        Assert.Equal(2 * ReadingWindow.BlockSize, small.Fingerprints.Length);
    }
}
