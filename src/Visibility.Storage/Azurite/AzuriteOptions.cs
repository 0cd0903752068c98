namespace Visibility.Storage;

/// <summary>How to run an embedded Azurite blob service (dev and test storage).</summary>
public sealed class AzuriteOptions
{
    /// <summary>Folder Azurite persists into (<c>--location</c>); created if missing. Ignored when <see cref="InMemory"/>.</summary>
    public string? DataPath { get; set; }

    /// <summary>Blob port on 127.0.0.1; 0 picks a free port.</summary>
    public int Port { get; set; }

    /// <summary>Keep everything in memory (<c>--inMemoryPersistence</c>): fast, and lost when the process stops.</summary>
    public bool InMemory { get; set; }

    /// <summary>Path to <c>azurite-blob</c> (or its <c>main.js</c>); when null it is searched for, see <see cref="AzuriteExecutable"/>.</summary>
    public string? ExecutablePath { get; set; }

    /// <summary>
    /// The account key Azurite accepts; null for the public emulator key (fine for throwaway test instances only).
    /// </summary>
    public string? AccountKey { get; set; }

    /// <summary>
    /// Run in a session of its own, so signals to our process group (Ctrl+C, <c>kill -- -PGID</c>) do not reach it and the
    /// host can stop it after its final checkpoint.
    /// </summary>
    public bool Detached { get; set; } = true;

    /// <summary>How long to wait for the blob port to answer before giving up.</summary>
    public TimeSpan StartTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
