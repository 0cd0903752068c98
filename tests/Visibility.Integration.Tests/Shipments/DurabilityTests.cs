using static Visibility.Integration.Tests.Shipments.ShipmentApi;

namespace Visibility.Integration.Tests.Shipments;

public sealed class DurabilityFixture : HostFixture
{
    // A long checkpoint interval: the crash test must find readings that exist only in the ingest log.
    protected override IDictionary<string, string> Settings => new Dictionary<string, string> { ["Ingest:CheckpointSeconds"] = "3600" };
}

/// <summary>"202 means durable": state survives a graceful restart and every acknowledged reading survives a crash.</summary>
[Collection("host")]
public sealed class DurabilityTests(DurabilityFixture fx) : IClassFixture<DurabilityFixture>
{
    [Fact]
    public async Task Acknowledged_readings_survive_a_crash_and_state_survives_restarts()
    {
        var http = fx.Host.Http;
        const int shipments = 20, readingsEach = 25;
        for (int s = 0; s < shipments; s++) await CreateAsync(http, Booking($"DUR-{s}", destination: s % 2 == 0 ? "USLAX" : "NLRTM"));
        var path = await RouteAsync(http, "DUR-0");
        var t0 = DateTimeOffset.UtcNow.AddHours(-3);

        // Many concurrent batches, then SIGKILL the moment the last 202 arrives: nothing was checkpointed yet.
        var posts = Enumerable.Range(0, readingsEach).Select(i =>
        {
            var batch = Enumerable.Range(0, shipments).Select(s =>
                (object)Reading($"DUR-{s}", $"r{i}", t0.AddMinutes(i), path[Math.Min(i, path.Length - 1)].Lat, path[Math.Min(i, path.Length - 1)].Lon));
            return PostTelemetryAsync(http, batch);
        }).ToList();
        var acks = await Task.WhenAll(posts);
        Assert.Equal(shipments * readingsEach, acks.Sum(a => a.GetProperty("accepted").GetInt32()));
        await fx.RestartAsync(crash: true);

        http = fx.Host.Http;
        for (int s = 0; s < shipments; s++)
        {
            var view = await GetAsync(http, $"DUR-{s}");
            Assert.Equal(readingsEach, view.GetProperty("readings").GetInt32());
        }
        var last = path[Math.Min(readingsEach - 1, path.Length - 1)];
        Assert.Equal(last.Lat, (await GetAsync(http, "DUR-0")).GetProperty("position").GetProperty("lat").GetDouble(), 4);

        // The map picture is rebuilt from the woken grains: every shipment is listed again, not only those that report.
        int listed = 0;
        for (int i = 0; i < 40 && listed < shipments; i++, await Task.Delay(250))
            listed = (await http.GetFromJsonAsync<JsonElement>("/api/shipments?limit=1")).GetProperty("total").GetInt32();
        Assert.Equal(shipments, listed);

        // Re-sending after recovery is recognised as duplicates: replay did not lose the de-duplication memory.
        var resend = await PostTelemetryAsync(http, [Reading("DUR-3", "r7", t0.AddMinutes(7), path[7].Lat, path[7].Lon)]);
        Assert.Equal(1, resend.GetProperty("duplicates").GetInt32());

        // And a graceful restart keeps it all too.
        await fx.RestartAsync(crash: false);
        Assert.Equal(readingsEach, (await GetAsync(fx.Host.Http, "DUR-5")).GetProperty("readings").GetInt32());
    }
}
