using Visibility.Domain.Geo;
using Visibility.Domain.Routing;
using Visibility.Domain.Telemetry;

namespace Visibility.Domain.Shipments;

/// <summary>What a shipment needs besides its state to interpret telemetry: the planned route and its end points.</summary>
public sealed record ShipmentContext(RouteGeometry Route, GeoPoint Origin, GeoPoint Destination, AlertThresholds Thresholds);

/// <summary>
/// Applied (moved the shipment), OutOfOrder (kept in the history, older than the newest), Duplicate (already applied),
/// Stale (older than the idempotency window: not applied, see <see cref="ReadingWindow"/>).
/// </summary>
public enum ApplyOutcome { Applied, Duplicate, OutOfOrder, Stale }

/// <summary>
/// The rules of a moving shipment as plain code: de-duplication, progress along the planned route, speed smoothing,
/// arrival and the five alerts. The grain only stores the state and calls these.
/// </summary>
public static class ShipmentTracker
{
    /// <summary>Weight of the newest speed sample in the exponential moving average.</summary>
    private const double SpeedSmoothing = 0.3;
    private static readonly TimeSpan TrackMinInterval = TimeSpan.FromMinutes(10);
    private const double TrackMinDistanceKm = 25;

    public static ApplyOutcome Apply(ShipmentState s, TelemetryReading r, ShipmentContext ctx, List<AlertChange> changes)
    {
        if (s.RecentMessageHashes.Length > 0)
        {
            s.Window.ImportLegacy(s.RecentMessageHashes, s.LastReadingAt ?? r.Timestamp);
            (s.RecentMessageHashes, s.RecentNext) = ([], 0);
        }
        uint fingerprint = ReadingWindow.Fingerprint(MessageHash(r.MessageId));
        switch (s.Window.Check(fingerprint, r.Timestamp))
        {
            case WindowCheck.Duplicate: return ApplyOutcome.Duplicate;
            case WindowCheck.Stale: return ApplyOutcome.Stale;
        }
        s.Window.Add(fingerprint, r.Timestamp);
        s.ReadingCount++;

        RecordHistory(s, r);
        if (s.LastReadingAt is { } newest && r.Timestamp <= newest) return ApplyOutcome.OutOfOrder;

        Move(s, r, ctx);
        if (!s.IsFinished) EvaluateReadingAlerts(s, r, ctx, changes);
        EvaluateTimeAlerts(s, r.Timestamp, ctx, changes);
        return ApplyOutcome.Applied;
    }

    private static void Move(ShipmentState s, TelemetryReading r, ShipmentContext ctx)
    {
        var point = new GeoPoint(r.Lat, r.Lon);
        var previous = s.Last;
        var projection = ctx.Route.Project(point, s.Segment);
        s.Segment = projection.Segment;
        s.CrossTrackKm = projection.CrossTrackKm;
        // Progress only grows: GPS jitter or a projection onto an earlier leg must not pull the shipment back.
        s.AlongKm = Math.Min(s.RouteDistanceKm, Math.Max(s.AlongKm, projection.AlongKm));

        double? speed = r.SpeedKnots;
        if (speed == null && previous != null && s.LastReadingAt is { } t0)
        {
            double hours = (r.Timestamp - t0).TotalHours;
            if (hours > 0) speed = GeoMath.HaversineKm(previous.Lat, previous.Lon, r.Lat, r.Lon) / hours / GeoMath.KmPerNauticalMile;
        }
        if (speed is { } v) s.SmoothedSpeedKnots = s.SmoothedSpeedKnots is { } old ? SpeedSmoothing * v + (1 - SpeedSmoothing) * old : v;
        s.HeadingDeg = r.HeadingDeg ?? (previous != null ? GeoMath.BearingDeg(new GeoPoint(previous.Lat, previous.Lon), point) : s.HeadingDeg);

        s.Last = r;
        s.LastReadingAt = r.Timestamp;
        if (s.IsFinished) return;
        double remaining = s.RouteDistanceKm - s.AlongKm;
        bool atDestination = GeoMath.HaversineKm(point, ctx.Destination) <= ctx.Thresholds.ArrivalRadiusKm;
        if (atDestination || (remaining <= ctx.Thresholds.ArrivalRadiusKm && s.ReadingCount > 1))
        {
            s.Status = ShipmentStatus.Arrived;
            s.ArrivedAt = r.Timestamp;
            s.AlongKm = s.RouteDistanceKm;
        }
        else s.Status = ShipmentStatus.InTransit;
    }

