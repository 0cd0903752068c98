using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using static Visibility.Integration.Tests.Shipments.ShipmentApi;

namespace Visibility.Integration.Tests.Access;

/// <summary>
/// The objects every write endpoint's bad input aims at, and the credentials that must no longer work: a token past its
/// expiry, the token of a user disabled after it was issued (replayed), a revoked tracker key.
/// </summary>
public sealed class WriteEndpointBadInputFixture : HostFixture
{
    public static readonly byte[] SigningKey = RandomNumberGenerator.GetBytes(64);
    public const string Password = "bad-input-password";

    protected override IDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Demo:Seed"] = "false",
        ["Auth:SigningKey"] = Convert.ToBase64String(SigningKey),
    };

    public string ExpiredToken { get; private set; } = "";
    public string DisabledUserToken { get; private set; } = "";
    public string RevokedKey { get; private set; } = "";
    public (double Lat, double Lon)[] Route { get; private set; } = [];

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        var admin = Host.Http;
        await Expect(admin.PostAsJsonAsync("/api/factories", new { id = "BI-F", name = "Bad-input plant", locode = "MXMTY" }), HttpStatusCode.Created);
        // No ADU: the buffer's ADU comes from recorded usage, so a consumption post shows in the buffer.
        await Expect(admin.PutAsJsonAsync("/api/factories/BI-F/parts/BI-P", new
        {
            hsCode = "8542.31", dltDays = 20, leadTimeFactor = 0.5, variabilityFactor = 0.5, moq = 100, orderCycleDays = 7, onHand = 500,
        }), HttpStatusCode.OK);
        await Expect(admin.PostAsJsonAsync("/api/suppliers", new
        {
            id = "BI-S", name = "Bad-input supplier", country = "CN",
            sites = new[] { new { id = "S1", name = "Main plant", locode = "CNSZX", parts = new[] { new { partNumber = "BI-P", factoryIds = new[] { "BI-F" } } } } },
        }), HttpStatusCode.Created);
        await Expect(admin.PostAsJsonAsync("/api/factories/BI-F/demand", new[]
        {
            new { orderId = "BI-O0", partNumber = "BI-P", quantity = 40, dueDate = DateTime.UtcNow.Date.AddDays(3).ToString("yyyy-MM-dd") },
        }), HttpStatusCode.OK);
        await CreateAsync(admin, Booking("BI-SH"));
        Route = await RouteAsync(admin, "BI-SH");
        await Expect(admin.PostAsJsonAsync("/api/users", new { username = "bi-user", password = Password, role = "operator" }), HttpStatusCode.Created);
        await Expect(admin.PostAsJsonAsync("/api/devices", new { id = "bi-dev", name = "Bad-input tracker" }), HttpStatusCode.Created);
        // A disruption no shipment of this fixture meets (Seattle), so the bad resolves below have something to not resolve.
        await Expect(admin.PostAsJsonAsync("/api/disruptions", new
        {
            id = "BI-D", type = "port-congestion", locode = "USSEA", delayDays = 2, expectedEnd = DateTimeOffset.UtcNow.AddDays(20).ToString("O"),
        }), HttpStatusCode.Created);

        ExpiredToken = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "visibility", Audience = "visibility",
            Claims = new Dictionary<string, object> { ["sub"] = "admin", ["role"] = "admin" },
            IssuedAt = DateTime.UtcNow.AddHours(-2), NotBefore = DateTime.UtcNow.AddHours(-2), Expires = DateTime.UtcNow.AddMinutes(-5),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(SigningKey), SecurityAlgorithms.HmacSha256),
        });
        await Expect(admin.PostAsJsonAsync("/api/users", new { username = "bi-ghost", password = Password, role = "admin" }), HttpStatusCode.Created);
        DisabledUserToken = await TestAuth.TokenAsync(admin, "bi-ghost", Password);
        await Expect(admin.PostAsync("/api/users/bi-ghost/disable", null), HttpStatusCode.OK);
        RevokedKey = await TestAuth.CreateDeviceAsync(admin, "bi-revoked", "*");
        await Expect(admin.PostAsync("/api/devices/bi-revoked/revoke", null), HttpStatusCode.OK);
    }

    private static async Task Expect(Task<HttpResponseMessage> call, HttpStatusCode status)
    {
        using var response = await call;
        Assert.True(response.StatusCode == status, $"setup: {response.RequestMessage?.RequestUri} → {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}

/// <summary>
/// Bad input over every write endpoint the host lists (GET /api/diagnostics/endpoints): malformed and truncated JSON,
/// wrong types, NaN/Infinity, unknown properties, over-long strings, control characters, values just outside the rules,
/// huge bodies (with and without Content-Length), bad ids in the path, expired and replayed tokens, revoked tracker keys,
/// invalid UTF-8 and lone surrogate escapes in string values and property names (400 naming the field), and bodies sent
/// as another content type (415).
/// Each case asserts the status, RFC 9457 problem details (naming the field where there is one) and that the objects
/// the endpoint writes read the same before and after. Unicode and injection strings are accepted as data and come
/// back verbatim. A write endpoint without cases here fails the test.
/// </summary>
[Collection("host")]
public sealed class WriteEndpointBadInputTests(WriteEndpointBadInputFixture fx) : IClassFixture<WriteEndpointBadInputFixture>
{
    private enum Credential { Admin, Tracker, None }

    /// <summary>A free-text or id field of the body: its longest allowed value, and whether control characters are refused.</summary>
    private sealed record TextField(string Name, int Max, bool NoControlCharacters = true);

    /// <summary>
    /// How to call one write endpoint well (the bad cases are variations of it) and where to read what it writes.
    /// <paramref name="Body"/> null: the endpoint takes no body. Array bodies are varied in their first item.
    /// </summary>
    private sealed record WriteEndpoint(string Method, string Pattern, string Path, string? Body, string[] Probes, Credential Credential,
        TextField[] Texts, (string Field, string Json)[] Outside);

    private static string Tomorrow => DateTime.UtcNow.Date.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    private const string Rebalance = """{"partNumber":"BI-P","factoryId":"BI-F","moves":[{"fromCountry":"CN","toCountry":"VN","sharePct":50}]}""";
    private static string Yesterday => DateTime.UtcNow.Date.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    private static string Recent => DateTimeOffset.UtcNow.AddMinutes(-10).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private WriteEndpoint[] Endpoints() =>
    [
        new("POST", "/api/auth/token", "/api/auth/token", $$"""{"username":"bi-user","password":"{{WriteEndpointBadInputFixture.Password}}"}""",
            ["/api/users"], Credential.None, [new("username", 64), new("password", 256, NoControlCharacters: false)], []),
        new("POST", "/api/shipments", "/api/shipments",
            """{"id":"BI-NEW","reference":"PO-BI","mode":"ocean","origin":"CNSHA","destination":"USLAX","plannedDeparture":"2026-11-01T00:00:00Z","cargo":[{"partNumber":"BI-P","quantity":10,"factoryId":"BI-F"}],"reefer":{"minC":2,"maxC":8}}""",
            ["/api/shipments/BI-NEW", "/api/shipments?limit=500"], Credential.Admin,
            [new("id", 64), new("reference", 128), new("origin", 10)],
            [("plannedDeparture", "\"2026-02-30T00:00:00Z\""), ("mode", "\"boat\""), ("cargo", """[{"partNumber":"BI-P","quantity":0}]"""),
             ("reefer", """{"minC":-100.5,"maxC":8}"""), ("destination", "\"CNSHA\"")]),
        new("POST", "/api/shipments/{id}/milestones", "/api/shipments/BI-SH/milestones",
            $$"""{"code":"gate-in","at":"{{Recent}}","locode":"CNSHA","note":"gated in"}""",
            ["/api/shipments/BI-SH"], Credential.Admin, [new("note", 2000), new("locode", 10)],
            [("at", "\"2099-01-01T00:00:00Z\""), ("code", "\"teleported\""), ("locode", "\"ZZZZZ\"")]),
        new("POST", "/api/telemetry", "/api/telemetry",
            $$"""[{"messageId":"bi-m1","shipmentId":"BI-SH","timestamp":"{{Recent}}","lat":{{fx.Route[3].Lat.ToString(CultureInfo.InvariantCulture)}},"lon":{{fx.Route[3].Lon.ToString(CultureInfo.InvariantCulture)}},"speedKnots":12,"temperatureC":5,"doorOpen":false}]""",
            ["/api/shipments/BI-SH"], Credential.Tracker, [new("messageId", 128), new("shipmentId", 128)],
            [("lat", "90.0001"), ("lon", "-180.0001"), ("batteryPct", "100.01"), ("timestamp", "\"2026-01-01 00:00:00\""), ("shipmentId", "\"NO-SUCH\"")]),
        new("POST", "/api/suppliers", "/api/suppliers",
            """{"id":"BI-S2","name":"Second supplier","country":"CN","sites":[{"id":"S1","name":"Plant","locode":"CNSZX","parts":[{"partNumber":"BI-P","factoryIds":["BI-F"]}]}]}""",
            ["/api/suppliers/BI-S2", "/api/suppliers"], Credential.Admin, [new("id", 64), new("name", 200)],
            [("country", "\"CHN\""), ("sites", "[]"), ("sites", """[{"id":"S1","name":"P","lat":91,"lon":0}]""")]),
        new("POST", "/api/suppliers/{id}/status", "/api/suppliers/BI-S/status",
            """{"siteId":"S1","status":"reduced","capacityPct":50,"expectedRecovery":"2026-12-31T00:00:00Z","note":"fire drill"}""",
            ["/api/suppliers/BI-S", "/api/suppliers/BI-S/status-history"], Credential.Admin, [new("siteId", 64), new("note", 2000)],
            [("capacityPct", "100.0001"), ("capacityPct", "-0.0001"), ("status", "\"closed\""), ("siteId", "\"S9\""), ("expectedRecovery", "\"soon\"")]),
        new("POST", "/api/factories", "/api/factories", """{"id":"BI-F2","name":"Second plant","locode":"MXMTY"}""",
            ["/api/factories/BI-F2", "/api/factories"], Credential.Admin, [new("id", 64), new("name", 200), new("locode", 10)],
            [("locode", "\"ZZZZZ\"")]),
        new("PUT", "/api/factories/{id}/parts/{partNumber}", "/api/factories/BI-F/parts/BI-P",
            """{"hsCode":"8542.31","dltDays":30,"leadTimeFactor":0.6,"variabilityFactor":0.4,"moq":200,"orderCycleDays":14,"onHand":900}""",
            ["/api/factories/BI-F/buffers/BI-P", "/api/factories/BI-F"], Credential.Admin, [new("hsCode", 20)],
            [("dltDays", "0"), ("leadTimeFactor", "1.0001"), ("onHand", "-1"), ("hsCode", "\"85A2\""), ("adu", "-0.5")]),
        new("POST", "/api/factories/{id}/consumption", "/api/factories/BI-F/consumption",
            $$"""[{"partNumber":"BI-P","date":"{{Yesterday}}","quantity":90}]""",
            ["/api/factories/BI-F/buffers/BI-P"], Credential.Admin, [new("partNumber", 64)],
            [("quantity", "-1"), ("date", "\"2099-01-01\""), ("date", "\"2026-02-30\""), ("partNumber", "\"NOT-BUFFERED\"")]),
        new("POST", "/api/factories/{id}/demand", "/api/factories/BI-F/demand",
            $$"""[{"orderId":"BI-O1","partNumber":"BI-P","quantity":25,"dueDate":"{{Tomorrow}}"}]""",
            ["/api/factories/BI-F/demand", "/api/factories/BI-F/buffers/BI-P"], Credential.Admin, [new("orderId", 64), new("partNumber", 64)],
            [("quantity", "0"), ("dueDate", "\"2099-01-01\""), ("dueDate", "\"2026-13-01\""), ("partNumber", "\"NOT-BUFFERED\"")]),
        new("DELETE", "/api/factories/{id}/demand/{orderId}", "/api/factories/BI-F/demand/BI-O0", null,
            ["/api/factories/BI-F/demand", "/api/factories/BI-F/buffers/BI-P"], Credential.Admin, [], []),
        new("PUT", "/api/factories/{id}/parts/{partNumber}/sourcing", "/api/factories/BI-F/parts/BI-P/sourcing",
            """{"shares":[{"country":"CN","sharePct":60},{"country":"VN","sharePct":40}],"unitValueUsd":2.5}""",
            ["/api/factories/BI-F/sourcing"], Credential.Admin, [],
            [("unitValueUsd", "-1"), ("shares", """[{"country":"CN","sharePct":50}]"""), ("shares", """[{"country":"XX","sharePct":100}]"""),
             ("shares", """[{"country":"CN","sharePct":100.5}]""")]),
        new("POST", "/api/scenarios/rebalance", "/api/scenarios/rebalance", Rebalance, ["/api/scenarios"], Credential.Admin,
            [new("partNumber", 64), new("factoryId", 64)],
            [("moves", "[]"), ("moves", """[{"fromCountry":"CN","toCountry":"CN","sharePct":50}]"""), ("date", "\"1999-01-01\"")]),
        new("POST", "/api/scenarios", "/api/scenarios", $$"""{"name":"What if Vietnam","request":{{Rebalance}}}""", ["/api/scenarios"], Credential.Admin,
            [new("name", 120)], [("request", "null"), ("name", "\"   \""), ("request", """{"partNumber":"BI-P","moves":[]}""")]),
        new("POST", "/api/diagnostics/gc", "/api/diagnostics/gc", null, ["/api/diagnostics/endpoints"], Credential.Admin, [], []),
        new("POST", "/api/users", "/api/users", $$"""{"username":"bi-new","password":"{{WriteEndpointBadInputFixture.Password}}","role":"operator","displayName":"New user"}""",
            ["/api/users"], Credential.Admin, [new("username", 64), new("displayName", 200), new("password", 256, NoControlCharacters: false)],
            [("password", "\"short\""), ("role", "\"pilot\""), ("username", "\"Upper\""), ("supplierId", "\"BI-S\"")]),
        new("POST", "/api/users/{username}/disable", "/api/users/bi-user/disable", null, ["/api/users"], Credential.Admin, [], []),
        new("POST", "/api/users/{username}/enable", "/api/users/bi-user/enable", null, ["/api/users"], Credential.Admin, [], []),
        new("POST", "/api/devices", "/api/devices", """{"id":"bi-dev2","name":"Second tracker"}""", ["/api/devices"], Credential.Admin,
            [new("id", 64), new("name", 200)], [("id", "\"has.dot\"")]),
        new("POST", "/api/devices/{id}/revoke", "/api/devices/bi-dev/revoke", null, ["/api/devices/bi-dev"], Credential.Admin, [], []),
        new("POST", "/api/disruptions", "/api/disruptions",
            $$"""{"id":"BI-D2","type":"port-congestion","locode":"USSEA","delayDays":1,"expectedEnd":"{{DateTimeOffset.UtcNow.AddDays(10):yyyy-MM-dd'T'HH:mm:ss'Z'}}"}""",
            ["/api/disruptions/BI-D"], Credential.Admin, [new("title", 200), new("note", 2_000, NoControlCharacters: false)],
            [("type", "\"meteor\""), ("locode", "\"ZZZZZ\""), ("delayDays", "-1"), ("expectedEnd", "\"2001-01-01T00:00:00Z\""), ("severity", "\"apocalyptic\""),
             ("radiusKm", "100")]),
        new("POST", "/api/disruptions/import/usgs", "/api/disruptions/import/usgs", """{"type":"FeatureCollection","features":[]}""",
            ["/api/disruptions/BI-D"], Credential.Admin, [], []),
        new("POST", "/api/disruptions/{id}/resolve", "/api/disruptions/BI-D/resolve", null, ["/api/disruptions/BI-D"], Credential.Admin, [], []),
        new("PUT", "/api/devices/{id}/shipments/{shipmentId}", "/api/devices/bi-dev/shipments/BI-SH", null, ["/api/devices/bi-dev"], Credential.Admin, [], []),
        new("DELETE", "/api/devices/{id}/shipments/{shipmentId}", "/api/devices/bi-dev/shipments/BI-SH", null, ["/api/devices/bi-dev"], Credential.Admin, [], []),
    ];

    /// <summary>One bad request and what it must get: the status and, for a 400, a field the errors must name.</summary>
    private sealed record Case(string Name, Func<HttpRequestMessage> Request, int Status, string? Field);

    [Fact]
    public async Task Every_write_endpoint_has_bad_input_cases()
    {
        var listed = await WriteEndpointsAsync();
        var covered = Endpoints().Select(e => $"{e.Method} {e.Pattern}").ToHashSet();
        Assert.Empty(listed.Except(covered));   // a new write endpoint needs its bad-input cases here
        Assert.Empty(covered.Except(listed));   // cases for an endpoint that no longer exists
        foreach (var endpoint in Endpoints()) Assert.True(CasesFor(endpoint).Count() >= 5, $"{endpoint.Method} {endpoint.Pattern} has too few cases");
    }

    [Fact]
    public async Task Every_bad_input_to_every_write_endpoint_is_refused_with_problem_details_and_changes_nothing()
    {
        var failures = new List<string>();
        int cases = 0;
        foreach (var endpoint in Endpoints())
            foreach (var c in CasesFor(endpoint))
            {
                cases++;
                string where = $"{endpoint.Method} {endpoint.Pattern} [{c.Name}]";
                var before = await ProbeAsync(endpoint);
                string? problem = await SendAndCheckAsync(c);
                if (problem != null) failures.Add($"{where}: {problem}");
                var after = await ProbeAsync(endpoint);
                if (before != after) failures.Add($"{where}: state changed\n{Difference(before, after)}");
            }
        Assert.True(failures.Count == 0, $"{failures.Count} of {cases} cases failed:\n" + string.Join("\n", failures));
    }

    /// <summary>
    /// Seeded byte mutations of every write endpoint's valid body (flips, inserts of bytes that break UTF-8, JSON or
    /// escapes, deletions, truncations): whatever comes back, it is never a 5xx, and never a stack trace. Deterministic (the
    /// same seed, the same mutations of the same bodies; only their dates follow the clock), a few hundred requests, bounded in time.
    /// </summary>
    [Fact]
    public async Task Fuzzed_bodies_never_get_a_5xx()
    {
        const int Seed = 11_2026, PerEndpoint = 24;
        var random = new Random(Seed);
        byte[][] inserts =
        [
            [0xFF], [0xC3, 0x28], [0xC3], [0xED, 0xA0, 0x80], [0xF0, 0x9F], [0x80], [0x00], [0x7F],
            "\\ud800"u8.ToArray(), "\\udc00"u8.ToArray(), "\\u"u8.ToArray(), "\\"u8.ToArray(), "\""u8.ToArray(),
            "{"u8.ToArray(), "]"u8.ToArray(), ","u8.ToArray(), ":"u8.ToArray(), "1e999"u8.ToArray(), "-"u8.ToArray(), "null"u8.ToArray(),
        ];
        byte[] Mutate(byte[] body)
        {
            var bytes = body.ToList();
            int operations = 1 + random.Next(4);
            for (int i = 0; i < operations && bytes.Count > 0; i++)
            {
                int at = random.Next(bytes.Count);
                switch (random.Next(5))
                {
                    case 0: bytes[at] = (byte)random.Next(256); break;
                    case 1: bytes[at] ^= (byte)(1 << random.Next(8)); break;
                    case 2: bytes.InsertRange(at, inserts[random.Next(inserts.Length)]); break;
                    case 3: bytes.RemoveRange(at, Math.Min(1 + random.Next(4), bytes.Count - at)); break;
                    default: if (random.Next(4) == 0) bytes.RemoveRange(at, bytes.Count - at); else bytes.InsertRange(at, inserts[random.Next(inserts.Length)]); break;
                }
            }
            return [.. bytes];
        }

        using var client = new HttpClient { BaseAddress = new Uri(fx.Host.BaseUrl), Timeout = TimeSpan.FromSeconds(30) };
        var deadline = DateTime.UtcNow.AddMinutes(3);
        var failures = new List<string>();
        var statuses = new SortedDictionary<int, int>();
        int sent = 0;
        foreach (var e in Endpoints().Where(e => e.Body != null))
            for (int i = 0; i < PerEndpoint && DateTime.UtcNow < deadline; i++)
            {
                var body = Mutate(Utf8(e.Body!));
                using var request = new HttpRequestMessage(new HttpMethod(e.Method), e.Path) { Content = new ByteArrayContent(body) };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                if (e.Credential == Credential.Admin) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", fx.Host.AdminToken);
                if (e.Credential == Credential.Tracker) request.Headers.Add("X-Device-Key", fx.Host.GatewayKey);
                sent++;
                try
                {
                    using var response = await client.SendAsync(request);
                    var text = await response.Content.ReadAsStringAsync();
                    int status = (int)response.StatusCode;
                    statuses[status] = statuses.GetValueOrDefault(status) + 1;
                    if (status >= 500 || text.Contains("   at ", StringComparison.Ordinal))
                        failures.Add($"{e.Method} {e.Path} → {status}: {Shorten(text)}\n  body (base64): {Convert.ToBase64String(body)}");
                }
                catch (HttpRequestException ex)
                {
                    failures.Add($"{e.Method} {e.Path} → no answer ({ex.Message})\n  body (base64): {Convert.ToBase64String(body)}");
                }
            }
        Assert.True(sent >= 300, $"only {sent} fuzzed requests before the deadline");
        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} fuzzed requests failed:\n" + string.Join("\n", failures));
        // The mutations reach past the first check: most are refused (400), some still parse and are applied.
        Assert.True(statuses.GetValueOrDefault(400) > sent / 2, "statuses: " + string.Join(", ", statuses.Select(kv => $"{kv.Key}×{kv.Value}")));
    }

    private const string Verbatim = "Łódź 東京 مرحبا 🚢 e\u0301 \"quoted\" <script>alert('x')</script> <img src=x onerror=alert(1)> ' OR '1'='1'; DROP TABLE users; -- ${7*7} {{7*7}} %s%n ../../etc/passwd \\ end";

    [Fact]
    public async Task Unicode_and_injection_strings_are_stored_and_returned_verbatim_as_data()
    {
        var admin = fx.Host.Http;
        async Task<JsonElement> Write(HttpMethod method, string path, object body, HttpStatusCode expected)
        {
            using var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
            using var response = await admin.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == expected, $"{path}: {(int)response.StatusCode} {text}");
            return JsonDocument.Parse(text).RootElement.Clone();
        }
        Task<JsonElement> Read(string path) => admin.GetFromJsonAsync<JsonElement>(path);

        await Write(HttpMethod.Post, "/api/shipments", new
        {
            id = "BI-V1", reference = Verbatim[..120], mode = "ocean", origin = "CNSHA", destination = "USLAX", plannedDeparture = "2026-11-01T00:00:00Z",
        }, HttpStatusCode.Created);
        Assert.Equal(Verbatim[..120], (await Read("/api/shipments/BI-V1")).GetProperty("reference").GetString());

        await Write(HttpMethod.Post, "/api/shipments/BI-V1/milestones", new { code = "gate-in", at = Recent, note = Verbatim }, HttpStatusCode.OK);
        Assert.Equal(Verbatim, (await Read("/api/shipments/BI-V1")).GetProperty("milestones")[0].GetProperty("note").GetString());

        await Write(HttpMethod.Post, "/api/suppliers", new
        {
            id = "BI-V2", name = Verbatim, country = "CN",
            sites = new[] { new { id = "S1", name = Verbatim, locode = "CNSZX", parts = Array.Empty<object>() } },
        }, HttpStatusCode.Created);
        var supplier = await Read("/api/suppliers/BI-V2");
        Assert.Equal(Verbatim, supplier.GetProperty("name").GetString());
        Assert.Equal(Verbatim, supplier.GetProperty("sites")[0].GetProperty("name").GetString());

        await Write(HttpMethod.Post, "/api/suppliers/BI-V2/status", new { status = "reduced", capacityPct = 50, note = Verbatim }, HttpStatusCode.OK);
        Assert.Equal(Verbatim, (await Read("/api/suppliers/BI-V2/status-history"))[0].GetProperty("note").GetString());

        await Write(HttpMethod.Post, "/api/factories", new { id = "BI-V3", name = Verbatim, locode = "MXMTY" }, HttpStatusCode.Created);
        Assert.Equal(Verbatim, (await Read("/api/factories/BI-V3")).GetProperty("name").GetString());

        await Write(HttpMethod.Post, "/api/users", new { username = "bi-v4", password = WriteEndpointBadInputFixture.Password, role = "operator", displayName = Verbatim },
            HttpStatusCode.Created);
        Assert.Contains((await Read("/api/users")).EnumerateArray(), u => u.GetProperty("username").GetString() == "bi-v4" && u.GetProperty("displayName").GetString() == Verbatim);

        await Write(HttpMethod.Post, "/api/devices", new { id = "bi-v5", name = Verbatim }, HttpStatusCode.Created);
        Assert.Equal(Verbatim, (await Read("/api/devices/bi-v5")).GetProperty("name").GetString());

        var scenario = await Write(HttpMethod.Post, "/api/scenarios", new
        {
            name = Verbatim[..120], request = new { partNumber = "BI-P", factoryId = "BI-F", moves = new[] { new { fromCountry = "CN", toCountry = "VN", sharePct = 50 } } },
        }, HttpStatusCode.Created);
        Assert.Equal(Verbatim[..120], (await Read($"/api/scenarios/{scenario.GetProperty("id").GetString()}")).GetProperty("name").GetString());

        // An id made of markup is just an id: the answer names it as it was sent, and nothing by that name exists.
        foreach (var path in new[] { "/api/shipments/", "/api/suppliers/", "/api/factories/" })
        {
            using var response = await admin.GetAsync(path + Uri.EscapeDataString("<img src=x onerror=alert(1)>"));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Contains("<img src=x onerror=alert(1)>", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString());
        }
    }

    private async Task<HashSet<string>> WriteEndpointsAsync() =>
        (await fx.Host.Http.GetFromJsonAsync<JsonElement>("/api/diagnostics/endpoints")).EnumerateArray()
            .Select(e => (Method: e.GetProperty("method").GetString()!, Pattern: e.GetProperty("pattern").GetString()!))
            // /hubs answer any method; the hub's own input is checked by the hub tests.
            .Where(e => e.Method is "POST" or "PUT" or "PATCH" or "DELETE" && e.Pattern.StartsWith("/api/", StringComparison.Ordinal))
            .Select(e => $"{e.Method} {e.Pattern}").ToHashSet();

    private IEnumerable<Case> CasesFor(WriteEndpoint e)
    {
        HttpRequestMessage Send(string? body, string? path = null, Credential? credential = null, bool chunked = false, string? token = null, string? key = null)
        {
            var request = new HttpRequestMessage(new HttpMethod(e.Method), path ?? e.Path);
            if (body != null) request.Content = new StringContent(body, Encoding.UTF8, "application/json");
            if (chunked) request.Headers.TransferEncodingChunked = true;
            switch (credential ?? e.Credential)
            {
                case Credential.Admin: request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token ?? fx.Host.AdminToken); break;
                case Credential.Tracker: request.Headers.Add("X-Device-Key", key ?? fx.Host.GatewayKey); break;
            }
            return request;
        }

        int cap = e.Pattern switch
        {
            "/api/telemetry" => 1_000_000,
            "/api/factories/{id}/consumption" or "/api/factories/{id}/demand" => 256 * 1024,
            "/api/factories/{id}/parts/{partNumber}/sourcing" or "/api/scenarios/rebalance" or "/api/scenarios" => 16 * 1024,
            "/api/users" => 8 * 1024,
            "/api/disruptions" => 512 * 1024,
            "/api/disruptions/import/usgs" => 1024 * 1024,
            "/api/auth/token" or "/api/devices" => 4 * 1024,
            _ => 64 * 1024,
        };
        var huge = new string(' ', cap + 1024);
        yield return new("huge body", () => Send("{\"pad\":\"" + huge + "\"}"), 413, null);
        yield return new("huge chunked body without Content-Length", () => Send("{\"pad\":\"" + huge + "\"}", chunked: true), 413, null);

        // Ids in the path: too long or with a control character is a 400 naming the parameter; markup is just an id
        // that does not exist (404).
        var parameters = System.Text.RegularExpressions.Regex.Matches(e.Pattern, @"\{(\w+)\}").Select(m => m.Groups[1].Value).ToArray();
        for (int i = 0; i < parameters.Length; i++)
        {
            string Replace(string value)
            {
                var segments = e.Path.Split('/');
                var patternSegments = e.Pattern.Split('/');
                int at = Array.IndexOf(patternSegments, "{" + parameters[i] + "}");
                segments[at] = value;
                return string.Join('/', segments);
            }
            yield return new($"path {parameters[i]} too long", () => Send(e.Body, Replace(new string('x', 65))), 400, parameters[i]);
            yield return new($"path {parameters[i]} with a control character", () => Send(e.Body, Replace("a%07b")), 400, parameters[i]);
            if (i == 0) yield return new($"path {parameters[i]} of markup", () => Send(e.Body, Replace(Uri.EscapeDataString("<script>alert(1)</script>"))), 404, null);
        }

        // Credentials that must not work.
        if (e.Credential == Credential.Admin)
        {
            yield return new("expired token", () => Send(e.Body, token: fx.ExpiredToken), 401, null);
            yield return new("token replayed after its user was disabled", () => Send(e.Body, token: fx.DisabledUserToken), 401, null);
            yield return new("no token", () => Send(e.Body, credential: Credential.None), 401, null);
        }
        if (e.Credential == Credential.Tracker)
        {
            yield return new("revoked tracker key", () => Send(e.Body, key: fx.RevokedKey), 401, null);
            yield return new("forged tracker key", () => Send(e.Body, key: fx.Host.GatewayKey[..^6] + "AAAAAA"), 401, null);
            yield return new("a user's token instead of a key", () => Send(e.Body, credential: Credential.Admin), 401, null);
        }

        if (e.Body == null) yield break;

        yield return new("malformed JSON", () => Send(e.Body.Replace("\":", "\" ")), 400, null);
        yield return new("truncated JSON", () => Send(e.Body[..(e.Body.Length / 2)]), 400, null);
        yield return new("empty body", () => Send(""), 400, null);
        yield return new("JSON of the wrong shape", () => Send(e.Body.TrimStart().StartsWith('[') ? "{\"a\":1}" : "[1,2]"), 400, null);
        yield return new("not UTF-8", () =>
        {
            var request = Send(null);
            request.Content = new ByteArrayContent([.. Encoding.UTF8.GetBytes(e.Body[..^2]), 0xFF, 0xFE, .. Encoding.UTF8.GetBytes(e.Body[^2..])]);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            return request;
        }, 400, null);

        // Text that is not text, in a string value and in a property name, wherever it is: a 400 naming the field.
        HttpRequestMessage SendBytes(byte[] body, string? contentType = "application/json")
        {
            var request = Send(null);
            request.Content = new ByteArrayContent(body);
            if (contentType != null) request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
            return request;
        }
        var (firstBefore, firstName, firstAfter) = SplitAtString(e.Body, last: false);
        var (lastBefore, lastName, lastAfter) = SplitAtString(e.Body, last: true);
        if (firstName != null)
        {
            yield return new($"invalid UTF-8 (C3 28) in the string {firstName}", () => SendBytes([.. Utf8(firstBefore + "\"a"), 0xC3, 0x28, .. Utf8("b\"" + firstAfter)]), 400, firstName);
            yield return new($"invalid UTF-8 (FF) in the string {lastName}", () => SendBytes([.. Utf8(lastBefore + "\""), 0xFF, .. Utf8("\"" + lastAfter)]), 400, lastName);
            yield return new($"lone high surrogate escape in {firstName}", () => Send(firstBefore + "\"a\\ud800b\"" + firstAfter), 400, firstName);
            yield return new($"lone high surrogate escape at the end of {lastName}", () => Send(lastBefore + "\"a\\uDBFF\"" + lastAfter), 400, lastName);
            yield return new($"lone low surrogate escape in {lastName}", () => Send(lastBefore + "\"\\udc00b\"" + lastAfter), 400, lastName);
            yield return new($"lone low surrogate escape in {firstName}", () => Send(firstBefore + "\"x\\uDFFF\"" + firstAfter), 400, firstName);
        }
        string badName = "zz" + "\uFFFD";   // how the answer shows a name with the byte FF in it
        yield return new("invalid UTF-8 in a property name", () =>
        {
            var marked = With(e.Body, "__name__", "1");
            int at = marked.IndexOf("\"__name__\"", StringComparison.Ordinal);
            return SendBytes([.. Utf8(marked[..at] + "\"zz"), 0xFF, .. Utf8("\"" + marked[(at + "\"__name__\"".Length)..])]);
        }, 400, badName);
        yield return new("lone high surrogate escape in a property name", () => Send(With(e.Body, "__name__", "1").Replace("\"__name__\"", "\"yy\\ud800\"")), 400, "yy\\ud800");

        // A body that is not JSON by its content type: 415, whatever the bytes are.
        yield return new("text/plain content type", () => SendBytes(Utf8(e.Body), "text/plain"), 415, null);
        yield return new("form content type", () => SendBytes(Utf8(e.Body), "application/x-www-form-urlencoded"), 415, null);
        yield return new("no content type", () => SendBytes(Utf8(e.Body), null), 415, null);
        yield return new("JSON in UTF-16", () => SendBytes(Encoding.Unicode.GetBytes(e.Body), "application/json; charset=utf-16"), 415, null);

        var sample = Target(JsonNode.Parse(e.Body)!);
        foreach (var (name, value) in sample)
        {
            var wrong = value switch
            {
                JsonValue v when v.GetValueKind() == JsonValueKind.String => "12345",
                JsonValue v when v.GetValueKind() == JsonValueKind.Number => "\"12\"",
                JsonValue => "\"yes\"",
                JsonArray => "\"x\"",
                _ => "7",
            };
            yield return new($"wrong type for {name}", () => Send(With(e.Body, name, wrong)), 400, name);
            if (value is JsonValue n && n.GetValueKind() == JsonValueKind.Number)
            {
                // A bare NaN is not JSON at all: the batch or object is malformed (the field is named where the parser can).
                yield return new($"NaN for {name}", () => Send(With(e.Body, name, "NaN")), 400, null);
                yield return new($"\"Infinity\" for {name}", () => Send(With(e.Body, name, "\"Infinity\"")), 400, name);
                yield return new($"1e999 for {name}", () => Send(With(e.Body, name, "1e999")), 400, name);
            }
        }
        yield return new("unknown property", () => Send(With(e.Body, "zzUnknown", "1")), 400, "zzUnknown");
        yield return new("property given twice", () => Send(Twice(e.Body, sample.First().Key)), 400, sample.First().Key);
        foreach (var text in e.Texts)
        {
            yield return new($"{text.Name} over {text.Max} characters", () => Send(With(e.Body, text.Name, JsonSerializer.Serialize(new string('x', text.Max + 1)))), 400, text.Name);
            if (text.NoControlCharacters)
                yield return new($"control character in {text.Name}", () => Send(With(e.Body, text.Name, "\"a\\u0007b\"")), 400, text.Name);
        }
        foreach (var (field, json) in e.Outside)
            yield return new($"{field} = {json}", () => Send(With(e.Body, field, json)), 400, field);
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>
    /// The body split around its first (or last, usually the deepest) string value: the JSON before it, the name of the
    /// member holding it (an array's name for a string in an array) and the JSON after it. Name null: no string at all.
    /// </summary>
    private static (string Before, string? Name, string After) SplitAtString(string body, bool last)
    {
        var node = JsonNode.Parse(body)!;
        var strings = new List<(JsonValue Value, string Name)>();
        void Walk(JsonNode? n, string name)
        {
            switch (n)
            {
                case JsonObject o: foreach (var (key, child) in o) Walk(child, key); break;
                case JsonArray a: foreach (var child in a) Walk(child, name); break;
                case JsonValue v when v.GetValueKind() == JsonValueKind.String: strings.Add((v, name)); break;
            }
        }
        Walk(node, "$");
        if (strings.Count == 0) return (body, null, "");
        var (value, field) = last ? strings[^1] : strings[0];
        switch (value.Parent)
        {
            case JsonObject parent: parent[value.GetPropertyName()] = "__string__"; break;
            case JsonArray parent: parent[value.GetElementIndex()] = "__string__"; break;
        }
        var json = node.ToJsonString();
        int at = json.IndexOf("\"__string__\"", StringComparison.Ordinal);
        return (json[..at], field, json[(at + "\"__string__\"".Length)..]);
    }

    /// <summary>The object the body's fields are in: the body, or its first item.</summary>
    private static JsonObject Target(JsonNode body) => body is JsonArray array ? array[0]!.AsObject() : body.AsObject();

    /// <summary>The body with one field of its target object set to raw JSON (which need not be valid JSON, e.g. NaN).</summary>
    private static string With(string body, string field, string rawJson)
    {
        const string marker = "\"__marker__\"";
        var node = JsonNode.Parse(body)!;
        Target(node)[field] = JsonValue.Create("__marker__");
        return node.ToJsonString().Replace(marker, rawJson);
    }

    private static string Twice(string body, string field)
    {
        var node = JsonNode.Parse(body)!;
        var target = Target(node);
        string value = target[field]!.ToJsonString();
        string json = node.ToJsonString();
        int open = json.IndexOf('{');
        return json[..(open + 1)] + JsonSerializer.Serialize(field) + ":" + value + "," + json[(open + 1)..];
    }

    /// <summary>Sends a case; null when the answer is right, else what was wrong with it.</summary>
    private async Task<string?> SendAndCheckAsync(Case c)
    {
        using var client = new HttpClient { BaseAddress = new Uri(fx.Host.BaseUrl) };
        using var request = c.Request();
        HttpResponseMessage response;
        try { response = await client.SendAsync(request); }
        catch (HttpRequestException ex) { return $"no answer ({ex.Message})"; }
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync();
            if ((int)response.StatusCode != c.Status) return $"expected {c.Status}, got {(int)response.StatusCode}: {Shorten(text)}";
            if (response.Content.Headers.ContentType?.MediaType != "application/problem+json") return $"not problem details: {response.Content.Headers.ContentType}";
            if (text.Contains("   at ", StringComparison.Ordinal)) return "a stack trace in the answer";
            JsonElement problem;
            try { problem = JsonDocument.Parse(text).RootElement; }
            catch (JsonException) { return "problem details that are not JSON"; }
            if (!problem.TryGetProperty("status", out var status) || status.GetInt32() != c.Status) return "problem details without the right status";
            if (c.Status != 400) return null;
            if (!problem.TryGetProperty("errors", out var errors) || !errors.EnumerateObject().Any()) return $"a 400 without field errors: {Shorten(text)}";
            if (c.Field != null && !errors.EnumerateObject().Any(p => Names(p.Name, c.Field)))
                return $"errors do not name '{c.Field}': {string.Join(", ", errors.EnumerateObject().Select(p => p.Name))}";
            return null;
        }
    }

    /// <summary>"$.cargo[0].quantity", "[0].lat" and "reefer.minC" name cargo, lat and reefer.</summary>
    private static bool Names(string key, string field) =>
        System.Text.RegularExpressions.Regex.IsMatch(key, $@"(^|[.\]$])\$?{System.Text.RegularExpressions.Regex.Escape(field)}($|[.\[])", System.Text.RegularExpressions.RegexOptions.IgnoreCase);

    /// <summary>Drops what differs on every read without anything being written: a problem's trace id, a buffer's evaluation time.</summary>
    private static void WithoutVolatile(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                obj.Remove("traceId");
                obj.Remove("updatedAt");
                foreach (var (_, child) in obj) WithoutVolatile(child);
                break;
            case JsonArray array:
                foreach (var child in array) WithoutVolatile(child);
                break;
        }
    }

    /// <summary>What the endpoint's objects look like now, as the admin reads them (what changes by itself left out).</summary>
    private async Task<string> ProbeAsync(WriteEndpoint e)
    {
        var parts = new List<string>();
        foreach (var path in e.Probes)
        {
            using var response = await fx.Host.Http.GetAsync(path);
            var node = JsonNode.Parse(await response.Content.ReadAsStringAsync());
            WithoutVolatile(node);
            parts.Add($"{(int)response.StatusCode} {node?.ToJsonString()}");
        }
        return string.Join("\n", parts);
    }

    /// <summary>Where two probes part: a window around the first difference.</summary>
    private static string Difference(string before, string after)
    {
        int at = 0;
        while (at < before.Length && at < after.Length && before[at] == after[at]) at++;
        int from = Math.Max(0, at - 120);
        string Window(string s) => s.Substring(Math.Min(from, s.Length), Math.Min(240, Math.Max(0, s.Length - from)));
        return $"  before: …{Window(before)}…\n  after:  …{Window(after)}…";
    }

    private static string Shorten(string text) => text.Length > 400 ? text[..400] + "…" : text;
}
