using Visibility.Simulator;

namespace Visibility.Simulator.Tests;

public class ShipperCatalogTests
{
    private static SupplierDto Supplier(string id, string country, bool demo, params (string Part, string[] Factories)[] parts) =>
        new(id, demo, [new SupplierSiteDto(id + "-1", country, parts.Select(p => new SuppliedPartDto(p.Part, p.Factories)).ToList())]);

    private static readonly ShipperCatalog Catalog = new([
        Supplier("S-CN-MCU", "CN", true, ("MCU", ["F-1", "F-2"]), ("PMIC", ["F-2"])),
        Supplier("S-CN-PCB", "CN", true, ("PCB", ["F-1"])),
        Supplier("S-VN-MCU", "VN", true, ("MCU", ["F-1"])),
        Supplier("S-REAL", "KR", false, ("BAT", ["F-1"])),
    ]);

    private static CargoLine Line(string part, string? factory = "F-1") => new(part, 1000, factory);

    [Fact]
    public void Cargo_that_one_supplier_ships_from_the_origin_country_names_it()
    {
        Assert.Equal("S-CN-MCU", Catalog.ShipperOf("CNSHA", [Line("MCU")]));
        Assert.Equal("S-CN-MCU", Catalog.ShipperOf("CNYTN", [Line("MCU", "F-2"), Line("PMIC", "F-2")]));
        Assert.Equal("S-VN-MCU", Catalog.ShipperOf("VNSGN", [Line("MCU")]));
    }

    [Fact]
    public void Cargo_that_is_not_one_suppliers_own_names_nobody()
    {
        Assert.Null(Catalog.ShipperOf("TWKHH", [Line("MCU")]));                 // no supplier there makes it
        Assert.Null(Catalog.ShipperOf("VNSGN", [Line("MCU", "F-2")]));          // the Vietnamese site does not supply F-2
        Assert.Null(Catalog.ShipperOf("CNSHA", [Line("MCU"), Line("PCB")]));    // a mixed load of two suppliers
        Assert.Null(Catalog.ShipperOf("CNSHA", [Line("MCU"), Line("GLUE")]));   // a line nobody supplies
        Assert.Null(Catalog.ShipperOf("CNSHA", [Line("MCU", null)]));           // no factory: whose order is it?
        Assert.Null(Catalog.ShipperOf("CNSHA", []));
        Assert.Null(Catalog.ShipperOf("KRPUS", [Line("BAT")]));                 // real suppliers never get synthetic voyages
        Assert.Equal(["S-CN-MCU", "S-CN-PCB", "S-VN-MCU"], Catalog.SupplierIds);
    }

    [Fact]
    public void Two_suppliers_that_could_both_have_shipped_it_leave_it_unnamed()
    {
        var catalog = new ShipperCatalog([Supplier("A", "CN", true, ("MCU", ["F-1"])), Supplier("B", "CN", true, ("MCU", ["F-1"]))]);
        Assert.Null(catalog.ShipperOf("CNSHA", [Line("MCU")]));
    }

    [Fact]
    public void The_planner_puts_the_shipper_on_the_plan_and_without_a_catalog_names_none()
    {
        var lanes = LaneCatalog.Resolve(LaneCatalog.All, _ => true).Usable;
        var everything = CargoCatalog.DryParts.Select(p => (p.PartNumber, CargoCatalog.FactoryParts.Keys.ToArray())).ToArray();
        var catalog = new ShipperCatalog([Supplier("S-CN", "CN", true, everything)]);
        var with = new VoyagePlanner(42, lanes, shippers: catalog);
        var without = new VoyagePlanner(42, lanes);
        var plans = Enumerable.Range(0, 300).Select(i => (With: with.Plan(i, 0), Without: without.Plan(i, 0))).ToList();

        Assert.All(plans, p => Assert.Null(p.Without.SupplierId));
        // The shipper is added; nothing else about the voyage changes.
        Assert.All(plans, p =>
        {
            Assert.Equal((p.Without.Lane, p.Without.Reference, p.Without.Reefer), (p.With.Lane, p.With.Reference, p.With.Reefer));
            Assert.Equal(p.Without.Cargo, p.With.Cargo);
        });
        var named = plans.Where(p => p.With.SupplierId != null).Select(p => p.With).ToList();
        Assert.NotEmpty(named);
        Assert.All(named, p => Assert.StartsWith("CN", p.Lane.Origin));
        Assert.All(named, p => Assert.Null(p.Reefer));
        // Chinese dry voyages to a factory all qualify with this catalog (it supplies every dry part to every factory).
        Assert.Equal(plans.Count(p => p.With.Lane.Origin.StartsWith("CN") && p.With.Reefer == null && p.With.Lane.Lane.FactoryId != null), named.Count);
    }
}
