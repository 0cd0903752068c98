using Microsoft.Extensions.Logging;
using Visibility.Domain.Disruptions;
using Visibility.Grains.Shipments;
using Visibility.Domain.Suppliers;
using Visibility.Grains.Suppliers;

namespace Visibility.Grains.Disruptions;

public sealed class DisruptionIndexGrain(ILogger<DisruptionIndexGrain> logger) : Grain, IDisruptionIndexGrain
{
    /// <summary>Calls in flight while asking the members: enough to keep both cores busy, few enough not to flood the silo.</summary>
    private const int FanOut = 512;

    private readonly HashSet<string> _shipments = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IndexSite> _sites = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DisruptionEffect> _effects = new(StringComparer.Ordinal);
    /// <summary>Per disruption: the shipments that hold it (affected or watching its zone), told when it is lifted.</summary>
    private readonly Dictionary<string, HashSet<string>> _holders = new(StringComparer.Ordinal);
    /// <summary>Per disruption: the suppliers whose sites it marked.</summary>
    private readonly Dictionary<string, HashSet<string>> _siteHolders = new(StringComparer.Ordinal);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // The membership lives in memory only: an idle index must not be collected while its members are away at sea.
        this.RegisterGrainTimer(_ => Task.CompletedTask, new GrainTimerCreationOptions(TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(30)) { KeepAlive = true });
        return Task.CompletedTask;
    }

    public async Task JoinShipment(string shipmentId)
    {
        if (!_shipments.Add(shipmentId)) return;
        foreach (var effect in _effects.Values.ToArray())
        {
            var reply = await AskAsync(shipmentId, effect);
            if (reply is { Impact: { } impact, Hold: HoldOutcome.Affected })
                GrainFactory.GetGrain<IDisruptionGrain>(effect.DisruptionId).ShipmentAffected(impact).Ignore();
        }
    }

    public Task LeaveShipment(string shipmentId)
    {
        _shipments.Remove(shipmentId);
        return Task.CompletedTask;
    }

    public async Task JoinSite(IndexSite site)
    {
        _sites[site.SupplierId + "/" + site.SiteId] = site;
        foreach (var effect in _effects.Values.Where(e => e.Zone != null).ToArray())
        {
            var marked = await MarkSitesAsync(effect, [site]);
            if (marked.Length > 0) GrainFactory.GetGrain<IDisruptionGrain>(effect.DisruptionId).SitesAffected(marked).Ignore();
        }
    }

    public async Task<IndexApplyResult> Apply(DisruptionEffect effect)
    {
        _effects[effect.DisruptionId] = effect;
        var members = _shipments.ToArray();
        var affected = new List<ShipmentImpact>();
        for (int i = 0; i < members.Length; i += FanOut)
        {
            var chunk = members.AsSpan(i, Math.Min(FanOut, members.Length - i)).ToArray();
            var replies = await Task.WhenAll(chunk.Select(id => AskAsync(id, effect)));
            foreach (var reply in replies)
                if (reply is { Impact: { } impact, Hold: HoldOutcome.Affected }) affected.Add(impact);
        }
        var sites = effect.Zone != null ? await MarkSitesAsync(effect, _sites.Values.ToArray()) : [];
        return new IndexApplyResult([.. affected], sites, members.Length);
    }

    public async Task<string[]> Lift(string disruptionId)
    {
        _effects.Remove(disruptionId);
        var told = _holders.Remove(disruptionId, out var holders) ? holders.ToArray() : [];
        for (int i = 0; i < told.Length; i += FanOut)
            await Task.WhenAll(told.Skip(i).Take(FanOut).Select(id => RemoveAsync(id, disruptionId)));
        if (_siteHolders.Remove(disruptionId, out var suppliers))
            await Task.WhenAll(suppliers.Select(s => GrainFactory.GetGrain<ISupplierGrain>(s).ClearSites(disruptionId)));
        return told;
    }

    public Task<IndexStats> GetStats() =>
        Task.FromResult(new IndexStats(_shipments.Count, _sites.Count, _effects.Keys.Order(StringComparer.Ordinal).ToArray()));

    private async Task<DisruptionReply?> AskAsync(string shipmentId, DisruptionEffect effect)
    {
        try
        {
            var reply = await GrainFactory.GetGrain<IShipmentGrain>(shipmentId).ApplyDisruption(effect);
            if (reply.Hold != HoldOutcome.Ignored)
            {
                if (!_holders.TryGetValue(effect.DisruptionId, out var holders)) _holders[effect.DisruptionId] = holders = new(StringComparer.Ordinal);
                holders.Add(shipmentId);
            }
            return reply;
        }
        catch (Exception ex)
        {
            // One unreachable shipment must not stop the others; it meets the disruption again when it next joins.
            logger.LogWarning(ex, "Index {Index}: shipment {ShipmentId} did not take disruption {DisruptionId}", this.GetPrimaryKeyString(), shipmentId, effect.DisruptionId);
            return null;
        }
    }

    private async Task RemoveAsync(string shipmentId, string disruptionId)
    {
        try { await GrainFactory.GetGrain<IShipmentGrain>(shipmentId).RemoveDisruption(disruptionId); }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Index {Index}: shipment {ShipmentId} did not drop disruption {DisruptionId}", this.GetPrimaryKeyString(), shipmentId, disruptionId);
        }
    }

    /// <summary>The sites inside the zone, marked at their suppliers (one call per supplier).</summary>
    private async Task<SiteImpact[]> MarkSitesAsync(DisruptionEffect effect, IndexSite[] sites)
    {
        var inside = sites.Where(s => effect.Zone!.Contains(s.At)).GroupBy(s => s.SupplierId).ToArray();
        if (inside.Length == 0) return [];
        var mark = new SiteDisruption(effect.DisruptionId, effect.Type.ToApi(), effect.Title);
        var marked = await Task.WhenAll(inside.Select(g => GrainFactory.GetGrain<ISupplierGrain>(g.Key).MarkSites(mark, g.Select(s => s.SiteId).ToArray())));
        if (!_siteHolders.TryGetValue(effect.DisruptionId, out var holders)) _siteHolders[effect.DisruptionId] = holders = new(StringComparer.Ordinal);
        foreach (var g in inside) holders.Add(g.Key);
        return marked.SelectMany(m => m).ToArray();
    }
}
