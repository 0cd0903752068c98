using static Visibility.Integration.Tests.Shipments.ShipmentApi;

namespace Visibility.Integration.Tests.Shipments;

/// <summary>
/// The telemetry idempotency window over HTTP: a tracker's retry long after (300 newer readings of the same shipment,
/// more than the 128 once remembered) is still a duplicate, also after a graceful restart (grain state) and a crash
/// (ingest-log replay); a reading older than the window is answered as stale and not applied.
/// </summary>
[Collection("host")]
public sealed class IdempotencyWindowTests(DurabilityFixture fx) : IClassFixture<DurabilityFixture>
{
    private static int Count(JsonElement ack, string name) => ack.GetProperty(name).GetInt32();

    [Fact]
    public async Task A_retry_after_300_newer_readings_is_a_duplicate_before_and_after_restarts()
    {
        var http = fx.Host.Http;
        await CreateAsync(http, Booking("IDW-1"));
        var path = await RouteAsync(http, "IDW-1");
        var t0 = DateTimeOffset.UtcNow.AddHours(-2);
        (double Lat, double Lon) At(int i) => path[Math.Min(i * path.Length / 400, path.Length - 1)];
        object First() => Reading("IDW-1", "first", t0, At(0).Lat, At(0).Lon);

        var ack = await PostTelemetryAsync(http, [First()]);
        Assert.Equal((1, 0, 0), (Count(ack, "accepted"), Count(ack, "duplicates"), Count(ack, "stale")));
        for (int batch = 0; batch < 3; batch++)
        {
            var readings = Enumerable.Range(1 + batch * 100, 100).Select(i => (object)Reading("IDW-1", $"n{i}", t0.AddSeconds(10 * i), At(i).Lat, At(i).Lon));
            Assert.Equal(100, Count(await PostTelemetryAsync(http, readings), "accepted"));
        }
        var before = await GetAsync(http, "IDW-1");
        Assert.Equal(301, before.GetProperty("readings").GetInt32());

        async Task RetryIsADuplicate(string when)
        {
            var client = fx.Host.Http;
            var retry = await PostTelemetryAsync(client, [First(), Reading("IDW-1", "n150", t0.AddSeconds(1500), At(150).Lat, At(150).Lon)]);
            Assert.True((0, 2, 0) == (Count(retry, "accepted"), Count(retry, "duplicates"), Count(retry, "stale")), $"{when}: {retry}");
            var view = await GetAsync(client, "IDW-1");
            Assert.Equal(301, view.GetProperty("readings").GetInt32());
            Assert.Equal(before.GetProperty("position").GetProperty("lat").GetDouble(), view.GetProperty("position").GetProperty("lat").GetDouble(), 6);
            Assert.Equal(before.GetProperty("position").GetProperty("lon").GetDouble(), view.GetProperty("position").GetProperty("lon").GetDouble(), 6);
        }
        await RetryIsADuplicate("before any restart");

        // A reading more than 24 h older than the shipment's newest: it might be a replay of one let go of long ago.
        var stale = await PostTelemetryAsync(http, [Reading("IDW-1", "from-yesterday", t0.AddHours(-25), At(0).Lat, At(0).Lon)]);
        Assert.Equal((0, 0, 1), (Count(stale, "accepted"), Count(stale, "duplicates"), Count(stale, "stale")));

        // Crash: nothing was checkpointed (the fixture's interval is an hour): the window comes back from the log replay.
        await fx.RestartAsync(crash: true);
        await RetryIsADuplicate("after a crash and the ingest-log replay");

        // Graceful: the grain wrote its state, window included.
        await fx.RestartAsync(crash: false);
        await RetryIsADuplicate("after a graceful restart");

        // The window still takes new readings after all that.
        var fresh = await PostTelemetryAsync(fx.Host.Http, [Reading("IDW-1", "n301", t0.AddSeconds(3010), At(301).Lat, At(301).Lon)]);
        Assert.Equal(1, Count(fresh, "accepted"));
        Assert.Equal(302, (await GetAsync(fx.Host.Http, "IDW-1")).GetProperty("readings").GetInt32());
    }
}
