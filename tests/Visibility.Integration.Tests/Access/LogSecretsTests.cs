using System.Net.Http.Headers;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using static Visibility.Integration.Tests.Shipments.ShipmentApi;

namespace Visibility.Integration.Tests.Access;

/// <summary>
/// Logging turned up as far as anyone would in production (everything at Verbose, ASP.NET Core at Debug, so requests
/// are logged with their full URL, query string included): a secret that reaches any logger would reach the file.
/// </summary>
public sealed class LogSecretsFixture : HostFixture
{
    protected override IDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Demo:Seed"] = "false",
        ["Serilog:MinimumLevel:Default"] = "Verbose",
        ["Serilog:MinimumLevel:Override:Microsoft.AspNetCore"] = "Debug",
    };
}

/// <summary>After sign-in, a hub connection and telemetry, the host's log holds no token, tracker key or password.</summary>
[Collection("host")]
public sealed class LogSecretsTests(LogSecretsFixture fx) : IClassFixture<LogSecretsFixture>
{
    private const string UserPassword = "log-user-password-1234";
    private const string WrongPassword = "wrong-password-5678";

    [Fact]
    public async Task The_log_holds_no_token_key_or_password()
    {
        var admin = fx.Host.Http;
        using (var r = await admin.PostAsJsonAsync("/api/users", new { username = "log-user", password = UserPassword, role = "operator" }))
            Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        using var anonymous = new HttpClient { BaseAddress = new Uri(fx.Host.BaseUrl) };
        using (var r = await anonymous.PostAsJsonAsync("/api/auth/token", new { username = "log-user", password = WrongPassword }))
            Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode);
        var token = await TestAuth.TokenAsync(anonymous, "log-user", UserPassword);

        // The hub: the browser way (WebSockets, token in the query string) and long polling (token on every poll).
        foreach (var transport in new[] { HttpTransportType.WebSockets, HttpTransportType.LongPolling })
        {
            await using var hub = new HubConnectionBuilder()
                .WithUrl(fx.Host.BaseUrl + "/hubs/live", transport, o => o.AccessTokenProvider = () => Task.FromResult<string?>(token))
                .Build();
            await hub.StartAsync();
            await hub.InvokeAsync<JsonElement>("SubscribeMap");
        }
        // What a browser's WebSocket or SSE request looks like: the token in the query string (the .NET client above
        // sends a header instead). The connection id is made up, so the hub refuses it after signing the caller in.
        using (var raw = await anonymous.GetAsync($"/hubs/live?id=made-up&access_token={token}"))
            Assert.NotEqual(HttpStatusCode.Unauthorized, raw.StatusCode);
        // A token where only the hub reads it, and a bearer header, on an API call.
        using (var client = new HttpClient { BaseAddress = new Uri(fx.Host.BaseUrl) })
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var r = await client.GetAsync($"/api/locations/CNSHA?access_token={token}");
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        }

        // Telemetry with the gateway's key, and refused with a revoked one.
        await CreateAsync(admin, Booking("LOG-1"));
        var path = await RouteAsync(admin, "LOG-1");
        await PostTelemetryAsync(admin, [Reading("LOG-1", "log-m1", DateTimeOffset.UtcNow.AddMinutes(-3), path[2].Lat, path[2].Lon)]);
        var revoked = await TestAuth.CreateDeviceAsync(admin, "log-tracker", "LOG-1");
        using (var r = await admin.PostAsync("/api/devices/log-tracker/revoke", null)) Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        using (var client = new HttpClient { BaseAddress = new Uri(fx.Host.BaseUrl) })
        {
            client.DefaultRequestHeaders.Add("X-Device-Key", revoked);
            using var r = await client.PostAsJsonAsync("/api/telemetry", new[] { Reading("LOG-1", "log-m2", DateTimeOffset.UtcNow.AddMinutes(-2), path[2].Lat, path[2].Lon) });
            Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode);
        }

        await Task.Delay(1000); // the console sink and the log file writer catch up
        var log = await ReadLogAsync();
        var secrets = new Dictionary<string, string>
        {
            ["the user's token"] = token,
            ["the admin's token"] = fx.Host.AdminToken,
            ["the gateway's key"] = fx.Host.GatewayKey,
            ["the gateway key's secret"] = fx.Host.GatewayKey[(fx.Host.GatewayKey.LastIndexOf('.') + 1)..],
            ["the revoked key's secret"] = revoked[(revoked.LastIndexOf('.') + 1)..],
            ["the user's password"] = UserPassword,
            ["a wrong password"] = WrongPassword,
            ["the admin's password"] = TestAuth.AdminPassword,
            // A token's signature alone is enough to recognise (and with its payload, to replay) it.
            ["the user's token signature"] = token[(token.LastIndexOf('.') + 1)..],
        };
        var leaked = secrets.Where(s => log.Contains(s.Value, StringComparison.Ordinal)).Select(s => s.Key).ToArray();
        Assert.True(leaked.Length == 0, $"the log ({fx.Host.LogPath}) holds {string.Join(", ", leaked)}");

        // The test would catch a leak: the requests above were logged, URL and all, with the secrets masked.
        Assert.Contains("/hubs/live", log);
        Assert.Contains("access_token=[redacted]", log);
        Assert.Contains("/api/telemetry", log);
        Assert.Contains("log-user", log);
    }

    private async Task<string> ReadLogAsync()
    {
        await using var stream = new FileStream(fx.Host.LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync();
    }
}
