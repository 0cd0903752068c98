using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Visibility.Domain.Geo;

namespace Visibility.Simulator;

/// <summary>
/// Replays real AIS tracks (MarineCadastre, US waters) as ocean shipments: one shipment "AIS-{MMSI}" per
/// cargo or tanker vessel, origin and destination the nearest US ports to its first and last positions,
/// positions sent in time order with the day shifted to start now (and TimeScale applied), speed = SOG,
/// heading = COG. Positions are real; only the times are shifted. Ends when the file is played out.
/// </summary>
public sealed class AisReplay(SimulatorOptions options, VisibilityApiClient api, ILogger logger, TimeProvider? timeProvider = null)
{
    /// <summary>US ports a vessel's first/last position is matched to; those the catalog lacks are left out.</summary>
    public static readonly IReadOnlyList<string> UsPortCodes =
    [
        "USLAX", "USLGB", "USOAK", "USSEA", "USTIW", "USPDX", "USSAN", "USHNL", "USANC",
        "USHOU", "USBPT", "USCRP", "USMSY", "USMOB", "USTPA", "USPEF", "USMIA", "USJAX",
        "USSAV", "USCHS", "USORF", "USBAL", "USPHL", "USNYC", "USBOS",
    ];

    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;
    private readonly OnceLog _once = new(logger, timeProvider);

    public async Task RunAsync(string path, CancellationToken ct)
    {
        List<AisPosition> positions;
        int skippedRows;
        using (var reader = new StreamReader(path))
            (positions, skippedRows) = AisCsv.Read(reader);
        var vessels = AisCsv.SelectVessels(positions, options.Shipments);
        logger.LogInformation("Simulator: AIS replay of {Path}: {Rows} positions read ({Skipped} unusable rows), {Vessels} cargo/tanker vessels selected (at most {Max})",
            path, positions.Count, skippedRows, vessels.Count, options.Shipments);
        if (vessels.Count == 0) return;

        var ports = await FetchPortsAsync(ct);
        if (ports.Count < 2)
        {
            logger.LogError("Simulator: AIS replay needs at least two US ports in the location catalog; found {Count}", ports.Count);
            return;
        }

        var created = await CreateShipmentsAsync(vessels, ports, ct);
        logger.LogInformation("Simulator: AIS replay created or re-used {Count} shipments; replaying", created.Count);
        await ReplayAsync(created, ct);
    }

    /// <summary>The nearest port to the first position is the origin, to the last the destination; never both the same.</summary>
    public static (string Origin, string Destination) PortsFor(AisVessel vessel, IReadOnlyList<(string Code, GeoPoint Point)> ports)
    {
        var first = vessel.Positions[0].Point;
        var last = vessel.Positions[^1].Point;
        // AIS in this extract carries no voyage data: the destination is where the vessel is at the end of the
        // day, the origin where it was at the start, or the next nearest port when both are the same.
        string destination = Nearest(last, ports, exclude: null);
        string origin = Nearest(first, ports, exclude: destination);
        return (origin, destination);
    }

    public static string Nearest(GeoPoint point, IReadOnlyList<(string Code, GeoPoint Point)> ports, string? exclude) =>
        ports.Where(p => p.Code != exclude).MinBy(p => GeoMath.HaversineKm(point, p.Point)).Code;

    /// <summary>When a position recorded at `original` is replayed: the day starts at replayStart and runs timeScale times faster.</summary>
    public static DateTimeOffset ReplayTime(DateTime original, DateTime dayStart, DateTimeOffset replayStart, double timeScale) =>
        replayStart + (original - dayStart) / timeScale;

    private async Task<List<(string Code, GeoPoint Point)>> FetchPortsAsync(CancellationToken ct)
    {
        var found = new ConcurrentDictionary<string, GeoPoint>();
        await Parallel.ForEachAsync(UsPortCodes, new ParallelOptions { MaxDegreeOfParallelism = options.MaxConcurrentRequests, CancellationToken = ct },
            async (code, token) =>
            {
                if (await api.GetLocationAsync(code, token) is { } l) found[code] = new GeoPoint(l.Lat, l.Lon);
                else logger.LogInformation("Simulator: AIS replay: port {Code} is not in the catalog, left out", code);
            });
        return UsPortCodes.Where(found.ContainsKey).Select(c => (c, found[c])).ToList();
    }

