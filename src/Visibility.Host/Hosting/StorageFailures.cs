using System.Net.Sockets;
using Azure;
using Orleans.Storage;
using Visibility.Storage;

namespace Visibility.Host.Hosting;

/// <summary>Which exceptions mean "storage failed" (answer 503 and retry), as opposed to a bug (500).</summary>
public static class StorageFailures
{
    public static bool Means(Exception ex)
    {
        for (var e = ex; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case StorageUnavailableException or IngestLogWriteException or TimeoutException or SocketException or HttpRequestException:
                // After an embedded storage restart an unsaved write is gone and the next conditional write conflicts: the
                // grain reloads and a retry succeeds.
                case InconsistentStateException:
                case RequestFailedException { Status: 0 or >= 500 }:
                    return true;
            }
            if (e is AggregateException aggregate && aggregate.InnerExceptions.Any(Means)) return true;
        }
        return false;
    }
}
