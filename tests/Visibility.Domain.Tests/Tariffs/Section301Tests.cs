using Visibility.Domain.Tariffs;

namespace Visibility.Domain.Tests.Tariffs;

public sealed class Section301Tests
{
    private static readonly Lazy<Section301Table> Full = new(() =>
        Section301Table.Import(Path.Combine(TestData.SharedDataPath, "section301", "section301_hts_to_heading.csv")).Table);

    private static Section301Exposure Look(string code, string origin, string date)
    {
        Assert.True(HtsCode.TryNormalise(code, out var digits), code);
        return Full.Value.Lookup(digits, origin, DateOnly.Parse(date));
    }

    [Fact]
    public void The_full_usitc_table_imports_with_the_published_count_per_list()
    {
        var (table, report) = Section301Table.Import(Path.Combine(TestData.SharedDataPath, "section301", "section301_hts_to_heading.csv"));
        Assert.Equal(10_322, report.Loaded);
        Assert.Equal(0, report.Skipped);
        var byList = table.CountByList();
        Assert.Equal(806, byList["List 1"]);
        Assert.Equal(267, byList["List 2"]);
        Assert.Equal(5_547 + 43, byList["List 3"]); // 43 lines at the 10-digit statistical-suffix level
        Assert.Equal(3_132, byList["List 4A"]);
        Assert.Equal(527, byList["List 4B"]);
    }

    [Theory]
    [InlineData("8542.31.00", "2018-08-22", 0)]   // List 2 starts the next day
    [InlineData("85423100", "2018-08-23", 25)]
    [InlineData("8534.00.00", "2019-05-09", 10)]  // List 3: 10 % …
    [InlineData("8534.00.00", "2019-05-10", 25)]  // … then 25 %
    [InlineData("8507.60.00", "2019-12-01", 15)]  // List 4A: 15 % …
    [InlineData("8507.60.00", "2020-02-14", 7.5)] // … then 7.5 %
    [InlineData("8532.24", "2019-01-01", 25)]     // an HS6 with one line, on List 1
    public void Duty_follows_the_list_and_its_dated_rate(string code, string date, double pct)
    {
        var e = Look(code, "CN", date);
        Assert.Equal(pct, e.AdditionalDutyPct);
        Assert.False(e.Mixed);
        Assert.Equal(pct > 0 ? 1 : 0, e.Lists.Length);
    }

    [Fact]
    public void An_hs6_whose_lines_are_on_different_lists_is_mixed_with_the_range_of_rates()
    {
        var e = Look("9013.80", "CN", "2019-12-01");
        Assert.True(e.Mixed);
        Assert.Equal(["List 1", "List 3", "List 4A"], e.Lists);
        Assert.Equal(15, e.MinDutyPct);
        Assert.Equal(25, e.MaxDutyPct);
        Assert.Equal(4, e.Lines);
        // One of its lines on its own is not mixed.
        var line = Look("9013.80.90", "CN", "2019-12-01");
        Assert.False(line.Mixed);
        Assert.Equal(["List 4A"], line.Lists);
        Assert.Equal(15, line.AdditionalDutyPct);
    }

    [Fact]
    public void Other_origins_carry_no_section_301_duty_and_uncovered_codes_none_either()
    {
        var vn = Look("8542.31.00", "VN", "2019-12-01");
        Assert.Empty(vn.Lists);
        Assert.Equal(0, vn.AdditionalDutyPct);
        Assert.Equal(["List 2"], vn.ListsOfCode); // what it would be from China
        var uncovered = Look("0101.21.99", "CN", "2019-12-01");
        Assert.Equal(0, uncovered.AdditionalDutyPct);
        Assert.Equal(0, uncovered.Lines);
    }

    [Theory]
    [InlineData("8542.31", true, "854231")]
    [InlineData("8542.31.00", true, "85423100")]
    [InlineData("8542 31 00 00", true, "8542310000")]
    [InlineData("8542.3", false, "")]
    [InlineData("85x231", false, "")]
    [InlineData("", false, "")]
    public void Codes_are_read_dotted_or_not_with_six_eight_or_ten_digits(string code, bool ok, string digits)
    {
        Assert.Equal(ok, HtsCode.TryNormalise(code, out var d));
        Assert.Equal(digits, d);
    }

    [Fact]
    public void The_seed_agrees_with_the_full_table_on_the_demo_headings()
    {
        var seed = Section301Seed.Create();
        foreach (var hs6 in new[] { "854231", "854232", "853400", "850760", "853669", "853224", "901380", "381010", "350691" })
            foreach (var date in new[] { new DateOnly(2019, 1, 1), new DateOnly(2019, 12, 1), new DateOnly(2020, 6, 1) })
                Assert.Equal(Full.Value.Lookup(hs6, "CN", date), seed.Lookup(hs6, "CN", date), new ExposureComparer());
    }

    private sealed class ExposureComparer : IEqualityComparer<Section301Exposure>
    {
        public bool Equals(Section301Exposure? a, Section301Exposure? b) =>
            a!.AdditionalDutyPct == b!.AdditionalDutyPct && a.Mixed == b.Mixed && a.Lists.SequenceEqual(b.Lists) && a.Lines == b.Lines;
        public int GetHashCode(Section301Exposure e) => 0;
    }
}
