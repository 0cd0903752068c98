namespace Visibility.Host.Auth;

/// <summary>The "Auth" configuration section. See README, "Access".</summary>
public sealed class AuthOptions
{
    /// <summary>Base64 key (≥ 32 bytes) that signs the host's own tokens. Empty (and no key file): generated once and kept in blob storage.</summary>
    public string? SigningKey { get; set; }
    /// <summary>The kid of <see cref="SigningKey"/>; empty: derived from the key.</summary>
    public string? SigningKeyId { get; set; }
    /// <summary>A file of keys (a mounted secret): "kid:base64" or a bare base64 key per line, the current key first.</summary>
    public string? SigningKeyFile { get; set; }
    /// <summary>Keys that no longer sign but whose tokens are still accepted until they expire (a rotation).</summary>
    public List<PreviousSigningKey> PreviousSigningKeys { get; set; } = [];
    /// <summary>
    /// How long a user record read for the per-request check (role, supplier, disabled) is reused. On the silo that
    /// changes a user it is dropped at once; other silos see the change within this time.
    /// </summary>
    public double UserRecordCacheSeconds { get; set; } = 2;
    /// <summary>How often each silo re-checks the users and token expiry of its open hub connections.</summary>
    public double HubSessionCheckSeconds { get; set; } = 1;
    public string Issuer { get; set; } = "visibility";
    public string Audience { get; set; } = "visibility";
    public int TokenLifetimeMinutes { get; set; } = 480;
    /// <summary>Creates user "admin" with this password at start when no admin exists (for deployments without demo users).</summary>
    public string? BootstrapAdminPassword { get; set; }
    /// <summary>Seed the documented demo users (default: with the demo network).</summary>
    public bool? SeedDemoUsers { get; set; }
    public ExternalIssuerOptions External { get; set; } = new();
}

/// <summary>One entry of Auth:PreviousSigningKeys: its kid (empty: derived from the key) and the base64 key.</summary>
public sealed class PreviousSigningKey
{
    public string? Kid { get; set; }
    public string? Key { get; set; }
}

/// <summary>An external OpenID Connect issuer whose access tokens the host also trusts.</summary>
public sealed class ExternalIssuerOptions
{
    /// <summary>The issuer URL; discovery (/.well-known/openid-configuration) finds its signing keys unless SigningKey is set.</summary>
    public string? Authority { get; set; }
    /// <summary>Expected "iss" when it differs from Authority.</summary>
    public string? Issuer { get; set; }
    public string? Audience { get; set; }
    /// <summary>Base64 symmetric key, instead of discovery (for issuers without metadata, and for tests that mint tokens).</summary>
    public string? SigningKey { get; set; }
    public string RoleClaim { get; set; } = "roles";
    public string SupplierClaim { get; set; } = "supplier_id";
    public string NameClaim { get; set; } = "preferred_username";
    public bool RequireHttpsMetadata { get; set; } = true;

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority) || !string.IsNullOrWhiteSpace(Issuer);
    public string ExpectedIssuer => Issuer ?? Authority!;
}
