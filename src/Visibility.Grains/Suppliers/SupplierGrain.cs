using Orleans.Runtime;
using Visibility.Domain.Disruptions;
using Visibility.Domain.Factories;
using Visibility.Domain.Suppliers;
using Visibility.Grains.Disruptions;
using Visibility.Grains.Factories;
using Visibility.Grains.Live;
using Visibility.Grains.Registry;
using Visibility.Grains.Shipments;

namespace Visibility.Grains.Suppliers;

/// <summary>
/// A supplier. Its sites join the geo-cell indexes (so a hazard finds them without a scan); a site posted "halted"
/// opens a supplier-site-outage disruption, and "operating" resolves it.
/// </summary>
public sealed class SupplierGrain(
    [PersistentState("supplier", StorageProviders.Default)] IPersistentState<SupplierState> state,
    TimeProvider clock) : Grain, ISupplierGrain
{
    /// <summary>Time to recover assumed for a halt posted without an expected recovery (the note says so).</summary>
    public static readonly TimeSpan AssumedRecovery = TimeSpan.FromDays(14);

    private SupplierState S => state.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (S.Exists) JoinCells();
        return Task.CompletedTask;
    }

    /// <summary>Each site joins the index of the geo-cell it is in (in memory there: joined again on every activation).</summary>
    private void JoinCells()
    {
        foreach (var site in S.Profile!.Sites)
        {
            var at = new Visibility.Domain.Geo.GeoPoint(site.Lat, site.Lon);
            GrainFactory.GetGrain<IDisruptionIndexGrain>(GeoCells.KeyOf(at)).JoinSite(new IndexSite(S.Profile.Id, site.Id, at)).Ignore();
        }
    }

    public async Task<SupplierCreateResult> Create(SupplierProfile profile)
    {
        if (S.Exists)
        {
            if (!S.Profile!.SameAs(profile)) return new SupplierCreateResult(CreateOutcome.Conflict, S.View());
            // The same registration again (the demo seeder does this on every start) re-links the sites, which
            // brings factories written by an older version up to date; an unchanged link is a no-op there.
            await LinkFactoriesAsync(S.Profile);
            return new SupplierCreateResult(CreateOutcome.AlreadyExists, S.View());
        }
        S.Profile = profile;
        await state.WriteStateAsync();
        await GrainFactory.GetGrain<IRegistryGrain>(Registries.Suppliers).Add(profile.Id);
        await LinkFactoriesAsync(profile);
        JoinCells();
        Publish();
        return new SupplierCreateResult(CreateOutcome.Created, S.View());
    }

    /// <summary>Tells each factory which sites (and so which countries) supply which of its parts.</summary>
    private async Task LinkFactoriesAsync(SupplierProfile profile)
    {
        foreach (var site in profile.Sites)
            foreach (var part in site.Parts)
                foreach (var factoryId in part.FactoryIds)
                    await GrainFactory.GetGrain<IFactoryGrain>(factoryId).RegisterSupply(part.PartNumber,
                        new SupplySource(profile.Id, profile.Name, site.Id, site.Name, site.Country));
    }

    public Task<SupplierView?> GetView() => Task.FromResult(S.Exists ? S.View() : null);

    public async Task<SupplierView?> PostStatus(string? siteId, SiteStatus status, double capacityPct, DateTimeOffset? expectedRecovery, string? note)
    {
        if (!S.Exists) return null;
        var sites = siteId == null ? S.Profile!.Sites : S.Profile!.Sites.Where(s => s.Id == siteId).ToArray();
        if (sites.Length == 0) return null;
        var now = clock.GetUtcNow();
        foreach (var site in sites) S.Record(new SiteStatusReport(now, site.Id, status, capacityPct, expectedRecovery, note));
        await state.WriteStateAsync();
        // The factories these sites supply show the new status on their board rows.
        foreach (var site in sites)
            foreach (var factoryId in site.Parts.SelectMany(p => p.FactoryIds).Distinct(StringComparer.Ordinal))
                await GrainFactory.GetGrain<IFactoryGrain>(factoryId).UpdateSupplyStatus(S.Profile.Id, site.Id, status.ToApi(), capacityPct, expectedRecovery);
        foreach (var site in sites) await TrackOutageAsync(site, status, expectedRecovery, note, now);
        Publish();
        return S.View();
    }

    /// <summary>
    /// "halted" opens an outage disruption for the site (or moves its expected end when one is open), "operating"
    /// resolves it; "reduced" leaves it as it is. Posting the same status again opens nothing new.
    /// </summary>
    private async Task TrackOutageAsync(SupplierSite site, SiteStatus status, DateTimeOffset? expectedRecovery, string? note, DateTimeOffset now)
    {
        if (status == SiteStatus.Halted)
        {
            if (S.OpenOutages.TryGetValue(site.Id, out var open))
            {
                if (expectedRecovery != null) await GrainFactory.GetGrain<IDisruptionGrain>(open).UpdateExpectedEnd(expectedRecovery);
                return;
            }
            string id = $"outage-{Safe(S.Profile!.Id)}-{Safe(site.Id)}-{S.Reports}";
            S.OpenOutages[site.Id] = id;
            await state.WriteStateAsync();
            var definition = new DisruptionDefinition
            {
                Id = id,
                Type = DisruptionType.SupplierSiteOutage,
                Severity = DisruptionSeverity.High,
                Title = $"{S.Profile.Name}: {site.Name} halted",
                SupplierId = S.Profile.Id,
                SiteId = site.Id,
                Start = now,
                ExpectedEnd = expectedRecovery ?? now + AssumedRecovery,
                Source = "supplier-status",
                SourceId = S.Profile.Id + "/" + site.Id,
                Note = expectedRecovery == null ? $"No expected recovery posted: {AssumedRecovery.TotalDays:0} days assumed. {note}".Trim() : note,
                Point = new Visibility.Domain.Geo.GeoPoint(site.Lat, site.Lon),
                PlaceName = site.Name,
            };
            await GrainFactory.GetGrain<IDisruptionGrain>(id).Create(definition, "supplier-status");
        }
        else if (status == SiteStatus.Operating && S.OpenOutages.Remove(site.Id, out var outage))
        {
            await state.WriteStateAsync();
            await GrainFactory.GetGrain<IDisruptionGrain>(outage).Resolve("supplier-status");
        }
    }

    /// <summary>An id safe in a URL path segment.</summary>
    private static string Safe(string id) => new(id.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_').ToArray());

    public async Task<SiteImpact[]> MarkSites(SiteDisruption disruption, string[] siteIds)
    {
        if (!S.Exists) return [];
        var sites = S.Profile!.Sites.Where(s => siteIds.Contains(s.Id, StringComparer.Ordinal)).ToArray();
        bool changed = false;
        foreach (var site in sites) changed |= S.Mark(site.Id, disruption);
        if (changed)
        {
            await state.WriteStateAsync();
            Publish();
        }
        return sites.Select(s => new SiteImpact(S.Profile.Id, S.Profile.Name, s.Id, s.Name, s.Country, s.Lat, s.Lon, s.Parts)).ToArray();
    }

    public async Task ClearSites(string disruptionId)
    {
        if (!S.Exists || !S.Unmark(disruptionId)) return;
        await state.WriteStateAsync();
        Publish();
    }

    private void Publish() => GrainFactory.GetGrain<IPushNotifierGrain>(0).PublishSupplier(S.View()).Ignore();

    public Task<StatusHistoryEntry[]?> GetHistory() => Task.FromResult(S.Exists
        ? S.History.AsEnumerable().Reverse().Select(r => new StatusHistoryEntry(r.At, r.SiteId, r.Status.ToApi(), r.CapacityPct, r.ExpectedRecovery, r.Note)).ToArray()
        : null);
}
