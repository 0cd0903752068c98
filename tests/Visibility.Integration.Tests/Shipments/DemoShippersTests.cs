using Visibility.Host.Demo;
using Visibility.Simulator;

namespace Visibility.Integration.Tests.Shipments;

/// <summary>
/// The built-in simulator credits voyages to the demo suppliers: enough that supplier users see live shipments, and
/// only where the demo network says the cargo is theirs (checked here against <see cref="DemoNetwork"/> itself).
/// </summary>
public sealed class DemoShippersTests
{
    private static ShipperCatalog DemoCatalog() => new(DemoNetwork.Suppliers.Select(s => new SupplierDto(s.Id, true,
        s.Sites.Select(site => new SupplierSiteDto(site.Id, site.Locode[..2],
            site.Parts.Select(p => new SuppliedPartDto(p.Part, p.Factories)).ToList())).ToList())));

    [Fact]
    public void Simulated_voyages_name_a_demo_supplier_only_when_it_ships_every_line_from_the_origin_country()
    {
        var lanes = LaneCatalog.Resolve(LaneCatalog.All, _ => true).Usable;
        var planner = new VoyagePlanner(seed: 42, lanes, shippers: DemoCatalog());
        var plans = Enumerable.Range(0, 300).Select(i => planner.Plan(i, 0)).ToList();
        var named = plans.Where(p => p.SupplierId != null).ToList();

        foreach (var plan in named)
        {
            var supplier = DemoNetwork.Suppliers.Single(s => s.Id == plan.SupplierId);
            Assert.All(plan.Cargo, line => Assert.Contains(supplier.Sites, site =>
                site.Locode[..2] == plan.Lane.Origin[..2] && site.Parts.Any(p => p.Part == line.PartNumber && p.Factories.Contains(line.FactoryId!))));
        }
        // Enough for a demo: most suppliers have live shipments (the default runs 300 voyages).
        var bySupplier = named.GroupBy(p => p.SupplierId!).ToDictionary(g => g.Key, g => g.Count());
        // Seed 42 gives 23 voyages over 6 suppliers: no lane leaves Japan, and a mixed load from two suppliers names neither.
        Assert.True(named.Count >= 20, $"only {named.Count} of 300 voyages name a supplier");
        Assert.True(bySupplier.Count >= 5, "suppliers with voyages: " + string.Join(", ", bySupplier.Select(kv => $"{kv.Key} {kv.Value}")));
    }
}
