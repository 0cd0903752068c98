using Visibility.Domain.Shipments;
using Visibility.Domain.Telemetry;

namespace Visibility.Grains.Shipments;

/// <summary>One shipment: its booking, planned route, live position, ETA and alerts. Keyed by the shipment id.</summary>
public interface IShipmentGrain : IGrainWithStringKey
{
    Task<CreateShipmentResult> Create(ShipmentDefinition definition);
    Task<ShipmentView?> GetView();
    /// <summary>The supplier that ships it; null when none is named or the shipment does not exist (object-level checks).</summary>
    Task<string?> GetSupplierId();
    Task<TrackView?> GetTrack();
    Task<RouteView?> GetRoute();
    Task<IngestResult> Ingest(TelemetryReading[] readings);
    /// <summary>Records a milestone posted by the shipper; a delivery moves the cargo into the factories' stock.</summary>
    Task<MilestoneResult> PostMilestone(Milestone milestone);
    /// <summary>Writes the state now if telemetry changed it since the last write (the ingest checkpoint calls this).</summary>
    Task Flush();
    /// <summary>Activates the grain so it publishes its marker (start-up warm-up).</summary>
    Task Wake();
    /// <summary>
    /// A disruption reaches this shipment through an index: it decides whether it is affected (re-routes, takes the
    /// delay, raises the zone alert) and answers with its impact. Asking again answers the same (idempotent).
    /// </summary>
    Task<DisruptionReply> ApplyDisruption(Visibility.Domain.Disruptions.DisruptionEffect effect);
    /// <summary>The disruption is over: its route, ETA and alerts are restored. False when it did not hold it.</summary>
    Task<bool> RemoveDisruption(string disruptionId);
}

[GenerateSerializer, Immutable]
public sealed record DisruptionReply(
    [property: Id(0)] Visibility.Domain.Disruptions.HoldOutcome Hold,
    [property: Id(1)] Visibility.Domain.Disruptions.ShipmentImpact? Impact);

public enum CreateOutcome { Created, AlreadyExists, Conflict, NoRoute }

[GenerateSerializer, Immutable]
public sealed record CreateShipmentResult([property: Id(0)] CreateOutcome Outcome, [property: Id(1)] ShipmentView? View, [property: Id(2)] string? Reason = null);

[GenerateSerializer, Immutable]
/// <param name="Accepted">Readings applied (including older ones kept only in the history).</param>
/// <param name="Duplicates">Readings recognised as applied already (a retry or a replay).</param>
/// <param name="Stale">Readings older than the idempotency window, not applied (see <c>ReadingWindow</c>).</param>
public readonly record struct IngestResult([property: Id(0)] int Accepted, [property: Id(1)] int Duplicates, [property: Id(2)] int Stale = 0);

public enum MilestoneOutcome { Recorded, Duplicate, Conflict, NotFound }

[GenerateSerializer, Immutable]
public sealed record MilestoneResult([property: Id(0)] MilestoneOutcome Outcome, [property: Id(1)] ShipmentView? View, [property: Id(2)] string? Reason = null);
