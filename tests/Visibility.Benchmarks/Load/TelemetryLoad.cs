using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Visibility.Benchmarks.Load;

/// <summary>What one load run should send.</summary>
/// <param name="Duration">Stop taking new batches after this long (null: run until <paramref name="TotalReadings"/> are sent).</param>
/// <param name="ReadingsPerSecond">Offered rate; 0 = as fast as the target answers with <paramref name="Concurrency"/> requests in flight.</param>
/// <param name="Concurrency">Requests in flight at most (one worker each).</param>
public sealed record LoadPlan(Fleet Fleet, ReadingSequence Sequence, int BatchSize, int Concurrency, TimeSpan? Duration = null,
    long? TotalReadings = null, double ReadingsPerSecond = 0, UpdateLatencyProbe? Probe = null);

public sealed record LoadResult(long Requests, long ReadingsSent, long ReadingsAccepted, long NonAccepted, long Failures,
    string? FirstProblem, TimeSpan Elapsed, Percentiles RequestMs, int PacingBacklog)
{
    public double AcceptedPerSecond => ReadingsAccepted / Elapsed.TotalSeconds;
    public double SentPerSecond => ReadingsSent / Elapsed.TotalSeconds;
}

/// <summary>
/// The load generator: one worker per request in flight writes a batch (<see cref="TelemetryBatchWriter"/>), POSTs it
/// and waits for the answer, optionally paced by a <see cref="BatchPacer"/>. Readings count as accepted only from the
/// "accepted" figure of 202 bodies. The same instance drives the ceiling endpoint and the host.
/// </summary>
public sealed class TelemetryLoad : IDisposable
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    private readonly HttpClient _http;
    private readonly string _runTag;

    /// <param name="maxConcurrency">The most requests any plan will have in flight (one HTTP/1.1 connection each).</param>
    public TelemetryLoad(int maxConcurrency, string runTag)
    {
        _runTag = runTag;
        _http = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = maxConcurrency,
            UseProxy = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(10),
            ConnectTimeout = TimeSpan.FromSeconds(10),
        })
        { Timeout = TimeSpan.FromSeconds(60) };
    }

    /// <summary>Sends the tracker key on every batch (the ceiling endpoint ignores it, so both carry the same bytes).</summary>
    public void UseDeviceKey(string key)
    {
        _http.DefaultRequestHeaders.Remove("X-Device-Key");
        _http.DefaultRequestHeaders.Add("X-Device-Key", key);
    }

    public async Task<LoadResult> RunAsync(Uri telemetryUrl, LoadPlan plan, CancellationToken ct)
    {
        await using var pacer = plan.ReadingsPerSecond > 0 ? new BatchPacer(plan.ReadingsPerSecond, plan.BatchSize) : null;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        if (plan.Duration is { } duration) deadline.CancelAfter(duration);
        long endSeq = plan.TotalReadings is { } total ? plan.Sequence.Next + total : long.MaxValue;

        var started = Stopwatch.GetTimestamp();
        var workers = Enumerable.Range(0, plan.Concurrency)
            .Select(_ => Task.Run(() => WorkAsync(telemetryUrl, plan, pacer, endSeq, deadline.Token, ct)))
            .ToArray();
        var tallies = await Task.WhenAll(workers);
        var elapsed = Stopwatch.GetElapsedTime(started);

        return new LoadResult(
            tallies.Sum(t => t.Requests), tallies.Sum(t => t.Sent), tallies.Sum(t => t.Accepted), tallies.Sum(t => t.NonAccepted),
            tallies.Sum(t => t.Failures), tallies.Select(t => t.FirstProblem).FirstOrDefault(p => p != null), elapsed,
            Percentiles.Of(tallies.SelectMany(t => t.LatenciesMs)), pacer?.Backlog ?? 0);
    }

    private sealed class Tally
    {
        public long Requests, Sent, Accepted, NonAccepted, Failures;
        public string? FirstProblem;
        public readonly List<double> LatenciesMs = new(4096);
    }

    /// <param name="stopTaking">Ends the run: no new batch is started after it fires; requests in flight finish.</param>
    /// <param name="abort">Cancels requests in flight (Ctrl+C).</param>
    private async Task<Tally> WorkAsync(Uri url, LoadPlan plan, BatchPacer? pacer, long endSeq, CancellationToken stopTaking, CancellationToken abort)
    {
        var tally = new Tally();
        var writer = new TelemetryBatchWriter(_runTag);
        int consecutiveFailures = 0;
        while (!stopTaking.IsCancellationRequested)
        {
            if (pacer != null)
            {
                try { await pacer.WaitAsync(stopTaking); }
                catch (OperationCanceledException) { break; }
            }
            long first = plan.Sequence.Take(plan.BatchSize);
            int count = (int)Math.Min(plan.BatchSize, endSeq - first);
            if (count <= 0) break;

            var body = writer.Write(plan.Fleet, first, count, DateTime.UtcNow, plan.Probe);
            long sentAt = Stopwatch.GetTimestamp();
            tally.Requests++;
            tally.Sent += count;
            try
            {
                using var content = new ReadOnlyMemoryContent(body);
                content.Headers.ContentType = Json;
                using var response = await _http.PostAsync(url, content, abort);
                var answer = await response.Content.ReadAsByteArrayAsync(abort);
                tally.LatenciesMs.Add(Stopwatch.GetElapsedTime(sentAt).TotalMilliseconds);
                if (response.StatusCode == HttpStatusCode.Accepted)
                {
                    tally.Accepted += AcceptedCount(answer);
                    consecutiveFailures = 0;
                    continue;
                }
                tally.NonAccepted++;
                tally.FirstProblem ??= $"{(int)response.StatusCode}: {System.Text.Encoding.UTF8.GetString(answer, 0, Math.Min(answer.Length, 400))}";
            }
            catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !abort.IsCancellationRequested))
            {
                tally.Failures++;
                tally.FirstProblem ??= ex.Message;
                // A target that refuses connections would otherwise be hammered in a tight loop.
                if (++consecutiveFailures > 3) await Task.Delay(100, CancellationToken.None);
                if (consecutiveFailures > 100) throw new InvalidOperationException($"the target stopped answering: {ex.Message}", ex);
            }
            plan.Probe?.Forget(writer.Claimed);
        }
        return tally;
    }

    private static long AcceptedCount(byte[] body)
    {
        var reader = new Utf8JsonReader(body);
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("accepted"u8) && reader.Read())
                return reader.GetInt64();
        }
        return 0;
    }

    public void Dispose() => _http.Dispose();
}
