using System.Collections.Concurrent;
using Visibility.Integration.Tests.Disruptions;
using static Visibility.Integration.Tests.Shipments.ShipmentApi;

namespace Visibility.Integration.Tests.Faults;

/// <summary>
/// "Acknowledged means durable" when the whole application dies: SIGKILL to the host's process group and its embedded
/// Azurite at the same instant, right after the answers, before Azurite's own 5 s index save could run.
/// </summary>
[Collection("host")]
public sealed class CrashTests
{
    [Fact]
    public async Task Every_kind_of_acknowledged_write_survives_a_kill_of_the_whole_application()
    {
        await using var app = await EmbeddedApplication.StartAsync("crash-kinds");
        var http = app.Http;
        var t0 = DateTimeOffset.UtcNow.AddHours(-2);

        // One acknowledged write of each kind, then the kill within milliseconds of the last answer.
        for (var i = 0; i < 5; i++) await CreateAsync(http, Booking($"CRASH-{i}"));
        var trackerKey = await TestAuth.CreateDeviceAsync(http, "crash-tracker", "CRASH-0");
        using (var user = await http.PostAsJsonAsync("/api/users", new { username = "crash-operator", password = "crash-operator-pass", role = "operator", displayName = "Crash" }))
            Assert.Equal(HttpStatusCode.Created, user.StatusCode);
        await DisruptionApi.DeclareAsync(http, DisruptionApi.Closure("crash-suez", "suez"));
        var path = await RouteAsync(http, "CRASH-1");
        var ack = await PostTelemetryAsync(http, Enumerable.Range(0, 10).Select(i =>
            (object)Reading("CRASH-1", $"c{i}", t0.AddMinutes(i), path[i].Lat, path[i].Lon)));
        Assert.Equal(10, ack.GetProperty("accepted").GetInt32());
        await app.CrashAsync();

        await app.StartAgainAsync();
        http = app.Http;
        for (var i = 0; i < 5; i++) Assert.Equal($"CRASH-{i}", (await GetAsync(http, $"CRASH-{i}")).GetProperty("id").GetString());
        Assert.Equal(10, (await GetAsync(http, "CRASH-1")).GetProperty("readings").GetInt32());
        using (var disruption = await http.GetAsync("/api/disruptions/crash-suez")) Assert.Equal(HttpStatusCode.OK, disruption.StatusCode);
        await TestAuth.TokenAsync(http, "crash-operator", "crash-operator-pass");

        // The tracker key shown once still opens the door.
        using var tracker = new HttpClient { BaseAddress = http.BaseAddress };
        tracker.DefaultRequestHeaders.Add("X-Device-Key", trackerKey);
        using var reading = await tracker.PostAsJsonAsync("/api/telemetry", new[] { Reading("CRASH-0", "k1", t0, path[0].Lat, path[0].Lon) });
        Assert.Equal(HttpStatusCode.Accepted, reading.StatusCode);
    }

    [Fact]
    public async Task Acknowledged_readings_survive_repeated_kills_during_sustained_ingest()
    {
        await using var app = await EmbeddedApplication.StartAsync("crash-ingest");
        const int shipments = 40;
        for (var s = 0; s < shipments; s++) await CreateAsync(app.Http, Booking($"SOAK-{s}"));
        var path = await RouteAsync(app.Http, "SOAK-0");
        var t0 = DateTimeOffset.UtcNow.AddDays(-1);

        // Reading ids acknowledged per shipment (from 202 answers only), over three kills in the middle of the ingest.
        var acknowledged = new ConcurrentDictionary<string, ConcurrentDictionary<int, bool>>();
        var sent = new ConcurrentDictionary<string, ConcurrentDictionary<int, bool>>();
        var next = 0;
        long answered = 0, refused = 0;
        for (var round = 0; round < 3; round++)
        {
            using var stop = new CancellationTokenSource();
            var http = app.Http;
            var senders = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    var first = Interlocked.Add(ref next, 25) - 25;
                    var batch = Enumerable.Range(first, 25).Select(n => (Shipment: $"SOAK-{n % shipments}", N: n)).ToList();
                    foreach (var b in batch) sent.GetOrAdd(b.Shipment, _ => new())[b.N] = true;
                    try
                    {
                        using var response = await http.PostAsJsonAsync("/api/telemetry", batch.Select(b =>
                            (object)Reading(b.Shipment, $"m{b.N}", t0.AddSeconds(b.N), path[b.N % path.Length].Lat, path[b.N % path.Length].Lon)));
                        if (response.StatusCode != HttpStatusCode.Accepted) { Interlocked.Increment(ref refused); continue; }
                        foreach (var b in batch) acknowledged.GetOrAdd(b.Shipment, _ => new())[b.N] = true;
                        Interlocked.Increment(ref answered);
                    }
                    catch (HttpRequestException) { Interlocked.Increment(ref refused); }
                    catch (TaskCanceledException) { Interlocked.Increment(ref refused); }
                }
            })).ToList();
            await Task.Delay(TimeSpan.FromSeconds(3 + round));
            await app.CrashAsync();   // mid-flight: requests in progress die with it
            stop.Cancel();
            await Task.WhenAll(senders);
            await app.StartAgainAsync();
        }

        Assert.True(answered > 50, $"only {answered} batches were acknowledged");
        var lost = new List<string>();
        foreach (var (shipment, ids) in acknowledged)
        {
            var applied = (await GetAsync(app.Http, shipment)).GetProperty("readings").GetInt32();
            if (applied < ids.Count) lost.Add($"{shipment}: {ids.Count} acknowledged, {applied} applied");
            // And none twice: a replay after a crash is recognised by reading id.
            Assert.True(applied <= sent[shipment].Count, $"{shipment}: {applied} applied but only {sent[shipment].Count} sent");
        }
        Assert.True(lost.Count == 0, $"acknowledged readings lost ({answered} batches acknowledged, {refused} not): {string.Join("; ", lost)}");
    }
}
