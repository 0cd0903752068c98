using Orleans.Runtime;
using Visibility.Domain.Suppliers;
using Visibility.Grains.Factories;
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
            return new SupplierCreateResult(S.Profile!.SameAs(profile) ? CreateOutcome.AlreadyExists : CreateOutcome.Conflict, S.View());
        S.Profile = profile;
        await state.WriteStateAsync();
        await GrainFactory.GetGrain<IRegistryGrain>(Registries.Suppliers).Add(profile.Id);
        // Tell each factory which countries supply which of its parts (the board filters by country of supply).
        foreach (var site in profile.Sites)
            foreach (var part in site.Parts)
                foreach (var factoryId in part.FactoryIds)
                    await GrainFactory.GetGrain<IFactoryGrain>(factoryId).RegisterSupply(part.PartNumber, site.Country);
        return new SupplierCreateResult(CreateOutcome.Created, S.View());
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
        return S.View();
    }

    public Task<StatusHistoryEntry[]?> GetHistory() => Task.FromResult(S.Exists
        ? S.History.AsEnumerable().Reverse().Select(r => new StatusHistoryEntry(r.At, r.SiteId, r.Status.ToApi(), r.CapacityPct, r.ExpectedRecovery, r.Note)).ToArray()
        : null);
}
