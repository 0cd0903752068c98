using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Visibility.Benchmarks.Load;
using Visibility.Benchmarks.Report;
using Visibility.Benchmarks.Target;
using Visibility.Domain.Geo;
using Visibility.Domain.Inventory;

namespace Visibility.Benchmarks.Buffers;

/// <summary>
/// The buffer wave (issue 4): recalculation and push of 10,000 factory × part buffers when 1,000 shipments change ETA
/// at once, from the first telemetry batch sent until a board subscriber has seen every buffer's row change, and the
/// same arithmetic in a plain loop for comparison.
/// </summary>
public sealed class BufferWaveRun(BenchmarkOptions options)
{
    private const int Concurrency = 16;
    private const int WaveBatch = 100;
    /// <summary>Where the shipments report themselves stopped: early on the lane, so most of the distance is still ahead.</summary>
    private const double StoppedAtFraction = 0.05;
    /// <summary>Crawling: below a quarter of the mode's typical speed, so the host falls back to the typical speed for what is left.</summary>
    private const double StoppedSpeedKnots = 0.1;
    private static readonly TimeSpan WaveTimeout = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan BoardTimeout = TimeSpan.FromSeconds(180);
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(2);
    /// <summary>Quiet long enough that rows still without their inbound shipment are not merely late.</summary>
    private static readonly TimeSpan StaleQuiet = TimeSpan.FromSeconds(10);

    public async Task RunAsync(string runTag, CancellationToken ct)
    {
        var network = new BufferNetwork(runTag);
        Out.Block($"Visibility benchmark: buffer wave (run {runTag})");
        Out.Line("network", $"{BufferNetwork.Factories} factories × {BufferNetwork.PartsPerFactory} parts = {BufferNetwork.Buffers:N0} buffers; {BufferNetwork.Shipments:N0} shipments {BufferNetwork.Origin}→{BufferNetwork.Destination}, {BufferNetwork.LinesPerShipment} cargo lines each");

        // No demo network: the board then holds only this run's buffers.
        await using var target = options.Url is { } url ? await BenchTarget.AttachAsync(url)
            : await BenchTarget.StartAsync(new Dictionary<string, string> { ["Demo:Seed"] = "false" });
        Out.Line("host", $"{target.BaseUrl}{(target.HostPid is { } pid ? $" (pid {pid}, Azurite pid {target.AzuritePid}), Demo:Seed=false" : " (not started by us)")}");
        if (target.LogPath != null) Out.Line("host log", $"{target.LogPath}");
        var cpu = new CpuMeter(target.HostPid, target.AzuritePid);

        var board = new BoardWatcher(network);
        int closed = 0;
        await using var connection = target.Hub();
        connection.On<JsonElement>("boardDelta", board.OnDelta);
        connection.Closed += _ => { Interlocked.Increment(ref closed); return Task.CompletedTask; };
        await connection.StartAsync(ct);
        board.OnSnapshot(await connection.InvokeAsync<JsonElement>("SubscribeBoard", ct));

        await CreateBuffersAsync(target, network, cpu, ct);
        var route = await BookShipmentsAsync(target, network, cpu, ct);
        await WaitForBoardAsync(target, network, board, connection, ct);

        var wave = await RunWaveAsync(target, network, board, cpu, route, ct);
        Out.Line("board subscriber", $"{board.Deltas:N0} deltas, {board.RowsReceived:N0} rows received; sequence gaps {board.SeqGaps}; connection closed {closed}×");
        Out.HostLog(target.TakeNotableLogLines());
        if (wave.Changed < BufferNetwork.Buffers) return; // timed out: printed what changed; no ratio to a wave that did not finish

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var etas = board.InboundEtas();
        var inbound = new InboundSupply[BufferNetwork.Buffers][];
        for (int i = 0; i < inbound.Length; i++)
            inbound[i] = [new InboundSupply(network.ShipmentId(BufferNetwork.ShipmentOf(i)), BufferNetwork.InboundQuantity, etas[i]!.Value)];
        var loop = PlainLoopBaseline.Measure(inbound, today);

        Out.Block($"Plain loop: the same {BufferNetwork.Buffers:N0} buffers with their new ETAs through BufferCalculator.Evaluate, in-process, best of {loop.Runs}");
        Out.Line("per buffer", $"{loop.MicrosecondsPerBuffer:0.00} µs");
        Out.Line("all buffers", $"{loop.BestMs:0.0} ms  ({loop.Stockouts:N0} with a projected stock-out)");
        Out.Line("propagation / plain loop", $"{wave.Propagation.TotalMilliseconds / loop.BestMs:N0}× ({wave.Propagation.TotalMilliseconds:N0} ms / {loop.BestMs:0.0} ms)");
        Out.Note("The difference is the platform: telemetry ingest, shipment grains, one call and one state write per");
        Out.Note("factory and shipment, the push notifier, the hub's flush interval and the SignalR client.");
    }

