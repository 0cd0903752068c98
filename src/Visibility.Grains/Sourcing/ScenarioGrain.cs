using Orleans.Runtime;
using Visibility.Grains.Registry;

namespace Visibility.Grains.Sourcing;

public sealed class ScenarioGrain(
    [PersistentState("scenario", StorageProviders.Default)] IPersistentState<ScenarioState> state) : Grain, IScenarioGrain
{
    public async Task<bool> Save(SavedScenario scenario)
    {
        if (state.State.Scenario != null) return false;
        state.State.Scenario = scenario;
        await state.WriteStateAsync();
        await GrainFactory.GetGrain<IRegistryGrain>(Registries.Scenarios).Add(scenario.Id);
        return true;
    }

    public Task<SavedScenario?> Get() => Task.FromResult(state.State.Scenario);
}

[GenerateSerializer]
public sealed class ScenarioState
{
    [Id(0)] public SavedScenario? Scenario { get; set; }
}
