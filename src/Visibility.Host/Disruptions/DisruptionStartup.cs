using Visibility.Grains.Disruptions;
using Visibility.Grains.Registry;
using Visibility.Grains.Suppliers;
using Visibility.Host.Ingest;
using Visibility.Host.ReferenceData;

namespace Visibility.Host.Disruptions;

/// <summary>
/// After the log replay: wakes the suppliers (their sites join the geo-cell indexes) and every active disruption (it
/// asserts itself on the in-memory indexes again; an expired feed item resolves), then imports the piracy zones and the
/// USGS feed file, and polls the feed URL when one is configured. In the background: the host serves meanwhile.
/// </summary>
public sealed class DisruptionStartup(
    IGrainFactory grains,
    RecoveryStatus recovery,
    DataPaths data,
    DisruptionOptions options,
    UsgsImporter usgs,
    PiracyImporter piracy,
    IHttpClientFactory http,
    ILogger<DisruptionStartup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!recovery.Recovered) await Task.Delay(100, stoppingToken);
        try
        {
            await Hosting.StorageRetry.RunAsync("Disruptions start-up", StartAsync, logger, stoppingToken);
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            logger.LogError(ex, "Disruptions start-up failed; declared disruptions still work");
        }
        if (!string.IsNullOrWhiteSpace(options.UsgsFeedUrl)) await PollAsync(options.UsgsFeedUrl, stoppingToken);
    }

    private async Task StartAsync(CancellationToken stoppingToken)
    {
        var suppliers = await grains.GetGrain<IRegistryGrain>(Registries.Suppliers).All();
        await Task.WhenAll(suppliers.Select(id => grains.GetGrain<ISupplierGrain>(id).GetView()));
        var disruptions = await grains.GetGrain<IRegistryGrain>(Registries.Disruptions).All();
        await Parallel.ForEachAsync(disruptions, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = stoppingToken },
            async (id, _) => await grains.GetGrain<IDisruptionGrain>(id).Wake());
        logger.LogInformation("Disruptions: {Suppliers} suppliers and {Disruptions} disruptions woken", suppliers.Length, disruptions.Length);

        if (options.PiracyZones && data.DataPath is { } dataPath && File.Exists(Path.Combine(dataPath, PiracyImporter.RelativePath)))
            await piracy.ImportAsync(Path.Combine(dataPath, PiracyImporter.RelativePath), stoppingToken);
        foreach (var file in FeedFiles())
            await usgs.ImportAsync(await File.ReadAllBytesAsync(file, stoppingToken), "file:" + Path.GetFileName(file), stoppingToken);
    }

    private IEnumerable<string> FeedFiles()
    {
        string? path = !string.IsNullOrWhiteSpace(options.UsgsFeedPath) ? options.UsgsFeedPath
            : data.DataPath is { } dataPath ? Path.Combine(dataPath, "usgs-earthquakes") : null;
        if (path == null) return [];
        if (File.Exists(path)) return [path];
        if (Directory.Exists(path)) return Directory.GetFiles(path, "*.geojson").Order(StringComparer.Ordinal);
        logger.LogWarning("Disruptions:UsgsFeedPath {Path} does not exist", path);
        return [];
    }

    private async Task PollAsync(string url, CancellationToken stoppingToken)
    {
        var client = http.CreateClient("usgs");
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(Math.Max(1, options.UsgsPollMinutes)));
        do
        {
            try
            {
                var body = await client.GetByteArrayAsync(url, stoppingToken);
                await usgs.ImportAsync(body, "poll:" + url, stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "USGS feed poll of {Url} failed; trying again in {Minutes} min", url, options.UsgsPollMinutes);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
