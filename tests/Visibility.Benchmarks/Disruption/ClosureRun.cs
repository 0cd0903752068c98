using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Visibility.Benchmarks.Load;
using Visibility.Benchmarks.Report;
using Visibility.Benchmarks.Target;
using Visibility.Domain.Disruptions;
using Visibility.Domain.Geo;

namespace Visibility.Benchmarks.Disruption;

/// <summary>
/// The closure (issue 6): Suez closes with 10,000 active shipments on Asia → Europe lanes; from the POST until a map
/// subscriber has seen the last affected shipment's marker flagged "disrupted" (re-planned and pushed), and the same
/// re-routing in a plain loop for comparison.
/// </summary>
public sealed class ClosureRun(BenchmarkOptions options)
{
    private const int Concurrency = 16;
    private const int ReadingBatch = 100;
    private const int DisruptedFlag = 128;
    private static readonly TimeSpan PropagationTimeout = TimeSpan.FromSeconds(300);
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(2);

    public async Task RunAsync(string runTag, CancellationToken ct)
    {
        var fleet = new ClosureFleet(options.Shipments, runTag);
        Out.Block($"Visibility benchmark: chokepoint closure (run {runTag})");
        Out.Line("fleet", $"{fleet.Count:N0} ocean shipments on {ClosureFleet.Lanes.Length} lanes through Suez ({string.Join(", ", ClosureFleet.Lanes.Select(l => l.Name))})");

        // No demo network and no feeds: the map then holds only this run's shipments and nothing else is disrupted.
        await using var target = options.Url is { } url ? await BenchTarget.AttachAsync(url)
            : await BenchTarget.StartAsync(new Dictionary<string, string>
            {
                ["Demo:Seed"] = "false", ["Disruptions:PiracyZones"] = "false", ["Disruptions:UsgsFeedPath"] = "/nonexistent",
            });
        Out.Line("host", $"{target.BaseUrl}{(target.HostPid is { } pid ? $" (pid {pid}, Azurite pid {target.AzuritePid})" : " (not started by us)")}");
        if (target.LogPath != null) Out.Line("host log", $"{target.LogPath}");
        var cpu = new CpuMeter(target.HostPid, target.AzuritePid);

        var map = new DisruptedMarkers(fleet);
        int closed = 0;
        await using var connection = target.Hub();
        connection.On<JsonElement>("mapDelta", map.OnDelta);
        connection.On<JsonElement>("disruptionsDelta", map.OnDisruptionsDelta);
        connection.Closed += _ => { Interlocked.Increment(ref closed); return Task.CompletedTask; };
        await connection.StartAsync(ct);
        map.OnSnapshot(await connection.InvokeAsync<JsonElement>("SubscribeMap", ct));
        await connection.InvokeAsync<JsonElement>("SubscribeDisruptions", ct);

        await BookAsync(target, fleet, cpu, ct);
        await PositionAsync(target, fleet, map, cpu, ct);

        string disruptionId = $"BENCH-SUEZ-{runTag}";
        var (seen, propagation, reachedAt) = await CloseAsync(target, fleet, map, cpu, disruptionId, ct);
        Out.Line("map subscriber", $"{map.Deltas:N0} deltas; sequence gaps {map.SeqGaps}; connection closed {closed}×");
        Out.HostLog(target.TakeNotableLogLines());
        var impact = await target.Http.GetFromJsonAsync<JsonElement>($"/api/disruptions/{disruptionId}", ct);
        var summary = impact.GetProperty("impact");
        Out.Line("host's impact summary", $"{summary.GetProperty("shipments").GetInt32():N0} shipments ({summary.GetProperty("rerouted").GetInt32():N0} re-routed, {summary.GetProperty("stranded").GetInt32():N0} stranded), max +{summary.GetProperty("maxAddedKm").GetDouble():N0} km, +{summary.GetProperty("maxAddedDays").GetDouble():0.0} days");
        if (seen < fleet.Count) return;

        Out.Block($"Plain loop: the same {fleet.Count:N0} shipments re-routed through ShipmentDisruptions.Apply in-process (sea network loaded here)");
        var closure = new DisruptionEffect(disruptionId, DisruptionType.ChokepointClosure, "Suez Canal closed", "suez", null, null, 0, DateTimeOffset.UtcNow.AddDays(30));
        var loop = PlainLoopReroute.Measure(fleet, closure, DateTimeOffset.UtcNow);
        Out.Line("re-routed / stranded", $"{loop.Rerouted:N0} / {loop.Stranded:N0} of {loop.Shipments:N0}; mean +{loop.MeanAddedKm:N0} km");
        Out.Line("cold (plans not cached yet)", $"{loop.ColdMs:N0} ms  ({loop.ColdMs * 1000 / loop.Shipments:0} µs per shipment)");
        Out.Line("warm (every plan cached)", $"{loop.WarmMs:N0} ms  ({loop.WarmMs * 1000 / loop.Shipments:0.0} µs per shipment)");
        Out.Line("propagation / plain loop (cold)", $"{propagation.TotalMilliseconds / loop.ColdMs:0.0}× ({propagation.TotalMilliseconds:N0} ms / {loop.ColdMs:N0} ms)");
        if (reachedAt is { } reached)
            Out.Line("host's reach / plain loop (cold)", $"{reached.TotalMilliseconds / loop.ColdMs:0.0}× (until the disruption grain had every answer: {reached.TotalMilliseconds:N0} ms)");
        Out.Note("The cold loop plans round the closure as the host had to (the same lane plans and onward legs, computed once");
        Out.Note("each); the difference is the platform: the index grain, one call and one re-plan per shipment grain, the");
        Out.Note("factory notifications, the push notifier, the hub's flush interval and the SignalR client.");
    }

