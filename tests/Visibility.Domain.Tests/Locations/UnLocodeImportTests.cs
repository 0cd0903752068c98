using System.Diagnostics;
using Visibility.Domain.Locations;

namespace Visibility.Domain.Tests.Locations;

/// <summary>Imports the real code-list-coordinates.csv once into a seeded catalog, for every test below.</summary>
public sealed class ImportedCatalogFixture
{
    public LocationCatalog Catalog { get; } = LocationCatalog.CreateSeeded();
    public ImportReport Report { get; }
    public TimeSpan Elapsed { get; }

    public ImportedCatalogFixture()
    {
        var clock = Stopwatch.StartNew();
        Report = Catalog.ImportUnLocode(TestData.File("un-locode-geoapify", "code-list-coordinates.csv"));
        Elapsed = clock.Elapsed;
    }
}

public class UnLocodeImportTests(ImportedCatalogFixture fixture, ITestOutputHelper output) : IClassFixture<ImportedCatalogFixture>
{
    private const int DataRowsInFile = 116_029; // SOURCE.txt: 116,029 rows

    private LocationCatalog Catalog => fixture.Catalog;
    private ImportReport Report => fixture.Report;

    [Fact]
    public void Every_row_is_either_loaded_or_skipped_with_a_reason()
    {
        output.WriteLine($"Import took {fixture.Elapsed.TotalMilliseconds:0} ms (figure only, not asserted)");
        output.WriteLine($"Loaded {Report.Loaded}, skipped {Report.Skipped}");
        foreach (var (reason, n) in Report.SkippedByReason.OrderByDescending(p => p.Value)) output.WriteLine($"  {reason}: {n}");

        Assert.Equal(DataRowsInFile, Report.Loaded + Report.Skipped);
        Assert.Equal(Report.Skipped, Report.SkippedByReason.Values.Sum());
        Assert.Equal(PortSeed.Entries.Count + Report.Loaded, Catalog.Count);
        Assert.Equal(Catalog.Count, Catalog.All.Count);
    }

    [Fact]
    public void Skip_reasons_match_the_known_shape_of_the_file()
    {
        var skipped = Report.SkippedByReason;
        // SOURCE.txt: 116,029 rows, 114,847 with lat/lon -> 1,182 without.
        Assert.Equal(1_182, skipped[UnLocodeSkipReasons.NoCoordinates]);
        // 139 codes appear twice (bilingual Belgian and Finnish names and a few more).
        Assert.Equal(139, skipped[UnLocodeSkipReasons.DuplicateCode]);
        // Some geocoded towns that are neither port nor airport; and rows that are only postal etc.
        Assert.InRange(skipped[UnLocodeSkipReasons.GeocodedInland], 5_000, 15_000);
        Assert.InRange(skipped[UnLocodeSkipReasons.NoTransportFunction], 100, 10_000);
        // Every seeded code is in the file and, where the row is otherwise usable, is reported as kept-from-seed.
        Assert.InRange(skipped[UnLocodeSkipReasons.CuratedSeedKept], 100, PortSeed.Entries.Count);
        // The ~1,040 rows with broken quoting are repaired rather than dropped: none is left malformed.
        Assert.False(skipped.ContainsKey(UnLocodeSkipReasons.Malformed));
        Assert.InRange(Report.Loaded, 90_000, 105_000);
    }

    [Fact]
    public void Curated_seed_entries_are_not_overwritten()
    {
        foreach (var seed in PortSeed.Entries)
        {
            Assert.Equal(seed, Catalog.Find(seed.Locode));
            Assert.Equal(LocationSource.Seed, Catalog.SourceOf(seed.Locode));
        }
        // The file calls CNSHA "Shanghai Hongqiao International Apt" at the city centre: the seed wins.
        Assert.Equal("Shanghai", Catalog.Find("CNSHA")!.Name);
    }

