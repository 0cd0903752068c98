namespace Visibility.Integration.Tests;

/// <summary>Host tests share one collection: each class starts its own Azurite and host, and on 2 cores they run one at a time.</summary>
[CollectionDefinition("host")]
public sealed class HostCollection;