    private static async Task CreateBuffersAsync(BenchTarget target, BufferNetwork network, CpuMeter cpu, CancellationToken ct)
    {
        Out.Block($"1. Setup: {BufferNetwork.Factories} factories (POST /api/factories), {BufferNetwork.Buffers:N0} buffers (PUT /api/factories/{{id}}/parts/{{part}}), {Concurrency} in flight");
        var taken = cpu.Take();
        long started = Stopwatch.GetTimestamp();
        await Parallel.ForEachAsync(Enumerable.Range(0, BufferNetwork.Factories), InFlight(ct), async (f, token) =>
        {
            var body = new { id = network.FactoryId(f), name = $"Bench plant {f}", locode = BufferNetwork.FactoryLocode(f) };
            using var response = await target.Http.PostAsJsonAsync("/api/factories", body, token);
            await EnsureAsync(response, $"factory {body.id}", token);
        });
        double factorySeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        Out.Line("factory creates/s", $"{Out.Rate(BufferNetwork.Factories / factorySeconds)}  ({BufferNetwork.Factories} in {factorySeconds:0.0} s)");

        var p = BufferNetwork.Parameters;
        var parameters = new
        {
            hsCode = p.HsCode, adu = p.Adu, dltDays = p.DltDays, leadTimeFactor = p.LeadTimeFactor, variabilityFactor = p.VariabilityFactor,
            moq = p.Moq, orderCycleDays = p.OrderCycleDays, onHand = p.OnHand,
        };
        started = Stopwatch.GetTimestamp();
        // Factory-major interleaved order: consecutive requests go to different factories, so the 16 in flight do not
        // queue behind one grain (each grain handles its calls one at a time).
        var order = Enumerable.Range(0, BufferNetwork.Buffers).Select(i => (Factory: i % BufferNetwork.Factories, Part: i / BufferNetwork.Factories));
        await Parallel.ForEachAsync(order, InFlight(ct), async (b, token) =>
        {
            string url = $"/api/factories/{network.FactoryId(b.Factory)}/parts/{BufferNetwork.PartNumber(b.Part)}";
            using var response = await target.Http.PutAsJsonAsync(url, parameters, token);
            await EnsureAsync(response, url, token);
        });
        double bufferSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        Out.Line("buffer creates/s", $"{Out.Rate(BufferNetwork.Buffers / bufferSeconds)}  ({BufferNetwork.Buffers:N0} in {bufferSeconds:0.0} s)");
        Out.Lines(cpu.Since(taken).Describe());
        Out.HostLog(target.TakeNotableLogLines());
    }

    /// <summary>Books the shipments that feed the buffers; returns their lane's route (fetched once: all share it).</summary>
    private static async Task<LaneRoute> BookShipmentsAsync(BenchTarget target, BufferNetwork network, CpuMeter cpu, CancellationToken ct)
    {
        Out.Block($"2. Bookings: {BufferNetwork.Shipments:N0} ocean shipments {BufferNetwork.Origin}→{BufferNetwork.Destination} (planned departure now − 5 d, arrival now + 10 d)");
        var now = DateTimeOffset.UtcNow;
        string departure = Rfc3339(now.AddDays(-5)), arrival = Rfc3339(now.AddDays(10));
        var taken = cpu.Take();
        long started = Stopwatch.GetTimestamp();
        await Parallel.ForEachAsync(Enumerable.Range(0, BufferNetwork.Shipments), InFlight(ct), async (k, token) =>
        {
            var (factory, firstPart) = BufferNetwork.FedBy(k);
            var booking = new
            {
                id = network.ShipmentId(k),
                reference = $"PO-{network.RunTag}-{k}",
                mode = "ocean",
                origin = BufferNetwork.Origin,
                destination = BufferNetwork.Destination,
                plannedDeparture = departure,
                plannedArrival = arrival,
                cargo = Enumerable.Range(firstPart, BufferNetwork.LinesPerShipment)
                    .Select(part => new { partNumber = BufferNetwork.PartNumber(part), quantity = BufferNetwork.InboundQuantity, factoryId = network.FactoryId(factory) })
                    .ToArray(),
            };
            using var response = await target.Http.PostAsJsonAsync("/api/shipments", booking, token);
            await EnsureAsync(response, $"booking {booking.id}", token);
        });
        double seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        Out.Line("bookings/s", $"{Out.Rate(BufferNetwork.Shipments / seconds)}  ({BufferNetwork.Shipments:N0} in {seconds:0.0} s)");
        Out.Lines(cpu.Since(taken).Describe());

        var json = await target.Http.GetFromJsonAsync<JsonElement>($"/api/shipments/{network.ShipmentId(0)}/route", ct);
        var path = json.GetProperty("path").EnumerateArray().Select(p => new GeoPoint(p[1].GetDouble(), p[0].GetDouble())).ToArray();
        var route = LaneRoute.Resample(BufferNetwork.Origin, BufferNetwork.Destination, path);
        Out.Line("lane", $"{route.DistanceKm:N0} km, {path.Length} route points (GET /api/shipments/{{id}}/route once: all share it)");
        return route;
    }