    private static async Task BookAsync(BenchTarget target, ClosureFleet fleet, CpuMeter cpu, CancellationToken ct)
    {
        Out.Block($"1. Bookings: {fleet.Count:N0} ocean shipments (POST /api/shipments, {Concurrency} in flight)");
        var departure = Rfc3339(DateTimeOffset.UtcNow.AddDays(-10));
        object Booking(int i) => new
        {
            id = fleet.Id(i), reference = $"PO-{fleet.RunTag}-{i}", mode = "ocean",
            origin = ClosureFleet.Lanes[fleet.LaneOf(i)].Origin, destination = ClosureFleet.Lanes[fleet.LaneOf(i)].Destination,
            plannedDeparture = departure, cargo = Array.Empty<object>(),
        };
        var taken = cpu.Take();
        long started = Stopwatch.GetTimestamp();
        // The lane leaders first: their routes (GET /api/shipments/{id}/route) place the rest of the fleet.
        for (int lane = 0; lane < ClosureFleet.Lanes.Length; lane++)
        {
            using var response = await target.Http.PostAsJsonAsync("/api/shipments", Booking(lane), ct);
            await EnsureAsync(response, $"booking {fleet.Id(lane)}", ct);
            var json = await target.Http.GetFromJsonAsync<JsonElement>($"/api/shipments/{fleet.Id(lane)}/route", ct);
            var path = json.GetProperty("path").EnumerateArray().Select(p => new GeoPoint(p[1].GetDouble(), p[0].GetDouble())).ToArray();
            var l = ClosureFleet.Lanes[lane];
            fleet.SetRoute(lane, LaneRoute.Resample(l.Origin, l.Destination, path), path);
            Out.Line($"lane {l.Name}", $"{json.GetProperty("distanceKm").GetDouble():N0} km; shipments spread over {ClosureFleet.FirstFraction:P0}–{fleet.SuezFraction(lane):P0} of it (Suez − {ClosureFleet.ShortOfSuezKm:N0} km)");
        }
        await Parallel.ForEachAsync(Enumerable.Range(ClosureFleet.Lanes.Length, fleet.Count - ClosureFleet.Lanes.Length), InFlight(ct), async (i, token) =>
        {
            using var response = await target.Http.PostAsJsonAsync("/api/shipments", Booking(i), token);
            await EnsureAsync(response, $"booking {fleet.Id(i)}", token);
        });
        double seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        Out.Line("bookings/s", $"{Out.Rate(fleet.Count / seconds)}  ({fleet.Count:N0} in {seconds:0.0} s)");
        Out.Lines(cpu.Since(taken).Describe());
    }