    private static void EvaluateReadingAlerts(ShipmentState s, TelemetryReading r, ShipmentContext ctx, List<AlertChange> changes)
    {
        var t = ctx.Thresholds;
        var def = s.Definition!;
        if (def.Reefer is { } range && r.TemperatureC is { } c)
        {
            bool outside = c < range.MinC || c > range.MaxC;
            if (outside)
            {
                s.InRangeSince = null;
                s.OutOfRangeSince ??= r.Timestamp;
                if (r.Timestamp - s.OutOfRangeSince >= t.ColdChainSustained)
                    Open(s, AlertKind.ColdChain, r.Timestamp, FormattableString.Invariant(
                        $"Temperature {c:0.0} °C outside {range.MinC:0.#}–{range.MaxC:0.#} °C since {s.OutOfRangeSince:HH:mm} UTC"), changes);
            }
            else
            {
                s.OutOfRangeSince = null;
                s.InRangeSince ??= r.Timestamp;
                if (r.Timestamp - s.InRangeSince >= t.ColdChainClearAfter) Clear(s, AlertKind.ColdChain, r.Timestamp, changes);
            }
        }

        if (s.CrossTrackKm > t.OffRouteKm(def.Mode))
        {
            s.OffRouteSince ??= r.Timestamp;
            if (r.Timestamp - s.OffRouteSince >= t.OffRouteSustained)
                Open(s, AlertKind.OffRoute, r.Timestamp, FormattableString.Invariant($"{s.CrossTrackKm:0} km off the planned route"), changes);
        }
        else
        {
            s.OffRouteSince = null;
            Clear(s, AlertKind.OffRoute, r.Timestamp, changes);
        }

        var point = new GeoPoint(r.Lat, r.Lon);
        bool nearPort = GeoMath.HaversineKm(point, ctx.Origin) <= t.StalledPortRadiusKm
                        || GeoMath.HaversineKm(point, ctx.Destination) <= t.StalledPortRadiusKm;
        double speedNow = r.SpeedKnots ?? s.SmoothedSpeedKnots ?? double.MaxValue;
        if (def.Mode == TransportMode.Ocean && !nearPort && speedNow < t.StalledBelowKnots)
        {
            s.SlowSince ??= r.Timestamp;
            if (r.Timestamp - s.SlowSince >= t.StalledSustained)
                Open(s, AlertKind.Stalled, r.Timestamp, $"Stopped at sea since {s.SlowSince:yyyy-MM-dd HH:mm} UTC", changes);
        }
        else
        {
            s.SlowSince = null;
            Clear(s, AlertKind.Stalled, r.Timestamp, changes);
        }

        Clear(s, AlertKind.Silent, r.Timestamp, changes);
    }

    /// <summary>Alerts that time alone can open: a tracker gone quiet and a shipment drifting late. Called on every reading and by the grain's timer.</summary>
    public static void EvaluateTimeAlerts(ShipmentState s, DateTimeOffset now, ShipmentContext ctx, List<AlertChange> changes)
    {
        if (s.Definition is not { } def) return;
        if (s.IsFinished)
        {
            foreach (var alert in s.Alerts.ToArray()) Clear(s, alert.Kind, s.ArrivedAt ?? now, changes);
            return;
        }
        var t = ctx.Thresholds;
        if (s.Status == ShipmentStatus.InTransit && s.LastReadingAt is { } last && now - last > t.SilentAfter)
            Open(s, AlertKind.Silent, now, $"No telemetry since {last:yyyy-MM-dd HH:mm} UTC", changes);

        double delay = DelayHours(s, now);
        if (delay > t.LateHours(def.Mode))
            Open(s, AlertKind.Late, now, FormattableString.Invariant($"ETA {delay:0.#} h behind plan"), changes);
        else if (delay < t.LateHours(def.Mode) * 0.8) // a little hysteresis so a borderline ETA does not flap
            Clear(s, AlertKind.Late, now, changes);
    }

    /// <summary>
    /// Records a milestone the shipper posted. Arrival and delivery also settle the shipment's status (a shipment
    /// without a tracker still finishes); the caller has checked the order with <see cref="MilestoneRules"/>.
    /// </summary>
    public static void ApplyMilestone(ShipmentState s, Milestone milestone, List<AlertChange> changes)
    {
        s.Milestones.Add(milestone);
        if (milestone.Code is MilestoneCode.Arrived or MilestoneCode.Discharged or MilestoneCode.CustomsHold
            or MilestoneCode.CustomsCleared or MilestoneCode.Delivered && !s.IsFinished)
        {
            s.Status = ShipmentStatus.Arrived;
            s.ArrivedAt ??= milestone.At;
            s.AlongKm = s.RouteDistanceKm;
        }
        else if (milestone.Code is MilestoneCode.Departed or MilestoneCode.Transshipment && s.Status == ShipmentStatus.Planned)
            s.Status = ShipmentStatus.InTransit;
        if (milestone.Code == MilestoneCode.Delivered) s.Status = ShipmentStatus.Delivered;
        if (s.IsFinished)
            foreach (var alert in s.Alerts.ToArray()) Clear(s, alert.Kind, milestone.At, changes);
    }

    public static DateTimeOffset PlannedEta(ShipmentState s)
    {
        var def = s.Definition!;
        return def.PlannedArrival ?? def.PlannedDeparture + TimeSpan.FromHours(s.PlannedDistance / def.Mode.TypicalSpeedKmh());
    }