    private async Task<List<AisVessel>> CreateShipmentsAsync(List<AisVessel> vessels, List<(string Code, GeoPoint Point)> ports, CancellationToken ct)
    {
        var dayStart = vessels.Min(v => v.Positions[0].Time).Date;
        var replayStart = _time.GetUtcNow();
        var ok = new ConcurrentBag<AisVessel>();
        await Parallel.ForEachAsync(vessels, new ParallelOptions { MaxDegreeOfParallelism = options.MaxConcurrentRequests, CancellationToken = ct },
            async (vessel, token) =>
            {
                var (origin, destination) = PortsFor(vessel, ports);
                // Planned departure = when the vessel first appears in the replay; no planned arrival: AIS does not say.
                var departure = ReplayTime(vessel.Positions[0].Time, dayStart, replayStart, options.TimeScale);
                var request = new CreateShipmentRequest(vessel.ShipmentId, vessel.Name.Length > 0 ? vessel.Name : $"MMSI {vessel.Mmsi}",
                    TransportMode.Ocean.ToWire(), origin, destination, departure.UtcDateTime, null, [], null);
                var outcome = await api.CreateShipmentAsync(request, token);
                if (outcome.Status is CreateStatus.Created or CreateStatus.AlreadyExists) ok.Add(vessel);
                else _once.Warn($"ais-create:{outcome.Status}", "Simulator: AIS vessel {Id} could not be created ({Status}: {Problem}); it is left out",
                    vessel.ShipmentId, outcome.Status, VisibilityApiClient.Describe(outcome.Problem));
            });
        return ok.OrderBy(v => v.Mmsi).ToList();
    }

    private async Task ReplayAsync(List<AisVessel> vessels, CancellationToken ct)
    {
        if (vessels.Count == 0) return;
        var dayStart = vessels.Min(v => v.Positions[0].Time).Date;
        var replayStart = _time.GetUtcNow();
        var events = vessels.SelectMany(v => v.Positions.Select(p => (Vessel: v, Position: p)))
            .OrderBy(e => e.Position.Time).ThenBy(e => e.Vessel.Mmsi).ToList();
        var lastSeq = new Dictionary<long, long>();
        var batcher = new TelemetryBatcher(options.BatchSize);
        var sender = new BatchSender(api, options.MaxConcurrentRequests, (rejected, problem) =>
            _once.Warn("ais-rejected", "Simulator: the API rejected {Count} AIS reading(s): {Problem}", rejected.Count, VisibilityApiClient.Describe(problem)));
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(500), _time);
        int next = 0;
        var nextStatus = replayStart + TimeSpan.FromMinutes(1);
        try
        {
            while (next < events.Count && await timer.WaitForNextTickAsync(ct))
            {
                var now = _time.GetUtcNow();
                while (next < events.Count && ReplayTime(events[next].Position.Time, dayStart, replayStart, options.TimeScale) is var at && at <= now)
                {
                    // Stamped with its shifted time (already past, never ahead of the clock), so a vessel's
                    // readings keep their real spacing even when a tick sends several at once.
                    var (vessel, p) = events[next++];
                    long seq = Math.Max(lastSeq.GetValueOrDefault(vessel.Mmsi) + 1, at.ToUnixTimeMilliseconds());
                    lastSeq[vessel.Mmsi] = seq;
                    var reading = new TelemetryReading($"{vessel.ShipmentId}:{seq}", vessel.ShipmentId, at.UtcDateTime,
                        p.Lat, p.Lon, p.SogKnots, p.CogDeg, null, null, null, null, null);
                    if (batcher.Add(reading) is { } full) await sender.SendAsync(full, ct);
                }
                if (batcher.Flush() is { } partial) await sender.SendAsync(partial, ct);
                if (now >= nextStatus)
                {
                    nextStatus = now + TimeSpan.FromMinutes(1);
                    logger.LogInformation("Simulator: AIS replay at {Original:HH:mm} of the recorded day, {Sent} of {Total} positions sent",
                        dayStart + (now - replayStart) * options.TimeScale, next, events.Count);
                }
            }
        }
        finally
        {
            await sender.DrainAsync(TimeSpan.FromSeconds(10));
        }
        logger.LogInformation("Simulator: AIS replay finished: {Total} positions of {Vessels} vessels sent", events.Count, vessels.Count);
    }
}
