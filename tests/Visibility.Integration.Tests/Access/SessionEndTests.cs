using System.Security.Cryptography;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using static Visibility.Integration.Tests.Shipments.ShipmentApi;

namespace Visibility.Integration.Tests.Access;

public sealed class SessionFixture : HostFixture
{
    public static readonly byte[] Key = RandomNumberGenerator.GetBytes(32);

    // A known key, so the expiry test can issue a token that lives a few seconds (the host's own last Auth:TokenLifetimeMinutes).
    protected override IDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Demo:Seed"] = "false",
        ["Auth:SigningKey"] = Convert.ToBase64String(Key),
    };
}

/// <summary>
/// A live hub connection lasts as long as its session: disabling the user or the token's expiry closes it within
/// seconds, nothing arrives after that, and the same token cannot connect again.
/// </summary>
[Collection("host")]
public sealed class SessionEndTests(SessionFixture fx) : IClassFixture<SessionFixture>
{
    private const string Password = "session-password";

    /// <summary>A hub client on the map feed that counts the deltas it gets and notes when it was closed.</summary>
    private sealed class MapClient : IAsyncDisposable
    {
        private int _deltas;
        public HubConnection Connection { get; }
        public TaskCompletionSource<DateTime> Closed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public int Deltas => Volatile.Read(ref _deltas);

        public MapClient(HostProcess host, string token)
        {
            Connection = host.Hub(token);
            Connection.On<JsonElement>("mapDelta", _ => Interlocked.Increment(ref _deltas));
            Connection.Closed += _ => { Closed.TrySetResult(DateTime.UtcNow); return Task.CompletedTask; };
        }

        public async Task StartAsync()
        {
            await Connection.StartAsync();
            await Connection.InvokeAsync<JsonElement>("SubscribeMap");
        }

        /// <summary>Deltas keep coming while the feeder moves a shipment: the connection is alive and subscribed.</summary>
        public async Task ReceivesDeltasAsync()
        {
            int before = Deltas;
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (Deltas < before + 2 && DateTime.UtcNow < deadline) await Task.Delay(100);
            Assert.True(Deltas >= before + 2, $"the map client got {Deltas - before} deltas in 10 s");
        }

        public ValueTask DisposeAsync() => Connection.DisposeAsync();
    }

    /// <summary>Posts a reading every 300 ms so the map sends a delta every flush while a test watches.</summary>
    private async Task<(CancellationTokenSource Stop, Task Running)> FeedAsync(string shipmentId)
    {
        await CreateAsync(fx.Host.Http, Booking(shipmentId));
        var path = await RouteAsync(fx.Host.Http, shipmentId);
        var stop = new CancellationTokenSource();
        var running = Task.Run(async () =>
        {
            for (int i = 0; !stop.IsCancellationRequested; i++)
            {
                var p = path[i % path.Length];
                await PostTelemetryAsync(fx.Host.Http, [Reading(shipmentId, $"{shipmentId}-{i}", DateTimeOffset.UtcNow.AddSeconds(-1), p.Lat, p.Lon)]);
                try { await Task.Delay(300, stop.Token); } catch (OperationCanceledException) { }
            }
        });
        return (stop, running);
    }

    private async Task<string> UserTokenAsync(string username)
    {
        using (var r = await fx.Host.Http.PostAsJsonAsync("/api/users", new { username, password = Password, role = "operator" }))
            Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        return await TestAuth.TokenAsync(fx.Host.Http, username, Password);
    }

    private static async Task AssertRefusedAsync(HostProcess host, string token)
    {
        await using var again = host.Hub(token);
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => again.StartAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task Disabling_a_user_closes_its_hub_connections_within_5_s_and_its_token_cannot_connect_or_subscribe_again()
    {
        var token = await UserTokenAsync("live-disabled");
        var (stop, feeding) = await FeedAsync("SE-DIS");
        try
        {
            await using var passive = new MapClient(fx.Host, token);   // only listens: the silo's re-check must end it
            await using var active = new MapClient(fx.Host, token);    // calls the hub right after the disable
            await passive.StartAsync();
            await active.StartAsync();
            await passive.ReceivesDeltasAsync();

            var disabledAt = DateTime.UtcNow;
            using (var r = await fx.Host.Http.PostAsync("/api/users/live-disabled/disable", null)) Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            await Assert.ThrowsAnyAsync<Exception>(() => active.Connection.InvokeAsync<JsonElement>("SubscribeMap"));

            var closedAt = await passive.Closed.Task.WaitAsync(TimeSpan.FromSeconds(15));
            Assert.True(closedAt - disabledAt <= TimeSpan.FromSeconds(5), $"closed {(closedAt - disabledAt).TotalSeconds:0.0} s after the disable");
            await active.Closed.Task.WaitAsync(TimeSpan.FromSeconds(5));
            // The feeder is still moving the shipment: nothing more reaches the closed client.
            int atClose = passive.Deltas;
            await Task.Delay(1500);
            Assert.Equal(atClose, passive.Deltas);
            Assert.Equal(HubConnectionState.Disconnected, passive.Connection.State);

            await AssertRefusedAsync(fx.Host, token);
        }
        finally
        {
            stop.Cancel();
            await feeding;
        }
    }

    [Fact]
    public async Task A_hub_connection_closes_within_seconds_of_its_tokens_expiry_and_the_token_cannot_connect_again()
    {
        await UserTokenAsync("live-expiring");
        // The host's own token shape and kid, living 8 s (exp has whole seconds).
        var kid = new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(fx.Host.AdminToken).Kid;
        var now = DateTime.UtcNow;
        var expires = new DateTime(now.Ticks - now.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc).AddSeconds(8);
        var token = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "visibility", Audience = "visibility",
            Claims = new Dictionary<string, object> { ["sub"] = "live-expiring", ["role"] = "operator", ["name"] = "live-expiring" },
            IssuedAt = now, NotBefore = now, Expires = expires,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(SessionFixture.Key) { KeyId = kid }, SecurityAlgorithms.HmacSha256),
        });
        var (stop, feeding) = await FeedAsync("SE-EXP");
        try
        {
            await using var client = new MapClient(fx.Host, token);
            await client.StartAsync();
            await client.ReceivesDeltasAsync();

            var closedAt = await client.Closed.Task.WaitAsync(TimeSpan.FromSeconds(30));
            // Closed by the expiry: not before it (minus the clocks' rounding), and within a few seconds after it.
            Assert.True(closedAt >= expires.AddSeconds(-1), $"closed {(expires - closedAt).TotalSeconds:0.0} s before the token expired");
            Assert.True(closedAt <= expires.AddSeconds(3), $"closed {(closedAt - expires).TotalSeconds:0.0} s after the token expired");
            int atClose = client.Deltas;
            await Task.Delay(1500);
            Assert.Equal(atClose, client.Deltas);

            // Within the validators' clock skew, but expired: refused.
            await AssertRefusedAsync(fx.Host, token);
        }
        finally
        {
            stop.Cancel();
            await feeding;
        }
    }
}