    [Fact]
    public void Imports_an_official_port_with_its_name_and_kinds()
    {
        var cuxhaven = Catalog.Find("DECUX");
        Assert.NotNull(cuxhaven);
        Assert.Equal("Cuxhaven", cuxhaven.Name);
        Assert.Equal("DE", cuxhaven.Country);
        Assert.True(cuxhaven.IsPort);
        Assert.Equal(LocationSource.UnLocode, Catalog.SourceOf("DECUX"));
    }

    [Fact]
    public void Names_damaged_by_the_packaging_use_the_name_without_diacritics()
    {
        // Written as "D\uFFFDsseldorf" in the name column; the nameWoDiacritics column says "Dusseldorf".
        Assert.Equal("Dusseldorf", Catalog.Find("DEDUS")!.Name);
        Assert.DoesNotContain(Catalog.All, l => l.Name.Contains('\uFFFD'));
    }

    [Fact]
    public void Rows_with_badly_quoted_comma_names_are_repaired()
    {
        var haicang = Catalog.Find("CNXMH"); // """Haicang"," Xiamen""" in the file
        Assert.NotNull(haicang);
        Assert.Equal("Haicang, Xiamen", haicang.Name);
        Assert.True(haicang.IsPort);
        Assert.Equal(LocationSource.UnLocodeGeocoded, Catalog.SourceOf("CNXMH"));
    }

    [Fact]
    public void Kinds_come_from_the_function_column()
    {
        Assert.Equal([LocationKinds.Airport], Catalog.Find("USJFK") is { } jfk ? jfk.Kinds : []); // seeded, airport only
        var frankfurtOder = Catalog.Find("DEFFO")!;                                                   // 123----- : port
        Assert.Equal([LocationKinds.Port], frankfurtOder.Kinds);
        var brussels = Catalog.Find("BEBRU")!;                                                        // 1234---- : port + airport
        Assert.Equal([LocationKinds.Port, LocationKinds.Airport], brussels.Kinds);
        var andorra = Catalog.Find("ADALV")!;                                                         // --34-6-- : airport + inland
        Assert.Equal([LocationKinds.Airport, LocationKinds.Inland], andorra.Kinds);
    }

    [Fact]
    public void Skipped_rows_are_not_in_the_catalog()
    {
        Assert.Null(Catalog.Find("PHMNS"));  // Manila South Harbour: no coordinates
        Assert.Null(Catalog.Find("ATMLD"));  // Mollersdorf: geocoded and inland only
    }

    [Fact]
    public void A_duplicated_code_keeps_its_first_row()
    {
        Assert.Equal("Brussel (Bruxelles)", Catalog.Find("BEBRU")!.Name);
    }

    [Fact]
    public void Search_still_ranks_seeded_ports_first_among_imported_places()
    {
        var clock = Stopwatch.StartNew();
        var hits = Catalog.Search("shang");
        output.WriteLine($"Search over {Catalog.Count} entries took {clock.Elapsed.TotalMilliseconds:0.0} ms (not asserted)");
        Assert.Equal("CNSHA", hits[0].Locode);
        Assert.True(hits.Count > 5); // Shangqiu, Shangrao, ... from the import follow

        Assert.Equal("NLRTM", Catalog.Search("rotterdam")[0].Locode);
        Assert.Equal("SEGOT", Catalog.Search("Gothenburg")[0].Locode);
        Assert.Equal("DEDUS", Catalog.Search("Düsseldorf")[0].Locode); // imported as "Dusseldorf"
        Assert.Equal("CNPVG", Catalog.Search("pudong", kind: LocationKinds.Airport)[0].Locode);
    }

    [Fact]
    public void Re_importing_replaces_imported_entries_without_growing_the_catalog()
    {
        var catalog = LocationCatalog.CreateSeeded();
        var path = TestData.File("un-locode-geoapify", "code-list-coordinates.csv");
        var first = catalog.ImportUnLocode(path);
        int count = catalog.Count;
        var second = catalog.ImportUnLocode(path);
        Assert.Equal(count, catalog.Count);
        Assert.Equal(first.Loaded, second.Loaded);
        Assert.Equal("Shanghai", catalog.Find("CNSHA")!.Name);
    }
}
