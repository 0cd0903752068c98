using System.Text.Json;

namespace Visibility.Storage;

/// <summary>Where a blob-backed grain storage keeps its blobs, and how it serialises state.</summary>
public class BlobStorageOptions
{
    /// <summary>Azure Storage connection string (for Azurite: <see cref="AzuriteServer.ConnectionString"/>).</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>Container for this provider's blobs; created on first use. Lowercase letters, digits and dashes.</summary>
    public string ContainerName { get; set; } = "grain-state";

    /// <summary>
    /// JSON options for grain state. JSON (rather than Orleans' binary serializer) so a stored state can be read with any
    /// blob browser and survives refactors of the Orleans type metadata; state types must round-trip through System.Text.Json.
    /// </summary>
    public JsonSerializerOptions SerializerOptions { get; set; } = new(JsonSerializerDefaults.Web);
}
