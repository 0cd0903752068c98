using System.Text.Json;
using System.Text.Json.Serialization;

namespace Visibility.Simulator;

// The parts of the HTTP contract (contract.md, v1) the simulator sends and reads. The simulator is a
// client like any other, so it keeps its own copy of these shapes instead of sharing server types.

public sealed record LocationDto(string Locode, string Name, string Country, double Lat, double Lon, IReadOnlyList<string>? Kinds);

public sealed record RouteDto(double DistanceKm, IReadOnlyList<double[]> Path, IReadOnlyList<string>? Passes);

public sealed record ReeferDto(double MinC, double MaxC);

public sealed record CargoDto(string PartNumber, int Quantity, string? FactoryId);

/// <param name="SupplierId">The demo supplier whose cargo it is, or null (then not sent: older hosts do not know the field).</param>
public sealed record CreateShipmentRequest(
    string Id, string Reference, string Mode, string Origin, string Destination,
    DateTime PlannedDeparture, DateTime? PlannedArrival, IReadOnlyList<CargoDto> Cargo, ReeferDto? Reefer, string? SupplierId = null);

/// <summary>The fields of a supplier (GET /api/suppliers) that say what it ships from where.</summary>
public sealed record SupplierDto(string Id, bool Demo, IReadOnlyList<SupplierSiteDto>? Sites);

public sealed record SupplierSiteDto(string Id, string Country, IReadOnlyList<SuppliedPartDto>? Parts);

public sealed record SuppliedPartDto(string PartNumber, IReadOnlyList<string>? FactoryIds);

public sealed record PositionDto(double Lat, double Lon, DateTimeOffset At);

/// <summary>The fields of ShipmentView the simulator uses; the rest are ignored.</summary>
public sealed record ShipmentView(
    string Id, string Mode, string Origin, string Destination, string Status,
    DateTimeOffset PlannedDeparture, DateTimeOffset? PlannedEta, double ProgressPct, double DistanceKm,
    ReeferDto? Reefer, PositionDto? Position)
{
    public bool IsArrived => Status == "arrived" || ProgressPct >= 100;
}

/// <summary>One reading for POST /api/telemetry. Timestamps are UTC DateTime so they serialise with "Z".</summary>
public sealed record TelemetryReading(
    string MessageId, string ShipmentId, DateTime Timestamp, double Lat, double Lon,
    double? SpeedKnots, double? HeadingDeg, double? TemperatureC, double? HumidityPct, double? ShockG,
    bool? DoorOpen, double? BatteryPct);

public sealed record TelemetryAccepted(int Accepted, int Duplicates);

/// <summary>RFC 9457 problem details, with the validation "errors" map when present.</summary>
public sealed record ProblemDetailsDto(string? Type, string? Title, int? Status, string? Detail, Dictionary<string, string[]>? Errors);

public static class ApiJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
