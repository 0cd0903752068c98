using Azure.Core;
using Azure.Storage.Blobs;

namespace Visibility.Storage;

/// <summary>
/// Every blob client of the platform is made here, with timeouts that fit a service answering users: the SDK's defaults
/// (100 s per try, retries on top) let a stalled storage hold a request for minutes. A try that hears nothing for
/// <see cref="NetworkTimeout"/> fails; readiness and the 503 answers come from <see cref="StorageHealth"/> sooner.
/// </summary>
public static class StorageClients
{
    public static readonly TimeSpan NetworkTimeout = TimeSpan.FromSeconds(10);

    public static BlobServiceClient Service(string connectionString) => new(connectionString, Options(NetworkTimeout, maxRetries: 3));

    /// <summary>A client that tries once and gives up after <paramref name="timeout"/>: for health probes.</summary>
    public static BlobServiceClient Probe(string connectionString, TimeSpan timeout) => new(connectionString, Options(timeout, maxRetries: 0));

    private static BlobClientOptions Options(TimeSpan networkTimeout, int maxRetries)
    {
        var options = new BlobClientOptions();
        options.Retry.Mode = RetryMode.Exponential;
        options.Retry.MaxRetries = maxRetries;
        options.Retry.Delay = TimeSpan.FromMilliseconds(200);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(2);
        options.Retry.NetworkTimeout = networkTimeout;
        return options;
    }
}
