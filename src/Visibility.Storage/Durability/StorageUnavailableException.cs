namespace Visibility.Storage;

/// <summary>
/// Storage cannot take or confirm writes right now (down, stalled, or restarting). Callers answer 503 with Retry-After: the
/// write was not acknowledged, and may or may not have landed.
/// </summary>
public sealed class StorageUnavailableException : Exception
{
    public StorageUnavailableException(string message) : base(message) { }

    public StorageUnavailableException(string message, Exception inner) : base(message, inner) { }
}
