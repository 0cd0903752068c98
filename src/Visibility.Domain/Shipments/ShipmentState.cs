using Visibility.Domain.Disruptions;
using Visibility.Domain.Routing;
using Visibility.Domain.Telemetry;

namespace Visibility.Domain.Shipments;

/// <summary>
/// Everything a shipment grain persists. Kept compact on purpose (a bounded, thinned track and a compact window of
/// recent message id fingerprints) so 10,000 active shipments fit in a few hundred MB; the full reading history is in the ingest log.
/// </summary>
[GenerateSerializer]
public sealed class ShipmentState
{
    public const int TemperatureHistoryCapacity = 48;
    public const int TrackCapacity = 240;

    [Id(0)] public ShipmentDefinition? Definition { get; set; }
    [Id(1)] public double RouteDistanceKm { get; set; }
    [Id(2)] public string[] Passes { get; set; } = [];
    /// <summary>Chokepoints the current route plan avoids (set by disruptions; empty by default).</summary>
    [Id(3)] public string[] Avoid { get; set; } = [];
    [Id(4)] public DateTimeOffset CreatedAt { get; set; }

    [Id(5)] public long ReadingCount { get; set; }
    /// <summary>Timestamp of the newest reading applied; older readings never move the shipment.</summary>
    [Id(6)] public DateTimeOffset? LastReadingAt { get; set; }
    [Id(7)] public TelemetryReading? Last { get; set; }
    [Id(8)] public double AlongKm { get; set; }
    [Id(9)] public int Segment { get; set; }
    [Id(10)] public double CrossTrackKm { get; set; }
    [Id(11)] public double? SmoothedSpeedKnots { get; set; }
    [Id(12)] public double? HeadingDeg { get; set; }
    [Id(13)] public ShipmentStatus Status { get; set; }
    [Id(14)] public DateTimeOffset? ArrivedAt { get; set; }

    [Id(15)] public List<ActiveAlert> Alerts { get; set; } = [];
    [Id(16)] public DateTimeOffset? OutOfRangeSince { get; set; }
    [Id(17)] public DateTimeOffset? InRangeSince { get; set; }
    [Id(18)] public DateTimeOffset? OffRouteSince { get; set; }
    [Id(19)] public DateTimeOffset? SlowSince { get; set; }

    [Id(20)] public List<TrackPoint> Track { get; set; } = [];
    [Id(21)] public List<TemperatureSample> Temperatures { get; set; } = [];
    /// <summary>
    /// Before <see cref="Window"/>: a ring of hashes of the last 128 message ids. Only read from state stored by an older
    /// host, moved into the window by the first reading after it (then empty, and no longer written).
    /// </summary>
    [Id(22)]
    [System.Text.Json.Serialization.JsonConverter(typeof(Int64ArrayBase64JsonConverter))]
    public long[] RecentMessageHashes { get; set; } = [];
    [Id(23)] public int RecentNext { get; set; }

    [Id(24)] public List<Milestone> Milestones { get; set; } = [];
    /// <summary>The ETA last sent to the factories this shipment feeds (they are told again when it moves enough).</summary>
    [Id(25)] public DateTimeOffset? NotifiedEta { get; set; }
    /// <summary>Active disruptions this shipment holds: what each did to it (re-routed, delayed, in a zone, watching a zone).</summary>
    [Id(26)] public List<AppliedDisruption> Disruptions { get; set; } = [];
    /// <summary>The route length when booked (0 in state written before disruptions existed: then <see cref="RouteDistanceKm"/>).</summary>
    [Id(27)] public double PlannedDistanceKm { get; set; }
    /// <summary>How the current route leaves the base route (origin → destination avoiding <see cref="Avoid"/>) mid-voyage, in order.</summary>
    [Id(28)] public List<RouteSplice> Splices { get; set; } = [];
    /// <summary>The idempotency window: which readings were applied (retries and log replays are recognised), see <see cref="ReadingWindow"/>.</summary>
    [Id(29)] public ReadingWindow Window { get; set; } = new();

    public bool Exists => Definition != null;
    public bool IsFinished => Status is ShipmentStatus.Arrived or ShipmentStatus.Delivered;
    public AlertKind Flags => Alerts.Aggregate(AlertKind.None, (f, a) => f | a.Kind);

    /// <summary>The booked route length: what the plan and the delay are measured against.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public double PlannedDistance => PlannedDistanceKm > 0 ? PlannedDistanceKm : RouteDistanceKm;
}

[GenerateSerializer, Immutable]
public readonly record struct TrackPoint(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] float Lat,
    [property: Id(2)] float Lon,
    [property: Id(3)] float? SpeedKnots,
    [property: Id(4)] float? TemperatureC);

[GenerateSerializer, Immutable]
public readonly record struct TemperatureSample([property: Id(0)] DateTimeOffset At, [property: Id(1)] float C);
