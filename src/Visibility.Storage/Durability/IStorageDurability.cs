namespace Visibility.Storage;

/// <summary>
/// The barrier between "storage answered" and "we may acknowledge": every write storage answered before
/// <see cref="WaitDurableAsync"/> was called survives a crash of the whole application once it completes.
/// </summary>
public interface IStorageDurability
{
    /// <exception cref="StorageUnavailableException">Durability cannot be confirmed now: do not acknowledge.</exception>
    Task WaitDurableAsync(CancellationToken ct);

    /// <summary>One line for readiness and the README: what an answered write means on this storage.</summary>
    string Guarantee { get; }
}

/// <summary>An Azure Storage account: a write it has answered is already durable (three replicas at least).</summary>
public sealed class StorageAccountDurability : IStorageDurability
{
    public Task WaitDurableAsync(CancellationToken ct) => Task.CompletedTask;

    public string Guarantee => "durable when the storage account answers";
}

/// <summary>The embedded Azurite: its indexes are saved (group-committed) before anything is acknowledged.</summary>
public sealed class EmbeddedStorageDurability(EmbeddedStorage storage) : IStorageDurability
{
    public Task WaitDurableAsync(CancellationToken ct) => storage.FlushAsync(ct);

    public string Guarantee => "durable once the embedded storage's indexes are saved (before every acknowledgement)";
}
