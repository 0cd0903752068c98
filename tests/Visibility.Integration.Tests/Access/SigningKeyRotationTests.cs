using System.Net.Http.Headers;
using Azure.Storage.Blobs;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Visibility.Integration.Tests.Access;

/// <summary>
/// The host starts on its generated key; the test then moves it to configured keys and to a key file (as a mounted
/// secret would be), rewritten between restarts.
/// </summary>
public sealed class KeyRotationFixture : HostFixture
{
    public static readonly byte[] KeyA = RandomNumberGenerator.GetBytes(32);
    public static readonly byte[] KeyB = RandomNumberGenerator.GetBytes(48);
    public string KeyFile { get; } = Path.Combine(Path.GetTempPath(), $"visibility-keys-{Guid.NewGuid():N}.txt");

    /// <summary>The Auth settings of the next (re)start; none at first: the host generates and stores its key.</summary>
    public Dictionary<string, string> KeySettings { get; set; } = [];

    protected override IDictionary<string, string> Settings => new Dictionary<string, string>(KeySettings) { ["Demo:Seed"] = "false" };

    /// <summary>Switches to the key file; the first key is the current one, the others previous ones still accepted.</summary>
    public void UseKeyFile(params (string Kid, byte[] Key)[] keys)
    {
        File.WriteAllLines(KeyFile, ["# test keys: current first", .. keys.Select(k => $"{k.Kid}:{Convert.ToBase64String(k.Key)}")]);
        KeySettings = new() { ["Auth:SigningKeyFile"] = KeyFile };
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        File.Delete(KeyFile);
    }
}

/// <summary>Tokens name their key; a rotation keeps the previous key's tokens working until it is taken out.</summary>
[Collection("host")]
public sealed class SigningKeyRotationTests(KeyRotationFixture fx) : IClassFixture<KeyRotationFixture>
{
    private async Task<HttpStatusCode> MeAsync(string token)
    {
        using var client = new HttpClient { BaseAddress = new Uri(fx.Host.BaseUrl) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.GetAsync("/api/auth/me");
        return response.StatusCode;
    }

    [Fact]
    public async Task A_previous_key_signs_no_more_but_its_tokens_work_until_it_is_removed_and_unknown_kids_get_401()
    {
        using (var r = await fx.Host.Http.PostAsJsonAsync("/api/users", new { username = "rot-op", password = "rotation-password", role = "operator" }))
            Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        // The generated key (kept in blob storage) has a kid too, derived from the key.
        var generated = (await new BlobContainerClient(fx.ConnectionString, "visibility-secrets").GetBlobClient("token-signing-key").DownloadContentAsync())
            .Value.Content.ToArray();
        var tokenG = await TestAuth.TokenAsync(fx.Host.Http, "rot-op", "rotation-password");
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(generated))[..16], new JsonWebToken(tokenG).Kid);

        // From the generated key to configured ones (as environment variables would give them): A current, the
        // generated key previous under its derived kid.
        fx.KeySettings = new()
        {
            ["Auth:SigningKey"] = Convert.ToBase64String(KeyRotationFixture.KeyA),
            ["Auth:SigningKeyId"] = "a",
            ["Auth:PreviousSigningKeys:0:Key"] = Convert.ToBase64String(generated),
        };
        await fx.RestartAsync(crash: false);
        var tokenA = await TestAuth.TokenAsync(fx.Host.Http, "rot-op", "rotation-password");
        Assert.Equal("a", new JsonWebToken(tokenA).Kid);
        Assert.Equal(HttpStatusCode.OK, await MeAsync(tokenG));
        Assert.Equal(HttpStatusCode.OK, await MeAsync(tokenA));

        // Rotation through the key file: B signs from now on, A is still accepted, the generated key no longer.
        fx.UseKeyFile(("b", KeyRotationFixture.KeyB), ("a", KeyRotationFixture.KeyA));
        await fx.RestartAsync(crash: false);
        Assert.Equal("b", new JsonWebToken(fx.Host.AdminToken).Kid);
        var tokenB = await TestAuth.TokenAsync(fx.Host.Http, "rot-op", "rotation-password");
        Assert.Equal("b", new JsonWebToken(tokenB).Kid);
        Assert.Equal(HttpStatusCode.OK, await MeAsync(tokenA));
        Assert.Equal(HttpStatusCode.OK, await MeAsync(tokenB));
        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(tokenG));

        // A taken out of the ring: its tokens stop, B's go on.
        fx.UseKeyFile(("b", KeyRotationFixture.KeyB));
        await fx.RestartAsync(crash: false);
        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(tokenA));
        Assert.Equal(HttpStatusCode.OK, await MeAsync(tokenB));

        // B's key under a kid nobody configured, or under A's retired kid: refused.
        foreach (var kid in new[] { "c", "a" })
        {
            var token = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
            {
                Issuer = "visibility", Audience = "visibility",
                Claims = new Dictionary<string, object> { ["sub"] = "rot-op", ["role"] = "operator" },
                IssuedAt = DateTime.UtcNow, NotBefore = DateTime.UtcNow, Expires = DateTime.UtcNow.AddHours(1),
                SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(KeyRotationFixture.KeyB) { KeyId = kid }, SecurityAlgorithms.HmacSha256),
            });
            Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(token));
        }
    }

    [Fact]
    public async Task A_key_shorter_than_256_bits_stops_the_host_at_start_with_a_message_naming_it()
    {
        var shortKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        var fromConfig = await Assert.ThrowsAsync<InvalidOperationException>(() => HostProcess.StartAsync(fx.ConnectionString, "short-key",
            new Dictionary<string, string> { ["Demo:Seed"] = "false", ["Auth:SigningKey"] = shortKey }));
        Assert.Contains("host exited", fromConfig.Message);
        Assert.Contains("Auth:SigningKey: the signing key is 128 bits; at least 256 bits", fromConfig.Message);

        var file = Path.Combine(Path.GetTempPath(), $"visibility-short-{Guid.NewGuid():N}.txt");
        await File.WriteAllLinesAsync(file, [$"new:{Convert.ToBase64String(KeyRotationFixture.KeyB)}", $"old:{shortKey}"]);
        try
        {
            var fromFile = await Assert.ThrowsAsync<InvalidOperationException>(() => HostProcess.StartAsync(fx.ConnectionString, "short-file-key",
                new Dictionary<string, string> { ["Demo:Seed"] = "false", ["Auth:SigningKeyFile"] = file }));
            Assert.Contains($"Auth:SigningKeyFile {file} line 2: the signing key is 128 bits", fromFile.Message);
        }
        finally { File.Delete(file); }
    }
}
