namespace Visibility.Integration.Tests.Sourcing;

public sealed class TariffFixture : HostFixture
{
    protected override IDictionary<string, string> Settings => new Dictionary<string, string> { ["Demo:Seed"] = "false" };
}

/// <summary>GET /api/tariffs/section301/{hts} against the real host with the USITC table from the data folder.</summary>
[Collection("host")]
public sealed class TariffApiTests(TariffFixture fx) : IClassFixture<TariffFixture>
{
    private HttpClient Http => fx.Host.Http;

    [Fact]
    public async Task An_hts8_line_of_chinese_origin_answers_its_list_and_rate_on_the_date()
    {
        var a = await Http.GetFromJsonAsync<JsonElement>("/api/tariffs/section301/85076000?origin=CN&date=2019-12-01");
        Assert.Equal("8507.60.00", a.GetProperty("hts").GetString());
        Assert.Equal("CN", a.GetProperty("origin").GetString());
        Assert.Equal("2019-12-01", a.GetProperty("date").GetString());
        Assert.Equal(["List 4A"], a.GetProperty("lists").EnumerateArray().Select(l => l.GetString()).ToArray());
        Assert.Equal(15, a.GetProperty("additionalDutyPct").GetDouble());
        Assert.False(a.GetProperty("mixed").GetBoolean());

        var later = await Http.GetFromJsonAsync<JsonElement>("/api/tariffs/section301/8507.60.00?origin=CN&date=2020-03-01&annualQuantity=100000&unitValueUsd=4");
        Assert.Equal(7.5, later.GetProperty("additionalDutyPct").GetDouble());
        Assert.Equal(30_000, later.GetProperty("dutyPerYear").GetProperty("maxUsd").GetDouble()); // 400,000 USD × 7.5 %

        var vietnam = await Http.GetFromJsonAsync<JsonElement>("/api/tariffs/section301/8507.60?origin=VN&date=2019-12-01");
        Assert.Equal(0, vietnam.GetProperty("additionalDutyPct").GetDouble());
        Assert.Equal(0, vietnam.GetProperty("lists").GetArrayLength());
    }

    [Fact]
    public async Task A_mixed_hs6_returns_every_list_and_the_range()
    {
        var a = await Http.GetFromJsonAsync<JsonElement>("/api/tariffs/section301/901380?origin=CN&date=2019-12-01");
        Assert.True(a.GetProperty("mixed").GetBoolean());
        Assert.Equal(["List 1", "List 3", "List 4A"], a.GetProperty("lists").EnumerateArray().Select(l => l.GetString()).ToArray());
        Assert.Equal(15, a.GetProperty("range").GetProperty("minPct").GetDouble());
        Assert.Equal(25, a.GetProperty("range").GetProperty("maxPct").GetDouble());
    }

    [Theory]
    [InlineData("/api/tariffs/section301/85x76000?origin=CN", "hts")]
    [InlineData("/api/tariffs/section301/8507.6?origin=CN", "hts")]
    [InlineData("/api/tariffs/section301/850760", "origin")]
    [InlineData("/api/tariffs/section301/850760?origin=CHN", "origin")]
    [InlineData("/api/tariffs/section301/850760?origin=CN&annualQuantity=5", "unitValueUsd")]
    [InlineData("/api/tariffs/section301/850760?origin=CN&annualQuantity=-5&unitValueUsd=1", "annualQuantity")]
    public async Task Bad_codes_and_parameters_get_a_field_level_400(string url, string field)
    {
        using var response = await Http.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, text);
        Assert.True(JsonDocument.Parse(text).RootElement.GetProperty("errors").TryGetProperty(field, out _), text);
    }
}