    /// <summary>One reading per shipment at its place on the lane; then waits until the map shows them all under way.</summary>
    private static async Task PositionAsync(BenchTarget target, ClosureFleet fleet, DisruptedMarkers map, CpuMeter cpu, CancellationToken ct)
    {
        Out.Block($"2. Positions: one reading per shipment (POST /api/telemetry, batches of {ReadingBatch})");
        var taken = cpu.Take();
        string timestamp = Rfc3339(DateTimeOffset.UtcNow.AddMinutes(-1));
        await Parallel.ForEachAsync(Enumerable.Range(0, (fleet.Count + ReadingBatch - 1) / ReadingBatch), InFlight(ct), async (b, token) =>
        {
            var readings = Enumerable.Range(b * ReadingBatch, Math.Min(ReadingBatch, fleet.Count - b * ReadingBatch)).Select(i =>
            {
                var p = fleet.PositionOf(i);
                return new { messageId = $"{fleet.RunTag}-pos-{i}", shipmentId = fleet.Id(i), timestamp, lat = p.Lat4 / 1e4, lon = p.Lon4 / 1e4, speedKnots = 17.0, headingDeg = p.HeadingDeg };
            });
            using var response = await target.Http.PostAsJsonAsync("/api/telemetry", readings, token);
            await EnsureAsync(response, $"readings batch {b}", token);
        });
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(180);
        while (!(map.UnderWay >= fleet.Count && map.SinceLastDelta >= Quiet))
        {
            target.EnsureAlive();
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"the map shows {map.UnderWay:N0} of {fleet.Count:N0} shipments under way after 180 s");
            await Task.Delay(100, ct);
        }
        Out.Line("map", $"{map.UnderWay:N0} shipments under way on the subscriber's map, quiet for {Quiet.TotalSeconds:0} s");
        Out.Lines(cpu.Since(taken).Describe());
        Out.HostLog(target.TakeNotableLogLines());
    }

    private static async Task<(int Seen, TimeSpan Propagation, TimeSpan? ReachedAt)> CloseAsync(BenchTarget target, ClosureFleet fleet, DisruptedMarkers map,
        CpuMeter cpu, string disruptionId, CancellationToken ct)
    {
        Out.Block($"3. Closure: POST /api/disruptions (chokepoint-closure suez, expected end in 30 days) → every shipment re-planned and pushed");
        map.Arm(disruptionId);
        var taken = cpu.Take();
        long posted = Stopwatch.GetTimestamp();
        var body = new { id = disruptionId, type = "chokepoint-closure", chokepoint = "suez", expectedEnd = Rfc3339(DateTimeOffset.UtcNow.AddDays(30)) };
        using (var response = await target.Http.PostAsJsonAsync("/api/disruptions", body, ct))
            await EnsureAsync(response, "closure", ct);
        double answeredMs = Stopwatch.GetElapsedTime(posted).TotalMilliseconds;

        var finished = await Task.WhenAny(map.AllDisrupted, Task.Delay(PropagationTimeout, ct));
        var usage = cpu.Since(taken);
        target.EnsureAlive();
        var flagged = map.FlaggedAt();
        var delays = flagged.Where(t => t != 0).Select(t => (t - posted) * 1000.0 / Stopwatch.Frequency).ToList();
        var spread = Percentiles.Of(delays);
        TimeSpan? reached = map.PropagatedAt is { } at ? Stopwatch.GetElapsedTime(posted, at) : null;
        Out.Line("POST answered", $"{answeredMs:N0} ms (the propagation runs behind the answer)");
        if (finished != map.AllDisrupted)
        {
            Out.Line("TIMEOUT", $"after {PropagationTimeout.TotalSeconds:0} s the map showed {delays.Count:N0} of {fleet.Count:N0} shipments disrupted");
            Out.Lines(usage.Describe("benchmark process (SignalR client)"));
            return (delays.Count, TimeSpan.Zero, reached);
        }
        var propagation = TimeSpan.FromMilliseconds(spread.Max);
        Out.Line("time to full propagation", $"{propagation.TotalMilliseconds:N0} ms  (POST sent → the last of {fleet.Count:N0} markers seen flagged \"disrupted\" on the map)");
        Out.Line("shipments re-planned and pushed/s", $"{Out.Rate(fleet.Count / propagation.TotalSeconds)}");
        Out.Line("per-shipment delay", $"p50 {Out.Ms(spread.P50)}, p90 {Out.Ms(spread.P90)}, p99 {Out.Ms(spread.P99)}, max {Out.Ms(spread.Max)}");
        if (reached is { } r) Out.Line("feed: propagation done", $"{r.TotalMilliseconds:N0} ms (disruptionsDelta with propagating = false: the grain had every answer and the factory rows)");
        Out.Lines(usage.Describe("benchmark process (SignalR client)"));
        return (delays.Count, propagation, reached);
    }

    private static ParallelOptions InFlight(CancellationToken ct) => new() { MaxDegreeOfParallelism = Concurrency, CancellationToken = ct };

    private static string Rfc3339(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static async Task EnsureAsync(HttpResponseMessage response, string what, CancellationToken ct)
    {
        if (response.IsSuccessStatusCode) return;
        throw new InvalidOperationException($"{what}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
    }

    /// <summary>The subscriber's view: which of the fleet's markers are under way, and when each was first seen flagged "disrupted".</summary>
    private sealed class DisruptedMarkers(ClosureFleet fleet)
    {
        private readonly Dictionary<string, int> _index = Enumerable.Range(0, fleet.Count).ToDictionary(fleet.Id, i => i, StringComparer.Ordinal);
        private readonly bool[] _underWay = new bool[fleet.Count];
        private readonly long[] _flaggedAt = new long[fleet.Count];
        private readonly TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly object _lock = new();
        private int _underWayCount, _flaggedCount;
        private long _lastDelta = Stopwatch.GetTimestamp(), _seq = -1;
        private bool _armed;
        private string? _disruptionId;

        public int Deltas { get; private set; }
        public int SeqGaps { get; private set; }
        public int UnderWay { get { lock (_lock) return _underWayCount; } }
        public TimeSpan SinceLastDelta => Stopwatch.GetElapsedTime(Interlocked.Read(ref _lastDelta));
        public Task AllDisrupted => _all.Task;
        public long? PropagatedAt { get; private set; }

        public void Arm(string disruptionId)
        {
            lock (_lock) { _armed = true; _disruptionId = disruptionId; }
        }

        public long[] FlaggedAt() { lock (_lock) return [.. _flaggedAt]; }

        public void OnSnapshot(JsonElement snapshot)
        {
            lock (_lock)
            {
                _seq = snapshot.GetProperty("seq").GetInt64();
                foreach (var marker in snapshot.GetProperty("markers").EnumerateArray()) Apply(marker, Stopwatch.GetTimestamp());
            }
        }

        public void OnDelta(JsonElement delta)
        {
            long now = Stopwatch.GetTimestamp();
            lock (_lock)
            {
                Deltas++;
                long seq = delta.GetProperty("seq").GetInt64();
                if (_seq >= 0 && seq != _seq + 1) SeqGaps++;
                _seq = seq;
                foreach (var marker in delta.GetProperty("markers").EnumerateArray()) Apply(marker, now);
            }
            Interlocked.Exchange(ref _lastDelta, now);
        }

        public void OnDisruptionsDelta(JsonElement delta)
        {
            long now = Stopwatch.GetTimestamp();
            lock (_lock)
                foreach (var view in delta.GetProperty("disruptions").EnumerateArray())
                    if (view.GetProperty("id").GetString() == _disruptionId && !view.GetProperty("impact").GetProperty("propagating").GetBoolean())
                        PropagatedAt ??= now;
        }

        /// <summary>[id, lat, lon, heading, mode, status, flags, delayHours]: status 1 is in transit, flag 128 "disrupted".</summary>
        private void Apply(JsonElement marker, long now)
        {
            if (!_index.TryGetValue(marker[0].GetString()!, out int i)) return;
            if (!_underWay[i] && marker[5].GetInt32() == 1) { _underWay[i] = true; _underWayCount++; }
            if (!_armed || _flaggedAt[i] != 0 || (marker[6].GetInt32() & DisruptedFlag) == 0) return;
            _flaggedAt[i] = now;
            if (++_flaggedCount == _flaggedAt.Length) _all.TrySetResult();
        }
    }
}
