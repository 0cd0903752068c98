using Orleans.Runtime;

namespace Visibility.Grains.Registry;

public sealed class RegistryGrain(
    [PersistentState("registry", StorageProviders.Default)] IPersistentState<RegistryState> state) : Grain, IRegistryGrain
{
    public async Task Add(string id)
    {
        if (!state.State.Ids.Add(id)) return;
        await state.WriteStateAsync();
    }

    public Task<string[]> All() => Task.FromResult(state.State.Ids.Order(StringComparer.Ordinal).ToArray());
}

[GenerateSerializer]
public sealed class RegistryState
{
    [Id(0)] public HashSet<string> Ids { get; set; } = new(StringComparer.Ordinal);
}

public static class Registries
{
    public const string Suppliers = "suppliers";
    public const string Factories = "factories";
    public const string Users = "users";
    public const string Devices = "devices";
    public const string Scenarios = "scenarios";
    public const string Disruptions = "disruptions";
}
