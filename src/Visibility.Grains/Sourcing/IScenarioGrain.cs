namespace Visibility.Grains.Sourcing;

/// <summary>
/// A saved what-if: its name, who saved it, the request and the result as computed then (JSON, as the API returned them:
/// the host owns their shape). Keyed by scenario id.
/// </summary>
public interface IScenarioGrain : IGrainWithStringKey
{
    Task<bool> Save(SavedScenario scenario);
    Task<SavedScenario?> Get();
}

[GenerateSerializer, Immutable]
public sealed record SavedScenario(
    [property: Id(0)] string Id, [property: Id(1)] string Name, [property: Id(2)] string CreatedBy,
    [property: Id(3)] DateTimeOffset CreatedAt, [property: Id(4)] string RequestJson, [property: Id(5)] string ResultJson);
