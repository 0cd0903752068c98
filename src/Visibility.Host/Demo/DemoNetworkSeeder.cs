using Visibility.Domain.Factories;
using Visibility.Domain.Inventory;
using Visibility.Domain.Locations;
using Visibility.Domain.Suppliers;
using Visibility.Grains.Factories;
using Visibility.Grains.Suppliers;
using Visibility.Host.Ingest;
using Visibility.Simulator;

namespace Visibility.Host.Demo;

/// <summary>
/// Seeds <see cref="DemoNetwork"/> on the embedded default (<c>Demo:Seed</c>, on by default). Idempotent: existing
/// factories, parts and suppliers are left as they are, so a manager's edits and received stock survive restarts.
/// </summary>
public sealed class DemoNetworkSeeder(
    IGrainFactory grains,
    LocationCatalog locations,
    RecoveryStatus recovery,
    IConfiguration configuration,
    TimeProvider clock,
    DemoSeedStatus status,
    ILogger<DemoNetworkSeeder> logger) : BackgroundService
{
    public const double OrderCycleDays = 7;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Done even when off or failed: the simulator then simply finds no demo suppliers.
        try { await Hosting.StorageRetry.RunAsync("Demo seeding", SeedAsync, logger, stoppingToken); }
        finally { status.MarkDone(); }
    }

    private async Task SeedAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue("Demo:Seed", true)) return;
        while (!recovery.Recovered) await Task.Delay(100, stoppingToken);
        int factories = 0, parts = 0, suppliers = 0;
        foreach (var f in DemoNetwork.Factories)
        {
            var location = locations.Find(f.Locode) ?? throw new InvalidOperationException($"demo factory location {f.Locode} missing from the catalog");
            var grain = grains.GetGrain<IFactoryGrain>(f.Id);
            var created = await grain.Create(new FactoryProfile(f.Id, f.Name, location.Locode, location.Lat, location.Lon, location.Country, Demo: true));
            if (created.Outcome == Grains.Shipments.CreateOutcome.Created) factories++;
            var existing = created.View?.Parts ?? [];
            var partNumbers = DemoNetwork.PartsFor(f.Id);
            for (int i = 0; i < partNumbers.Count; i++)
            {
                if (existing.Contains(partNumbers[i])) continue;
                var parameters = Parameters(f.Id, partNumbers[i], i);
                await grain.PutPart(partNumbers[i], parameters);
                await grain.UpsertDemand(DemoOrders(f.Id, partNumbers[i], i, parameters));
                if (DemoNetwork.UnitValueUsd.TryGetValue(partNumbers[i], out var unitValue)) await grain.SetSourcing(partNumbers[i], replaceShares: false, null, unitValue);
                parts++;
            }
        }
        foreach (var s in DemoNetwork.Suppliers)
        {
            var sites = s.Sites.Select(site =>
            {
                var l = locations.Find(site.Locode) ?? throw new InvalidOperationException($"demo supplier site {site.Locode} missing from the catalog");
                return new SupplierSite(site.Id, site.Name, l.Locode, l.Lat, l.Lon, l.Country,
                    site.Parts.Select(p => new SuppliedPart(p.Part, p.Factories)).ToArray());
            }).ToArray();
            var result = await grains.GetGrain<ISupplierGrain>(s.Id).Create(new SupplierProfile(s.Id, s.Name, s.Country, sites, Demo: true));
            if (result.Outcome == Grains.Shipments.CreateOutcome.Created) suppliers++;
        }
        logger.LogInformation("Demo network (demo data): {Factories} factories, {Parts} buffers, {Suppliers} suppliers created",
            factories, parts, suppliers);
    }

    /// <summary>
    /// Open customer orders so qualified demand is not zero on the board: half a day's usage due today on every part,
    /// and on every third part an order spike (60 % of the red zone, above the 50 % threshold) due mid-lead-time.
    /// </summary>
    private DemandOrder[] DemoOrders(string factoryId, string partNumber, int position, BufferParameters p)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var orders = new List<DemandOrder> { new($"DEMO-SO-{factoryId}-{partNumber}-1", partNumber, Math.Round(p.Adu!.Value / 2), today) };
        if (position % 3 == 1)
        {
            double red = BufferZones.Compute(p.Adu.Value, p).Red;
            orders.Add(new($"DEMO-SO-{factoryId}-{partNumber}-2", partNumber, Math.Round(0.6 * red), today.AddDays((int)(p.DltDays / 2))));
        }
        return [.. orders];
    }

    private static BufferParameters Parameters(string factoryId, string partNumber, int position)
    {
        var part = CargoCatalog.Find(partNumber);
        double load = (part.MinQuantity + part.MaxQuantity) / 2.0;
        var (aduLoads, onHandDays, ltf, vf) = DemoNetwork.Profiles[(position + factoryId.Length) % DemoNetwork.Profiles.Length];
        double adu = Math.Round(aduLoads * load);
        return new BufferParameters(part.HsCode.Replace(".", ""), adu, DemoNetwork.DltDaysFor(factoryId), ltf, vf,
            Moq: Math.Round(load), OrderCycleDays, OnHand: Math.Round(adu * onHandDays), OpenOrders: 0);
    }
}
