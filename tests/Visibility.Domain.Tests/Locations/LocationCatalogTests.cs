using Visibility.Domain.Geo;
using Visibility.Domain.Locations;

namespace Visibility.Domain.Tests.Locations;

public class LocationCatalogTests
{
    private static readonly LocationCatalog Seeded = LocationCatalog.CreateSeeded();

    [Fact]
    public void Seeded_catalog_holds_exactly_the_seed()
    {
        Assert.Equal(PortSeed.Entries.Count, Seeded.Count);
        Assert.Equal(PortSeed.Entries.Count, Seeded.All.Count);
        Assert.Equal(PortSeed.Entries.Select(l => l.Locode).Order(), Seeded.All.Select(l => l.Locode).Order());
    }

    [Fact]
    public void Finds_Shanghai_at_its_port_area()
    {
        var shanghai = Seeded.Find("CNSHA");
        Assert.NotNull(shanghai);
        Assert.Equal("Shanghai", shanghai.Name);
        Assert.Equal("CN", shanghai.Country);
        Assert.True(shanghai.IsPort);
        // Waigaoqiao terminals, on the Yangtze estuary ~20 km north-east of the Bund (31.24, 121.49).
        Assert.InRange(shanghai.Lat, 31.0, 31.5);
        Assert.InRange(shanghai.Lon, 121.4, 121.9);
        Assert.InRange(GeoMath.HaversineKm(shanghai.Point, new GeoPoint(31.36, 121.60)), 0, 5);
        Assert.Equal(LocationSource.Seed, Seeded.SourceOf("CNSHA"));
    }

    [Theory]
    [InlineData("cnsha")]
    [InlineData("  CNSHA ")]
    [InlineData("CnShA\t")]
    public void Find_ignores_case_and_surrounding_space(string code) =>
        Assert.Equal("CNSHA", Seeded.Find(code)?.Locode);

    [Theory]
    [InlineData("XXXXX")]
    [InlineData("CNSH")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Unknown_codes_are_null(string? code)
    {
        Assert.Null(Seeded.Find(code));
        Assert.Null(Seeded.SourceOf(code));
    }

    [Fact]
    public void Search_by_name_prefix_finds_Shanghai_first()
    {
        var hits = Seeded.Search("shang");
        Assert.Equal("CNSHA", hits[0].Locode);
        Assert.Contains(hits, l => l.Locode == "CNPVG");
    }

    [Fact]
    public void Search_by_exact_code_puts_that_code_first()
    {
        Assert.Equal("USLGB", Seeded.Search("uslgb")[0].Locode);
    }

    [Fact]
    public void Search_by_code_prefix_finds_codes_of_that_prefix()
    {
        var hits = Seeded.Search("CNS", limit: 50);
        Assert.Contains(hits, l => l.Locode == "CNSHA");
        Assert.Contains(hits, l => l.Locode == "CNSZX");
        Assert.All(hits, l => Assert.True(l.Locode.StartsWith("CNS") || SearchText.Fold(l.Name).Contains("cns")));
    }

    [Fact]
    public void Search_matches_a_word_inside_the_name_and_a_substring()
    {
        Assert.Equal("IDJKT", Seeded.Search("priok")[0].Locode);        // "Jakarta (Tanjung Priok)"
        Assert.Equal("JPNRT", Seeded.Search("narita")[0].Locode);       // "Tokyo Narita Airport"
        Assert.Contains(Seeded.Search("xingang"), l => l.Locode == "CNTXG");
        Assert.Contains(Seeded.Search("ingap"), l => l.Locode == "SGSIN"); // substring, not a word start
    }

    [Fact]
    public void Search_ignores_accents_in_the_query()
    {
        Assert.Equal("MXLZC", Seeded.Search("Lázaro Cárdenas")[0].Locode);
        Assert.Equal("MXCJS", Seeded.Search("Ciudad Juárez")[0].Locode);
    }

    [Fact]
    public void Search_filters_by_kind_and_respects_the_limit()
    {
        var airports = Seeded.Search("shanghai", kind: LocationKinds.Airport);
        Assert.Equal(["CNPVG"], airports.Select(l => l.Locode));

        var inland = Seeded.Search("a", limit: 500, kind: LocationKinds.Inland);
        Assert.NotEmpty(inland);
        Assert.All(inland, l => Assert.Contains(LocationKinds.Inland, l.Kinds));

        Assert.Equal(3, Seeded.Search("a", limit: 3).Count);
        Assert.Empty(Seeded.Search("a", limit: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Seeded.Search("a", limit: -1));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("zzzzqqq")]
    public void Search_without_a_match_is_empty(string query) => Assert.Empty(Seeded.Search(query));

    [Fact]
    public void Importing_a_missing_file_reports_nothing_loaded_and_keeps_the_seed()
    {
        var catalog = LocationCatalog.CreateSeeded();
        var report = catalog.ImportUnLocode("/nonexistent/code-list-coordinates.csv");
        Assert.Equal(0, report.Loaded);
        Assert.Equal(PortSeed.Entries.Count, catalog.Count);
    }
}

public class LocationCatalogConcurrencyTests
{
    [Fact]
    public async Task Readers_see_either_the_seed_or_the_full_import_never_a_half_built_catalog()
    {
        var catalog = LocationCatalog.CreateSeeded();
        int seedCount = catalog.Count;
        using var stop = new CancellationTokenSource();
        var counts = new System.Collections.Concurrent.ConcurrentBag<int>();

        var readers = Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                Assert.Equal("Shanghai", catalog.Find("CNSHA")?.Name);
                Assert.Equal("CNSHA", catalog.Search("shang")[0].Locode);
                counts.Add(catalog.All.Count);
            }
        })).ToArray();

        var report = await Task.Run(() => catalog.ImportUnLocode(TestData.File("un-locode-geoapify", "code-list-coordinates.csv")));
        stop.Cancel();
        await Task.WhenAll(readers);

        Assert.All(counts, n => Assert.True(n == seedCount || n == seedCount + report.Loaded, $"saw {n} entries"));
        Assert.Contains(seedCount, counts);
    }
}
