namespace Visibility.Integration.Tests.Sourcing;

public sealed class RebalanceFixture : HostFixture
{
    protected override IDictionary<string, string> Settings => new Dictionary<string, string> { ["Demo:Seed"] = "false" };
}

/// <summary>Sourcing views and the rebalancing what-if against the real host, on a network the test builds.</summary>
[Collection("host")]
public sealed class RebalanceApiTests(RebalanceFixture fx) : IClassFixture<RebalanceFixture>
{
    private HttpClient Http => fx.Host.Http;

    private async Task<JsonElement> SendAsync(HttpMethod method, string path, object? body, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body == null ? null : JsonContent.Create(body) };
        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{method} {path}: expected {(int)expected}, got {(int)response.StatusCode} {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    private async Task NetworkAsync(string factory)
    {
        await SendAsync(HttpMethod.Post, "/api/factories", new { id = factory, name = "Plant " + factory, locode = "MXMTY" }, HttpStatusCode.Created);
        await SendAsync(HttpMethod.Put, $"/api/factories/{factory}/parts/IC-S", new
        {
            hsCode = "8542.31", adu = 1000, dltDays = 40, leadTimeFactor = 0.5, variabilityFactor = 0.5, moq = 1000, orderCycleDays = 7, onHand = 20_000,
        }, HttpStatusCode.OK);
        await SendAsync(HttpMethod.Post, "/api/suppliers", new
        {
            id = "SUP-" + factory, name = "Chips " + factory, country = "CN",
            sites = new[] { new { id = "SZ", name = "Shenzhen", locode = "CNSZX", parts = new[] { new { partNumber = "IC-S", factoryIds = new[] { factory } } } } },
        }, HttpStatusCode.Created);
        await SendAsync(HttpMethod.Put, $"/api/factories/{factory}/parts/IC-S/sourcing", new { unitValueUsd = 2.0 }, HttpStatusCode.OK);
    }

    [Fact]
    public async Task Moving_half_of_a_china_sourced_part_to_vietnam_lowers_hhi_and_duty_and_shows_the_new_lead_time()
    {
        await NetworkAsync("RB-1");
        var sourcing = await Http.GetFromJsonAsync<JsonElement>("/api/factories/RB-1/sourcing");
        var part = sourcing.GetProperty("parts")[0];
        Assert.Equal("CN", part.GetProperty("countryShares")[0].GetProperty("country").GetString());
        Assert.Equal(10_000, part.GetProperty("hhi").GetDouble());
        Assert.Equal(["List 2"], part.GetProperty("section301Lists").EnumerateArray().Select(l => l.GetString()).ToArray());
        // 1,000 a day × 365 × 2 USD × 25 %.
        Assert.Equal(182_500, part.GetProperty("dutyPerYearUsd").GetDouble());
        Assert.Contains("SAMPLE", await File.ReadAllTextAsync(Path.Combine(Path.GetDirectoryName(TestPaths.HostDll)!, "Sourcing", "sample-export-concentration.csv")));

        var r = await SendAsync(HttpMethod.Post, "/api/scenarios/rebalance", new
        {
            partNumber = "IC-S", factoryId = "RB-1", moves = new[] { new { fromCountry = "CN", toCountry = "VN", sharePct = 50 } },
        }, HttpStatusCode.OK);
        var before = r.GetProperty("before");
        var after = r.GetProperty("after");
        Assert.Equal(10_000, before.GetProperty("hhi").GetDouble());
        Assert.Equal(5_000, after.GetProperty("hhi").GetDouble());
        Assert.Equal(182_500, before.GetProperty("dutyPerYearUsd").GetDouble());
        Assert.Equal(91_250, after.GetProperty("dutyPerYearUsd").GetDouble());
        // Saigon → Manzanillo is a longer sail than Shanghai → Manzanillo: the lead time and the buffer grow.
        Assert.True(after.GetProperty("seaLeadDays").GetDouble() > before.GetProperty("seaLeadDays").GetDouble());
        var row = r.GetProperty("parts")[0];
        Assert.True(row.GetProperty("after").GetProperty("dltDays").GetDouble() > 40);
        Assert.True(row.GetProperty("after").GetProperty("zones").GetProperty("yellow").GetDouble() > row.GetProperty("before").GetProperty("zones").GetProperty("yellow").GetDouble());
        // In the bundled sample table 8542.31 is not in the top quarter of export concentration, and one country is
        // highly concentrated sourcing: category 3 (diversify), before and after (5,000 is still above 2,500).
        Assert.Equal(3, row.GetProperty("before").GetProperty("category").GetInt32());
        Assert.Equal(3, row.GetProperty("after").GetProperty("category").GetInt32());
    }

    [Theory]
    [InlineData("{\"partNumber\":\"IC-S\",\"factoryId\":\"RB-2\",\"moves\":[{\"fromCountry\":\"CN\",\"toCountry\":\"VN\",\"sharePct\":120}]}", "moves[0].sharePct")]
    [InlineData("{\"partNumber\":\"IC-S\",\"factoryId\":\"RB-2\",\"moves\":[{\"fromCountry\":\"CN\",\"toCountry\":\"VN\",\"sharePct\":60},{\"fromCountry\":\"CN\",\"toCountry\":\"TH\",\"sharePct\":60}]}", "moves[1].sharePct")]
    [InlineData("{\"partNumber\":\"IC-S\",\"factoryId\":\"RB-2\",\"moves\":[{\"fromCountry\":\"CN\",\"toCountry\":\"QQ\",\"sharePct\":10}]}", "moves[0].toCountry")]
    [InlineData("{\"partNumber\":\"NOPE\",\"factoryId\":\"RB-2\",\"moves\":[{\"fromCountry\":\"CN\",\"toCountry\":\"VN\",\"sharePct\":10}]}", "partNumber")]
    [InlineData("{\"partNumber\":\"NOPE\",\"moves\":[{\"fromCountry\":\"CN\",\"toCountry\":\"VN\",\"sharePct\":10}]}", "partNumber")]
    [InlineData("{\"factoryId\":\"NOBODY\",\"moves\":[{\"fromCountry\":\"CN\",\"toCountry\":\"VN\",\"sharePct\":10}]}", "factoryId")]
    [InlineData("{\"factoryId\":\"RB-2\",\"moves\":[]}", "moves")]
    [InlineData("{\"factoryId\":\"RB-2\",\"moves\":[{\"fromCountry\":\"CN\",\"toCountry\":\"VN\",\"sharePct\":10}],\"extra\":1}", "$.extra")]
    public async Task Bad_scenarios_get_a_field_level_400(string json, string field)
    {
        if ((await Http.GetAsync("/api/factories/RB-2")).StatusCode == HttpStatusCode.NotFound) await NetworkAsync("RB-2");
        using var response = await Http.PostAsync("/api/scenarios/rebalance", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, text);
        Assert.True(JsonDocument.Parse(text).RootElement.GetProperty("errors").TryGetProperty(field, out _), text);
    }

    [Fact]
    public async Task Shares_set_by_hand_must_add_up_and_a_saved_scenario_can_be_listed_and_read_back()
    {
        await NetworkAsync("RB-3");
        var bad = await SendAsync(HttpMethod.Put, "/api/factories/RB-3/parts/IC-S/sourcing",
            new { shares = new[] { new { country = "CN", sharePct = 70 }, new { country = "TW", sharePct = 20 } } }, HttpStatusCode.BadRequest);
        Assert.True(bad.GetProperty("errors").TryGetProperty("shares", out _));
        await SendAsync(HttpMethod.Put, "/api/factories/RB-3/parts/IC-S/sourcing",
            new { shares = new[] { new { country = "CN", sharePct = 70 }, new { country = "TW", sharePct = 30 } } }, HttpStatusCode.OK);
        Assert.Equal(5_800, (await Http.GetFromJsonAsync<JsonElement>("/api/factories/RB-3/sourcing")).GetProperty("parts")[0].GetProperty("hhi").GetDouble());
        // The HTS8 line must belong to the part's HS6 heading.
        var wrongLine = await SendAsync(HttpMethod.Put, "/api/factories/RB-3/parts/IC-S/sourcing", new { hts8 = "8542.39.00" }, HttpStatusCode.BadRequest);
        Assert.True(wrongLine.GetProperty("errors").TryGetProperty("hts8", out _));
        await SendAsync(HttpMethod.Put, "/api/factories/RB-3/parts/IC-S/sourcing", new { hts8 = "85423100" }, HttpStatusCode.OK);
        Assert.Equal("8542.31.00", (await Http.GetFromJsonAsync<JsonElement>("/api/factories/RB-3/sourcing")).GetProperty("parts")[0].GetProperty("hts8").GetString());

        var saved = await SendAsync(HttpMethod.Post, "/api/scenarios", new
        {
            name = "RB-3: China share to Malaysia",
            request = new { factoryId = "RB-3", moves = new[] { new { fromCountry = "CN", toCountry = "MY", sharePct = 40 } } },
        }, HttpStatusCode.Created);
        string id = saved.GetProperty("id").GetString()!;
        Assert.Equal(3_400, saved.GetProperty("result").GetProperty("after").GetProperty("hhi").GetDouble()); // 30² + 30² + 40²
        var list = await Http.GetFromJsonAsync<JsonElement>("/api/scenarios");
        var listed = list.EnumerateArray().Single(s => s.GetProperty("id").GetString() == id);
        Assert.False(listed.GetProperty("result").TryGetProperty("parts", out _));
        var read = await Http.GetFromJsonAsync<JsonElement>($"/api/scenarios/{id}");
        Assert.Equal("RB-3: China share to Malaysia", read.GetProperty("name").GetString());
        Assert.Equal(1, read.GetProperty("result").GetProperty("parts").GetArrayLength());

        // A scenario that cannot run is not saved.
        var refused = await SendAsync(HttpMethod.Post, "/api/scenarios", new { name = "broken", request = new { factoryId = "RB-3", moves = new[] { new { fromCountry = "CN", toCountry = "XX", sharePct = 10 } } } }, HttpStatusCode.BadRequest);
        Assert.True(refused.GetProperty("errors").TryGetProperty("request.moves[0].toCountry", out _));
        Assert.Equal(list.GetArrayLength(), (await Http.GetFromJsonAsync<JsonElement>("/api/scenarios")).GetArrayLength());
    }

    [Fact]
    public async Task The_what_if_shows_the_share_exposed_to_open_disruptions_before_and_after()
    {
        await NetworkAsync("RB-4");
        // Shanghai, China's gateway, congested: China's share rides an exposed lane; Vietnam's does not.
        await SendAsync(HttpMethod.Post, "/api/disruptions", new
        {
            id = "RB-CONGEST", type = "port-congestion", locode = "CNSHA", delayDays = 4, expectedEnd = DateTimeOffset.UtcNow.AddDays(14).ToString("O"),
        }, HttpStatusCode.Created);
        try
        {
            // The what-if reads open disruptions from the live disruption feed, which has them within a flush or two.
            JsonElement r = default;
            for (int i = 0; i < 50; i++, await Task.Delay(100))
            {
                r = await SendAsync(HttpMethod.Post, "/api/scenarios/rebalance", new
                {
                    partNumber = "IC-S", factoryId = "RB-4", moves = new[] { new { fromCountry = "CN", toCountry = "VN", sharePct = 50 } },
                }, HttpStatusCode.OK);
                if (r.GetProperty("before").GetProperty("exposure").GetProperty("exposedSharePct").GetDouble() > 0) break;
            }
            var before = r.GetProperty("before").GetProperty("exposure");
            var after = r.GetProperty("after").GetProperty("exposure");
            Assert.Equal(100, before.GetProperty("exposedSharePct").GetDouble());
            Assert.Equal(50, after.GetProperty("exposedSharePct").GetDouble());
            var listed = before.GetProperty("disruptions").EnumerateArray().Single(d => d.GetProperty("id").GetString() == "RB-CONGEST");
            Assert.Equal(["CN"], listed.GetProperty("countries").EnumerateArray().Select(c => c.GetString()).ToArray());
        }
        finally
        {
            await SendAsync(HttpMethod.Post, "/api/disruptions/RB-CONGEST/resolve", null, HttpStatusCode.OK);
        }
        // Resolved: nothing exposed any more (once the feed has the resolution).
        double exposed = -1;
        for (int i = 0; i < 50 && exposed != 0; i++, await Task.Delay(100))
            exposed = (await SendAsync(HttpMethod.Post, "/api/scenarios/rebalance", new
            {
                partNumber = "IC-S", factoryId = "RB-4", moves = new[] { new { fromCountry = "CN", toCountry = "VN", sharePct = 50 } },
            }, HttpStatusCode.OK)).GetProperty("before").GetProperty("exposure").GetProperty("exposedSharePct").GetDouble();
        Assert.Equal(0, exposed);
    }
}
