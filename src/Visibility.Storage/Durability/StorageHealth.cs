using Azure.Storage.Blobs;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Visibility.Storage;

/// <summary>When to call storage unavailable, and what to do about an embedded one that stalls.</summary>
public sealed class StorageHealthOptions
{
    /// <summary>Time between probes.</summary>
    public TimeSpan ProbeInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A probe that has no answer after this long has failed.</summary>
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Failed probes in a row before storage is called unavailable (a refused connection counts at once).</summary>
    public int FailuresToTrip { get; set; } = 2;

    /// <summary>An embedded storage process unavailable this long while still alive is killed and restarted.</summary>
    public TimeSpan StallRestartAfter { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The Retry-After a client is given while storage is unavailable.</summary>
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromSeconds(5);
}

/// <summary>
/// Whether storage takes writes now, from a probe every second plus what writers report. Writes are refused with 503 at
/// once while it does not (<see cref="IsAvailable"/>), and a write already waiting is answered 503 as soon as storage is
/// found unavailable (<see cref="WhenUnavailable"/>), instead of hanging for as long as the stall lasts.
/// </summary>
public sealed class StorageHealth : BackgroundService
{
    private readonly BlobServiceClient _probe;
    private readonly EmbeddedStorage? _embedded;
    private readonly StorageHealthOptions _options;
    private readonly ILogger<StorageHealth> _logger;
    private readonly Lock _gate = new();
    private TaskCompletionSource _unavailable = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _available = true;
    private string _reason = "not probed yet";
    private DateTimeOffset _since = DateTimeOffset.UtcNow;
    private int _failuresInARow;

    public StorageHealth(string connectionString, EmbeddedStorage? embedded, StorageHealthOptions options, ILogger<StorageHealth> logger)
    {
        _probe = StorageClients.Probe(connectionString, options.ProbeTimeout);
        _embedded = embedded;
        if (embedded is not null) embedded.Died += SetUnavailable;
        _options = options;
        _logger = logger;
    }

    public StorageHealthOptions Options => _options;

    public bool IsAvailable { get { lock (_gate) return _available; } }

    /// <summary>Why it is (un)available, and since when.</summary>
    public string Status
    {
        get
        {
            lock (_gate)
            {
                var embedded = _embedded is null ? "" : $" (embedded storage: {_embedded.State}, {_embedded.Restarts} restarts)";
                return _available
                    ? $"storage answers{embedded}"
                    : $"storage unavailable since {_since:HH:mm:ss}Z, {_reason}{embedded}";
            }
        }
    }

    /// <summary>Completes when storage becomes unavailable (at once if it is now).</summary>
    public Task WhenUnavailable { get { lock (_gate) return _unavailable.Task; } }

    /// <summary>A writer saw storage fail in a way that means it is down (not a lost race): trip at once.</summary>
    public void ReportUnavailable(string reason) => SetUnavailable(reason);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var failure = await ProbeAsync(stoppingToken);
            if (stoppingToken.IsCancellationRequested) return;
            if (failure is null) SetAvailable();
            else
            {
                var refused = failure.Contains("refused", StringComparison.OrdinalIgnoreCase) || _embedded is { ProcessId: null };
                if (refused || ++_failuresInARow >= _options.FailuresToTrip) SetUnavailable(failure);
                KillIfStalled();
            }
            try { await Task.Delay(_options.ProbeInterval, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }

    private async Task<string?> ProbeAsync(CancellationToken ct)
    {
        if (_embedded is { ProcessId: null }) return "the embedded storage process is not running";
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(_options.ProbeTimeout);
            await _probe.GetBlobContainerClient("ingest-log").ExistsAsync(timeout.Token);
            return null;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return $"no answer within {_options.ProbeTimeout.TotalSeconds:0.#} s";
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            var message = ex.InnerException?.Message ?? ex.Message;
            return $"{ex.GetType().Name}: {message.Split('\n')[0]}";
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    private void KillIfStalled()
    {
        if (_embedded is not { ProcessId: not null }) return;
        DateTimeOffset since;
        lock (_gate)
        {
            if (_available) return;
            since = _since;
        }
        if (DateTimeOffset.UtcNow - since < _options.StallRestartAfter) return;
        _embedded.KillStalled($"has not answered for {(DateTimeOffset.UtcNow - since).TotalSeconds:0} s");
        lock (_gate) _since = DateTimeOffset.UtcNow;   // give the restart its own grace period
    }

    private void SetUnavailable(string reason)
    {
        lock (_gate)
        {
            _reason = reason;
            if (!_available) return;
            _available = false;
            _since = DateTimeOffset.UtcNow;
            _unavailable.TrySetResult();
        }
        _logger.LogError("Storage unavailable: {Reason}; writes are answered 503 until it is back", reason);
    }

    private void SetAvailable()
    {
        lock (_gate)
        {
            _failuresInARow = 0;
            if (_available) { _reason = "answers"; return; }
            _available = true;
            _reason = "answers";
            _since = DateTimeOffset.UtcNow;
            _unavailable = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        _logger.LogWarning("Storage available again; writes resume");
    }
}