    /// <summary>
    /// ETA from the remaining route distance and the smoothed recent speed; the mode's typical speed when the shipment
    /// has not reported one or is creeping (a stalled ship's ETA then slides later as time passes). Before the first
    /// reading it is the planned ETA (plus the time a re-route adds). Disruptions then add their delays
    /// (<see cref="Disruptions.ShipmentDisruptions.AdjustEta"/>).
    /// </summary>
    public static DateTimeOffset Eta(ShipmentState s, DateTimeOffset now)
    {
        var def = s.Definition!;
        if (s.IsFinished) return s.ArrivedAt ?? now;
        return Disruptions.ShipmentDisruptions.AdjustEta(s, UndisruptedEta(s, now, def), now);
    }

    private static DateTimeOffset UndisruptedEta(ShipmentState s, DateTimeOffset now, ShipmentDefinition def)
    {
        double typicalKmh = def.Mode.TypicalSpeedKmh();
        // No telemetry yet: nothing says the plan is off, so the plan stands (the silent-tracker alert covers the rest),
        // except that a re-routed plan is longer (or shorter) by the difference in distance.
        if (s.LastReadingAt is not { } last)
            return PlannedEta(s) + TimeSpan.FromHours((s.RouteDistanceKm - s.PlannedDistance) / typicalKmh);
        double speedKmh = (s.SmoothedSpeedKnots ?? 0) * GeoMath.KmPerNauticalMile;
        if (speedKmh < typicalKmh * 0.25) speedKmh = typicalKmh;
        double remaining = Math.Max(0, s.RouteDistanceKm - s.AlongKm);
        var from = last > now ? last : now;
        return from + TimeSpan.FromHours(remaining / speedKmh);
    }

    public static double DelayHours(ShipmentState s, DateTimeOffset now) => (Eta(s, now) - PlannedEta(s)).TotalHours;

    public static double ProgressPct(ShipmentState s) =>
        s.RouteDistanceKm <= 0 ? (s.IsFinished ? 100 : 0) : Math.Clamp(100 * s.AlongKm / s.RouteDistanceKm, 0, 100);

    internal static void Open(ShipmentState s, AlertKind kind, DateTimeOffset at, string message, List<AlertChange> changes)
    {
        if (s.Alerts.Any(a => a.Kind == kind)) return;
        s.Alerts.Add(new ActiveAlert(kind, at, message));
        changes.Add(new AlertChange(kind, true, at, message));
    }

    internal static void Clear(ShipmentState s, AlertKind kind, DateTimeOffset at, List<AlertChange> changes)
    {
        int i = s.Alerts.FindIndex(a => a.Kind == kind);
        if (i < 0) return;
        var alert = s.Alerts[i];
        s.Alerts.RemoveAt(i);
        changes.Add(new AlertChange(kind, false, at, $"Cleared: {alert.Message}"));
    }

    /// <summary>Keeps a thinned, time-ordered track and the recent temperatures; late readings are slotted in by time.</summary>
    private static void RecordHistory(ShipmentState s, TelemetryReading r)
    {
        if (r.TemperatureC is { } c)
        {
            var temps = s.Temperatures;
            int at = temps.FindLastIndex(p => p.At <= r.Timestamp) + 1;
            temps.Insert(at, new TemperatureSample(r.Timestamp, (float)c));
            if (temps.Count > ShipmentState.TemperatureHistoryCapacity) temps.RemoveAt(0);
        }

        var track = s.Track;
        var point = new TrackPoint(r.Timestamp, (float)r.Lat, (float)r.Lon, (float?)r.SpeedKnots, (float?)r.TemperatureC);
        int index = track.FindLastIndex(p => p.At <= r.Timestamp) + 1;
        bool farFromPrevious = index == 0 || IsSpaced(track[index - 1], point);
        bool farFromNext = index == track.Count || IsSpaced(point, track[index]);
        if (index == track.Count && index > 0 && !farFromPrevious) return; // newest point too close to the last kept one
        if (index < track.Count && !(farFromPrevious && farFromNext)) return;
        track.Insert(index, point);
        if (track.Count > ShipmentState.TrackCapacity) Thin(track);
    }

    private static bool IsSpaced(TrackPoint a, TrackPoint b) =>
        (b.At - a.At).Duration() >= TrackMinInterval || GeoMath.HaversineKm(a.Lat, a.Lon, b.Lat, b.Lon) >= TrackMinDistanceKm;

    /// <summary>Drops every other point of the older half: recent movement stays detailed, the whole voyage stays drawn.</summary>
    private static void Thin(List<TrackPoint> track)
    {
        int half = track.Count / 2;
        var kept = new List<TrackPoint>(track.Count);
        for (int i = 0; i < half; i++) if (i % 2 == 0) kept.Add(track[i]);
        for (int i = half; i < track.Count; i++) kept.Add(track[i]);
        track.Clear();
        track.AddRange(kept);
    }

    /// <summary>FNV-1a over the id's characters: stable across processes (string.GetHashCode is randomised per process).</summary>
    public static long MessageHash(string messageId)
    {
        ulong hash = 14695981039346656037UL;
        foreach (char ch in messageId)
        {
            hash ^= ch;
            hash *= 1099511628211UL;
        }
        return hash == 0 ? 1 : (long)hash; // 0 marks an empty ring slot
    }
}
