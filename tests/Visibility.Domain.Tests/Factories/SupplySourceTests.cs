using Visibility.Domain.Factories;
using Visibility.Domain.Inventory;

namespace Visibility.Domain.Tests.Factories;

public sealed class SupplySourceTests
{
    private static FactoryState Factory()
    {
        var state = new FactoryState { Profile = new FactoryProfile("F", "Plant", "MXMTY", 25.7, -100.3, "MX") };
        var p = new BufferParameters("8542.31", 100, 20, 0.5, 0.5, 1000, 7, 500);
        state.Parts["IC"] = new PartBuffer { Parameters = p };
        state.Parts["CAP"] = new PartBuffer { Parameters = p with { HsCode = "8532.24" } };
        return state;
    }

    [Fact]
    public void Worst_status_orders_halted_over_reduced_over_operating()
    {
        SupplySource Src(string status) => new("S", "Sup", status, status, "CN", status);
        Assert.Null(SupplySource.Worst([]));
        Assert.Equal("operating", SupplySource.Worst([Src("operating")]));
        Assert.Equal("reduced", SupplySource.Worst([Src("operating"), Src("reduced")]));
        Assert.Equal("halted", SupplySource.Worst([Src("reduced"), Src("halted"), Src("operating")]));
    }

    [Fact]
    public void A_status_reaches_every_part_the_site_supplies_and_only_those()
    {
        var state = Factory();
        Assert.True(FactoryBuffers.RegisterSupply(state, "IC", new SupplySource("S1", "Chips", "A", "Dongguan", "CN")));
        Assert.True(FactoryBuffers.RegisterSupply(state, "CAP", new SupplySource("S1", "Chips", "A", "Dongguan", "CN")));
        Assert.True(FactoryBuffers.RegisterSupply(state, "CAP", new SupplySource("S2", "Caps", "B", "Penang", "MY")));

        var changed = FactoryBuffers.UpdateSupplyStatus(state, "S2", "B", "halted", 0, null);
        Assert.Equal(["CAP"], changed);
        var now = DateTimeOffset.UtcNow;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        Assert.Equal("halted", FactoryBuffers.View(state, "CAP", today, now).SupplyStatus);
        Assert.Equal("operating", FactoryBuffers.View(state, "IC", today, now).SupplyStatus);
        Assert.Equal(["CN", "MY"], FactoryBuffers.View(state, "CAP", today, now).SupplyCountries);

        // The same status again changes nothing (no needless write or push).
        Assert.Empty(FactoryBuffers.UpdateSupplyStatus(state, "S2", "B", "halted", 0, null));
        // A site the factory does not buy from changes nothing.
        Assert.Empty(FactoryBuffers.UpdateSupplyStatus(state, "S9", "B", "halted", 0, null));
    }

    [Fact]
    public void Registering_a_site_again_keeps_the_status_it_posted()
    {
        var state = Factory();
        var source = new SupplySource("S1", "Chips", "A", "Dongguan", "CN");
        FactoryBuffers.RegisterSupply(state, "IC", source);
        FactoryBuffers.UpdateSupplyStatus(state, "S1", "A", "reduced", 40, null);

        Assert.False(FactoryBuffers.RegisterSupply(state, "IC", source));
        Assert.Equal("reduced", state.Supply["IC"]["S1/A"].Status);
        Assert.Equal(40, state.Supply["IC"]["S1/A"].CapacityPct);
    }
}
