using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Visibility.Domain.Geo;

namespace Visibility.Simulator;

/// <summary>
/// Plays the China+1 story against the API: checks which lanes the location catalog knows, books
/// Shipments voyages (re-using existing ids), fetches each planned route, then reports every voyage's
/// position and sensors every ReportIntervalSeconds until it arrives, and books the slot's next voyage
/// a while later. Runs until cancelled.
/// </summary>
public sealed class SimulatorRunner(SimulatorOptions options, VisibilityApiClient api, SimulatorMetrics metrics, ILogger logger, TimeProvider? timeProvider = null,
    IShipperSource? shipperSource = null)
{
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;
    private readonly Channel<(int Index, int Generation)> _toBook = Channel.CreateUnbounded<(int, int)>();
    private readonly Channel<Voyage> _booked = Channel.CreateUnbounded<Voyage>();
    private readonly ConcurrentDictionary<string, Voyage> _active = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _unknownToApi = new();
    private readonly OnceLog _once = new(logger, timeProvider);
    private readonly Dictionary<ResolvedLane, LaneGeometry> _geometry = new();
    private VoyagePlanner? _planner;
    private int _arrivedCount;

    /// <summary>What the simulator knows of a lane before booking on it.</summary>
    private sealed record LaneGeometry(double DistanceKm, RoutePath FallbackPath);

    public async Task RunAsync(CancellationToken ct)
    {
        var lanes = await ResolveLanesAsync(ct);
        if (lanes.Count == 0)
        {
            logger.LogError("Simulator: no lane of the story is usable with this location catalog; nothing to simulate");
            return;
        }
        // Before the first booking: a voyage's supplier is part of its booking, and a re-booking must say the same.
        var shippers = await (shipperSource ?? new ApiShipperSource()).LoadAsync(api, ct);
        _planner = new VoyagePlanner(options.Seed, lanes, options.ReeferShare, options.IdPrefix, shippers);
        LogStoryShares(lanes);
        logger.LogInformation("Simulator: voyages carrying a demo supplier's parts from its country name it as shipper ({Count} demo suppliers: {Ids})",
            shippers.SupplierIds.Count, string.Join(", ", shippers.SupplierIds));

        for (int i = 0; i < options.Shipments; i++) _toBook.Writer.TryWrite((i, 0));
        var bookers = Enumerable.Range(0, options.MaxConcurrentRequests).Select(_ => BookLoopAsync(ct)).ToArray();
        var follower = FollowRoutesLoopAsync(ct);
        try
        {
            await ReportLoopAsync(ct);
        }
        finally
        {
            _toBook.Writer.TryComplete();
            try { await Task.WhenAll([.. bookers, follower]); } catch (OperationCanceledException) { }
        }
    }

    // ---- lanes -------------------------------------------------------------------------------------------

    /// <summary>Keeps the lanes whose codes GET /api/locations/{code} knows and whose route length is known.</summary>
    private async Task<IReadOnlyList<ResolvedLane>> ResolveLanesAsync(CancellationToken ct)
    {
        var known = new ConcurrentDictionary<string, LocationDto>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(LaneCatalog.AllCodes(LaneCatalog.All),
            new ParallelOptions { MaxDegreeOfParallelism = options.MaxConcurrentRequests, CancellationToken = ct },
            async (code, token) =>
            {
                if (await api.GetLocationAsync(code, token) is { } location) known[code] = location;
            });

        var (usable, skipped) = LaneCatalog.Resolve(LaneCatalog.All, known.ContainsKey);
        foreach (var (lane, missing) in skipped)
            logger.LogWarning("Simulator: lane {Lane} skipped: location {Missing} is not in the catalog (404)", lane.Name, missing);

        var withGeometry = new ConcurrentBag<ResolvedLane>();
        await Parallel.ForEachAsync(usable,
            new ParallelOptions { MaxDegreeOfParallelism = options.MaxConcurrentRequests, CancellationToken = ct },
            async (lane, token) =>
            {
                var from = known[lane.Origin];
                var to = known[lane.Destination];
                var a = new GeoPoint(from.Lat, from.Lon);
                var b = new GeoPoint(to.Lat, to.Lon);
                if (lane.Mode == TransportMode.Ocean)
                {
                    var route = await api.GetSeaRouteAsync(lane.Origin, lane.Destination, token);
                    if (route is null || route.Path.Count < 2)
                    {
                        logger.LogWarning("Simulator: lane {Lane} skipped: the API has no sea route between them", lane);
                        return;
                    }
                    lock (_geometry) _geometry[lane] = new LaneGeometry(route.DistanceKm, RoutePath.FromLonLat(route.Path));
                }
                else
                {
                    lock (_geometry) _geometry[lane] = new LaneGeometry(VoyagePlanner.EstimateDistanceKm(lane.Mode, a, b), new RoutePath([a, b]));
                }
                withGeometry.Add(lane);
            });

        // Keep the catalog's order so lane picks do not depend on which request finished first.
        var ordered = usable.Where(withGeometry.Contains).ToList();
        logger.LogInformation("Simulator: {Usable} of {Total} story lanes usable", ordered.Count, LaneCatalog.All.Count);
        return ordered;
    }

    private void LogStoryShares(IReadOnlyList<ResolvedLane> lanes)
    {
        double total = lanes.Sum(l => l.Lane.Weight);
        var shares = lanes.GroupBy(l => l.Lane.Story)
            .Select(g => $"{g.Key} {100 * g.Sum(l => l.Lane.Weight) / total:0}%");
        logger.LogInformation("Simulator: lane shares by origin: {Shares}", string.Join(", ", shares));
    }

    // ---- booking -----------------------------------------------------------------------------------------

    private async Task BookLoopAsync(CancellationToken ct)
    {
        await foreach (var (index, generation) in _toBook.Reader.ReadAllAsync(ct))
        {
            try
            {
                if (!await BookAsync(index, generation, ct))
                    _ = RetryBookingLaterAsync(index, generation, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested) { return; }
            catch (Exception e)
            {
                metrics.Error("booking");
                _once.Warn($"booking:{e.GetType().Name}", "Simulator: booking a voyage failed: {Error}", e.Message);
                _ = RetryBookingLaterAsync(index, generation, ct);
            }
        }
    }

    private async Task RetryBookingLaterAsync(int index, int generation, CancellationToken ct)
    {
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(30), _time, ct);
            _toBook.Writer.TryWrite((index, generation));
        }
        catch (OperationCanceledException) { }
    }

    /// <summary>
    /// Creates (or finds) the voyage of a slot and hands it to the reporting loop. Walks past generations
    /// that already arrived (a restart finds its earlier voyages by id). False = try again later.
    /// </summary>
    private async Task<bool> BookAsync(int index, int firstGeneration, CancellationToken ct)
    {
        var planner = _planner!;
        for (int generation = firstGeneration; generation < firstGeneration + 10_000; generation++)
        {
            var plan = planner.Plan(index, generation);
            var geometry = _geometry[plan.Lane];
            ulong key = planner.KeyOf(plan.Id);
            double cruise = VoyagePlanner.CruiseKmh(key, plan.Lane.Mode);
            var now = _time.GetUtcNow();
            var departure = planner.PlannedDeparture(plan.Id, generation, VoyagePlanner.NominalDuration(geometry.DistanceKm, cruise), now, options.TimeScale);
            var arrival = VoyagePlanner.PlannedArrival(departure, plan.Lane.Mode, geometry.DistanceKm, cruise, options.TimeScale);
            var request = new CreateShipmentRequest(plan.Id, plan.Reference, plan.Lane.Mode.ToWire(), plan.Lane.Origin, plan.Lane.Destination,
                departure.UtcDateTime, arrival.UtcDateTime,
                plan.Cargo.Select(c => new CargoDto(c.PartNumber, c.Quantity, c.FactoryId)).ToList(),
                plan.Reefer is { } r ? new ReeferDto(r.MinC, r.MaxC) : null, plan.SupplierId);

            var outcome = await api.CreateShipmentAsync(request, ct);
            if (outcome.Status == CreateStatus.Failed) return false;
            if (outcome.Status == CreateStatus.Rejected)
            {
                logger.LogWarning("Simulator: shipment {Id} on {Lane} rejected ({Problem}); slot {Index} left empty",
                    plan.Id, plan.Lane, VisibilityApiClient.Describe(outcome.Problem), index);
                return true;
            }

            // 409: the id exists (a restart, or another definition): continue with what the API holds.
            var view = outcome.Shipment ?? await api.GetShipmentAsync(plan.Id, ct);
            if (view is null) return false;
            if (view.IsArrived) continue; // that voyage is over; the slot's next generation is due

            var routeDto = await api.GetShipmentRouteAsync(plan.Id, ct);
            var route = routeDto is { Path.Count: >= 2 } ? RoutePath.FromLonLat(routeDto.Path) : geometry.FallbackPath;
            var mode = TransportModes.FromWire(view.Mode);
            var reefer = view.Reefer is { } vr ? new ReeferRange(vr.MinC, vr.MaxC) : null;
            var profile = planner.Motion(plan.Id, mode, VoyagePlanner.NominalDuration(route.LengthKm, VoyagePlanner.CruiseKmh(key, mode)), reefer is not null);
            var voyage = new Voyage(plan.Id, index, generation, mode, view.PlannedDeparture, route, profile, reefer, key)
            {
                ApiDistanceKm = routeDto?.DistanceKm ?? double.NaN,
            };

            metrics.ShipmentReady();
            if (outcome.Status == CreateStatus.AlreadyExists)
                logger.LogDebug("Simulator: re-using existing shipment {Id}", plan.Id);
            await _booked.Writer.WriteAsync(voyage, ct);
            return true;
        }
        return true;
    }

    // ---- following re-routes -----------------------------------------------------------------------------

    /// <summary>How often each active voyage asks the platform whether its route changed (a closure re-routes ships).</summary>
    public static readonly TimeSpan RouteCheckInterval = TimeSpan.FromSeconds(60);

    /// <summary>
    /// A ship whose shipment the platform re-routes (or routes back when a closure ends) sails the new route, as a
    /// master would follow new voyage orders; otherwise it would keep the old track and raise off-route alerts.
    /// </summary>
    private async Task FollowRoutesLoopAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(RouteCheckInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                int followed = 0;
                foreach (var voyage in _active.Values.Where(v => !v.Finished && v.Mode == TransportMode.Ocean).ToArray())
                {
                    var dto = await api.GetShipmentRouteAsync(voyage.Id, ct);
                    if (dto is not { Path.Count: >= 2 } || double.IsNaN(voyage.ApiDistanceKm) || Math.Abs(dto.DistanceKm - voyage.ApiDistanceKm) < 1) continue;
                    voyage.Follow(RoutePath.FromLonLat(dto.Path), dto.DistanceKm);
                    followed++;
                }
                if (followed > 0) logger.LogInformation("Simulator: {Count} voyages follow a changed route (re-routed or routed back)", followed);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested) { }
    }

    // ---- reporting ---------------------------------------------------------------------------------------

    private async Task ReportLoopAsync(CancellationToken ct)
    {
        var interval = TimeSpan.FromSeconds(options.ReportIntervalSeconds);
        var schedule = new ReportSchedule<Voyage>(interval);
        var batcher = new TelemetryBatcher(options.BatchSize);
        var sender = new BatchSender(api, options.MaxConcurrentRequests, OnRejected);
        var nextBookings = new PriorityQueue<(int Index, int Generation), DateTimeOffset>();
        var tick = TelemetryBatcher.TickPeriod(options.Shipments, options.ReportIntervalSeconds, options.BatchSize);
        var anchor = _time.GetUtcNow(); // the slot grid every voyage's phase is measured on
        var nextStatus = anchor + TimeSpan.FromSeconds(30);
        using var timer = new PeriodicTimer(tick, _time);

        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                var now = _time.GetUtcNow();
                while (_booked.Reader.TryRead(out var voyage))
                {
                    _active[voyage.Id] = voyage;
                    schedule.Add(voyage, anchor, (double)voyage.Index / options.Shipments, now);
                }
                while (_unknownToApi.TryDequeue(out var id))
                {
                    if (!_active.TryRemove(id, out var lost)) continue;
                    lost.Retired = true;
                    _once.Warn("unknown-shipment", "Simulator: the API no longer knows shipment {Id}; booking it again", id);
                    _toBook.Writer.TryWrite((lost.Index, lost.Generation));
                }
                while (nextBookings.TryPeek(out var slot, out var at) && at <= now)
                {
                    nextBookings.Dequeue();
                    _toBook.Writer.TryWrite(slot);
                }

                foreach (var (voyage, due) in schedule.TakeDue(now))
                {
                    if (voyage.Retired) continue;
                    var sampledAt = _time.GetUtcNow(); // never ahead of the clock
                    var (reading, state) = voyage.Sample(sampledAt, options.TimeScale);
                    if (reading is not null && batcher.Add(reading) is { } full) await sender.SendAsync(full, ct);

                    if (state.Phase == VoyagePhase.Arrived && reading is not null)
                    {
                        // The arrival reading is out: stop reporting, book the slot's next voyage after a rest.
                        voyage.Finished = true;
                        _active.TryRemove(voyage.Id, out _);
                        Interlocked.Increment(ref _arrivedCount);
                        var rest = TimeSpan.FromHours(DeterministicRandom.Range(DeterministicRandom.Key(voyage.Key, 300), 2, 12)) / options.TimeScale;
                        nextBookings.Enqueue((voyage.Index, voyage.Generation + 1), now + rest);
                    }
                    else
                    {
                        schedule.Continue(voyage, due, now);
                    }
                }
                if (batcher.Flush() is { } partial) await sender.SendAsync(partial, ct);

                if (now >= nextStatus)
                {
                    nextStatus = now + TimeSpan.FromSeconds(60);
                    logger.LogInformation(
                        "Simulator: {Active} voyages reporting, {Arrived} arrived, {Waiting} waiting for their next voyage; {Readings} synthetic readings accepted ({Duplicates} duplicates) in {Batches} batches, {Errors} errors",
                        _active.Count, _arrivedCount, nextBookings.Count, metrics.ReadingsSent, metrics.Duplicates, metrics.Batches, metrics.Errors);
                }
            }
        }
        finally
        {
            await sender.DrainAsync(TimeSpan.FromSeconds(5));
        }
    }

    /// <summary>After a 400 the sender resends the valid readings; shipments the API does not know get booked again.</summary>
    private void OnRejected(IReadOnlyList<(TelemetryReading Reading, string[] Messages)> rejected, ProblemDetailsDto? problem)
    {
        foreach (var (reading, messages) in rejected)
            if (messages.Any(m => m.Contains("unknown shipment", StringComparison.OrdinalIgnoreCase)))
                _unknownToApi.Enqueue(reading.ShipmentId);
        _once.Warn("telemetry-items-rejected", "Simulator: the API rejected {Count} reading(s): {Problem}",
            rejected.Count, VisibilityApiClient.Describe(problem));
    }
}
