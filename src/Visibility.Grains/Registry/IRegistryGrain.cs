namespace Visibility.Grains.Registry;

/// <summary>The ids of all entities of one kind ("suppliers", "factories"), so lists need no storage scan. Keyed by kind.</summary>
public interface IRegistryGrain : IGrainWithStringKey
{
    Task Add(string id);
    Task<string[]> All();
}
