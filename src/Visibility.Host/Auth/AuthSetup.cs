using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Visibility.Domain.Access;
using Visibility.Grains.Access;
using Visibility.Host.Hosting;

namespace Visibility.Host.Auth;

/// <summary>
/// Bearer tokens: the host's own (from POST /api/auth/token) and, when configured, an external OpenID Connect
/// issuer's. One policy scheme picks the handler by the token's issuer. SignalR passes the token as access_token.
/// </summary>
public static class AuthSetup
{
    public const string Scheme = "bearer";
    private const string Local = "local";
    private const string External = "external";

    public static async Task AddVisibilityAuthAsync(this WebApplicationBuilder builder, StorageConnection storage, ILogger logger)
    {
        var options = builder.Configuration.GetSection("Auth").Get<AuthOptions>() ?? new AuthOptions();
        var keys = await SigningKeyStore.LoadAsync(storage.ConnectionString, options, logger);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(keys);
        builder.Services.AddSingleton<TokenIssuer>();
        builder.Services.AddSingleton<UserRecordCheck>();
        builder.Services.AddSingleton<DeviceKeyVerifier>();
        builder.Services.AddHostedService<UserSeeder>();
        builder.Services.AddSingleton<Visibility.Simulator.ISimulatorCredentialSource, HostSimulatorCredentials>();

        var auth = builder.Services.AddAuthentication(o =>
            {
                o.DefaultScheme = Scheme;
                o.DefaultChallengeScheme = Scheme;
            })
            .AddPolicyScheme(Scheme, "Bearer token", o => o.ForwardDefaultSelector = ctx =>
                options.External.Enabled && IssuerOf(ctx) == options.External.ExpectedIssuer ? External : Local)
            .AddJwtBearer(Local, o =>
            {
                o.MapInboundClaims = false;
                o.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = options.Issuer,
                    ValidAudience = options.Audience,
                    // By the token's kid: the current key or a previous one; an unknown kid finds none (401).
                    IssuerSigningKeyResolver = (_, _, kid, _) => keys.Resolve(kid),
                    ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                    NameClaimType = JwtRegisteredClaimNames.Sub,
                    RoleClaimType = "role",
                    ClockSkew = TimeSpan.FromSeconds(30),
                };
                o.Events = new JwtBearerEvents
                {
                    OnMessageReceived = HubToken,
                    OnTokenValidated = CheckUserRecord,
                };
            });

        if (options.External.Enabled)
        {
            var ext = options.External;
            auth.AddJwtBearer(External, o =>
            {
                o.MapInboundClaims = false;
                if (ext.Authority != null) o.Authority = ext.Authority;
                o.RequireHttpsMetadata = ext.RequireHttpsMetadata;
                o.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = ext.ExpectedIssuer,
                    ValidAudience = ext.Audience,
                    ValidateAudience = ext.Audience != null,
                    IssuerSigningKey = ext.SigningKey != null ? new SymmetricSecurityKey(Convert.FromBase64String(ext.SigningKey)) : null,
                    NameClaimType = ext.NameClaim,
                    RoleClaimType = ext.RoleClaim,
                    ClockSkew = TimeSpan.FromSeconds(30),
                };
                o.Events = new JwtBearerEvents
                {
                    OnMessageReceived = HubToken,
                    // The issuer's own claim names become ours, so handlers and the hub see one shape of user.
                    OnTokenValidated = ctx =>
                    {
                        var identity = (ClaimsIdentity)ctx.Principal!.Identity!;
                        var roles = identity.FindAll(ext.RoleClaim).Select(c => c.Value).Where(Roles.IsKnown).ToArray();
                        if (roles.Length == 0) { ctx.Fail("the token carries none of the roles operator, manager, supplier, admin"); return Task.CompletedTask; }
                        if (ext.SupplierClaim != Caller.SupplierClaim && identity.FindFirst(ext.SupplierClaim) is { } s)
                            identity.AddClaim(new Claim(Caller.SupplierClaim, s.Value));
                        if (roles.Contains(Roles.Supplier) && identity.FindFirst(Caller.SupplierClaim) == null)
                            ctx.Fail("a supplier token must name its supplier");
                        return Task.CompletedTask;
                    },
                };
            });
            logger.LogInformation("Trusting bearer tokens from external issuer {Issuer}", ext.ExpectedIssuer);
        }

        builder.Services.AddAuthorization(Policies.Add);
    }

    /// <summary>Browsers cannot set headers on WebSockets: the hub takes the token from the query string.</summary>
    private static Task HubToken(MessageReceivedContext ctx)
    {
        if (ctx.HttpContext.Request.Path.StartsWithSegments("/hubs") && ctx.Request.Query["access_token"] is { Count: 1 } token)
            ctx.Token = token[0];
        return Task.CompletedTask;
    }

    /// <summary>
    /// A validly signed token is still only as good as the user record behind it: unknown, disabled, or another role or
    /// supplier than the token claims → 401 (<see cref="UserRecordCheck"/>, cached per user for a couple of seconds).
    /// </summary>
    private static async Task CheckUserRecord(TokenValidatedContext ctx)
    {
        var check = ctx.HttpContext.RequestServices.GetRequiredService<UserRecordCheck>();
        if (await check.RefuseAsync(ctx.Principal!) is { } reason) ctx.Fail(reason);
    }

    private static string? IssuerOf(HttpContext ctx)
    {
        string? raw = ctx.Request.Headers.Authorization.ToString() is { } h && h.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? h[7..].Trim() : null;
        if (raw == null && ctx.Request.Path.StartsWithSegments("/hubs")) raw = ctx.Request.Query["access_token"].ToString();
        if (string.IsNullOrEmpty(raw)) return null;
        try { return new JsonWebToken(raw).Issuer; }
        catch (ArgumentException) { return null; }
    }
}
