using System.Net;
using System.Text.Json;
using System.Net.Http.Json;

namespace Visibility.Integration.Tests.Hosting;

/// <summary>Sign-in and tracker helpers for tests. Every test host starts with an admin (Auth:BootstrapAdminPassword).</summary>
public static class TestAuth
{
    public const string AdminPassword = "integration-admin-password";

    public static async Task<string> TokenAsync(HttpClient http, string username, string password)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/token") { Content = JsonContent.Create(new { username, password }) };
        request.Headers.Authorization = null;
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"sign-in as {username} failed: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.GetProperty("accessToken").GetString()!;
    }

    /// <summary>Registers a tracker, assigns it to the given shipments ("*" = all) and returns its key.</summary>
    public static async Task<string> CreateDeviceAsync(HttpClient adminHttp, string deviceId, params string[] shipments)
    {
        using var created = await adminHttp.PostAsJsonAsync("/api/devices", new { id = deviceId, name = "test tracker " + deviceId });
        var text = await created.Content.ReadAsStringAsync();
        if (created.StatusCode != HttpStatusCode.Created) throw new InvalidOperationException($"device {deviceId}: {(int)created.StatusCode} {text}");
        foreach (var shipment in shipments)
        {
            using var assigned = await adminHttp.PutAsync($"/api/devices/{Uri.EscapeDataString(deviceId)}/shipments/{Uri.EscapeDataString(shipment)}", null);
            if (!assigned.IsSuccessStatusCode) throw new InvalidOperationException($"assign {deviceId} → {shipment}: {(int)assigned.StatusCode}");
        }
        return JsonDocument.Parse(text).RootElement.GetProperty("key").GetString()!;
    }
}
