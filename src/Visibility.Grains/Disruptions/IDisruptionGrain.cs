using Orleans.Concurrency;
using Visibility.Domain.Disruptions;
using Visibility.Grains.Shipments;

namespace Visibility.Grains.Disruptions;

/// <summary>
/// One disruption: its declaration, status and impact. Creating it starts the propagation (through the index grains to
/// the shipments, to the supplier sites, then to the factories) without waiting for it; resolving undoes it the same
/// way. Keyed by the disruption id.
/// </summary>
public interface IDisruptionGrain : IGrainWithStringKey
{
    /// <summary>
    /// Creates it (once: the same declaration again is <see cref="CreateOutcome.AlreadyExists"/>, another is a conflict).
    /// With <paramref name="resolvedAt"/> it is recorded as history: resolved, reaching nothing.
    /// </summary>
    Task<DisruptionCreateResult> Create(DisruptionDefinition definition, string createdBy, DateTimeOffset? resolvedAt = null);
    Task<DisruptionView?> GetView();
    /// <summary>Fresh factory rows (TTS, TTR, units at risk) with the shipments and sites reached. Null when unknown.</summary>
    Task<DisruptionImpactView?> GetImpact();
    /// <summary>Ends it and lifts its effects. Resolving a resolved disruption changes nothing.</summary>
    Task<DisruptionView?> Resolve(string resolvedBy);
    /// <summary>A new expected end (a supplier posting a new recovery date): factories' TTR rows follow.</summary>
    Task<DisruptionView?> UpdateExpectedEnd(DateTimeOffset? expectedEnd);
    /// <summary>Start-up: an active disruption asserts its effects again on the (in-memory) indexes; an expired feed item resolves.</summary>
    Task Wake();

    /// <summary>A shipment came under it after the declaration (booked later, entered the zone, joined the index).</summary>
    [OneWay]
    Task ShipmentAffected(ShipmentImpact impact);

    /// <summary>A shipment left its zone (or arrived): no longer affected.</summary>
    [OneWay]
    Task ShipmentCleared(string shipmentId);

    /// <summary>Supplier sites inside its area that registered after the declaration.</summary>
    [OneWay]
    Task SitesAffected(SiteImpact[] sites);
}

[GenerateSerializer, Immutable]
public sealed record DisruptionCreateResult([property: Id(0)] CreateOutcome Outcome, [property: Id(1)] DisruptionView? View);
