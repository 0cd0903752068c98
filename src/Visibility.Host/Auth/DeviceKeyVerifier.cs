using System.Collections.Concurrent;
using Visibility.Domain.Access;
using Visibility.Grains.Access;

namespace Visibility.Host.Auth;

/// <summary>
/// Checks a tracker's key on the ingest path. A device's key hash, revocation flag and assigned shipments are cached
/// for a few seconds, so a busy tracker costs one hash and a few set look-ups per batch, not a grain call; revoking
/// or re-assigning through this host drops the entry at once (another silo's cache follows within the TTL).
/// </summary>
public sealed class DeviceKeyVerifier(IGrainFactory grains, TimeProvider clock)
{
    private static readonly TimeSpan Ttl = TimeSpan.FromSeconds(5);
    private readonly ConcurrentDictionary<string, Entry> _cache = new(StringComparer.Ordinal);

    private sealed record Entry(DeviceAccess? Access, HashSet<string> Shipments, DateTimeOffset LoadedAt);

    /// <summary>The device the key belongs to, or null with the reason it is refused.</summary>
    public async Task<(DeviceGrant? Grant, string? Refusal)> VerifyAsync(string? key)
    {
        if (string.IsNullOrEmpty(key)) return (null, "a tracker key is required (header X-Device-Key)");
        if (!DeviceKeys.TryParse(key, out var deviceId, out var secret)) return (null, "the tracker key is malformed");
        var now = clock.GetUtcNow();
        if (!_cache.TryGetValue(deviceId, out var entry) || now - entry.LoadedAt > Ttl)
        {
            var access = await grains.GetGrain<IDeviceGrain>(deviceId).GetAccess();
            entry = new Entry(access, access == null ? [] : new HashSet<string>(access.Shipments, StringComparer.Ordinal), now);
            _cache[deviceId] = entry;
        }
        if (entry.Access == null || !DeviceKeys.Matches(secret, entry.Access.SecretHash)) return (null, "the tracker key is not valid");
        if (entry.Access.Revoked) return (null, "the tracker key has been revoked");
        return (new DeviceGrant(deviceId, entry.Shipments), null);
    }

    public void Forget(string deviceId) => _cache.TryRemove(deviceId, out _);
}

/// <summary>A verified tracker and the shipments it may report for.</summary>
public sealed record DeviceGrant(string DeviceId, IReadOnlySet<string> Shipments)
{
    /// <summary>Assigned as "*": a gateway that reports for every shipment (a carrier feed, the built-in simulator).</summary>
    public const string AllShipments = "*";

    public bool Allows(string shipmentId) => Shipments.Contains(shipmentId) || Shipments.Contains(AllShipments);
}
