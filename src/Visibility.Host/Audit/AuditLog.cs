using System.Text.Json;
using Visibility.Storage;

namespace Visibility.Host.Audit;

/// <summary>
/// The durable audit log: JSON lines in their own group-committed append log (the <see cref="IngestLog"/> machinery, in
/// container "audit-log"), so concurrent writes share one blob append and nothing writes a blob per event. Segments
/// roll every hour (when something was written) and at 8 MB, which lets a query read newest-first and stop at the
/// first segment older than its window. Nothing is ever deleted.
/// </summary>
public sealed class AuditLog(IngestLog log, TimeProvider clock) : IAsyncDisposable
{
    public static readonly TimeSpan RollEvery = TimeSpan.FromHours(1);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private long _appendedSinceRoll;
    private DateTimeOffset _segmentStarted;

    public async Task InitializeAsync(CancellationToken ct)
    {
        await log.InitializeAsync(ct);
        _segmentStarted = clock.GetUtcNow();
    }

    /// <summary>Completes once the entry is durable.</summary>
    public async Task AppendAsync(AuditEntry entry, CancellationToken ct = default)
    {
        await log.AppendAsync(JsonSerializer.SerializeToUtf8Bytes(entry, Json), ct);
        Interlocked.Increment(ref _appendedSinceRoll);
    }

    /// <summary>Starts a new segment when the current one is an hour old and holds something.</summary>
    public async Task RollIfDueAsync(CancellationToken ct)
    {
        if (clock.GetUtcNow() - _segmentStarted < RollEvery || Interlocked.Read(ref _appendedSinceRoll) == 0) return;
        await log.RollAsync(ct);
        Interlocked.Exchange(ref _appendedSinceRoll, 0);
        _segmentStarted = clock.GetUtcNow();
    }

    /// <summary>Entries in [from, to] (either open), optionally of one actor, newest first, at most <paramref name="limit"/>.</summary>
    public async Task<AuditEntry[]> QueryAsync(DateTimeOffset? from, DateTimeOffset? to, string? actor, int limit, CancellationToken ct)
    {
        var found = new List<AuditEntry>();
        var segments = await log.SegmentsAsync(ct);
        for (int i = segments.Count - 1; i >= 0; i--)
        {
            DateTimeOffset? oldest = null;
            await foreach (var record in log.ReadSegmentAsync(segments[i], ct))
            {
                var entry = JsonSerializer.Deserialize<AuditEntry>(record.Payload.Span, Json);
                if (entry == null) continue;
                if (oldest == null || entry.At < oldest) oldest = entry.At;
                if ((from == null || entry.At >= from) && (to == null || entry.At <= to)
                    && (actor == null || string.Equals(entry.Actor, actor, StringComparison.Ordinal)))
                    found.Add(entry);
            }
            // Older segments hold older entries (up to the minute a telemetry summary waits before it is written): stop
            // once this one reaches before the window, or the page is full.
            if (from != null && oldest < from) break;
            if (found.Count >= limit) break;
        }
        return found.OrderByDescending(e => e.At).Take(limit).ToArray();
    }

    public ValueTask DisposeAsync() => log.DisposeAsync();
}
