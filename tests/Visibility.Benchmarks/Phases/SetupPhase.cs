using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Visibility.Benchmarks.Load;
using Visibility.Benchmarks.Report;
using Visibility.Benchmarks.Target;
using Visibility.Domain.Geo;

namespace Visibility.Benchmarks.Phases;

/// <param name="RssBefore">Host RSS before the fleet was booked (null with --url).</param>
/// <param name="RssAfter">Host RSS once every shipment is booked and has a reading, i.e. is an active grain.</param>
/// <param name="Measured">Shipments booked between the two readings of RSS.</param>
/// <param name="HeapBefore">Host managed heap right after a forced compacting GC, before the fleet was booked (null when the host does not allow the GC).</param>
/// <param name="HeapAfter">The same once every shipment is an active, persisted grain.</param>
public sealed record SetupFigures(double CreatesPerSecond, int Created, long? RssBefore, long? RssAfter, int Measured, int InTransit,
    long? HeapBefore = null, long? HeapAfter = null)
{
    public double? BytesPerShipment => RssBefore is { } before && RssAfter is { } after && Measured > 0 ? (double)(after - before) / Measured : null;

    /// <summary>Δ live managed heap / shipments: what each shipment really keeps, without the GC's and the runtime's reserves.</summary>
    public double? HeapBytesPerShipment => HeapBefore is { } before && HeapAfter is { } after && Measured > 0 ? (double)(after - before) / Measured : null;
}

/// <summary>
/// Phase 2: books the fleet through POST /api/shipments, gives every shipment a reading so it is an active grain
/// with a position, and measures the host's RSS growth per shipment.
/// </summary>
public static class SetupPhase
{
    private const int CreateConcurrency = 16;
    /// <summary>Two checkpoint intervals (30 s each by default) and some slack for the write itself.</summary>
    private static readonly TimeSpan CheckpointWait = TimeSpan.FromSeconds(90);

    /// <summary>
    /// Books the first shipment of each lane and fetches its planned route once, so every reading lies on the route
    /// the host projects it onto. Runs before the ceiling phase, which needs the routes for its payloads.
    /// </summary>
    public static async Task BookLaneLeadersAsync(RunContext run, CancellationToken ct)
    {
        Out.Block("0. Lanes: one shipment per lane booked, its route fetched once (GET /api/shipments/{id}/route)");
        for (int lane = 0; lane < run.Fleet.LanesUsed; lane++)
        {
            await CreateAsync(run, lane, ct);
            var route = await run.Target.Http.GetFromJsonAsync<JsonElement>($"/api/shipments/{run.Fleet.IdOf(lane)}/route", ct);
            var path = route.GetProperty("path").EnumerateArray().Select(p => new GeoPoint(p[1].GetDouble(), p[0].GetDouble())).ToArray();
            var lr = LaneRoute.Resample(run.Fleet.LaneOf(lane).Origin, run.Fleet.LaneOf(lane).Destination, path);
            run.Fleet.SetRoute(lane, lr);
            Out.Line(lr.Name, $"{lr.DistanceKm:N0} km, {path.Length} route points, {lr.Samples:N0} positions {LaneRoute.StepKm} km apart");
        }
    }

