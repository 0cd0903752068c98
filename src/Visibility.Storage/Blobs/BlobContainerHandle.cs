using Azure.Storage.Blobs;

namespace Visibility.Storage;

/// <summary>A container that is created once, on first use; a failed attempt is retried by the next caller.</summary>
internal sealed class BlobContainerHandle(BlobContainerClient client)
{
    private readonly Lock _lock = new();
    private Task? _created;

    public BlobContainerClient Client { get; } = client;

    public Task EnsureCreatedAsync(CancellationToken ct = default)
    {
        lock (_lock)
        {
            if (_created is null || _created.IsFaulted || _created.IsCanceled)
            {
                // Not bound to the caller's token: the creation is shared by every caller.
                _created = Client.CreateIfNotExistsAsync();
            }
            return _created.WaitAsync(ct);
        }
    }

    public static BlobContainerHandle Create(string connectionString, string containerName)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
            throw new ArgumentException("A storage connection string is required.", nameof(connectionString));
        return new BlobContainerHandle(StorageClients.Service(connectionString).GetBlobContainerClient(containerName));
    }
}
