using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Visibility.Domain.Access;

namespace Visibility.Host.Auth;

/// <summary>
/// Signs the host's own bearer tokens (HS256 JWT) with the current key of the ring, named in the "kid" header:
/// subject, role, supplier for supplier users, expiry. Role and supplier are checked against the user record on every
/// request (<see cref="UserRecordCheck"/>), so they describe the user but never outrank it.
/// </summary>
public sealed class TokenIssuer(SigningKeyRing keys, AuthOptions options, TimeProvider clock)
{
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };

    public (string Token, DateTimeOffset ExpiresAt) Issue(UserView user)
    {
        var now = clock.GetUtcNow();
        var expires = now.AddMinutes(options.TokenLifetimeMinutes);
        var claims = new Dictionary<string, object>
        {
            [JwtRegisteredClaimNames.Sub] = user.Username,
            [JwtRegisteredClaimNames.Jti] = Guid.NewGuid().ToString("N"),
            ["role"] = user.Role,
            ["name"] = user.DisplayName,
        };
        if (user.SupplierId != null) claims[Caller.SupplierClaim] = user.SupplierId;
        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Issuer,
            Audience = options.Audience,
            Claims = claims,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = new SigningCredentials(keys.Current, SecurityAlgorithms.HmacSha256),
        });
        return (token, expires);
    }
}
