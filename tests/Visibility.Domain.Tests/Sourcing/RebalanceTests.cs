using Visibility.Domain.Inventory;
using Visibility.Domain.Sourcing;
using Visibility.Domain.Tariffs;
using Visibility.Domain.Validation;

namespace Visibility.Domain.Tests.Sourcing;

public sealed class RebalanceTests
{
    private static readonly DateOnly Date = new(2019, 12, 1);
    private static readonly Section301Table Tariffs = Section301Seed.Create();

    private static PartSourcing Part(params CountryShare[] shares) => new(
        "F-MTY", "MX", "IC-MCU", "854231", shares, AnnualQuantity: 1_000_000, UnitValueUsd: 2,
        new BufferParameters("854231", 1000, 40, 0.5, 0.5, 1000, 7, 10_000), Adu: 1000);

    // Gateway → Manzanillo sea distances, round figures of the real routes.
    private static double? SeaKm(string country) => country switch { "CN" => 12_900, "VN" => 14_300, "TW" => 12_600, _ => null };

    [Fact]
    public void Moving_half_of_a_china_only_part_to_vietnam_halves_the_duty_and_the_hhi_and_lengthens_the_lead_time()
    {
        var part = Part(new CountryShare("CN", 100));
        var errors = new ValidationErrors();
        var after = Rebalance.Apply(part.Shares, [new ShareMove("CN", "VN", 50)], errors);
        Assert.True(errors.IsEmpty);
        Assert.Equal([new CountryShare("CN", 50), new CountryShare("VN", 50)], after!.OrderBy(s => s.Country).ToArray());

        double baseline = Rebalance.SeaLeadDays("MX", part.Shares, SeaKm);
        var before = Rebalance.Picture(part, part.Shares, SeaKm, Tariffs, null, Date, baseline);
        var then = Rebalance.Picture(part, after, SeaKm, Tariffs, null, Date, baseline);

        Assert.Equal(10_000, before.Hhi);
        Assert.Equal(5_000, then.Hhi);
        Assert.Equal("high", then.Reading);
        // 1,000,000 × 2 USD × 25 % (List 2) = 500,000 a year from China; half of it after.
        Assert.Equal(500_000, before.DutyPerYearUsd);
        Assert.Equal(250_000, then.DutyPerYearUsd);
        // CN: 12,900 km / 711.2 km/d + 7 = 25.1 d; VN: 14,300 / 711.2 + 7 = 27.1 d; half each: 26.1 d.
        Assert.Equal(25.1, before.SeaLeadDays, 1);
        Assert.Equal(26.1, then.SeaLeadDays, 1);
        Assert.Equal(40, before.DltDays);
        Assert.Equal(41, then.DltDays, 0);
        Assert.True(then.Zones.Yellow > before.Zones.Yellow); // yellow = ADU × DLT grows with the lead time
    }

    [Fact]
    public void A_known_hts8_line_sets_the_duty_where_the_hs6_heading_is_mixed()
    {
        var heading = Part(new CountryShare("CN", 100)) with { HsCode = "901380" };
        var line = heading with { Hts8 = "90138090" };
        var mixed = Rebalance.Picture(heading, heading.Shares, SeaKm, Tariffs, null, Date, 25);
        var exact = Rebalance.Picture(line, line.Shares, SeaKm, Tariffs, null, Date, 25);
        Assert.Equal(300_000, mixed.DutyPerYearUsd);    // 2,000,000 USD × 15 % (the lowest line, List 4A) …
        Assert.Equal(500_000, mixed.DutyPerYearMaxUsd); // … up to 25 % (Lists 1 and 3)
        Assert.Equal(300_000, exact.DutyPerYearUsd);
        Assert.Equal(300_000, exact.DutyPerYearMaxUsd); // the line is on List 4A only
    }

