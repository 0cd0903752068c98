using System.Net.Http.Headers;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using static Visibility.Integration.Tests.Shipments.ShipmentApi;

namespace Visibility.Integration.Tests.Access;

public sealed class TokenFixture : HostFixture
{
    public static readonly byte[] LocalKey = RandomNumberGenerator.GetBytes(64);
    public static readonly byte[] ExternalKey = RandomNumberGenerator.GetBytes(64);
    public const string ExternalIssuer = "https://idp.example.test/";

    // A known signing key (so the test can mint expired tokens) and an external issuer whose tokens the test mints.
    protected override IDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Demo:Seed"] = "false",
        ["Auth:SigningKey"] = Convert.ToBase64String(LocalKey),
        ["Auth:External:Issuer"] = ExternalIssuer,
        ["Auth:External:Audience"] = "visibility-api",
        ["Auth:External:SigningKey"] = Convert.ToBase64String(ExternalKey),
    };
}

/// <summary>Tokens, users and tracker keys against the real host.</summary>
[Collection("host")]
public sealed class AccessTests(TokenFixture fx) : IClassFixture<TokenFixture>
{
    private HttpClient Admin => fx.Host.Http;

    private HttpClient Client(string? token = null, string? deviceKey = null)
    {
        var client = new HttpClient { BaseAddress = new Uri(fx.Host.BaseUrl) };
        if (token != null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (deviceKey != null) client.DefaultRequestHeaders.Add("X-Device-Key", deviceKey);
        return client;
    }

    private static string Mint(byte[] key, string issuer, string audience, Dictionary<string, object> claims, DateTime expires, string? kid = null) =>
        new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer, Audience = audience, Claims = claims,
            IssuedAt = expires.AddHours(-1), NotBefore = expires.AddHours(-1), Expires = expires,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(key) { KeyId = kid }, SecurityAlgorithms.HmacSha256),
        });

    /// <summary>A token signed with the host's real key under the kid its own tokens carry: only the claims are the test's.</summary>
    private string Forge(Dictionary<string, object> claims)
    {
        var kid = new JsonWebToken(fx.Host.AdminToken).Kid;
        Assert.False(string.IsNullOrEmpty(kid), "the host's tokens name their key");
        return Mint(TokenFixture.LocalKey, "visibility", "visibility", claims, DateTime.UtcNow.AddHours(1), kid);
    }

    private async Task HubRefusedAsync(string token)
    {
        await using var hub = fx.Host.Hub(token);
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => hub.StartAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    private async Task CreateUserAsync(string username, string role, string? supplierId = null)
    {
        using var r = await Admin.PostAsJsonAsync("/api/users", new { username, password = "long-enough-password", role, supplierId });
        Assert.True(r.StatusCode == HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("   at ", text); // no stack trace
        return JsonDocument.Parse(text).RootElement;
    }

    [Fact]
    public async Task Telemetry_needs_a_valid_unrevoked_key_of_a_tracker_assigned_to_every_shipment_in_the_batch()
    {
        await CreateAsync(Admin, Booking("AC-1"));
        await CreateAsync(Admin, Booking("AC-2"));
        var path = await RouteAsync(Admin, "AC-1");
        var key = await TestAuth.CreateDeviceAsync(Admin, "tracker-ac1", "AC-1");
        object Read(string shipment, string id) => Reading(shipment, id, DateTimeOffset.UtcNow.AddMinutes(-5), path[3].Lat, path[3].Lon);

        // No key, a user's token instead of a key, a forged key: 401, nothing applied.
        using (var r = await Client().PostAsJsonAsync("/api/telemetry", new[] { Read("AC-1", "k0") })) await ProblemAsync(r, HttpStatusCode.Unauthorized);
        using (var r = await Client(token: fx.Host.AdminToken).PostAsJsonAsync("/api/telemetry", new[] { Read("AC-1", "k0") })) await ProblemAsync(r, HttpStatusCode.Unauthorized);
        using (var r = await Client(deviceKey: key[..^4] + "AAAA").PostAsJsonAsync("/api/telemetry", new[] { Read("AC-1", "k0") })) await ProblemAsync(r, HttpStatusCode.Unauthorized);

        // A batch naming a shipment the tracker is not assigned to is refused whole with 403, naming the item.
        using (var r = await Client(deviceKey: key).PostAsJsonAsync("/api/telemetry", new[] { Read("AC-1", "k1"), Read("AC-2", "k2") }))
        {
            var problem = await ProblemAsync(r, HttpStatusCode.Forbidden);
            Assert.True(problem.GetProperty("errors").TryGetProperty("[1].shipmentId", out _));
        }
        // Nothing of the refused batches was applied.
        Assert.Equal(JsonValueKind.Null, (await Admin.GetFromJsonAsync<JsonElement>("/api/shipments/AC-1")).GetProperty("lastTelemetry").ValueKind);

        // Its own shipment: accepted.
        using (var r = await Client(deviceKey: key).PostAsJsonAsync("/api/telemetry", new[] { Read("AC-1", "k3") }))
            Assert.Equal(HttpStatusCode.Accepted, r.StatusCode);

        // Revoked: refused from then on.
        using (var r = await Admin.PostAsync("/api/devices/tracker-ac1/revoke", null)) Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        using (var r = await Client(deviceKey: key).PostAsJsonAsync("/api/telemetry", new[] { Read("AC-1", "k4") }))
            Assert.Contains("revoked", (await ProblemAsync(r, HttpStatusCode.Unauthorized)).GetProperty("detail").GetString());
        var view = await Admin.GetFromJsonAsync<JsonElement>("/api/devices/tracker-ac1");
        Assert.True(view.GetProperty("revoked").GetBoolean());
        Assert.False(view.TryGetProperty("key", out _)); // the key is shown once, at creation, never again
    }

    [Fact]
    public async Task Expired_forged_and_tampered_tokens_get_401_and_a_disabled_users_token_stops_at_once()
    {
        var claims = new Dictionary<string, object> { ["sub"] = "admin", ["role"] = "admin" };
        string expired = Mint(TokenFixture.LocalKey, "visibility", "visibility", claims, DateTime.UtcNow.AddMinutes(-5));
        string forged = Mint(RandomNumberGenerator.GetBytes(64), "visibility", "visibility", claims, DateTime.UtcNow.AddHours(1));
        string good = Mint(TokenFixture.LocalKey, "visibility", "visibility", claims, DateTime.UtcNow.AddHours(1));
        string tampered = good[..^6] + (good[^6] == 'A' ? "BBBBBB" : "AAAAAA");
        foreach (var bad in new[] { expired, forged, tampered, "not-a-token" })
            using (var r = await Client(bad).GetAsync("/api/auth/me")) await ProblemAsync(r, HttpStatusCode.Unauthorized);
        using (var r = await Client(good).GetAsync("/api/auth/me")) Assert.Equal(HttpStatusCode.OK, r.StatusCode);

        // A user's token, replayed after the user is disabled, is refused; enabled again, it works again.
        using (var r = await Admin.PostAsJsonAsync("/api/users", new { username = "temp-op", password = "temporary-password", role = "operator" }))
            Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        var token = await TestAuth.TokenAsync(Admin, "temp-op", "temporary-password");
        using (var r = await Client(token).GetAsync("/api/shipments")) Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        using (var r = await Admin.PostAsync("/api/users/temp-op/disable", null)) Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        using (var r = await Client(token).GetAsync("/api/shipments")) await ProblemAsync(r, HttpStatusCode.Unauthorized);
        using (var r = await Client().PostAsJsonAsync("/api/auth/token", new { username = "temp-op", password = "temporary-password" }))
            await ProblemAsync(r, HttpStatusCode.Unauthorized);
        using (var r = await Admin.PostAsync("/api/users/temp-op/enable", null)) Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        using (var r = await Client(token).GetAsync("/api/shipments")) Assert.Equal(HttpStatusCode.OK, r.StatusCode);
    }

    [Fact]
    public async Task Sign_in_refuses_bad_input_with_field_errors_and_never_shows_a_password_hash()
    {
        using (var r = await Client().PostAsJsonAsync("/api/auth/token", new { username = "admin" }))
            Assert.True((await ProblemAsync(r, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("password", out _));
        using (var r = await Client().PostAsync("/api/auth/token", new StringContent("{\"username\":\"admin\",\"password\":\"x\",\"role\":\"admin\"}", System.Text.Encoding.UTF8, "application/json")))
            await ProblemAsync(r, HttpStatusCode.BadRequest);
        using (var r = await Client().PostAsJsonAsync("/api/auth/token", new { username = "admin", password = "wrong" }))
            await ProblemAsync(r, HttpStatusCode.Unauthorized);
        using (var r = await Client().PostAsJsonAsync("/api/auth/token", new { username = "nobody", password = "wrong" }))
            await ProblemAsync(r, HttpStatusCode.Unauthorized);
        using (var r = await Admin.PostAsJsonAsync("/api/users", new { username = "Shouty", password = "short", role = "pilot" }))
        {
            var errors = (await ProblemAsync(r, HttpStatusCode.BadRequest)).GetProperty("errors");
            Assert.True(errors.TryGetProperty("username", out _));
            Assert.True(errors.TryGetProperty("password", out _));
            Assert.True(errors.TryGetProperty("role", out _));
        }
        using (var r = await Admin.PostAsJsonAsync("/api/users", new { username = "sup-x", password = "long-enough-password", role = "supplier", supplierId = "NOBODY" }))
            Assert.True((await ProblemAsync(r, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("supplierId", out _));
        var users = await Admin.GetStringAsync("/api/users");
        Assert.DoesNotContain("pbkdf2", users);
        Assert.DoesNotContain("password", users, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Tokens_of_the_configured_external_issuer_are_trusted_with_their_roles()
    {
        string External(Dictionary<string, object> claims, string audience = "visibility-api") =>
            Mint(TokenFixture.ExternalKey, TokenFixture.ExternalIssuer, audience, claims, DateTime.UtcNow.AddHours(1));

        var manager = External(new() { ["sub"] = "ext-1", ["preferred_username"] = "maria@corp", ["roles"] = new[] { "manager" } });
        using (var r = await Client(manager).GetAsync("/api/buffers")) Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        using (var r = await Client(manager).GetAsync("/api/users")) await ProblemAsync(r, HttpStatusCode.Forbidden);
        Assert.Equal("maria@corp", (await Client(manager).GetFromJsonAsync<JsonElement>("/api/auth/me")).GetProperty("username").GetString());

        // No role we know, the wrong audience, or a supplier token without its supplier: refused.
        var noRole = External(new() { ["sub"] = "ext-2", ["preferred_username"] = "guest", ["roles"] = new[] { "guest" } });
        var wrongAudience = External(new() { ["sub"] = "ext-3", ["roles"] = new[] { "admin" } }, audience: "someone-else");
        var supplierWithout = External(new() { ["sub"] = "ext-4", ["roles"] = new[] { "supplier" } });
        foreach (var token in new[] { noRole, wrongAudience, supplierWithout })
            using (var r = await Client(token).GetAsync("/api/auth/me")) await ProblemAsync(r, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_validly_signed_token_claiming_another_role_than_the_users_record_gets_401()
    {
        await CreateUserAsync("op-claims", "operator");
        var honest = Forge(new() { ["sub"] = "op-claims", ["role"] = "operator" });
        var promoted = Forge(new() { ["sub"] = "op-claims", ["role"] = "admin" });
        // The honest token signed the same way works (and an operator may not list users): the key and kid are right.
        using (var r = await Client(honest).GetAsync("/api/shipments")) Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        using (var r = await Client(honest).GetAsync("/api/users")) await ProblemAsync(r, HttpStatusCode.Forbidden);
        // Claiming admin for the operator: refused as a whole, not promoted.
        using (var r = await Client(promoted).GetAsync("/api/users")) await ProblemAsync(r, HttpStatusCode.Unauthorized);
        using (var r = await Client(promoted).GetAsync("/api/shipments")) await ProblemAsync(r, HttpStatusCode.Unauthorized);
        // And on the live hub: the honest token connects, the promoted one does not.
        await using (var hub = fx.Host.Hub(honest)) await hub.StartAsync();
        await HubRefusedAsync(promoted);
        // A user that does not exist, or an admin token naming a supplier: refused too.
        using (var r = await Client(Forge(new() { ["sub"] = "nobody-here", ["role"] = "admin" })).GetAsync("/api/auth/me"))
            await ProblemAsync(r, HttpStatusCode.Unauthorized);
        using (var r = await Client(Forge(new() { ["sub"] = "admin", ["role"] = "admin", ["supplier_id"] = "SUP-KA" })).GetAsync("/api/auth/me"))
            await ProblemAsync(r, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_suppliers_token_rewritten_to_another_supplier_gets_401()
    {
        foreach (var (id, locode) in new[] { ("SUP-KA", "CNSZX"), ("SUP-KB", "VNSGN") })
            using (var r = await Admin.PostAsJsonAsync("/api/suppliers", new
            {
                id, name = "Supplier " + id, country = locode[..2],
                sites = new[] { new { id = "S1", name = "Plant", locode, parts = new[] { new { partNumber = "P-1", factoryIds = new[] { "F-1" } } } } },
            })) Assert.True(r.StatusCode == HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        foreach (var (shipment, supplier) in new[] { ("SH-KA", "SUP-KA"), ("SH-KB", "SUP-KB") })
            using (var r = await Admin.PostAsJsonAsync("/api/shipments", Matrix.Booking(shipment, supplier)))
                Assert.True(r.StatusCode == HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        await CreateUserAsync("sup-ka", "supplier", "SUP-KA");
        var real = await TestAuth.TokenAsync(Admin, "sup-ka", "long-enough-password");
        using (var r = await Client(real).GetAsync("/api/shipments/SH-KA")) Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        using (var r = await Client(real).GetAsync("/api/shipments/SH-KB")) await ProblemAsync(r, HttpStatusCode.NotFound);

        // The same claims with the other supplier, signed with the real key under the real kid.
        var claims = new JsonWebToken(real).Claims.Where(c => c.Type is "sub" or "role" or "name" or "jti")
            .ToDictionary(c => c.Type, c => (object)c.Value);
        claims["supplier_id"] = "SUP-KB";
        var rewritten = Forge(claims);
        using (var r = await Client(rewritten).GetAsync("/api/shipments/SH-KB")) await ProblemAsync(r, HttpStatusCode.Unauthorized);
        using (var r = await Client(rewritten).GetAsync("/api/shipments/SH-KA")) await ProblemAsync(r, HttpStatusCode.Unauthorized);
        await HubRefusedAsync(rewritten);
        claims.Remove("supplier_id");
        using (var r = await Client(Forge(claims)).GetAsync("/api/shipments/SH-KA")) await ProblemAsync(r, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Tokens_name_their_key_and_a_token_naming_an_unknown_key_gets_401()
    {
        var kid = new JsonWebToken(fx.Host.AdminToken).Kid;
        var claims = new Dictionary<string, object> { ["sub"] = "admin", ["role"] = "admin" };
        using (var r = await Client(Forge(claims)).GetAsync("/api/auth/me")) Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        // The right key under a kid the host does not know: refused, although the signature itself would verify.
        var unknown = Mint(TokenFixture.LocalKey, "visibility", "visibility", claims, DateTime.UtcNow.AddHours(1), kid: "retired-" + kid);
        using (var r = await Client(unknown).GetAsync("/api/auth/me")) await ProblemAsync(r, HttpStatusCode.Unauthorized);
    }
}
