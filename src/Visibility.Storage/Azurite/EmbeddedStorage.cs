using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;

namespace Visibility.Storage;

/// <summary>
/// The host's own Azurite (the embedded default): started with a generated account key in a private data folder, kept
/// running (restarted when it dies or is killed for stalling), flushed before acknowledgements, and stopped last.
/// </summary>
/// <remarks>
/// One host owns a data folder: it holds <c>host.lock</c> while it runs, so a second host on the same folder fails at start
/// instead of corrupting it. An Azurite left by a host that died stops by itself once its stdin closes; a new host waits for
/// it (<c>azurite.pid</c>) before starting its own on the same files.
/// </remarks>
public sealed class EmbeddedStorage : IAsyncDisposable
{
    private static readonly TimeSpan[] RestartBackoff = [TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5)];
    private static readonly TimeSpan StaleAzuriteWait = TimeSpan.FromSeconds(15);

    private readonly AzuriteOptions _options;
    private readonly ILogger _logger;
    private readonly FileStream? _lock;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _gate = new();
    private AzuriteServer? _current;
    private Task _supervisor = Task.CompletedTask;
    private string _state = "starting";
    private int _restarts;

    private EmbeddedStorage(AzuriteOptions options, FileStream? lockFile, ILogger logger)
    {
        _options = options;
        _lock = lockFile;
        _logger = logger;
    }

    /// <summary>The connection string; stays the same across restarts (same port, same key).</summary>
    public string ConnectionString { get; private set; } = "";

    public int Port => _options.Port;

    /// <summary>The running Azurite's pid, or null while it is being restarted.</summary>
    public int? ProcessId { get { lock (_gate) return _current?.ProcessId; } }

    /// <summary>Raised when Azurite exits while it should run (it is then restarted).</summary>
    public event Action<string>? Died;

    /// <summary>How many times it was restarted since the host started.</summary>
    public int Restarts => Volatile.Read(ref _restarts);

    /// <summary>What the supervisor is doing, for readiness.</summary>
    public string State { get { lock (_gate) return _state; } }

    /// <summary>Takes the data folder, generates or reads the account key, and starts Azurite.</summary>
    public static async Task<EmbeddedStorage> StartAsync(AzuriteOptions options, ILogger logger, CancellationToken ct)
    {
        FileStream? lockFile = null;
        if (!options.InMemory && options.DataPath is not null)
        {
            PrivateFolder.Create(options.DataPath);
            lockFile = TakeLock(options.DataPath);
            options.AccountKey ??= AccountKeyFile.LoadOrCreate(options.DataPath);
            await WaitForStaleAzuriteAsync(options.DataPath, logger, ct);
        }
        var storage = new EmbeddedStorage(options, lockFile, logger);
        try
        {
            await storage.StartServerAsync(ct);
        }
        catch
        {
            lockFile?.Dispose();
            throw;
        }
        storage._supervisor = Task.Run(storage.SuperviseAsync, CancellationToken.None);
        return storage;
    }

    /// <summary>Saves Azurite's indexes: every write it answered before this call then survives a kill of it.</summary>
    /// <exception cref="StorageUnavailableException">Azurite is down, restarting or not saving.</exception>
    public Task FlushAsync(CancellationToken ct)
    {
        AzuriteServer? server;
        lock (_gate) server = _current;
        return server is null
            ? Task.FromException(new StorageUnavailableException($"The embedded storage is {State}."))
            : server.FlushAsync(ct);
    }

    /// <summary>Kills a stalled Azurite (SIGKILL); the supervisor starts a new one on the same data.</summary>
    public void KillStalled(string why)
    {
        AzuriteServer? server;
        lock (_gate) server = _current;
        if (server is null) return;
        _logger.LogError("Embedded storage (pid {Pid}) {Why}: killing it to restart it", server.ProcessId, why);
        server.Kill();
    }

    private async Task StartServerAsync(CancellationToken ct)
    {
        var server = await AzuriteServer.StartAsync(_options, _logger, ct);
        _options.Port = server.Port;   // the same port on every restart keeps every client's connection string valid
        ConnectionString = server.ConnectionString;
        if (_options.DataPath is not null && !_options.InMemory)
            File.WriteAllText(Path.Combine(_options.DataPath, "azurite.pid"), server.ProcessId.ToString(CultureInfo.InvariantCulture));
        lock (_gate)
        {
            _current = server;
            _state = $"running (pid {server.ProcessId})";
        }
    }

    private async Task SuperviseAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            AzuriteServer server;
            lock (_gate) server = _current!;
            var exitCode = await server.Exited.WaitAsync(_stopping.Token).ContinueWith(t => t.IsCompletedSuccessfully ? t.Result : (int?)null);
            if (exitCode is null || _stopping.IsCancellationRequested) return;

            lock (_gate)
            {
                _current = null;
                _state = $"restarting (Azurite exited with code {exitCode})";
            }
            _logger.LogError("Embedded storage (pid {Pid}) exited with code {Code}; restarting it", server.ProcessId, exitCode);
            Died?.Invoke($"the embedded storage process exited with code {exitCode}");
            await server.DisposeAsync();

            for (var attempt = 0; !_stopping.IsCancellationRequested; attempt++)
            {
                try
                {
                    await Task.Delay(RestartBackoff[Math.Min(attempt, RestartBackoff.Length - 1)], _stopping.Token);
                    await StartServerAsync(_stopping.Token);
                    Interlocked.Increment(ref _restarts);
                    _logger.LogWarning("Embedded storage restarted (pid {Pid}, restart {Count})", ProcessId, Restarts);
                    break;
                }
                catch (OperationCanceledException) when (_stopping.IsCancellationRequested) { return; }
                catch (Exception ex)
                {
                    lock (_gate) _state = $"restarting (attempt {attempt + 2} after: {ex.Message})";
                    _logger.LogError(ex, "Embedded storage did not restart (attempt {Attempt})", attempt + 1);
                }
            }
        }
    }

    private static FileStream TakeLock(string dataPath)
    {
        var path = Path.Combine(dataPath, "host.lock");
        try
        {
            // FileShare.None is an exclusive flock on Unix: released by the kernel when this process dies, however it dies.
            var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            stream.SetLength(0);
            var pid = System.Text.Encoding.ASCII.GetBytes(Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
            stream.Write(pid);
            stream.Flush();
            return stream;
        }
        catch (IOException ex)
        {
            throw new InvalidOperationException(
                $"The storage folder '{dataPath}' is in use by another Visibility host. Stop it, or give this one its own Storage:DataPath.", ex);
        }
    }

    /// <summary>An Azurite from a host that died is saving and stopping (its stdin closed): let it finish, or end it.</summary>
    private static async Task WaitForStaleAzuriteAsync(string dataPath, ILogger logger, CancellationToken ct)
    {
        var pidFile = Path.Combine(dataPath, "azurite.pid");
        if (!File.Exists(pidFile) || !int.TryParse(File.ReadAllText(pidFile).Trim(), out var pid)) return;
        Process stale;
        try { stale = Process.GetProcessById(pid); }
        catch (ArgumentException) { return; }
        using (stale)
        {
            if (!IsAzurite(pid)) return;
            logger.LogWarning("An Azurite from a previous run (pid {Pid}) is still stopping; waiting for it", pid);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(StaleAzuriteWait);
            try { await stale.WaitForExitAsync(timeout.Token); }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                logger.LogWarning("Azurite pid {Pid} did not stop; killing it", pid);
                stale.Kill(entireProcessTree: true);
                await stale.WaitForExitAsync(ct);
            }
        }
    }

    private static bool IsAzurite(int pid)
    {
        try { return File.ReadAllText($"/proc/{pid}/cmdline").Contains("azurite", StringComparison.OrdinalIgnoreCase); }
        catch (IOException) { return false; }
        catch (UnauthorizedAccessException) { return false; }
    }

    /// <summary>Stops supervising, then stops Azurite gracefully (it saves everything) and releases the folder.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_stopping.IsCancellationRequested) return;
        _stopping.Cancel();
        await _supervisor;
        AzuriteServer? server;
        lock (_gate)
        {
            server = _current;
            _current = null;
            _state = "stopped";
        }
        if (server is not null) await server.DisposeAsync();
        _lock?.Dispose();
    }
}
