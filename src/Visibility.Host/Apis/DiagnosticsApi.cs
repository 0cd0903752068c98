using Visibility.Host.Auth;
using System.Runtime;
using Visibility.Host.Ingest;
using Visibility.Host.Live;

namespace Visibility.Host.Apis;

/// <summary>
/// Process memory for capacity planning and the benchmark: working set, GC heap and what the last GC found.
/// Forcing a full GC is only possible when <c>Diagnostics:AllowGcCollect</c> is true (the benchmark turns it on):
/// on a shared host it would be a lever for anyone to stall the process.
/// </summary>
public static class DiagnosticsApi
{
    public static RouteGroupBuilder MapDiagnosticsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/diagnostics").WithTags("Diagnostics").RequireAuthorization(Policies.Admin);
        group.MapGet("/memory", (ShipmentDirectory shipments, LiveMapState map) => TypedResults.Ok(Snapshot(shipments, map)))
            .WithSummary("Working set, GC heap and the last GC's figures");
        group.MapGet("/endpoints", (EndpointDataSource endpoints) => TypedResults.Ok(EndpointRules.Describe([endpoints]).ToArray()))
            .WithSummary("Every API and hub endpoint with its access rule (the authorisation matrix test reads it)");
        group.MapPost("/gc", Collect).WithSummary("Run a full compacting GC, then report memory (only when Diagnostics:AllowGcCollect is set)")
            .WithMetadata(Hosting.NoStorageWrites.Instance);
        return group;
    }

    private static Results<Ok<MemoryReport>, ProblemHttpResult> Collect(IConfiguration configuration, ShipmentDirectory shipments, LiveMapState map)
    {
        if (!configuration.GetValue("Diagnostics:AllowGcCollect", false))
            return Problems.NotFound("forcing a GC is disabled (Diagnostics:AllowGcCollect)");
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        return TypedResults.Ok(Snapshot(shipments, map));
    }

    private static MemoryReport Snapshot(ShipmentDirectory shipments, LiveMapState map)
    {
        var info = GC.GetGCMemoryInfo();
        return new MemoryReport(Environment.WorkingSet, GC.GetTotalMemory(forceFullCollection: false), info.HeapSizeBytes,
            info.FragmentedBytes, info.TotalCommittedBytes, GCSettings.IsServerGC, shipments.Count, map.Count);
    }
}

public sealed record MemoryReport(
    long WorkingSetBytes, long GcHeapBytes, long LastGcHeapSizeBytes, long LastGcFragmentedBytes, long GcCommittedBytes,
    bool ServerGc, int KnownShipments, int MapMarkers);
