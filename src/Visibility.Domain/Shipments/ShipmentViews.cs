using Visibility.Domain.Disruptions;
using Visibility.Domain.Geo;

namespace Visibility.Domain.Shipments;

/// <summary>Builds the API view and the map marker from a shipment's state.</summary>
public static class ShipmentViews
{
    public static ShipmentView ToView(ShipmentState s, DateTimeOffset now, string? originName, string? destinationName)
    {
        var def = s.Definition!;
        var last = s.Last;
        var eta = ShipmentTracker.Eta(s, now);
        var plannedEta = ShipmentTracker.PlannedEta(s);
        return new ShipmentView
        {
            Id = def.Id,
            Reference = def.Reference,
            Mode = def.Mode.ToApi(),
            Origin = def.Origin,
            Destination = def.Destination,
            OriginName = originName,
            DestinationName = destinationName,
            Status = s.Status.ToApi(),
            Position = last == null ? null : new PositionView(last.Lat, last.Lon, last.Timestamp),
            HeadingDeg = s.HeadingDeg is { } h ? Math.Round(h, 1) : null,
            SpeedKnots = s.SmoothedSpeedKnots is { } v ? Math.Round(v, 1) : null,
            ProgressPct = Math.Round(ShipmentTracker.ProgressPct(s), 1),
            DistanceKm = Math.Round(s.RouteDistanceKm, 1),
            DistanceRemainingKm = Math.Round(Math.Max(0, s.RouteDistanceKm - s.AlongKm), 1),
            PlannedDeparture = def.PlannedDeparture,
            PlannedEta = plannedEta,
            Eta = eta,
            DelayHours = Math.Round((eta - plannedEta).TotalHours, 1),
            LastTelemetry = last == null ? null : new TelemetryView(last.Timestamp, last.SpeedKnots, last.HeadingDeg,
                last.TemperatureC, last.HumidityPct, last.ShockG, last.DoorOpen, last.BatteryPct),
            Alerts = s.Alerts.Select(a => new AlertView(a.Kind.ToApi(), a.OpenedAt, a.Message)).ToArray(),
            Cargo = def.Cargo,
            Reefer = def.Reefer,
            Passes = s.Passes,
            TemperatureHistory = s.Temperatures.Select(t => new TemperatureView(t.At, Math.Round(t.C, 2))).ToArray(),
            Readings = s.ReadingCount,
            ArrivedAt = s.ArrivedAt,
            Milestones = s.Milestones.Select(m => new MilestoneView(m.Code.ToApi(), m.At, m.Locode, m.Note)).ToArray(),
            SupplierId = def.SupplierId,
            Rerouted = IsRerouted(s),
            PlannedDistanceKm = Math.Round(s.PlannedDistance, 1),
            Disruptions = s.Disruptions.Select(d => new ShipmentDisruptionView(d.Effect.DisruptionId, d.Effect.Type.ToApi(), d.Effect.Title,
                d.Outcome, d.Impact?.AddedDays ?? 0)).ToArray(),
        };
    }

    public static ShipmentMarker ToMarker(ShipmentState s, GeoPoint origin, DateTimeOffset now)
    {
        var def = s.Definition!;
        var at = s.Last is { } last ? new GeoPoint(last.Lat, last.Lon) : origin;
        var flags = s.Flags | (ShipmentDisruptions.IsDisrupted(s) ? AlertKind.Disrupted : AlertKind.None);
        return new ShipmentMarker(def.Id, (float)at.Lat, (float)at.Lon, (float)(s.HeadingDeg ?? 0), def.Mode, s.Status, flags,
            (float)Math.Round(ShipmentTracker.DelayHours(s, now), 1), def.SupplierId);
    }

    /// <summary>The route differs from the booked one: planned round closed chokepoints, or changed mid-voyage.</summary>
    public static bool IsRerouted(ShipmentState s) => s.Avoid.Length > 0 || s.Splices.Count > 0;

    public static TrackView ToTrack(ShipmentState s) =>
        new(s.Definition!.Id, s.Track.Select(p => new TrackPointView(p.At, Math.Round(p.Lat, 5), Math.Round(p.Lon, 5), p.SpeedKnots, p.TemperatureC)).ToArray());
}
