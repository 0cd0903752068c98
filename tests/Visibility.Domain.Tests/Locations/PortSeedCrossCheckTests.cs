using System.Globalization;
using Visibility.Domain.Geo;
using Visibility.Domain.Locations;

namespace Visibility.Domain.Tests.Locations;

/// <summary>
/// Compares every seeded point with the UN/LOCODE row of the same code. A difference above
/// <see cref="ThresholdKm"/> must be a deliberate correction with its reason in <see cref="Explained"/>;
/// anything else fails, and so does an explanation that no longer matches a difference.
/// </summary>
public class PortSeedCrossCheckTests(ITestOutputHelper output)
{
    private const double ThresholdKm = 25;

    private static readonly Dictionary<string, string> Explained = new()
    {
        // Geocoded rows (geocoded=true) that point somewhere else entirely.
        ["CNSZX"] = "UN/LOCODE row is Bao'an airport geocoded to Xinjiang (37.8 N 75.2 E); seed is Shekou/Chiwan, Shenzhen",
        ["CNTAO"] = "UN/LOCODE row is Jiaodong airport geocoded to Sichuan; seed is Qianwan terminal, Qingdao",
        ["CNTSN"] = "UN/LOCODE row is Binhai airport geocoded to Ningxia; seed is Xingang terminals, Tianjin",
        ["CNCGO"] = "UN/LOCODE row geocoded to Guangxi; seed is Zhengzhou Xinzheng airport (OpenFlights CGO)",
        ["CNCTU"] = "UN/LOCODE row geocoded ~170 km west of Chengdu; seed is Shuangliu airport (OpenFlights CTU)",
        ["PAMIT"] = "UN/LOCODE row geocoded to a namesake Manzanillo in western Panama; seed is MIT terminal at Colon",
        // An official UNECE point that is wrong.
        ["CNYTN"] = "official UN/LOCODE point is in Fujian (26.85 N 119.87 E); Yantian port is in Shenzhen (WPI agrees)",
        // UN/LOCODE gives the city (or, for these Chinese codes, the airport); the seed gives the terminal.
        ["CNPVG"] = "UN/LOCODE row is geocoded to Shanghai city centre; seed is Pudong airport (OpenFlights PVG)",
        ["CNNGB"] = "UN/LOCODE row is Lishe airport; seed is Beilun container terminals (UN/LOCODE CNBEI agrees, 2 km)",
        ["CNDLC"] = "UN/LOCODE row is Zhoushuizi airport; seed is Dayaowan container terminal, ~30 km north-east",
        ["NLRTM"] = "UN/LOCODE point is Rotterdam city; container terminals are at Maasvlakte, ~31 km west",
        ["MAPTM"] = "UN/LOCODE row is geocoded to Tangier city; Tanger Med port is ~30 km east",
        ["USLAX"] = "UN/LOCODE row is geocoded to downtown Los Angeles; seed is the San Pedro Bay terminals (USACE agrees, 1 km)",
        ["USHOU"] = "UN/LOCODE point is downtown Houston; seed is Barbours Cut container terminal on Galveston Bay",
        ["MYKUL"] = "UN/LOCODE row is Kuala Lumpur city; KUL airport is at Sepang (OpenFlights KUL)",
        ["INBLR"] = "UN/LOCODE point is Bengaluru city; Kempegowda airport is ~27 km north (OpenFlights BLR)",
    };

    private static Dictionary<string, UnLocodeRow> ReadUnLocodeRows()
    {
        var rows = new Dictionary<string, UnLocodeRow>();
        var fields = new List<string>();
        foreach (var line in File.ReadLines(TestData.File("un-locode-geoapify", "code-list-coordinates.csv")).Skip(1))
        {
            CsvLine.Split(line, fields);
            var row = UnLocodeRow.TryParse(fields, out _);
            if (row != null) rows.TryAdd(row.Locode, row);
        }
        return rows;
    }

