using Orleans.Runtime;
using Visibility.Domain.Factories;
using Visibility.Domain.Suppliers;
using Visibility.Grains.Factories;
using Visibility.Grains.Live;
using Visibility.Grains.Registry;
using Visibility.Grains.Shipments;

namespace Visibility.Grains.Suppliers;

public sealed class SupplierGrain(
    [PersistentState("supplier", StorageProviders.Default)] IPersistentState<SupplierState> state,
    TimeProvider clock) : Grain, ISupplierGrain
{
    private SupplierState S => state.State;

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
        Publish();
        return S.View();
    }

    private void Publish() => GrainFactory.GetGrain<IPushNotifierGrain>(0).PublishSupplier(S.View()).Ignore();

    public Task<StatusHistoryEntry[]?> GetHistory() => Task.FromResult(S.Exists
        ? S.History.AsEnumerable().Reverse().Select(r => new StatusHistoryEntry(r.At, r.SiteId, r.Status.ToApi(), r.CapacityPct, r.ExpectedRecovery, r.Note)).ToArray()
        : null);
}
