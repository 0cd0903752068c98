namespace Visibility.Domain.Access;

/// <summary>A tracker: the hash of its key, whether the key is revoked, and the shipments it may report for.</summary>
[GenerateSerializer]
public sealed class DeviceState
{
    [Id(0)] public string? Id { get; set; }
    [Id(1)] public string Name { get; set; } = "";
    [Id(2)] public string SecretHash { get; set; } = "";
    [Id(3)] public bool Revoked { get; set; }
    [Id(4)] public HashSet<string> Shipments { get; set; } = new(StringComparer.Ordinal);
    [Id(5)] public string CreatedBy { get; set; } = "";
    [Id(6)] public DateTimeOffset CreatedAt { get; set; }
    [Id(7)] public DateTimeOffset? RevokedAt { get; set; }

    public bool Exists => Id != null;

    public DeviceView View() => new(Id!, Name, Revoked, Shipments.Order(StringComparer.Ordinal).ToArray(), CreatedBy, CreatedAt, RevokedAt);
}

[GenerateSerializer, Immutable]
public sealed record DeviceView(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] bool Revoked,
    [property: Id(3)] string[] Shipments,
    [property: Id(4)] string CreatedBy,
    [property: Id(5)] DateTimeOffset CreatedAt,
    [property: Id(6)] DateTimeOffset? RevokedAt);

/// <summary>What the ingest path caches per device to check a key and the shipments of a batch.</summary>
[GenerateSerializer, Immutable]
public sealed record DeviceAccess(
    [property: Id(0)] string SecretHash,
    [property: Id(1)] bool Revoked,
    [property: Id(2)] string[] Shipments);
