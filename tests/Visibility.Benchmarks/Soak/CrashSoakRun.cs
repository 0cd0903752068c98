using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Visibility.Benchmarks.Report;
using Visibility.Integration.Tests.Faults;

namespace Visibility.Benchmarks.Soak;

/// <summary>
/// The crash soak (issue 11): the application on the embedded default takes telemetry from several senders while it is
/// killed at random moments, either whole (SIGKILL to the host's process group and its Azurite) or only its storage
/// process; after each kill it is started again and the senders go on. At the end every shipment's applied readings
/// are compared with what was acknowledged (202) for it: acknowledged and lost must be 0.
/// </summary>
public sealed class CrashSoakRun(BenchmarkOptions options)
{
    public async Task RunAsync(string runTag, CancellationToken ct)
    {
        int shipments = Math.Min(options.Shipments, 2_000);
        var duration = options.Duration;
        Out.Block($"Crash soak (run {runTag})");
        Out.Line("options", $"{shipments} shipments, batches of {options.Batch}, {options.Concurrency} senders, {duration.TotalSeconds:0} s, a kill every 4–12 s");

        await using var app = await EmbeddedApplication.StartAsync("soak");
        for (var s = 0; s < shipments; s++) await CreateAsync(app.Http, $"SOAK-{runTag}-{s}");
        var path = await RouteAsync(app.Http, $"SOAK-{runTag}-0");
        // Reading n is stamped t0 + n × 100 ms: in the past for the first 1.7 million, each shipment's readings in order.
        var t0 = DateTimeOffset.UtcNow.AddDays(-2);

        var acknowledged = new ConcurrentDictionary<int, int>();   // shipment index → readings acknowledged
        var sentBatches = 0L;
        var acknowledgedBatches = 0L;
        var refused = new ConcurrentDictionary<string, int>();
        var next = 0L;
        var random = new Random(runTag.GetHashCode());
        int wholeKills = 0, storageKills = 0;
        var recoveries = new List<double>();
        var clock = Stopwatch.StartNew();

        while (clock.Elapsed < duration && !ct.IsCancellationRequested)
        {
            using var stop = new CancellationTokenSource();
            var http = app.Http;
            var senders = Enumerable.Range(0, options.Concurrency).Select(_ => Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    var first = Interlocked.Add(ref next, options.Batch) - options.Batch;
                    var batch = Enumerable.Range(0, options.Batch).Select(i => first + i).ToList();
                    Interlocked.Increment(ref sentBatches);
                    try
                    {
                        using var response = await http.PostAsJsonAsync("/api/telemetry", batch.Select(n =>
                            Reading($"SOAK-{runTag}-{n % shipments}", $"s{n}", t0.AddMilliseconds(n * 100), path[n % path.Length].Lat, path[n % path.Length].Lon)));
                        if (response.StatusCode == HttpStatusCode.Accepted)
                        {
                            foreach (var n in batch) acknowledged.AddOrUpdate((int)(n % shipments), 1, (_, c) => c + 1);
                            Interlocked.Increment(ref acknowledgedBatches);
                        }
                        else if (response.StatusCode == HttpStatusCode.BadRequest)
                            throw new InvalidOperationException("the soak's own readings were refused: " + await response.Content.ReadAsStringAsync());
                        else
                        {
                            refused.AddOrUpdate(((int)response.StatusCode).ToString(), 1, (_, c) => c + 1);
                            if (response.StatusCode == HttpStatusCode.ServiceUnavailable) await Task.Delay(200);
                        }
                    }
                    catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                    {
                        refused.AddOrUpdate("no answer", 1, (_, c) => c + 1);
                        await Task.Delay(100);
                    }
                }
            })).ToList();

            await Task.Delay(TimeSpan.FromSeconds(4 + random.NextDouble() * 8), ct);
            var killed = Stopwatch.StartNew();
            if (random.Next(3) == 0)
            {
                // Storage alone: the host restarts it; the senders carry on through the 503s.
                storageKills++;
                var before = app.AzuritePid;
                Visibility.Integration.Tests.Hosting.HostProcess.Signal(before, EmbeddedApplication.SigKill);
                while (!ct.IsCancellationRequested && (SafePid(app) is not { } now || now == before || !await ReadyAsync(app))) await Task.Delay(50, ct);
                recoveries.Add(killed.Elapsed.TotalMilliseconds);
                await Task.Delay(TimeSpan.FromSeconds(1), ct);
                stop.Cancel();
                await Task.WhenAll(senders);
            }
            else
            {
                wholeKills++;
                await app.CrashAsync();
                stop.Cancel();
                await Task.WhenAll(senders);
                killed.Restart();
                await app.StartAgainAsync();
                recoveries.Add(killed.Elapsed.TotalMilliseconds);
            }
        }

        long totalAcknowledged = 0, totalApplied = 0, lost = 0;
        var lostShipments = new List<string>();
        for (var s = 0; s < shipments; s++)
        {
            var applied = (await GetAsync(app.Http, $"SOAK-{runTag}-{s}")).GetProperty("readings").GetInt32();
            var acked = acknowledged.GetValueOrDefault(s);
            totalAcknowledged += acked;
            totalApplied += applied;
            if (applied < acked)
            {
                lost += acked - applied;
                lostShipments.Add($"SOAK-{runTag}-{s} ({acked} acknowledged, {applied} applied)");
            }
        }

        Out.Line("kills", $"{wholeKills} of the whole application (SIGKILL host group + Azurite), {storageKills} of Azurite alone");
        Out.Line("batches", $"{sentBatches:N0} sent, {acknowledgedBatches:N0} acknowledged (202), not acknowledged: {string.Join(", ", refused.Select(r => $"{r.Key} ×{r.Value}"))}");
        Out.Line("readings acknowledged", $"{totalAcknowledged:N0}");
        Out.Line("readings applied", $"{totalApplied:N0} (≥ acknowledged: unacknowledged ones may land too)");
        Out.Line("acknowledged and lost", $"{lost:N0}{(lost == 0 ? "  PASS" : "  FAIL: " + string.Join("; ", lostShipments.Take(5)))}");
        if (recoveries.Count > 0)
            Out.Line("back to ready after a kill", $"median {Percentile(recoveries, 0.5) / 1000:0.0} s, max {recoveries.Max() / 1000:0.0} s (whole-application kills include the host's start)");
    }

    private static async Task CreateAsync(HttpClient http, string id)
    {
        using var response = await http.PostAsJsonAsync("/api/shipments", new
        {
            id, reference = "PO-" + id, mode = "ocean", origin = "CNSHA", destination = "USLAX",
            plannedDeparture = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(-1), TimeSpan.Zero).ToString("O"),
            cargo = new[] { new { partNumber = "IC-MCU-32F4", quantity = 10, factoryId = "F-MTY" } },
        });
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"booking {id}: {(int)response.StatusCode}");
    }

    private static async Task<(double Lat, double Lon)[]> RouteAsync(HttpClient http, string id)
    {
        var route = await http.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/shipments/{id}/route");
        return route.GetProperty("path").EnumerateArray().Select(p => (p[1].GetDouble(), p[0].GetDouble())).ToArray();
    }

    private static object Reading(string shipmentId, string messageId, DateTimeOffset at, double lat, double lon) => new
    {
        messageId, shipmentId, timestamp = at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture),
        lat, lon, speedKnots = 17.0,
    };

    private static Task<System.Text.Json.JsonElement> GetAsync(HttpClient http, string id) =>
        http.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/shipments/{id}");

    private static int? SafePid(EmbeddedApplication app)
    {
        try { return app.AzuritePid; }
        catch (IOException) { return null; }
        catch (FormatException) { return null; }
    }

    private static async Task<bool> ReadyAsync(EmbeddedApplication app)
    {
        try
        {
            using var ready = await app.Http.GetAsync("/health/ready");
            return ready.IsSuccessStatusCode;
        }
        catch (HttpRequestException) { return false; }
    }

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[(int)Math.Min(sorted.Count - 1, Math.Floor(p * sorted.Count))];
    }
}
