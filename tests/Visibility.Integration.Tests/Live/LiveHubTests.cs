using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;
using static Visibility.Integration.Tests.Shipments.ShipmentApi;

namespace Visibility.Integration.Tests.Live;

public sealed class LiveHubFixture : HostFixture;

/// <summary>A SignalR client gets the map snapshot, then batched deltas carrying the shipment's new position and alerts.</summary>
[Collection("host")]
public sealed class LiveHubTests(LiveHubFixture fx) : IClassFixture<LiveHubFixture>
{
    private async Task<HubConnection> ConnectAsync()
    {
        var connection = fx.Host.Hub();
        await connection.StartAsync();
        return connection;
    }

    [Fact]
    public async Task Map_subscriber_gets_a_snapshot_then_the_update_in_a_delta()
    {
        await CreateAsync(fx.Host.Http, Booking("LIVE-1"));
        var path = await RouteAsync(fx.Host.Http, "LIVE-1");
        await using var connection = await ConnectAsync();
        var deltas = Channel.CreateUnbounded<JsonElement>();
        connection.On<JsonElement>("mapDelta", d => deltas.Writer.TryWrite(d));

        JsonElement snapshot = default;
        for (int i = 0; i < 20; i++) // the new shipment reaches the map picture within a flush or two
        {
            snapshot = await connection.InvokeAsync<JsonElement>("SubscribeMap");
            if (snapshot.GetProperty("markers").EnumerateArray().Any(m => m[0].GetString() == "LIVE-1")) break;
            await Task.Delay(250);
        }
        var marker = snapshot.GetProperty("markers").EnumerateArray().Single(m => m[0].GetString() == "LIVE-1");
        Assert.Equal(0, marker[5].GetInt32()); // planned
        Assert.True(snapshot.GetProperty("counts").GetProperty("total").GetInt32() >= 1);

        var p = path[path.Length / 2];
        var sent = DateTime.UtcNow;
        await PostTelemetryAsync(fx.Host.Http, [Reading("LIVE-1", "l1", DateTimeOffset.UtcNow.AddSeconds(-1), p.Lat, p.Lon)]);

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            var delta = await deltas.Reader.ReadAsync(timeout.Token);
            var update = delta.GetProperty("markers").EnumerateArray().FirstOrDefault(m => m[0].GetString() == "LIVE-1");
            if (update.ValueKind == JsonValueKind.Undefined || update[5].GetInt32() != 1) continue;
            Assert.Equal(p.Lat, update[1].GetDouble(), 3);
            Assert.Equal(p.Lon, update[2].GetDouble(), 3);
            Assert.True(DateTime.UtcNow - sent < TimeSpan.FromSeconds(2), "update reached the client within the push budget");
            Assert.True(delta.GetProperty("seq").GetInt64() > snapshot.GetProperty("seq").GetInt64());
            break;
        }
    }

    [Fact]
    public async Task Watching_a_shipment_pushes_its_full_view_when_it_changes()
    {
        await CreateAsync(fx.Host.Http, Booking("LIVE-2", reefer: new { minC = 2, maxC = 8 }));
        var path = await RouteAsync(fx.Host.Http, "LIVE-2");
        await using var connection = await ConnectAsync();
        var views = Channel.CreateUnbounded<JsonElement>();
        connection.On<JsonElement>("shipment", v => views.Writer.TryWrite(v));
        var initial = await connection.InvokeAsync<JsonElement>("WatchShipment", "LIVE-2");
        Assert.Equal("LIVE-2", initial.GetProperty("id").GetString());
        Assert.Equal(JsonValueKind.Null, (await connection.InvokeAsync<JsonElement>("WatchShipment", "NO-SUCH")).ValueKind);

        await PostTelemetryAsync(fx.Host.Http, [Reading("LIVE-2", "w1", DateTimeOffset.UtcNow.AddSeconds(-1), path[2].Lat, path[2].Lon, temperatureC: 4.5)]);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        // A push for the booking itself may still be on its way; the one after the reading carries its telemetry.
        JsonElement pushed;
        do pushed = await views.Reader.ReadAsync(timeout.Token);
        while (pushed.GetProperty("lastTelemetry").ValueKind == JsonValueKind.Null);
        Assert.Equal("LIVE-2", pushed.GetProperty("id").GetString());
        Assert.Equal(4.5, pushed.GetProperty("lastTelemetry").GetProperty("temperatureC").GetDouble());
    }
}
