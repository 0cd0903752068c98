using System.Collections.Concurrent;

namespace Visibility.Host.Audit;

/// <summary>
/// Telemetry is audited per tracker, per answer status and per minute, not per batch: a gateway posting 600 batches a
/// second would otherwise write 600 audit lines a second. The ingest log already holds every accepted reading; the
/// audit line says who sent how many batches and readings, and how many were refused. Lines are written when their
/// minute is over (and at shutdown), so a crash loses at most the current minute's summary, never a reading.
/// </summary>
public sealed class TelemetryAuditSummary(AuditLog audit, TimeProvider clock, ILogger<TelemetryAuditSummary> logger) : BackgroundService
{
    public const string Path = "/api/telemetry";
    private static readonly TimeSpan FlushEvery = TimeSpan.FromSeconds(10);

    private sealed class Tally
    {
        public int Requests;
        public long Readings;
    }

    private readonly record struct Bucket(string Actor, string ActorKind, int Status, long Minute);

    private readonly ConcurrentDictionary<Bucket, Tally> _open = new();

    /// <summary>Counts one answered batch (cheap: one dictionary look-up and two interlocked adds).</summary>
    public void Record(string actor, string actorKind, int status, int readings)
    {
        long minute = clock.GetUtcNow().ToUnixTimeSeconds() / 60;
        var tally = _open.GetOrAdd(new Bucket(actor, actorKind, status, minute), _ => new Tally());
        Interlocked.Increment(ref tally.Requests);
        Interlocked.Add(ref tally.Readings, readings);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(FlushEvery, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken)) await FlushAsync(all: false);
        }
        catch (OperationCanceledException) { }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await FlushAsync(all: true);
    }

    /// <summary>Writes the minutes that are over (all of them at shutdown or when asked).</summary>
    public async Task FlushAsync(bool all)
    {
        // A minute is written a few seconds after it ends: Record() takes the minute and counts without awaiting in
        // between, so by then nobody still counts into it.
        long closed = (clock.GetUtcNow().ToUnixTimeSeconds() - 3) / 60;
        foreach (var bucket in _open.Keys)
        {
            if (!all && bucket.Minute >= closed) continue;
            if (!_open.TryRemove(bucket, out var tally)) continue;
            var start = DateTimeOffset.FromUnixTimeSeconds(bucket.Minute * 60);
            string summary = bucket.Status == StatusCodes.Status202Accepted
                ? $"{tally.Requests} telemetry batches, {tally.Readings} readings accepted in the minute from {start:HH:mm} UTC"
                : $"{tally.Requests} telemetry batches refused with {bucket.Status} in the minute from {start:HH:mm} UTC";
            try
            {
                await audit.AppendAsync(new AuditEntry(start, bucket.Actor, bucket.ActorKind, bucket.ActorKind == "tracker" ? "tracker" : null,
                    "POST", Path, bucket.Status, null, summary, tally.Requests, tally.Readings));
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Audit: the telemetry summary of {Actor} for {Minute:HH:mm} could not be written", bucket.Actor, start);
            }
        }
    }
}
