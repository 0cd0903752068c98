using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.Options;

namespace Visibility.Simulator;

/// <summary>What the simulator signs in with: a user's bearer token for bookings, and a tracker key for telemetry.</summary>
public sealed record SimulatorCredentials(string AccessToken, DateTimeOffset ExpiresAt, string DeviceKey);

/// <summary>Where the credentials come from: the public API (standalone), or the host itself (built-in simulator).</summary>
public interface ISimulatorCredentialSource
{
    Task<SimulatorCredentials> AcquireAsync(Uri baseUrl, CancellationToken ct);
}

/// <summary>
/// Standalone: signs in with Simulator:Username/Password (POST /api/auth/token), registers a tracker
/// (POST /api/devices, named Simulator:DeviceId plus a suffix, since a key is only shown once) and assigns it to every
/// shipment ("*"), like a carrier feed. Needs an operator or admin user.
/// </summary>
public sealed class ApiCredentialSource(IOptions<SimulatorOptions> options, IHttpClientFactory clients) : ISimulatorCredentialSource
{
    public async Task<SimulatorCredentials> AcquireAsync(Uri baseUrl, CancellationToken ct)
    {
        var o = options.Value;
        if (string.IsNullOrEmpty(o.Username) || string.IsNullOrEmpty(o.Password))
            throw new InvalidOperationException("the simulator needs --username and --password of an operator (e.g. the demo user 'operator')");
        using var http = clients.CreateClient("Visibility.Simulator.Auth");
        http.BaseAddress = baseUrl;
        using var signIn = await http.PostAsJsonAsync("api/auth/token", new { username = o.Username, password = o.Password }, ct);
        if (!signIn.IsSuccessStatusCode) throw new InvalidOperationException($"sign-in as '{o.Username}' failed: HTTP {(int)signIn.StatusCode}");
        var token = (await signIn.Content.ReadFromJsonAsync<TokenDto>(ct))!;
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);

        var deviceId = $"{o.DeviceId}-{DateTime.UtcNow:yyyyMMddHHmmss}";
        using var created = await http.PostAsJsonAsync("api/devices", new { id = deviceId, name = "Traffic simulator (synthetic)" }, ct);
        if (!created.IsSuccessStatusCode) throw new InvalidOperationException($"registering tracker '{deviceId}' failed: HTTP {(int)created.StatusCode}");
        var device = (await created.Content.ReadFromJsonAsync<CreatedDeviceDto>(ct))!;
        using var assigned = await http.PutAsync($"api/devices/{Uri.EscapeDataString(deviceId)}/shipments/*", null, ct);
        if (!assigned.IsSuccessStatusCode) throw new InvalidOperationException($"assigning tracker '{deviceId}' failed: HTTP {(int)assigned.StatusCode}");
        return new SimulatorCredentials(token.AccessToken, token.ExpiresAt, device.Key);
    }

    private sealed record TokenDto(string AccessToken, DateTimeOffset ExpiresAt);
    private sealed record CreatedDeviceDto(string Key);
}

/// <summary>
/// Puts the credentials on every request: the bearer token, and on telemetry the tracker key. Credentials are
/// acquired on first use and again shortly before the token expires, or after a 401.
/// </summary>
public sealed class SimulatorAuthHandler(ISimulatorCredentialSource source, TimeProvider time) : DelegatingHandler
{
    private static readonly TimeSpan RenewBefore = TimeSpan.FromMinutes(5);
    private readonly SemaphoreSlim _lock = new(1, 1);
    private SimulatorCredentials? _credentials;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var credentials = await GetAsync(request.RequestUri!, force: false, ct);
        Apply(request, credentials);
        var response = await base.SendAsync(request, ct);
        if (response.StatusCode == System.Net.HttpStatusCode.Unauthorized)
            await GetAsync(request.RequestUri!, force: true, ct); // the client's retry goes out with fresh credentials
        return response;
    }

    private static void Apply(HttpRequestMessage request, SimulatorCredentials c)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", c.AccessToken);
        if (request.RequestUri!.AbsolutePath.StartsWith("/api/telemetry", StringComparison.Ordinal))
        {
            request.Headers.Remove("X-Device-Key");
            request.Headers.Add("X-Device-Key", c.DeviceKey);
        }
    }

    private async Task<SimulatorCredentials> GetAsync(Uri uri, bool force, CancellationToken ct)
    {
        var held = _credentials;
        if (!force && held != null && held.ExpiresAt - time.GetUtcNow() > RenewBefore) return held;
        await _lock.WaitAsync(ct);
        try
        {
            if (_credentials != held && _credentials != null) return _credentials; // another request renewed them
            return _credentials = await source.AcquireAsync(new Uri(uri.GetLeftPart(UriPartial.Authority) + "/"), ct);
        }
        finally { _lock.Release(); }
    }
}