    /// <summary>
    /// Waits until the board shows every buffer and has been quiet for 2 s. Every row should by then list its inbound
    /// shipment; when some still do not after 10 s of quiet, the run goes on (those rows change in the wave all the
    /// same) and says where the rows went missing.
    /// </summary>
    private static async Task WaitForBoardAsync(BenchTarget target, BufferNetwork network, BoardWatcher board, HubConnection connection, CancellationToken ct)
    {
        long started = Stopwatch.GetTimestamp();
        var deadline = DateTime.UtcNow + BoardTimeout;
        while (!(board.Rows >= BufferNetwork.Buffers && board.SinceLastRow >= Quiet
                 && (board.FedRows >= BufferNetwork.Buffers || board.SinceLastRow >= StaleQuiet)))
        {
            target.EnsureAlive();
            if (DateTime.UtcNow > deadline)
            {
                await ExplainIncompleteBoardAsync(target, network, board, connection, ct);
                throw new TimeoutException($"the board shows {board.Rows:N0} of {BufferNetwork.Buffers:N0} buffers after {BoardTimeout.TotalSeconds:0} s");
            }
            await Task.Delay(100, ct);
        }
        Out.Line("board complete and quiet", $"{board.Rows:N0} rows, {board.FedRows:N0} listing their inbound shipment; {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s after the last booking (incl. the quiet time)");
        if (board.FedRows < BufferNetwork.Buffers) await ExplainIncompleteBoardAsync(target, network, board, connection, ct);
    }

    /// <summary>
    /// Where inbound shipments went missing: in the factories' own state (GET /api/factories/{id}/buffers, answered by
    /// the grains), in the hub's board picture (GET /api/buffers and a fresh SubscribeBoard snapshot) or only on the
    /// way to this subscriber (deltas).
    /// </summary>
    private static async Task ExplainIncompleteBoardAsync(BenchTarget target, BufferNetwork network, BoardWatcher board, HubConnection connection, CancellationToken ct)
    {
        Out.Line("board rows without inbound", $"{BufferNetwork.Buffers - board.FedRows:N0} (subscriber: {board.Rows:N0} rows, {board.Deltas:N0} deltas, sequence gaps {board.SeqGaps})");
        var (apiRows, apiFed) = CountFed(network, await target.Http.GetFromJsonAsync<JsonElement>("/api/buffers", ct));
        Out.Line("hub picture (GET /api/buffers)", $"{apiRows:N0} rows, {apiFed:N0} with inbound");
        var fresh = new BoardWatcher(network);
        fresh.OnSnapshot(await connection.InvokeAsync<JsonElement>("SubscribeBoard", ct));
        Out.Line("fresh SubscribeBoard snapshot", $"{fresh.Rows:N0} rows, {fresh.FedRows:N0} with inbound");
        int grainRows = 0, grainFed = 0;
        for (int f = 0; f < BufferNetwork.Factories; f++)
        {
            var (rows, fed) = CountFed(network, await target.Http.GetFromJsonAsync<JsonElement>($"/api/factories/{network.FactoryId(f)}/buffers", ct), network.FactoryId(f));
            grainRows += rows;
            grainFed += fed;
        }
        Out.Line("factory grains (GET …/buffers)", $"{grainRows:N0} rows, {grainFed:N0} with inbound");
    }

    private static (int Rows, int Fed) CountFed(BufferNetwork network, JsonElement rows, string? factoryId = null)
    {
        int count = 0, fed = 0;
        foreach (var row in rows.EnumerateArray())
        {
            string factory = factoryId ?? row.GetProperty("factoryId").GetString()!;
            if (!network.TryBufferIndex(factory, row.GetProperty("partNumber").GetString()!, out _)) continue;
            count++;
            if (row.GetProperty("inbound").GetArrayLength() > 0) fed++;
        }
        return (count, fed);
    }

    private sealed record WaveFigures(int Changed, TimeSpan Propagation);

