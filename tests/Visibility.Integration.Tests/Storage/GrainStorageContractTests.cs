using Orleans;
using Orleans.Runtime;
using Orleans.Storage;

namespace Visibility.Integration.Tests.Storage;

/// <summary>A grain state shaped like ours: scalars, a collection, and a nested object.</summary>
public sealed class TestShipmentState
{
    public string Name { get; set; } = "";
    public int Updates { get; set; }
    public List<string> Events { get; set; } = [];
    public TestPosition? Position { get; set; }
}

public sealed record TestPosition(double Lat, double Lon);

/// <summary>
/// The Orleans grain-storage contract (the cases of Orleans' own storage test kit), run against real Azurite for each of
/// our providers. Each test gets a fresh container, so providers never see each other's data.
/// </summary>
public abstract class GrainStorageContractTests(AzuriteFixture azurite)
{
    protected const string StateName = "shipment";

    protected AzuriteFixture Azurite { get; } = azurite;

    protected string Container { get; } = AzuriteFixture.NewContainerName("grains");

    /// <summary>A new provider instance over <see cref="Container"/> (a second call models a silo restart).</summary>
    protected abstract IGrainStorage CreateStorage();

    private static GrainId Shipment(string key) => GrainId.Create("shipment", key);

    private static TestShipmentState SampleState(string name, int updates) => new()
    {
        Name = name,
        Updates = updates,
        Events = [$"created {name}", "departed"],
        Position = new TestPosition(51.9, 4.1),
    };

    [Fact]
    public async Task Write_then_read_returns_the_state_and_the_same_etag()
    {
        var storage = CreateStorage();
        var id = Shipment("e-1");
        var written = new GrainState<TestShipmentState>(SampleState("e-1", 1));
        await storage.WriteStateAsync(StateName, id, written);

        var read = new GrainState<TestShipmentState>();
        await storage.ReadStateAsync(StateName, id, read);

        Assert.True(read.RecordExists);
        Assert.Equal(written.ETag, read.ETag);
        Assert.Equal("e-1", read.State!.Name);
        Assert.Equal(1, read.State!.Updates);
        Assert.Equal(["created e-1", "departed"], read.State!.Events);
        Assert.Equal(new TestPosition(51.9, 4.1), read.State!.Position);
    }

    [Fact]
    public async Task Reading_a_missing_grain_gives_default_state_no_record_and_no_etag()
    {
        var read = new GrainState<TestShipmentState>(SampleState("leftover", 9)) { ETag = "stale", RecordExists = true };
        await CreateStorage().ReadStateAsync(StateName, Shipment("never-written"), read);

        Assert.False(read.RecordExists);
        Assert.Null(read.ETag);
        Assert.NotNull(read.State);
        Assert.Equal("", read.State!.Name);
        Assert.Equal(0, read.State!.Updates);
    }

    [Fact]
    public async Task A_stale_etag_is_rejected_and_nothing_is_overwritten()
    {
        var storage = CreateStorage();
        var id = Shipment("e-2");
        var first = new GrainState<TestShipmentState>(SampleState("v1", 1));
        await storage.WriteStateAsync(StateName, id, first);
        var staleETag = first.ETag;
        first.State = SampleState("v2", 2);
        await storage.WriteStateAsync(StateName, id, first);

        var stale = new GrainState<TestShipmentState>(SampleState("stale", 99)) { ETag = staleETag };
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(StateName, id, stale));