    [Fact]
    public void Every_seeded_point_agrees_with_UN_LOCODE_or_the_difference_is_explained()
    {
        var rows = ReadUnLocodeRows();
        var unexplained = new List<string>();
        var differing = new HashSet<string>();

        foreach (var seed in PortSeed.Entries)
        {
            Assert.True(rows.TryGetValue(seed.Locode, out var row), $"{seed.Locode} is not in UN/LOCODE");
            if (!row.HasValidCoordinates)
            {
                output.WriteLine($"{seed.Locode}: UN/LOCODE has no point; seed only ({seed.Lat}, {seed.Lon})");
                continue;
            }
            double km = GeoMath.HaversineKm(seed.Lat, seed.Lon, row.Lat!.Value, row.Lon!.Value);
            if (km <= ThresholdKm) continue;

            differing.Add(seed.Locode);
            var line = string.Create(CultureInfo.InvariantCulture,
                $"{seed.Locode} {seed.Name}: {km:0} km from UN/LOCODE \"{row.Name}\" ({row.Lat:0.###}, {row.Lon:0.###}){(row.Geocoded ? " [geocoded]" : "")}");
            output.WriteLine(line + (Explained.TryGetValue(seed.Locode, out var why) ? " — " + why : " — UNEXPLAINED"));
            if (why is null) unexplained.Add(line);
        }

        Assert.True(unexplained.Count == 0, "Unexplained differences:\n" + string.Join("\n", unexplained));
        var stale = Explained.Keys.Where(k => !differing.Contains(k)).ToList();
        Assert.True(stale.Count == 0, "Explanations without a difference (remove them): " + string.Join(", ", stale));
    }

    [Fact]
    public void Seeded_US_ports_are_within_a_few_km_of_the_USACE_principal_port_points()
    {
        // USACE principal ports (us-ports/USACE_Principal_Ports.csv): LATITUDE1, LONGITUDE1, PORT_NAME.
        var usace = File.ReadLines(TestData.File("us-ports", "USACE_Principal_Ports.csv")).Skip(1)
            .Select(CsvLine.Split)
            .Select(f => (Name: f[4], Lat: double.Parse(f[11], CultureInfo.InvariantCulture), Lon: double.Parse(f[12], CultureInfo.InvariantCulture)))
            .ToList();
        var pairs = new (string Locode, string UsaceName, double ToleranceKm)[]
        {
            ("USLAX", "Port of Los Angeles, CA", 5), ("USLGB", "Port of Long Beach, CA", 5),
            ("USOAK", "Port of Oakland, CA", 5), ("USSEA", "Seattle, WA", 5), ("USTIW", "Tacoma, WA", 5),
            ("USSAV", "Port of Savannah, GA", 8), ("USCHS", "Port of Charleston, SC", 8),
            ("USBAL", "Baltimore, MD", 5), ("USMIA", "PortMiami, FL", 5), ("USNYC", "New York, NY & NJ", 12),
        };
        foreach (var (locode, name, tolerance) in pairs)
        {
            var seed = PortSeed.Entries.Single(l => l.Locode == locode);
            var port = usace.Single(p => p.Name == name);
            var km = GeoMath.HaversineKm(seed.Lat, seed.Lon, port.Lat, port.Lon);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{locode} vs USACE {name}: {km:0.0} km"));
            Assert.InRange(km, 0, tolerance);
        }
    }

    [Fact]
    public void Seeded_airport_only_entries_are_within_3_km_of_the_OpenFlights_airport()
    {
        // airports.dat: id, name, city, country, IATA, ICAO, lat, lon, ...
        var airports = File.ReadLines(TestData.File("openflights", "airports.dat"))
            .Select(CsvLine.Split)
            .Where(f => f[4].Length == 3)
            .Select(f => (Lat: double.Parse(f[6], CultureInfo.InvariantCulture), Lon: double.Parse(f[7], CultureInfo.InvariantCulture)))
            .ToList();
        foreach (var seed in PortSeed.Entries.Where(l => l.Kinds[0] == LocationKinds.Airport))
        {
            var nearest = airports.Min(a => GeoMath.HaversineKm(seed.Lat, seed.Lon, a.Lat, a.Lon));
            Assert.True(nearest <= 3, $"{seed.Locode} {seed.Name} is {nearest:0.0} km from the nearest airport");
        }
    }
}