    private static async Task<WaveFigures> RunWaveAsync(BenchTarget target, BufferNetwork network, BoardWatcher board, CpuMeter cpu, LaneRoute route,
        CancellationToken ct)
    {
        int batches = BufferNetwork.Shipments / WaveBatch;
        Out.Block($"3. Wave: every shipment reports itself stopped ({StoppedSpeedKnots} kn) {StoppedAtFraction:P0} along its route; {batches} batches of {WaveBatch} to POST /api/telemetry at once");
        var at = route.At((long)(route.Samples * StoppedAtFraction));
        var bodies = Enumerable.Range(0, batches).Select(b => WaveBody(network, b, at)).ToArray();

        board.Arm();
        var batchSentAt = new long[batches];
        var taken = cpu.Take();
        long firstSent = Stopwatch.GetTimestamp();
        var sends = Enumerable.Range(0, batches).Select(async b =>
        {
            batchSentAt[b] = Stopwatch.GetTimestamp();
            using var content = new ByteArrayContent(bodies[b]);
            content.Headers.ContentType = new("application/json");
            using var response = await target.Http.PostAsync("/api/telemetry", content, ct);
            await EnsureAsync(response, $"wave batch {b}", ct);
            var answer = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
            return answer.GetProperty("accepted").GetInt32();
        }).ToArray();
        int accepted = (await Task.WhenAll(sends)).Sum();
        double acceptedMs = Stopwatch.GetElapsedTime(firstSent).TotalMilliseconds;

        var finished = await Task.WhenAny(board.AllChanged, Task.Delay(WaveTimeout, ct));
        var usage = cpu.Since(taken);
        target.EnsureAlive();
        var changedAt = board.ChangedAt();
        var delays = new List<double>(BufferNetwork.Buffers);
        long last = 0;
        for (int i = 0; i < changedAt.Length; i++)
        {
            if (changedAt[i] == 0) continue;
            last = Math.Max(last, changedAt[i]);
            long sent = batchSentAt[BufferNetwork.ShipmentOf(i) / WaveBatch];
            delays.Add((changedAt[i] - sent) * 1000.0 / Stopwatch.Frequency);
        }
        var perRow = Percentiles.Of(delays);

        Out.Line("readings accepted", $"{accepted:N0} of {BufferNetwork.Shipments:N0}, all batches answered {acceptedMs:0} ms after the first was sent");
        if (finished != board.AllChanged)
        {
            Out.Line("TIMEOUT", $"after {WaveTimeout.TotalSeconds:0} s the board showed {delays.Count:N0} of {BufferNetwork.Buffers:N0} buffers changed; stopping");
            if (delays.Count > 0) Out.Line("per-row delay of those", $"p50 {Out.Ms(perRow.P50)}, p99 {Out.Ms(perRow.P99)}, max {Out.Ms(perRow.Max)}");
            Out.Lines(usage.Describe("benchmark process (SignalR client)"));
            return new WaveFigures(delays.Count, Stopwatch.GetElapsedTime(firstSent, last == 0 ? firstSent : last));
        }
        var propagation = Stopwatch.GetElapsedTime(firstSent, last);
        Out.Line("time to full propagation", $"{propagation.TotalMilliseconds:N0} ms  (first batch sent → all {BufferNetwork.Buffers:N0} buffers seen changed on the board)");
        Out.Line("rows/s", $"{Out.Rate(BufferNetwork.Buffers / propagation.TotalSeconds)}");
        Out.Line("per-row delay", $"p50 {Out.Ms(perRow.P50)}, p90 {Out.Ms(perRow.P90)}, p99 {Out.Ms(perRow.P99)}, max {Out.Ms(perRow.Max)}  (row seen changed − its shipment's batch sent)");
        var shift = Percentiles.Of(board.EtaShiftHours());
        Out.Line("inbound ETA moved by", $"p50 {shift.P50 / 24:0.0} days, max {shift.Max / 24:0.0} days ({shift.Count:N0} buffers)");
        Out.Lines(usage.Describe("benchmark process (SignalR client)"));
        return new WaveFigures(BufferNetwork.Buffers, propagation);
    }

    /// <summary>Readings for shipments b × 100 … + 99: stopped at the same point of the shared lane, stamped now.</summary>
    private static byte[] WaveBody(BufferNetwork network, int batch, RoutePosition at)
    {
        string timestamp = Rfc3339(DateTimeOffset.UtcNow);
        var readings = Enumerable.Range(batch * WaveBatch, WaveBatch).Select(k => new
        {
            messageId = $"{network.RunTag}-wave-{k}",
            shipmentId = network.ShipmentId(k),
            timestamp,
            lat = at.Lat4 / 1e4,
            lon = at.Lon4 / 1e4,
            speedKnots = StoppedSpeedKnots,
            headingDeg = at.HeadingDeg,
        });
        return JsonSerializer.SerializeToUtf8Bytes(readings);
    }

    private static ParallelOptions InFlight(CancellationToken ct) => new() { MaxDegreeOfParallelism = Concurrency, CancellationToken = ct };

    private static string Rfc3339(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static async Task EnsureAsync(HttpResponseMessage response, string what, CancellationToken ct)
    {
        if (response.IsSuccessStatusCode) return;
        throw new InvalidOperationException($"{what}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
    }
}
