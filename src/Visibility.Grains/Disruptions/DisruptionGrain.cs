using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using Visibility.Domain.Disruptions;
using Visibility.Domain.Suppliers;
using Visibility.Grains.Factories;
using Visibility.Grains.Live;
using Visibility.Grains.Registry;
using Visibility.Grains.Shipments;
using Visibility.Grains.Suppliers;

namespace Visibility.Grains.Disruptions;

/// <summary>
/// A disruption. Create and Resolve answer as soon as the change is stored; the propagation runs behind them in this
/// activation (one at a time, in order), so a supplier or an API call never waits for ten thousand shipments:
/// indexes → shipments and sites (the affected ones answer with their impact) → factories (per part TTS, TTR and units
/// at risk) → the live feed. Later arrivals (a shipment booked or sailing in afterwards) report one by one and are
/// folded in within half a second.
/// </summary>
public sealed class DisruptionGrain(
    [PersistentState("disruption", StorageProviders.Default)] IPersistentState<DisruptionState> state,
    TimeProvider clock,
    ILogger<DisruptionGrain> logger) : Grain, IDisruptionGrain
{
    private static readonly TimeSpan RefreshDelay = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan ExpiryCheck = TimeSpan.FromMinutes(10);
    private const int FanOut = 512;

    private Task _propagation = Task.CompletedTask;
    private IGrainTimer? _refresh;
    private IGrainTimer? _expiry;

    private DisruptionState S => state.State;
    private string Id => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        StartExpiryCheck();
        return Task.CompletedTask;
    }

    public async Task<DisruptionCreateResult> Create(DisruptionDefinition definition, string createdBy, DateTimeOffset? resolvedAt = null)
    {
        if (S.Exists)
            return new DisruptionCreateResult(S.Definition!.SameDeclarationAs(definition) ? CreateOutcome.AlreadyExists : CreateOutcome.Conflict, View());
        var now = clock.GetUtcNow();
        S.Definition = definition;
        S.CreatedAt = now;
        S.CreatedBy = createdBy;
        if (resolvedAt is { } at)
        {
            S.Status = DisruptionStatus.Resolved;
            S.ResolvedAt = at;
            S.ResolvedBy = definition.Source;
            S.Propagated = true;
        }
        S.Version++;
        await state.WriteStateAsync();
        await GrainFactory.GetGrain<IRegistryGrain>(Registries.Disruptions).Add(definition.Id);
        Publish();
        if (S.IsActive)
        {
            logger.LogInformation("Disruption {DisruptionId} declared by {By}: {Type} {Title}", definition.Id, createdBy, definition.Type.ToApi(), definition.Title);
            _propagation = Chain(_propagation, PropagateAsync);
            StartExpiryCheck();
        }
        return new DisruptionCreateResult(CreateOutcome.Created, View());
    }

    public Task<DisruptionView?> GetView() => Task.FromResult(S.Exists ? View() : null);

    public async Task<DisruptionImpactView?> GetImpact()
    {
        if (!S.Exists) return null;
        if (S.IsActive && S.Factories.Count > 0)
        {
            // Fresh figures: stock, usage and ETAs have moved since the rows were gathered.
            var rows = await Task.WhenAll(S.Factories.Select(f => GrainFactory.GetGrain<IFactoryGrain>(f).GetRisks(Id)));
            S.Parts = Rank(rows.SelectMany(r => r));
        }
        return new DisruptionImpactView(View(),
            S.Shipments.Values.OrderByDescending(i => i.AddedDays).ThenBy(i => i.ShipmentId, StringComparer.Ordinal).ToArray(),
            S.Sites.Values.OrderBy(s => s.SupplierName, StringComparer.Ordinal).ThenBy(s => s.SiteName, StringComparer.Ordinal).ToArray(),
            [.. S.Parts]);
    }

    public async Task<DisruptionView?> Resolve(string resolvedBy)
    {
        if (!S.Exists) return null;
        if (!S.IsActive) return View();
        S.Status = DisruptionStatus.Resolved;
        S.ResolvedAt = clock.GetUtcNow();
        S.ResolvedBy = resolvedBy;
        S.Version++;
        await state.WriteStateAsync();
        Publish();
        logger.LogInformation("Disruption {DisruptionId} resolved by {By}", Id, resolvedBy);
        _expiry?.Dispose();
        _expiry = null;
        _propagation = Chain(_propagation, LiftAsync);
        return View();
    }

    public async Task<DisruptionView?> UpdateExpectedEnd(DateTimeOffset? expectedEnd)
    {
        if (!S.Exists) return null;
        if (!S.IsActive || S.Definition!.ExpectedEnd == expectedEnd) return View();
        S.Definition = S.Definition with { ExpectedEnd = expectedEnd };
        S.Version++;
        await state.WriteStateAsync();
        Publish();
        _propagation = Chain(_propagation, RefreshAndPublishAsync);
        return View();
    }

    public async Task Wake()
    {
        if (!S.IsActive) return;
        if (S.Definition!.AutoResolve && S.Definition.ExpectedEnd is { } end && end <= clock.GetUtcNow())
        {
            await Resolve("expired");
            return;
        }
        _propagation = Chain(_propagation, PropagateAsync);
    }

    public Task ShipmentAffected(ShipmentImpact impact)
    {
        if (!S.IsActive) return Task.CompletedTask;
        S.Shipments[impact.ShipmentId] = impact;
        ScheduleRefresh();
        return Task.CompletedTask;
    }

    public Task ShipmentCleared(string shipmentId)
    {
        if (S.IsActive && S.Shipments.Remove(shipmentId)) ScheduleRefresh();
        return Task.CompletedTask;
    }

    public Task SitesAffected(SiteImpact[] sites)
    {
        if (!S.IsActive) return Task.CompletedTask;
        foreach (var site in sites) S.Sites[site.Key] = site;
        ScheduleRefresh();
        return Task.CompletedTask;
    }

    /// <summary>Asks every index the disruption touches (or the supplier of an outage) and gathers who is affected.</summary>
    private async Task PropagateAsync()
    {
        var def = S.Definition!;
        var watch = Stopwatch.StartNew();
        int asked = 0;
        if (def.Type == DisruptionType.SupplierSiteOutage)
        {
            var sites = await GrainFactory.GetGrain<ISupplierGrain>(def.SupplierId!).MarkSites(SiteMark(), [def.SiteId!]);
            foreach (var site in sites) S.Sites[site.Key] = site;
        }
        else
        {
            var effect = DisruptionEffect.From(def);
            var results = await Task.WhenAll(IndexKeys.For(def).Select(key => GrainFactory.GetGrain<IDisruptionIndexGrain>(key).Apply(effect)));
            foreach (var result in results)
            {
                asked += result.Asked;
                foreach (var impact in result.Shipments) S.Shipments[impact.ShipmentId] = impact;
                foreach (var site in result.Sites) S.Sites[site.Key] = site;
            }
        }
        if (!S.IsActive) return; // resolved meanwhile: the lift queued behind this undoes it
        long reachedMs = watch.ElapsedMilliseconds;
        await RefreshFactoriesAsync();
        S.Propagated = true;
        S.Version++;
        await state.WriteStateAsync();
        Publish();
        logger.LogInformation("Disruption {DisruptionId} reached {Shipments} shipments ({Asked} asked) and {Sites} sites in {ReachedMs} ms; {Parts} factory parts ({AtRisk} at risk) after {Ms} ms",
            Id, S.Shipments.Count, asked, S.Sites.Count, reachedMs, S.Parts.Count, S.Parts.Count(p => p.AtRisk), watch.ElapsedMilliseconds);
    }

    /// <summary>Undoes the disruption everywhere it reached: indexes (and the shipments holding it), sites, factories.</summary>
    private async Task LiftAsync()
    {
        var def = S.Definition!;
        var told = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in IndexKeys.For(def))
            told.UnionWith(await GrainFactory.GetGrain<IDisruptionIndexGrain>(key).Lift(Id));
        // Shipments that re-routed away from the index (or met it before a restart emptied it) are told directly.
        var rest = S.Shipments.Keys.Where(id => !told.Contains(id)).ToArray();
        for (int i = 0; i < rest.Length; i += FanOut)
            await Task.WhenAll(rest.Skip(i).Take(FanOut).Select(id => GrainFactory.GetGrain<IShipmentGrain>(id).RemoveDisruption(Id)));
        var suppliers = S.Sites.Values.Select(s => s.SupplierId).Append(def.SupplierId).OfType<string>().Distinct(StringComparer.Ordinal);
        await Task.WhenAll(suppliers.Select(s => GrainFactory.GetGrain<ISupplierGrain>(s).ClearSites(Id)));
        await Task.WhenAll(S.Factories.Select(f => GrainFactory.GetGrain<IFactoryGrain>(f).ClearExposure(Id)));
        S.Factories.Clear();
        S.Version++;
        await state.WriteStateAsync();
        Publish();
        logger.LogInformation("Disruption {DisruptionId} lifted from {Shipments} shipments and {Sites} sites", Id, S.Shipments.Count, S.Sites.Count);
    }

    /// <summary>
    /// Tells each factory what the disruption holds up there (shipments whose arrival it moves, parts whose supplier
    /// site it reaches) and gathers the factory × part rows. A shipment only inside a zone is alerted, not held up.
    /// </summary>
    private async Task RefreshFactoriesAsync()
    {
        var def = S.Definition!;
        var shipmentsByFactory = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var impact in S.Shipments.Values.Where(i => i.Effect != ShipmentEffects.InZone))
            foreach (var factoryId in impact.FactoryIds)
                (shipmentsByFactory.TryGetValue(factoryId, out var list) ? list : shipmentsByFactory[factoryId] = []).Add(impact.ShipmentId);
        var partsByFactory = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var site in S.Sites.Values)
            foreach (var part in site.Parts)
                foreach (var factoryId in part.FactoryIds)
                    (partsByFactory.TryGetValue(factoryId, out var set) ? set : partsByFactory[factoryId] = new(StringComparer.Ordinal)).Add(part.PartNumber);

        var factories = shipmentsByFactory.Keys.Union(partsByFactory.Keys).ToHashSet(StringComparer.Ordinal);
        var rows = await Task.WhenAll(factories.Select(f => GrainFactory.GetGrain<IFactoryGrain>(f).SetExposure(new FactoryExposure(Id, def.Type, def.Title, def.ExpectedEnd,
            shipmentsByFactory.TryGetValue(f, out var ids) ? [.. ids.Order(StringComparer.Ordinal)] : [],
            partsByFactory.TryGetValue(f, out var parts) ? [.. parts] : []))));
        await Task.WhenAll(S.Factories.Where(f => !factories.Contains(f)).Select(f => GrainFactory.GetGrain<IFactoryGrain>(f).ClearExposure(Id)));
        S.Factories = factories;
        S.Parts = Rank(rows.SelectMany(r => r));
    }

    private async Task RefreshAndPublishAsync()
    {
        if (!S.IsActive) return;
        await RefreshFactoriesAsync();
        S.Version++;
        await state.WriteStateAsync();
        Publish();
    }

    /// <summary>Late arrivals come one by one: they are folded in together, half a second after the first.</summary>
    private void ScheduleRefresh()
    {
        if (_refresh != null) return;
        _refresh = this.RegisterGrainTimer(_ =>
        {
            _refresh?.Dispose();
            _refresh = null;
            _propagation = Chain(_propagation, RefreshAndPublishAsync);
            return Task.CompletedTask;
        }, new GrainTimerCreationOptions(RefreshDelay, Timeout.InfiniteTimeSpan));
    }

    /// <summary>A feed item ends by itself at its expected end.</summary>
    private void StartExpiryCheck()
    {
        if (_expiry != null || !S.IsActive || !S.Definition!.AutoResolve || S.Definition.ExpectedEnd == null) return;
        _expiry = this.RegisterGrainTimer(async _ =>
        {
            if (S.IsActive && S.Definition!.ExpectedEnd <= clock.GetUtcNow()) await Resolve("expired");
        }, new GrainTimerCreationOptions(ExpiryCheck, ExpiryCheck) { KeepAlive = true });
    }

    /// <summary>Runs <paramref name="next"/> after <paramref name="previous"/> (whatever became of it); failures are logged, not thrown.</summary>
    private Task Chain(Task previous, Func<Task> next) => ChainAsync(previous, next);

    private async Task ChainAsync(Task previous, Func<Task> next)
    {
        try { await previous; } catch { /* logged where it failed */ }
        try { await next(); }
        catch (Exception ex) { logger.LogError(ex, "Disruption {DisruptionId}: propagation step failed", Id); }
    }

    private static List<PartRiskRow> Rank(IEnumerable<PartRiskRow> rows) => rows
        .OrderByDescending(r => r.ImpactUnits).ThenBy(r => r.TtsDays ?? double.MaxValue)
        .ThenBy(r => r.FactoryId, StringComparer.Ordinal).ThenBy(r => r.PartNumber, StringComparer.Ordinal).ToList();

    private SiteDisruption SiteMark() => new(Id, S.Definition!.Type.ToApi(), S.Definition.Title);

    private DisruptionView View() => DisruptionView.From(S, clock.GetUtcNow());

    private void Publish() => GrainFactory.GetGrain<IPushNotifierGrain>(0).PublishDisruption(View()).Ignore();
}