        var read = new GrainState<TestShipmentState>();
        await storage.ReadStateAsync(StateName, id, read);
        Assert.Equal("v2", read.State!.Name);
        Assert.Equal(first.ETag, read.ETag);
    }

    [Fact]
    public async Task Creating_over_an_existing_record_without_its_etag_is_rejected()
    {
        var storage = CreateStorage();
        var id = Shipment("e-3");
        await storage.WriteStateAsync(StateName, id, new GrainState<TestShipmentState>(SampleState("original", 1)));

        var blind = new GrainState<TestShipmentState>(SampleState("blind", 2)); // ETag null: "I believe nothing is stored"
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(StateName, id, blind));

        var read = new GrainState<TestShipmentState>();
        await storage.ReadStateAsync(StateName, id, read);
        Assert.Equal("original", read.State!.Name);
    }

    [Fact]
    public async Task The_etag_changes_on_every_write()
    {
        var storage = CreateStorage();
        var id = Shipment("e-4");
        var state = new GrainState<TestShipmentState>(SampleState("x", 0));
        var seen = new HashSet<string>();
        for (var i = 0; i < 5; i++)
        {
            state.State!.Updates = i;
            await storage.WriteStateAsync(StateName, id, state);
            Assert.NotNull(state.ETag);
            Assert.True(seen.Add(state.ETag!), $"ETag {state.ETag} repeated on write {i}");
        }
    }

    [Fact]
    public async Task Write_clear_write_then_read_returns_the_second_write()
    {
        var storage = CreateStorage();
        var id = Shipment("e-5");
        var state = new GrainState<TestShipmentState>(SampleState("before clear", 1));
        await storage.WriteStateAsync(StateName, id, state);
        var etagBeforeClear = state.ETag;

        await storage.ClearStateAsync(StateName, id, state);
        Assert.Null(state.ETag);
        Assert.False(state.RecordExists);

        var afterClear = new GrainState<TestShipmentState>();
        await storage.ReadStateAsync(StateName, id, afterClear);
        Assert.False(afterClear.RecordExists);
        Assert.Equal("", afterClear.State!.Name);

        state.State = SampleState("after clear", 2);
        await storage.WriteStateAsync(StateName, id, state);

        var read = new GrainState<TestShipmentState>();
        await storage.ReadStateAsync(StateName, id, read);
        Assert.True(read.RecordExists);
        Assert.Equal("after clear", read.State!.Name);

        // An ETag from before the clear must not match the recreated record.
        var ghost = new GrainState<TestShipmentState>(SampleState("ghost", 3)) { ETag = etagBeforeClear };
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(StateName, id, ghost));
    }

    [Fact]
    public async Task Clear_with_a_stale_etag_is_rejected_and_keeps_the_record()
    {
        var storage = CreateStorage();
        var id = Shipment("e-6");
        var state = new GrainState<TestShipmentState>(SampleState("v1", 1));
        await storage.WriteStateAsync(StateName, id, state);
        var stale = new GrainState<TestShipmentState>(state.State) { ETag = state.ETag, RecordExists = true };
        await storage.WriteStateAsync(StateName, id, state);

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync(StateName, id, stale));

        var read = new GrainState<TestShipmentState>();
        await storage.ReadStateAsync(StateName, id, read);
        Assert.True(read.RecordExists);
    }

    [Fact]
    public async Task Parallel_writes_to_different_grains_all_land()
    {
        var storage = CreateStorage();
        var ids = Enumerable.Range(0, 60).Select(i => Shipment($"parallel-{i}")).ToList();
        await Task.WhenAll(ids.Select((id, i) =>
            storage.WriteStateAsync(StateName, id, new GrainState<TestShipmentState>(SampleState(id.ToString(), i)))));

        foreach (var (id, i) in ids.Select((id, i) => (id, i)))
        {
            var read = new GrainState<TestShipmentState>();
            await storage.ReadStateAsync(StateName, id, read);
            Assert.Equal(id.ToString(), read.State!.Name);
            Assert.Equal(i, read.State!.Updates);
        }
    }

    [Fact]
    public async Task Concurrent_writes_to_one_grain_with_the_same_etag_exactly_one_wins()
    {
        var storage = CreateStorage();
        var id = Shipment("contended");
        var initial = new GrainState<TestShipmentState>(SampleState("initial", 0));
        await storage.WriteStateAsync(StateName, id, initial);

        var contenders = Enumerable.Range(1, 8)
            .Select(i => new GrainState<TestShipmentState>(SampleState($"writer-{i}", i)) { ETag = initial.ETag, RecordExists = true })
            .ToList();
        var outcomes = await Task.WhenAll(contenders.Select(async c =>
        {
            try { await storage.WriteStateAsync(StateName, id, c); return (Winner: c, Error: (Exception?)null); }
            catch (Exception ex) { return (Winner: c, Error: ex); }
        }));

        var winners = outcomes.Where(o => o.Error is null).ToList();
        Assert.Single(winners);
        Assert.All(outcomes.Where(o => o.Error is not null), o => Assert.IsType<InconsistentStateException>(o.Error));

        var read = new GrainState<TestShipmentState>();
        await storage.ReadStateAsync(StateName, id, read);
        Assert.Equal(winners[0].Winner.State!.Name, read.State!.Name);
        Assert.Equal(winners[0].Winner.ETag, read.ETag);
    }

    [Fact]
    public async Task Non_ascii_and_slash_grain_ids_round_trip_without_colliding()
    {
        var storage = CreateStorage();
        string[] keys = ["sévérine/東京/🚢", "sévérine/東京", "sévérine~2F東京/🚢", "a.b.", "..", "with space\\and backslash"];
        foreach (var key in keys)
        {
            await storage.WriteStateAsync(StateName, Shipment(key), new GrainState<TestShipmentState>(SampleState(key, 1)));
        }

        foreach (var key in keys)
        {
            var read = new GrainState<TestShipmentState>();
            await storage.ReadStateAsync(StateName, Shipment(key), read);
            Assert.True(read.RecordExists, key);
            Assert.Equal(key, read.State!.Name);
        }
    }

    [Fact]
    public async Task State_survives_a_new_provider_instance()
    {
        var id = Shipment("restart");
        var state = new GrainState<TestShipmentState>(SampleState("durable", 7));
        await CreateStorage().WriteStateAsync(StateName, id, state);

        var restarted = CreateStorage();
        var read = new GrainState<TestShipmentState>();
        await restarted.ReadStateAsync(StateName, id, read);
        Assert.True(read.RecordExists);
        Assert.Equal("durable", read.State!.Name);
        Assert.Equal(state.ETag, read.ETag);

        // The restarted instance continues the concurrency chain.
        read.State!.Updates = 8;
        await restarted.WriteStateAsync(StateName, id, read);
        await Assert.ThrowsAsync<InconsistentStateException>(() => restarted.WriteStateAsync(StateName, id, state));
    }

    [Fact]
    public async Task The_same_grain_under_two_state_names_keeps_two_states()
    {
        var storage = CreateStorage();
        var id = Shipment("two-states");
        await storage.WriteStateAsync("shipment", id, new GrainState<TestShipmentState>(SampleState("main", 1)));
        await storage.WriteStateAsync("audit", id, new GrainState<TestShipmentState>(SampleState("audit", 2)));

        var main = new GrainState<TestShipmentState>();
        var audit = new GrainState<TestShipmentState>();
        await storage.ReadStateAsync("shipment", id, main);
        await storage.ReadStateAsync("audit", id, audit);
        Assert.Equal("main", main.State!.Name);
        Assert.Equal("audit", audit.State!.Name);
    }
}
