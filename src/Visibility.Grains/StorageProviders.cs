namespace Visibility.Grains;

/// <summary>Names of the grain storage providers the host registers.</summary>
public static class StorageProviders
{
    /// <summary>Many grains per blob, group-committed: for the high-count, high-churn shipments.</summary>
    public const string Shipments = "shipments";
    /// <summary>One blob per grain: suppliers, factories, disruptions.</summary>
    public const string Default = "Default";
}
