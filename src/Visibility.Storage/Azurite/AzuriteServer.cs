using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace Visibility.Storage;

/// <summary>
/// An Azurite blob service running as a child node process, for development and tests.
/// </summary>
/// <remarks>
/// Node runs a small launcher that (1) rewrites argv so Azurite sees its usual command line and (2) watches its stdin pipe:
/// the pipe ends when we close it on dispose or when this process dies, and the launcher then sends itself SIGTERM, which
/// makes Azurite close gracefully (flushing its metadata to <c>--location</c>). So a crashed test run does not leak Azurite.
/// </remarks>
public sealed class AzuriteServer : IAsyncDisposable
{
    private const string ReadyMarker = "successfully listens on";

    // Runs in node: argv[1] is Azurite's main.js, the rest are its arguments.
    private const string LauncherScript =
        "const [main, ...rest] = process.argv.slice(1);" +
        "process.argv = [process.argv[0], main, ...rest];" +
        "process.stdin.on('end', () => process.kill(process.pid, 'SIGTERM'));" +
        "process.stdin.on('error', () => process.kill(process.pid, 'SIGTERM'));" +
        "process.stdin.resume();" +
        "require(main);";

    private static readonly TimeSpan GracefulStopTimeout = TimeSpan.FromSeconds(10);

    private readonly Process _process;
    private readonly ILogger _logger;
    private readonly bool _hasWatchdog;
    private int _disposed;

    private AzuriteServer(Process process, int port, bool hasWatchdog, ILogger logger)
    {
        _process = process;
        Port = port;
        _hasWatchdog = hasWatchdog;
        _logger = logger;
    }

    /// <summary>The blob port on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>Connection string for the well-known dev account at this server's blob endpoint.</summary>
    public string ConnectionString => DevelopmentStorageAccount.ConnectionString(Port);

    /// <summary>The node process id (for diagnostics).</summary>
    public int ProcessId => _process.Id;

    /// <summary>Starts Azurite and returns once its blob port accepts connections.</summary>
    /// <exception cref="FileNotFoundException">Azurite is not installed (run <c>npm install</c> in infra/runtime).</exception>
    /// <exception cref="InvalidOperationException">Azurite exited or did not answer in time; the message carries its stderr.</exception>
    public static async Task<AzuriteServer> StartAsync(AzuriteOptions options, ILogger logger, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        var executable = AzuriteExecutable.Locate(options.ExecutablePath);
        if (!options.InMemory && options.DataPath is not null) Directory.CreateDirectory(options.DataPath);

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
        if (nodeScript is not null)
        {
            // Start node itself (not a shell, not the .bin shim) so the process we hold and kill is Azurite.
            startInfo.FileName = AzuriteExecutable.FindOnPath("node")
                ?? throw new FileNotFoundException("node was not found on PATH; Azurite needs Node.js.");
            startInfo.ArgumentList.Add("-e");
            startInfo.ArgumentList.Add(LauncherScript);
            startInfo.ArgumentList.Add(nodeScript);
        }
        else
        {
            startInfo.FileName = executable;
        }

        foreach (var arg in AzuriteArguments(port, options)) startInfo.ArgumentList.Add(arg);

        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        var stderr = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            logger.LogDebug("azurite: {Line}", e.Data);
            if (e.Data.Contains(ReadyMarker, StringComparison.Ordinal)) ready.TrySetResult();
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            stderr.Enqueue(e.Data);
            logger.LogWarning("azurite stderr: {Line}", e.Data);
        };

        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new AzuriteServer(process, port, hasWatchdog: nodeScript is not null, logger);
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

    private static IEnumerable<string> AzuriteArguments(int port, AzuriteOptions options)
    {
        yield return "--blobHost";
        yield return "127.0.0.1";
        yield return "--blobPort";
        yield return port.ToString(System.Globalization.CultureInfo.InvariantCulture);
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

    private static string SafeExitCode(Process process)
    {
        try { return process.HasExited ? process.ExitCode.ToString() : "(running)"; }
        catch (InvalidOperationException) { return "(unknown)"; }
    }

    private static int PickFreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Stops Azurite: gracefully (so persisted data is flushed), then by force after a timeout; waits for exit.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        try
        {
            if (!_process.HasExited)
            {
                if (_hasWatchdog)
                {
                    // Ending stdin makes the launcher SIGTERM Azurite, which closes its stores and exits.
                    try { _process.StandardInput.Close(); } catch (IOException) { }
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
