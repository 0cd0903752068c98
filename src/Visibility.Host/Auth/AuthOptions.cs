namespace Visibility.Host.Auth;

/// <summary>The "Auth" configuration section. See README, "Access".</summary>
public sealed class AuthOptions
{
    /// <summary>Base64 key (≥ 32 bytes) that signs the host's own tokens. Empty: generated once and kept in blob storage.</summary>
    public string? SigningKey { get; set; }
    public string Issuer { get; set; } = "visibility";
    public string Audience { get; set; } = "visibility";
    public int TokenLifetimeMinutes { get; set; } = 480;
    /// <summary>Creates user "admin" with this password at start when no admin exists (for deployments without demo users).</summary>
    public string? BootstrapAdminPassword { get; set; }
    /// <summary>Seed the documented demo users (default: with the demo network).</summary>
    public bool? SeedDemoUsers { get; set; }
    public ExternalIssuerOptions External { get; set; } = new();
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