    [Theory]
    [InlineData("CN", "VN", 120, "moves[0].sharePct")]
    [InlineData("CN", "VN", 0, "moves[0].sharePct")]
    [InlineData("VN", "TW", 10, "moves[0].sharePct")] // Vietnam supplies nothing yet
    [InlineData("XX", "VN", 10, "moves[0].fromCountry")]
    [InlineData("CN", "ZZ", 10, "moves[0].toCountry")]
    [InlineData("CN", "CN", 10, "moves[0].toCountry")]
    public void Impossible_moves_are_refused_by_field(string from, string to, double pct, string field)
    {
        var errors = new ValidationErrors();
        Assert.Null(Rebalance.Apply([new CountryShare("CN", 100)], [new ShareMove(from, to, pct)], errors));
        Assert.Contains(field, errors.ToDictionary().Keys);
    }

    [Fact]
    public void Moves_apply_in_order_and_shares_always_sum_to_one_hundred()
    {
        var errors = new ValidationErrors();
        var after = Rebalance.Apply([new CountryShare("CN", 70), new CountryShare("TW", 30)],
            [new ShareMove("CN", "VN", 40), new ShareMove("VN", "MX", 10), new ShareMove("TW", "MX", 30)], errors)!;
        Assert.Equal(100, after.Sum(s => s.SharePct), 9);
        Assert.Equal(30, after.Single(s => s.Country == "CN").SharePct, 9);
        Assert.Equal(30, after.Single(s => s.Country == "VN").SharePct, 9);
        Assert.Equal(40, after.Single(s => s.Country == "MX").SharePct, 9);
        Assert.DoesNotContain(after, s => s.Country == "TW"); // a country moved to zero drops out
    }

    [Fact]
    public void Category_combines_the_goods_export_centrality_with_the_own_concentration()
    {
        var table = ExportConcentrationTable.From("test", new Dictionary<string, double>
        {
            ["854231"] = 3_000, ["853224"] = 2_000, ["850760"] = 1_000, ["853400"] = 900,
        });
        Assert.Equal(3_000, table.HighThreshold); // the top quarter of four goods is the highest one
        var part = Part(new CountryShare("CN", 100));
        var china = Rebalance.Picture(part, part.Shares, SeaKm, Tariffs, table, Date, 25);
        Assert.Equal(1, china.Category);
        var spread = Rebalance.Picture(part, [new CountryShare("CN", 40), new CountryShare("VN", 30), new CountryShare("TW", 30)], SeaKm, Tariffs, table, Date, 25);
        Assert.Equal(3_400, spread.Hhi);
        Assert.Equal(1, spread.Category); // 3,400 is still above 2,500
        var wide = Rebalance.Picture(part, [new CountryShare("CN", 25), new CountryShare("VN", 25), new CountryShare("TW", 25), new CountryShare("MX", 25)], SeaKm, Tariffs, table, Date, 25);
        Assert.Equal(2, wide.Category);
        Assert.Equal(Vulnerability.ConcentratedOnly, Vulnerability.Classify(false, true));
        Assert.Equal(Vulnerability.BothLow, Vulnerability.Classify(false, false));
    }

    [Fact]
    public void Export_concentration_imports_both_documented_formats()
    {
        var dir = Directory.CreateTempSubdirectory();
        try
        {
            var pre = Path.Combine(dir.FullName, "pre.csv");
            File.WriteAllLines(pre, ["hs6,export_hhi,description", "854231,3100,ICs", "8532.24,2400,MLCC", "12345,100,bad", "853400,abc,bad"]);
            var (a, ra) = ExportConcentrationTable.Import(pre);
            Assert.Equal(2, ra.Loaded);
            Assert.Equal(2, ra.Skipped);
            Assert.Equal(2_400, a.Centrality("853224")!.Value.Hhi);

            var shares = Path.Combine(dir.FullName, "shares.csv");
            File.WriteAllLines(shares, ["hs6,exporter,share_pct", "854231,TW,60", "854231,KR,40", "850760,CN,100"]);
            var (b, rb) = ExportConcentrationTable.Import(shares);
            Assert.Equal(2, rb.Loaded);
            Assert.Equal(5_200, b.Centrality("854231")!.Value.Hhi, 6); // 60² + 40²
            Assert.Equal(10_000, b.Centrality("850760")!.Value.Hhi, 6);
            Assert.Null(b.Centrality("999999"));
        }
        finally { dir.Delete(recursive: true); }
    }
}
