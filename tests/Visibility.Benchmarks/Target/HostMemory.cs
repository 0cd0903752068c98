using System.Net;
using System.Net.Http.Json;

namespace Visibility.Benchmarks.Target;

/// <summary>The host's own memory report (GET /api/diagnostics/memory, POST /api/diagnostics/gc).</summary>
public sealed record HostMemoryReport(
    long WorkingSetBytes, long GcHeapBytes, long LastGcHeapSizeBytes, long LastGcFragmentedBytes, long GcCommittedBytes,
    bool ServerGc, int KnownShipments, int MapMarkers);

public static class HostMemory
{
    /// <summary>Host configuration that allows <see cref="CollectAsync"/>; the host refuses a forced GC without it.</summary>
    public const string AllowGcSetting = "Diagnostics:AllowGcCollect";

    /// <summary>
    /// Asks the host for a full compacting GC and then its memory report, so the managed heap it returns holds only
    /// live objects. Null when the host does not allow it (not started with <see cref="AllowGcSetting"/>, or an
    /// older host without the endpoint).
    /// </summary>
    public static async Task<HostMemoryReport?> CollectAsync(HttpClient http, CancellationToken ct)
    {
        using var response = await http.PostAsync("/api/diagnostics/gc", content: null, ct);
        if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed) return null;
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<HostMemoryReport>(ct);
    }
}
