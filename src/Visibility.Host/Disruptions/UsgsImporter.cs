using Visibility.Domain.Disruptions;
using Visibility.Grains.Disruptions;
using Visibility.Grains.Shipments;

namespace Visibility.Host.Disruptions;

/// <summary>What one feed import did; every read item is counted exactly once.</summary>
/// <param name="Created">New active disruptions.</param>
/// <param name="History">New disruptions recorded as resolved (quakes older than the active window).</param>
/// <param name="Duplicates">Items already imported (same feed item id).</param>
/// <param name="Skipped">Malformed items; <see cref="SkippedItems"/> says why (the first 100).</param>
/// <param name="Error">The document as a whole is not a feed: nothing was imported.</param>
public sealed record FeedImportReport(
    string Source, int Read, int Created, int History, int Duplicates, int BelowThreshold, int Skipped,
    FeedSkip[] SkippedItems, string? Error = null, string? ErrorField = null);

/// <summary>Imports USGS earthquake feeds (a file at start, a polled URL, or a body posted to the API) as hazard disruptions.</summary>
public sealed class UsgsImporter(IGrainFactory grains, TimeProvider clock, DisruptionOptions options, ILogger<UsgsImporter> logger)
{
    public async Task<FeedImportReport> ImportAsync(ReadOnlyMemory<byte> json, string by, CancellationToken cancellationToken)
    {
        var parsed = UsgsFeed.Parse(json.Span);
        if (parsed.Error != null)
        {
            logger.LogWarning("USGS feed from {By} refused: {Error}", by, parsed.Error);
            return new FeedImportReport(QuakeImport.Source, 0, 0, 0, 0, 0, 0, [], parsed.Error, parsed.ErrorField);
        }
        foreach (var skip in parsed.Skipped)
            logger.LogWarning("USGS feed item {Index} ({ItemId}) skipped: {Reason}", skip.Index, skip.ItemId ?? "no id", skip.Reason);
        int created = 0, history = 0, duplicates = 0, below = 0;
        var now = clock.GetUtcNow();
        foreach (var quake in parsed.Items)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (definition, disposition, resolvedAt) = QuakeImport.Plan(quake, options.Quakes, now);
            if (definition == null) { below++; continue; }
            var result = await grains.GetGrain<IDisruptionGrain>(definition.Id).Create(definition, by, resolvedAt);
            if (result.Outcome != CreateOutcome.Created) duplicates++;
            else if (disposition == QuakeDisposition.Active) created++;
            else history++;
        }
        var report = new FeedImportReport(QuakeImport.Source, parsed.Items.Count + parsed.Skipped.Count, created, history, duplicates, below,
            parsed.Skipped.Count, parsed.Skipped.Take(100).ToArray());
        logger.LogInformation("USGS feed from {By}: {Read} items, {Created} active hazards created, {History} as history, {Duplicates} duplicates, {Below} below M{Min}, {Skipped} malformed",
            by, report.Read, created, history, duplicates, below, options.MinMagnitude, report.Skipped);
        return report;
    }
}
