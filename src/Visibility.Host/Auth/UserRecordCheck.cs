using System.Collections.Concurrent;
using System.Security.Claims;
using Visibility.Domain.Access;
using Visibility.Grains.Access;

namespace Visibility.Host.Auth;

/// <summary>
/// A token's word against the user record. The host's own tokens name a role and, for a supplier user, a supplier; a
/// validly signed token is still refused when the user no longer exists, is disabled, or has another role or supplier
/// than the token says: whoever holds the signing key cannot mint an admin out of an operator, or move a supplier's
/// token to another supplier. Runs on every HTTP request, hub connection and hub call, so the record is cached per user
/// for Auth:UserRecordCacheSeconds (2 s): a hit is a dictionary lookup, a miss one user-grain call (cluster-wide state,
/// so every silo decides from the same record). A change made through this silo drops its entry at once; other silos
/// see it when their entry ages out. External issuers' users have no record here: for them only the expiry is checked.
/// </summary>
public sealed class UserRecordCheck(IGrainFactory grains, AuthOptions options, TimeProvider clock)
{
    private const int PruneAbove = 10_000;
    private readonly ConcurrentDictionary<string, Entry> _records = new(StringComparer.Ordinal);
    private readonly TimeSpan _ttl = TimeSpan.FromSeconds(Math.Max(0, options.UserRecordCacheSeconds));

    private sealed record Entry(UserView? User, long ReadAt);

    /// <summary>Why this principal may no longer act, or null when it may. Synchronous on a cache hit.</summary>
    public ValueTask<string?> RefuseAsync(ClaimsPrincipal principal)
    {
        // One pass over the claims (no LINQ): this runs on every request.
        string? iss = null, sub = null, exp = null, role = null, supplier = null;
        int roles = 0, suppliers = 0;
        foreach (var claim in principal.Claims)
            switch (claim.Type)
            {
                case "iss": iss = claim.Value; break;
                case "sub": sub = claim.Value; break;
                case "exp": exp = claim.Value; break;
                case "role": role = claim.Value; roles++; break;
                case Caller.SupplierClaim: supplier = claim.Value; suppliers++; break;
            }
        // Exactly at "exp": the validators allow a clock skew, meant for "nbf" on a token a silo with a faster clock
        // has just issued; an open hub connection and a hub call must end when the token does.
        if (exp != null && long.TryParse(exp, out var seconds) && DateTimeOffset.FromUnixTimeSeconds(seconds) <= clock.GetUtcNow())
            return new("the token has expired");
        if (iss != options.Issuer) return new((string?)null);
        if (string.IsNullOrEmpty(sub)) return new("the token names no user");
        var claims = new TokenClaims(roles == 1 ? role : null, suppliers > 1 ? "" : supplier);
        if (_records.TryGetValue(sub, out var cached) && clock.GetElapsedTime(cached.ReadAt) < _ttl) return new(Compare(claims, cached.User));
        return ReadAndCompareAsync(sub, claims);
    }

    private async ValueTask<string?> ReadAndCompareAsync(string username, TokenClaims claims) => Compare(claims, await ReadAsync(username));

    /// <summary>Role: exactly one, the user's. Supplier: none for a user without one, else exactly the user's.</summary>
    private readonly record struct TokenClaims(string? Role, string? Supplier);

    private static string? Compare(TokenClaims token, UserView? user) =>
        user == null ? "the user does not exist"
        : user.Disabled ? "the user is disabled"
        : token.Role != user.Role ? "the token's role is not the user's"
        : token.Supplier != user.SupplierId ? "the token's supplier is not the user's"
        : null;

    /// <summary>Drops the cached record after a change (disable, enable), so this silo sees it on the next request.</summary>
    public void Forget(string username) => _records.TryRemove(username, out _);

    private async Task<UserView?> ReadAsync(string username)
    {
        // A read racing a Forget may put back the record as it was before the change: it lives one TTL at most.
        var user = await grains.GetGrain<IUserGrain>(username).GetView();
        if (_records.Count > PruneAbove)
            foreach (var (key, entry) in _records)
                if (clock.GetElapsedTime(entry.ReadAt) >= _ttl) _records.TryRemove(key, out _);
        _records[username] = new Entry(user, clock.GetTimestamp());
        return user;
    }
}
