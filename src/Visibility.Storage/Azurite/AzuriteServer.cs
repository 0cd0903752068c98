using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using Microsoft.Extensions.Logging;

namespace Visibility.Storage;

/// <summary>
/// An Azurite blob service running as a child node process, for development, tests and the embedded default.
/// </summary>
/// <remarks>
/// <para>Node runs our launcher (<c>azurite-launcher.js</c>, read it for the why): it saves Azurite's indexes on demand
/// (<see cref="FlushAsync"/>), in a crash-consistent order, and stops when its stdin closes, which happens on
/// <see cref="DisposeAsync"/> or when this process dies, so a crashed test run does not leak Azurite.</para>
/// <para>With <see cref="AzuriteOptions.Detached"/> the process gets a session of its own (<c>setsid</c>): a Ctrl+C or a
/// signal to our process group does not reach it, and we stop it after our final checkpoint.</para>
/// </remarks>
public sealed class AzuriteServer : IAsyncDisposable
{
    private const string ReadyMarker = "successfully listens on";
    private const string FlushedMarker = "@@flushed ";

    private static readonly TimeSpan GracefulStopTimeout = TimeSpan.FromSeconds(15);
    private static readonly Lazy<string> LauncherScript = new(() =>
    {
        using var stream = typeof(AzuriteServer).Assembly.GetManifestResourceStream("Visibility.Storage.Azurite.azurite-launcher.js")
            ?? throw new InvalidOperationException("The Azurite launcher script is not embedded in Visibility.Storage.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    private readonly Process _process;
    private readonly ILogger _logger;
    private readonly bool _hasLauncher;
    private readonly string _accountKey;
    private readonly TaskCompletionSource<int> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentDictionary<long, TaskCompletionSource> _flushes = new();
    private readonly Lock _stdinLock = new();
    private readonly Lock _flushGate = new();
    private TaskCompletionSource? _waitingForFlush;
    private bool _flushRunning;
    private long _flushIds;
    private int _disposed;

    private AzuriteServer(Process process, int port, string accountKey, bool hasLauncher, ILogger logger)
    {
        _process = process;
        Port = port;
        _accountKey = accountKey;
        _hasLauncher = hasLauncher;
        _logger = logger;
    }

    /// <summary>The blob port on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>Connection string for this server's account at its blob endpoint.</summary>
    public string ConnectionString => DevelopmentStorageAccount.ConnectionString(Port, _accountKey);

    /// <summary>The node process id (for diagnostics and fault tests).</summary>
    public int ProcessId => _process.Id;

    /// <summary>Completes with the exit code when the process ends, whoever ended it.</summary>
    public Task<int> Exited => _exited.Task;

    /// <summary>
    /// Completes once everything Azurite answered before this call is in its files on disk (it then survives a kill of
    /// Azurite). Group commit: callers that arrive while a save runs share the next one, so a save costs the same for one
    /// caller as for hundreds. Throws <see cref="StorageUnavailableException"/> when Azurite has exited, cannot save, or
    /// does not confirm within <see cref="FlushTimeout"/>.
    /// </summary>
    public Task FlushAsync(CancellationToken ct = default)
    {
        if (!_hasLauncher) return Task.CompletedTask;
        Task mine;
        lock (_flushGate)
        {
            _waitingForFlush ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            mine = _waitingForFlush.Task;
            if (!_flushRunning) StartFlushLocked();
        }
        return mine.WaitAsync(ct);
    }

    /// <summary>How long a save may take before callers are told storage is unavailable.</summary>
    public TimeSpan FlushTimeout { get; set; } = TimeSpan.FromSeconds(10);

    private void StartFlushLocked()
    {
        _flushRunning = true;
        var batch = _waitingForFlush!;
        _waitingForFlush = null;
        _ = RunFlushAsync(batch);
    }

    private async Task RunFlushAsync(TaskCompletionSource batch)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            await SendFlushAsync();
            batch.TrySetResult();
            DurabilityMetrics.Saves.Add(1);
            DurabilityMetrics.SaveLatency.Record(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (Exception ex)
        {
            batch.TrySetException(ex);
        }
        finally
        {
            lock (_flushGate)
            {
                _flushRunning = false;
                if (_waitingForFlush is not null) StartFlushLocked();
            }
        }
    }

    private async Task SendFlushAsync()
    {
        var id = Interlocked.Increment(ref _flushIds);
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _flushes[id] = done;
        try
        {
            if (_exited.Task.IsCompleted) throw new StorageUnavailableException("The embedded storage process has exited.");
            lock (_stdinLock)
            {
                try
                {
                    _process.StandardInput.Write(string.Create(CultureInfo.InvariantCulture, $"flush {id}\n"));
                    _process.StandardInput.Flush();
                }
                catch (Exception ex) when (ex is IOException or ObjectDisposedException or InvalidOperationException)
                {
                    throw new StorageUnavailableException("The embedded storage process does not take commands.", ex);
                }
            }
            var finished = await Task.WhenAny(done.Task, _exited.Task, Task.Delay(FlushTimeout));
            if (finished == _exited.Task) throw new StorageUnavailableException("The embedded storage process exited before it saved.");
            if (finished != done.Task) throw new StorageUnavailableException($"The embedded storage did not save within {FlushTimeout.TotalSeconds:0} s.");
            await done.Task;
        }
        finally
        {
            _flushes.TryRemove(id, out _);
        }
    }

    /// <summary>SIGKILL, for a process that stopped answering; <see cref="Exited"/> completes when it is gone.</summary>
    public void Kill()
    {
        try { if (!_process.HasExited) _process.Kill(entireProcessTree: true); }
        catch (InvalidOperationException) { }
    }

    /// <summary>Starts Azurite and returns once its blob port accepts connections.</summary>
    /// <exception cref="FileNotFoundException">Azurite is not installed (run <c>npm install</c> in infra/runtime).</exception>
    /// <exception cref="InvalidOperationException">Azurite exited or did not answer in time; the message carries its stderr.</exception>
    public static async Task<AzuriteServer> StartAsync(AzuriteOptions options, ILogger logger, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        var executable = AzuriteExecutable.Locate(options.ExecutablePath);
        if (!options.InMemory && options.DataPath is not null) PrivateFolder.Create(options.DataPath);

        // A port picked by probing can be taken by someone else before Azurite binds it: try a few.
        var attempts = options.Port == 0 ? 3 : 1;
        for (var attempt = 1; ; attempt++)
        {
            var port = options.Port == 0 ? PickFreePort() : options.Port;
            try
            {
                return await StartOnceAsync(executable, port, options, logger, ct);
            }
            catch (InvalidOperationException ex) when (attempt < attempts && ex.Message.Contains("EADDRINUSE"))
            {
                logger.LogWarning("Azurite port {Port} was taken; retrying on another port", port);
            }
        }
    }

    private static async Task<AzuriteServer> StartOnceAsync(
        string executable, int port, AzuriteOptions options, ILogger logger, CancellationToken ct)
    {
        var nodeScript = AzuriteExecutable.ResolveNodeScript(executable);
        var startInfo = new ProcessStartInfo
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = options.InMemory || options.DataPath is null ? Path.GetTempPath() : options.DataPath,
        };
        var setsid = options.Detached ? AzuriteExecutable.FindOnPath("setsid") : null;
        if (nodeScript is not null)
        {
            // Start node itself (not a shell, not the .bin shim) so the process we hold and kill is Azurite. setsid execs
            // in place (our child is never a group leader), so the pid stays node's.
            var node = AzuriteExecutable.FindOnPath("node") ?? throw new FileNotFoundException("node was not found on PATH; Azurite needs Node.js.");
            if (setsid is not null)
            {
                startInfo.FileName = setsid;
                startInfo.ArgumentList.Add(node);
            }
            else startInfo.FileName = node;
            startInfo.ArgumentList.Add("-e");
            startInfo.ArgumentList.Add(LauncherScript.Value);
            startInfo.ArgumentList.Add(nodeScript);
        }
        else
        {
            startInfo.FileName = executable;
        }

        foreach (var arg in AzuriteArguments(port, options)) startInfo.ArgumentList.Add(arg);
        var accountKey = options.AccountKey ?? DevelopmentStorageAccount.Key;
        startInfo.Environment["AZURITE_ACCOUNTS"] = $"{DevelopmentStorageAccount.Name}:{accountKey}";

        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        var server = new AzuriteServer(process, port, accountKey, hasLauncher: nodeScript is not null, logger);
        var stderr = new ConcurrentQueue<string>();
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            if (e.Data.StartsWith(FlushedMarker, StringComparison.Ordinal)) { server.OnFlushed(e.Data); return; }
            logger.LogDebug("azurite: {Line}", e.Data);
            if (e.Data.Contains(ReadyMarker, StringComparison.Ordinal)) ready.TrySetResult();
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            stderr.Enqueue(e.Data);
            logger.LogWarning("azurite stderr: {Line}", e.Data);
        };
        process.Exited += (_, _) => server._exited.TrySetResult(SafeExitCode(process));

        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        logger.LogInformation("Started Azurite (pid {Pid}) on blob port {Port}, {Mode}", process.Id, port,
            options.InMemory ? "in memory" : $"data in {options.DataPath ?? startInfo.WorkingDirectory}");

        try
        {
            await WaitUntilReadyAsync(process, port, ready.Task, options.StartTimeout, ct);
            return server;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            await server.DisposeAsync();
            throw new InvalidOperationException(
                $"Azurite did not start on port {port}: {ex.Message} stderr: {string.Join(" | ", stderr)}", ex);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    // "@@flushed 17 ok" or "@@flushed 17 error <message>"
    private void OnFlushed(string line)
    {
        var parts = line[FlushedMarker.Length..].Split(' ', 3);
        if (!long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var id) || !_flushes.TryGetValue(id, out var done)) return;
        if (parts.Length > 1 && parts[1] == "ok") done.TrySetResult();
        else done.TrySetException(new StorageUnavailableException($"The embedded storage could not save: {(parts.Length > 2 ? parts[2] : line)}"));
    }

    private static IEnumerable<string> AzuriteArguments(int port, AzuriteOptions options)
    {
        yield return "--blobHost";
        yield return "127.0.0.1";
        yield return "--blobPort";
        yield return port.ToString(CultureInfo.InvariantCulture);
        // Azure.Storage.Blobs 12.30 sends an API version this Azurite does not know: skip the check and ignore unknown headers.
        yield return "--skipApiVersionCheck";
        yield return "--loose";
        yield return "--disableTelemetry";
        // No access log on stdout: one line per request would flood the logger.
        yield return "--silent";
        if (options.InMemory)
        {
            yield return "--inMemoryPersistence";
        }
        else if (options.DataPath is not null)
        {
            yield return "--location";
            yield return Path.GetFullPath(options.DataPath);
        }
    }

    private static async Task WaitUntilReadyAsync(Process process, int port, Task readyMarkerSeen, TimeSpan timeout, CancellationToken ct)
    {
        using var timeoutCts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeoutCts.CancelAfter(timeout);

        // The ready line comes after the port is bound; waiting for it avoids racing a half-initialised server.
        // WaitForExitAsync ends when the process exits, or is cancelled by the timeout.
        var exited = process.WaitForExitAsync(timeoutCts.Token);
        await Task.WhenAny(readyMarkerSeen, exited);
        if (!readyMarkerSeen.IsCompleted)
        {
            ct.ThrowIfCancellationRequested();
            throw new InvalidOperationException(process.HasExited
                ? $"Azurite exited with code {SafeExitCode(process)}."
                : $"Azurite did not report ready within {timeout}.");
        }

        // The port answering is the actual contract.
        while (true)
        {
            if (process.HasExited) throw new InvalidOperationException($"Azurite exited with code {SafeExitCode(process)}.");
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port, timeoutCts.Token);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50, timeoutCts.Token);
            }
        }
    }

    private static int SafeExitCode(Process process)
    {
        try { return process.HasExited ? process.ExitCode : -1; }
        catch (InvalidOperationException) { return -1; }
    }

    private static int PickFreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Stops Azurite: gracefully (so persisted data is saved), then by force after a timeout; waits for exit.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        try
        {
            if (!_process.HasExited)
            {
                if (_hasLauncher)
                {
                    // Ending stdin makes the launcher save and close Azurite's stores, then exit.
                    lock (_stdinLock)
                    {
                        try { _process.StandardInput.Close(); } catch (IOException) { }
                    }
                    using var graceful = new CancellationTokenSource(GracefulStopTimeout);
                    try { await _process.WaitForExitAsync(graceful.Token); }
                    catch (OperationCanceledException) { _logger.LogWarning("Azurite (pid {Pid}) did not stop in time; killing it", _process.Id); }
                }

                if (!_process.HasExited)
                {
                    _process.Kill(entireProcessTree: true);
                    await _process.WaitForExitAsync();
                }
            }
            _logger.LogInformation("Azurite (pid {Pid}) stopped", _process.Id);
        }
        finally
        {
            _process.Dispose();
        }
    }
}
