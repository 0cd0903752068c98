namespace Visibility.Domain.Telemetry;

/// <summary>One validated tracker reading for a shipment (the shipment id travels with the batch).</summary>
[GenerateSerializer, Immutable]
public sealed record TelemetryReading(
    [property: Id(0)] string MessageId,
    [property: Id(1)] DateTimeOffset Timestamp,
    [property: Id(2)] double Lat,
    [property: Id(3)] double Lon,
    [property: Id(4)] double? SpeedKnots = null,
    [property: Id(5)] double? HeadingDeg = null,
    [property: Id(6)] double? TemperatureC = null,
    [property: Id(7)] double? HumidityPct = null,
    [property: Id(8)] double? ShockG = null,
    [property: Id(9)] bool? DoorOpen = null,
    [property: Id(10)] double? BatteryPct = null);

/// <summary>A reading addressed to a shipment, as posted to the ingest API and written to the ingest log.</summary>
public sealed record AddressedReading(string ShipmentId, TelemetryReading Reading);
