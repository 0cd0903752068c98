using System.Collections.Concurrent;
using System.Diagnostics;
using static Visibility.Integration.Tests.Shipments.ShipmentApi;

namespace Visibility.Integration.Tests.Faults;

/// <summary>
/// Storage down or stalled: writes are answered 503 with Retry-After within seconds (never 2xx), reads from memory go on,
/// readiness says why, the host restarts its storage process, and writes resume by themselves with nothing lost.
/// </summary>
[Collection("host")]
public sealed class StorageFaultTests
{
    private static readonly TimeSpan FastAnswer = TimeSpan.FromSeconds(8);

    [Fact]
    public async Task A_killed_storage_process_is_restarted_and_ingest_resumes_without_losing_acknowledged_readings()
    {
        // A checkpoint every second: one is sure to fail while storage is down, and must not drop readings only the log holds.
        await using var app = await EmbeddedApplication.StartAsync("storage-kill", new Dictionary<string, string> { ["Ingest:CheckpointSeconds"] = "1" });
        const int shipments = 10;
        for (var s = 0; s < shipments; s++) await CreateAsync(app.Http, Booking($"SK-{s}"));
        var path = await RouteAsync(app.Http, "SK-0");
        var t0 = DateTimeOffset.UtcNow.AddDays(-1);

        var acknowledged = new ConcurrentDictionary<string, int>();
        var statuses = new ConcurrentDictionary<int, int>();
        var retryAfterOn503 = true;
        var next = 0;
        using var stop = new CancellationTokenSource();
        var sender = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var n = Interlocked.Add(ref next, 10) - 10;
                var batch = Enumerable.Range(n, 10).Select(i => (Shipment: $"SK-{i % shipments}", N: i)).ToList();
                using var response = await app.Http.PostAsJsonAsync("/api/telemetry", batch.Select(b =>
                    (object)Reading(b.Shipment, $"k{b.N}", t0.AddSeconds(b.N), path[b.N % path.Length].Lat, path[b.N % path.Length].Lon)));
                statuses.AddOrUpdate((int)response.StatusCode, 1, (_, c) => c + 1);
                if (response.StatusCode == HttpStatusCode.Accepted)
                    foreach (var b in batch) acknowledged.AddOrUpdate(b.Shipment, 1, (_, c) => c + 1);
                else if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
                {
                    retryAfterOn503 &= response.Headers.RetryAfter is not null
                        && (await response.Content.ReadAsStringAsync()).Contains("\"status\":503");
                    await Task.Delay(100);
                }
            }
        });

        await Task.Delay(2000);
        var before = app.AzuritePid;
        HostProcess.Signal(before, EmbeddedApplication.SigKill);
        var sawNotReady = await PollAsync(TimeSpan.FromSeconds(5), async () =>
        {
            using var ready = await app.Http.GetAsync("/health/ready");
            return ready.StatusCode == HttpStatusCode.ServiceUnavailable && (await ready.Content.ReadAsStringAsync()).Contains("unavailable");
        });
        var recovered = await PollAsync(TimeSpan.FromSeconds(30), async () =>
        {
            using var ready = await app.Http.GetAsync("/health/ready");
            return ready.IsSuccessStatusCode && EmbeddedApplication.IsRunning(app.AzuritePid) && app.AzuritePid != before;
        });
        var acceptedBeforeResume = statuses.GetValueOrDefault(202);
        await Task.Delay(2000);
        stop.Cancel();
        await sender;

        Assert.True(sawNotReady, "readiness never reported storage unavailable");
        Assert.True(recovered, "the storage process was not restarted");
        Assert.True(statuses.GetValueOrDefault(202) > acceptedBeforeResume, "ingest did not resume by itself");
        Assert.True(statuses.Keys.All(code => code is 202 or 503), $"unexpected answers: {string.Join(", ", statuses.Select(s => $"{s.Key}×{s.Value}"))}");
        Assert.True(retryAfterOn503, "a 503 came without Retry-After or problem details");
        foreach (var (shipment, count) in acknowledged)
        {
            var applied = (await GetAsync(app.Http, shipment)).GetProperty("readings").GetInt32();
            Assert.True(applied >= count, $"{shipment}: {count} acknowledged, {applied} applied");
        }

        // And the restart is itself durable: a crash of everything now keeps what was acknowledged after it.
        await CreateAsync(app.Http, Booking("SK-after"));
        await app.CrashAsync();
        await app.StartAgainAsync();
        Assert.Equal("SK-after", (await GetAsync(app.Http, "SK-after")).GetProperty("id").GetString());
    }

    [Fact]
    public async Task A_stalled_storage_gets_fast_503s_reads_go_on_and_writes_resume_when_it_wakes()
    {
        await using var app = await EmbeddedApplication.StartAsync("storage-stall", new Dictionary<string, string> { ["Storage:StallRestartSeconds"] = "120" });
        await CreateAsync(app.Http, Booking("ST-1"));
        var azurite = app.AzuritePid;

        HostProcess.Signal(azurite, EmbeddedApplication.SigStop);
        try
        {
            var clock = Stopwatch.StartNew();
            using var refused = await app.Http.PostAsJsonAsync("/api/shipments", Booking("ST-2"));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.True(clock.Elapsed < FastAnswer, $"the refusal took {clock.Elapsed}");
            Assert.NotNull(refused.Headers.RetryAfter);
            Assert.Contains("Storage unavailable", await refused.Content.ReadAsStringAsync());

            // Now known down: the next write is refused at once; reads are served from memory.
            clock.Restart();
            using (var again = await app.Http.PostAsJsonAsync("/api/shipments", Booking("ST-3")))
                Assert.Equal(HttpStatusCode.ServiceUnavailable, again.StatusCode);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"the second refusal took {clock.Elapsed}");
            Assert.Equal("ST-1", (await GetAsync(app.Http, "ST-1")).GetProperty("id").GetString());
            using var ready = await app.Http.GetAsync("/health/ready");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            Assert.Contains("storage unavailable since", await ready.Content.ReadAsStringAsync());
        }
        finally
        {
            HostProcess.Signal(azurite, EmbeddedApplication.SigCont);
        }

        var resumed = await PollAsync(TimeSpan.FromSeconds(20), async () =>
        {
            using var response = await app.Http.PostAsJsonAsync("/api/shipments", Booking("ST-4"));
            return Acknowledged(response);
        });
        Assert.True(resumed, "writes did not resume after the stall");
        Assert.Equal(azurite, app.AzuritePid);   // woke up; not restarted
        await app.CrashAsync();
        await app.StartAgainAsync();
        Assert.Equal("ST-4", (await GetAsync(app.Http, "ST-4")).GetProperty("id").GetString());
    }

    [Fact]
    public async Task A_storage_process_that_stays_stalled_is_killed_and_restarted()
    {
        await using var app = await EmbeddedApplication.StartAsync("storage-stuck", new Dictionary<string, string> { ["Storage:StallRestartSeconds"] = "4" });
        await CreateAsync(app.Http, Booking("SS-1"));
        var stuck = app.AzuritePid;
        HostProcess.Signal(stuck, EmbeddedApplication.SigStop);
        var milestone = new { code = "booked", at = DateTimeOffset.UtcNow.AddDays(-1).ToString("O"), note = "posted during the stall" };
        using (var refused = await app.Http.PostAsJsonAsync("/api/shipments/SS-1/milestones", milestone))
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);

        var resumed = await PollAsync(TimeSpan.FromSeconds(40), async () =>
        {
            using var response = await app.Http.PostAsJsonAsync("/api/shipments", Booking("SS-2"));
            return Acknowledged(response);
        });
        Assert.True(resumed, "writes did not resume while the storage process stayed stopped");
        // The refused milestone's write failed after it was applied in memory; the same report again is acknowledged
        // only once it is stored.
        using (var retried = await app.Http.PostAsJsonAsync("/api/shipments/SS-1/milestones", milestone))
            Assert.True(Acknowledged(retried), $"milestone retry: {(int)retried.StatusCode}");
        Assert.NotEqual(stuck, app.AzuritePid);
        Assert.False(EmbeddedApplication.IsRunning(stuck), "the stalled process was left running");

        // What the retries acknowledged is durable, however the refused attempts before it ended.
        await app.CrashAsync();
        await app.StartAgainAsync();
        Assert.Equal("SS-2", (await GetAsync(app.Http, "SS-2")).GetProperty("id").GetString());
        Assert.Contains((await GetAsync(app.Http, "SS-1")).GetProperty("milestones").EnumerateArray(),
            m => m.GetProperty("note").GetString() == "posted during the stall");
    }

    /// <summary>
    /// A retry after 503s is acknowledged as created (201) or, when a refused attempt had landed after all, as the same
    /// booking already there (200): both promise it is durable.
    /// </summary>
    private static bool Acknowledged(HttpResponseMessage response) => response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK;

    private static async Task<bool> PollAsync(TimeSpan timeout, Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            try { if (await condition()) return true; }
            catch (HttpRequestException) { }
            await Task.Delay(200);
        }
        return false;
    }
}