    public static async Task<SetupFigures> RunAsync(RunContext run, CancellationToken ct)
    {
        var (o, fleet, target) = (run.Options, run.Fleet, run.Target);
        Out.Block($"2. Setup: {fleet.Count:N0} ocean shipments over {fleet.LanesUsed} lanes, then one reading each");
        long? rssBefore = target.HostPid is { } pid ? await SettledRssAsync(pid, ct) : null;
        // After the RSS samples, so the RSS figure is measured as before; the GC only matters to the heap figure.
        var heapBefore = await HostMemory.CollectAsync(target.Http, ct);

        var cpu = run.Cpu.Take();
        var started = Stopwatch.GetTimestamp();
        int created = 0;
        await Parallel.ForEachAsync(Enumerable.Range(fleet.LanesUsed, fleet.Count - fleet.LanesUsed),
            new ParallelOptions { MaxDegreeOfParallelism = CreateConcurrency, CancellationToken = ct },
            async (i, token) =>
            {
                await CreateAsync(run, i, token);
                Interlocked.Increment(ref created);
            });
        double createSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var createCpu = run.Cpu.Since(cpu);
        Out.Line("creates/s", $"{Out.Rate(created / createSeconds)}  ({created:N0} in {createSeconds:0.0} s, {CreateConcurrency} in flight)");
        Out.Lines(createCpu.Describe());

        long checkpointedBefore = target.CheckpointedShipments ?? 0;
        var warm = await run.Load.RunAsync(run.TelemetryUrl, new LoadPlan(fleet, run.HostSequence, o.Batch, o.Concurrency, TotalReadings: fleet.Count), ct);
        Out.Line("first reading for every shipment", $"{warm.ReadingsAccepted:N0} accepted of {warm.ReadingsSent:N0} in {warm.Elapsed.TotalSeconds:0.0} s; non-202 {warm.NonAccepted}, failed {warm.Failures}");
        if (warm.FirstProblem != null) Out.Line("first problem", $"{warm.FirstProblem}");
        if (warm.ReadingsAccepted < fleet.Count) throw new InvalidOperationException("not every shipment took its first reading; the run cannot go on");

        // The host writes grain state behind, at its next ingest checkpoint (every 30 s by default). Measuring after
        // that write makes the figure independent of where the checkpoint happened to fall in this phase.
        if (target.HostPid != null)
        {
            var waitStarted = Stopwatch.GetTimestamp();
            bool persisted = await target.WaitForCheckpointsAsync(checkpointedBefore, fleet.Count, CheckpointWait, ct);
            double waited = Stopwatch.GetElapsedTime(waitStarted).TotalSeconds;
            if (persisted) Out.Line("state persisted by checkpoints", $"yes, waited {waited:0} s for it");
            else Out.Line("state persisted by checkpoints", $"not within {waited:0} s; measuring anyway");
        }
        long? rssAfter = target.HostPid is { } p ? await SettledRssAsync(p, ct) : null;
        var heapAfter = heapBefore == null ? null : await HostMemory.CollectAsync(target.Http, ct);
        int inTransit = await InTransitAsync(target, fleet.Count, ct);
        Out.Line("in transit on the host's map", $"{inTransit:N0} (expected ≥ {fleet.Count:N0})");

        Out.HostLog(run.Target.TakeNotableLogLines());
        var figures = new SetupFigures(created / createSeconds, created, rssBefore, rssAfter, created, inTransit,
            heapBefore?.GcHeapBytes, heapAfter?.GcHeapBytes);
        if (figures.BytesPerShipment is { } perShipment)
        {
            Out.Line("host RSS before → after", $"{Out.Mb(rssBefore!.Value)} → {Out.Mb(rssAfter!.Value)} (Δ {Out.Mb(rssAfter.Value - rssBefore.Value)})");
            Out.Line("memory per active shipment", $"{perShipment / 1024:0.0} KB = ΔRSS / {created:N0} shipments booked in between");
            Out.Note("RSS-based: includes everything the host keeps per shipment (grain, state, storage cache, map picture,");
            Out.Note("directory) and whatever the GC heap kept in reserve; each RSS is the lower of three settled samples.");
        }
        else Out.Note("memory per shipment: skipped (--url: the host process is not ours to measure)");
        if (figures.HeapBytesPerShipment is { } heapPerShipment)
        {
            Out.Line("managed heap before → after", $"{Out.Mb(heapBefore!.GcHeapBytes)} → {Out.Mb(heapAfter!.GcHeapBytes)} (Δ {Out.Mb(heapAfter.GcHeapBytes - heapBefore.GcHeapBytes)}), each after a forced compacting GC");
            Out.Line("GC committed before → after", $"{Out.Mb(heapBefore.GcCommittedBytes)} → {Out.Mb(heapAfter.GcCommittedBytes)}; fragmented after {Out.Mb(heapAfter.LastGcFragmentedBytes)}; {(heapAfter.ServerGc ? "server" : "workstation")} GC");
            Out.Line("managed heap per active shipment", $"{heapPerShipment / 1024:0.0} KB = Δ GC heap / {created:N0} shipments (host knows {heapAfter.KnownShipments:N0} shipments, {heapAfter.MapMarkers:N0} markers)");
            Out.Note("Live objects only: what each shipment keeps. ΔRSS above also counts memory the GC keeps committed after");
            Out.Note("compacting, and native buffers (storage client, sockets) that grow with load but not per shipment.");
        }
        else Out.Note($"managed heap per shipment: skipped (the host does not allow POST /api/diagnostics/gc; start it with {HostMemory.AllowGcSetting}=true)");
        return figures;
    }

    private static async Task CreateAsync(RunContext run, int i, CancellationToken ct)
    {
        var fleet = run.Fleet;
        var lane = fleet.LaneOf(i);
        var booking = new
        {
            id = fleet.IdOf(i),
            reference = $"PO-{fleet.RunTag}-{i}",
            mode = "ocean",
            origin = lane.Origin,
            destination = lane.Destination,
            plannedDeparture = fleet.PlannedDeparture(i, DateTimeOffset.UtcNow).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"),
            cargo = new[] { new { partNumber = "BENCH-PART", quantity = 1000 } },
        };
        using var response = await run.Target.Http.PostAsJsonAsync("/api/shipments", booking, ct);
        if (response.StatusCode is not (HttpStatusCode.Created or HttpStatusCode.OK))
            throw new InvalidOperationException($"booking {fleet.IdOf(i)}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
    }

    /// <summary>The lower of three RSS samples taken after the host had a few seconds to settle (GC, timers, writes).</summary>
    public static async Task<long> SettledRssAsync(int pid, CancellationToken ct)
    {
        long lowest = long.MaxValue;
        for (int i = 0; i < 3; i++)
        {
            await Task.Delay(TimeSpan.FromSeconds(i == 0 ? 4 : 2), ct);
            lowest = Math.Min(lowest, ProcessStats.RssBytes(pid) ?? throw new InvalidOperationException($"host process {pid} is gone"));
        }
        return lowest;
    }

    /// <summary>In-transit shipments on the host's map picture, polled for a few seconds: the picture trails the grains by a flush or two.</summary>
    private static async Task<int> InTransitAsync(BenchTarget target, int expected, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            var page = await target.Http.GetFromJsonAsync<JsonElement>("/api/shipments?status=in-transit&limit=1", ct);
            int total = page.GetProperty("total").GetInt32();
            if (total >= expected || DateTime.UtcNow > deadline) return total;
            await Task.Delay(250, ct);
        }
    }
}
