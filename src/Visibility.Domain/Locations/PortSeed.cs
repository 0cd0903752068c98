namespace Visibility.Domain.Locations;

/// <summary>
/// The product's own curated seed: the ports, cargo airports and factory cities that matter for
/// "China+1" electronics supply chains (China, Taiwan, Korea, Japan, ASEAN, India, Mexico, and the
/// gateways to the US and Europe). The full UN/LOCODE list is imported on top of it, but never
/// overrides these entries: UN/LOCODE points are often a city centre, and sometimes plainly wrong.
/// </summary>
/// <remarks>
/// Coordinates. A port's point is its main container terminal (on the water, right to a few km),
/// because routes start and end there; an airport's point is the runway area; an inland city's point
/// is the city or its industrial zone. Each point was set from the terminal's known position and
/// checked against a second source:
/// <list type="bullet">
/// <item>UN/LOCODE (UNECE 2024-1 via github.com/geoapify/un-locode) — the unit test
///   <c>PortSeedCrossCheckTests</c> lists every entry more than 25 km from the UN/LOCODE point, and
///   each such difference carries a written reason in that test's allow-list;</item>
/// <item>USACE principal ports (US ports) and OpenFlights airports.dat (airports).</item>
/// </list>
/// Codes. Every code exists in that UN/LOCODE edition (the test checks it). Where the file's row for a
/// code describes something else (there CNSHA is "Shanghai Hongqiao International Apt" at the city
/// centre), the seed's name, point and kinds win. Where one code serves both the port and a nearby
/// airport (HKHKG, SGSIN, USLAX...), the entry carries both kinds and the point is the port's; where
/// the airport has its own code (CNPVG, KRICN, JPNRT, USORD...), it is a separate entry.
/// </remarks>
public static class PortSeed
{
    private const string P = LocationKinds.Port;
    private const string A = LocationKinds.Airport;
    private const string I = LocationKinds.Inland;

    /// <summary>The seeded entries, in the order of the table below (grouped by region).</summary>
    public static IReadOnlyList<Location> Entries { get; } = Build();

    private static Location Row(string locode, string name, double lat, double lon, params string[] kinds) =>
        new(locode, name, locode[..2], lat, lon, kinds);

    private static Location[] Build() =>
    [
        //  LOCODE   Name                              Lat        Lon       Kinds     Point
        // ---- China ----
        Row("CNSHA", "Shanghai",                     31.358,   121.602,  P),     // Waigaoqiao container terminals
        Row("CNPVG", "Shanghai Pudong Airport",      31.143,   121.805,  A),
        Row("CNNGB", "Ningbo",                       29.935,   121.860,  P),     // Beilun terminals (Ningbo-Zhoushan)
        Row("CNSZX", "Shenzhen",                     22.475,   113.895,  P, A),  // Shekou/Chiwan; Bao'an airport ~19 km
        Row("CNYTN", "Yantian (Shenzhen)",           22.573,   114.272,  P),     // Yantian International Container Terminals
        Row("CNCAN", "Guangzhou",                    23.090,   113.450,  P, A),  // Huangpu port; Baiyun airport ~35 km
        Row("CNNSA", "Nansha (Guangzhou)",           22.660,   113.675,  P),     // Nansha container terminals
        Row("CNTAO", "Qingdao",                      36.010,   120.200,  P),     // Qianwan container terminal
        Row("CNTSN", "Tianjin",                      38.985,   117.765,  P),     // Xingang terminals (city code)
        Row("CNTXG", "Tianjin Xingang",              38.985,   117.765,  P),
        Row("CNXMN", "Xiamen",                       24.495,   118.075,  P, A),  // Dongdu/Xiangyu; Gaoqi airport ~6 km
        Row("CNDLC", "Dalian",                       39.030,   121.880,  P),     // Dayaowan container terminal
        Row("HKHKG", "Hong Kong",                    22.345,   114.120,  P, A),  // Kwai Tsing terminals; HKG ~21 km
        Row("CNPEK", "Beijing Capital Airport",      40.080,   116.585,  A),
        Row("CNCGO", "Zhengzhou Xinzheng Airport",   34.520,   113.841,  A, I),  // air-freight hub beside the iPhone plants
        Row("CNSZH", "Suzhou",                       31.305,   120.680,  I),     // Suzhou Industrial Park
        Row("CNDGG", "Dongguan",                     23.020,   113.750,  I),
        Row("CNCTU", "Chengdu Shuangliu Airport",    30.578,   103.947,  A),
        Row("CNCDU", "Chengdu",                      30.580,   104.060,  I),     // Hi-tech zone
        Row("CNWXS", "Wuxi",                         31.520,   120.360,  I),     // Wuxi New District
        // ---- Taiwan ----
        Row("TWKHH", "Kaohsiung",                    22.570,   120.310,  P, A),  // container terminals 4-6; KHH ~5 km
        Row("TWKEL", "Keelung",                      25.140,   121.740,  P),
        Row("TWTPE", "Taipei",                       25.155,   121.385,  P),     // Port of Taipei (Bali)
        Row("TWTYN", "Taoyuan (Taipei Airport)",     25.078,   121.233,  A),     // TPE
        Row("TWTXG", "Taichung",                     24.270,   120.510,  P),     // Taichung harbour
        Row("TWHSZ", "Hsinchu",                      24.780,   121.000,  I),     // Hsinchu Science Park
        // ---- Korea ----
        Row("KRPUS", "Busan",                        35.100,   129.070,  P),     // North Port (Gamman/Shinsundae)
        Row("KRINC", "Incheon",                      37.460,   126.610,  P),     // Incheon inner harbour
        Row("KRICN", "Incheon Airport",              37.463,   126.445,  A),     // ICN
        Row("KRKAN", "Gwangyang",                    34.900,   127.690,  P),
        Row("KRSEL", "Seoul",                        37.550,   126.990,  I),
        Row("KRKUM", "Gumi (Kumi)",                  36.120,   128.340,  I),     // Gumi electronics complex
        // ---- Japan ----
        Row("JPTYO", "Tokyo",                        35.600,   139.765,  P),     // Oi container terminal
        Row("JPNRT", "Tokyo Narita Airport",         35.772,   140.393,  A),
        Row("JPYOK", "Yokohama",                     35.425,   139.675,  P),     // Honmoku pier
        Row("JPUKB", "Kobe",                         34.665,   135.215,  P),     // Port Island
        Row("JPNGO", "Nagoya",                       35.040,   136.840,  P, A),  // Tobishima; Chubu airport (NGO) ~20 km
        Row("JPOSA", "Osaka",                        34.635,   135.410,  P),     // Nanko / Yumeshima terminals
        Row("JPKIX", "Osaka Kansai Airport",         34.434,   135.240,  A),
        // ---- ASEAN ----
        Row("SGSIN", "Singapore",                     1.275,   103.775,  P, A),  // Pasir Panjang; Changi ~25 km
        Row("MYPKG", "Port Klang",                    2.970,   101.320,  P),     // Westports
        Row("MYPEN", "Penang",                        5.415,   100.355,  P, A, I), // Butterworth terminal; PEN ~14 km
        Row("MYTPP", "Tanjung Pelepas",               1.362,   103.550,  P),
        Row("MYKUL", "Kuala Lumpur Airport",          2.746,   101.710,  A),     // KUL (Sepang)
        Row("MYKLM", "Kulim",                         5.410,   100.570,  I),     // Kulim Hi-Tech Park
        Row("THLCH", "Laem Chabang",                 13.075,   100.885,  P),
        Row("THBKK", "Bangkok",                      13.700,   100.565,  P, A),  // Khlong Toei port; Suvarnabhumi ~20 km
        Row("THAYU", "Ayutthaya",                    14.350,   100.580,  I),
        Row("THRYG", "Rayong",                       12.680,   101.270,  I),
        Row("VNSGN", "Ho Chi Minh City (Cat Lai)",   10.758,   106.790,  P, A),  // Cat Lai terminal; Tan Son Nhat ~15 km
        Row("VNCMT", "Cai Mep",                      10.540,   107.025,  P),     // Cai Mep - Thi Vai terminals
        Row("VNHPH", "Haiphong",                     20.850,   106.740,  P),     // Dinh Vu / Chua Ve
        Row("VNDAD", "Da Nang",                      16.120,   108.215,  P, A),  // Tien Sa port; airport ~9 km
        Row("VNHAN", "Hanoi",                        21.221,   105.807,  A, I),  // Noi Bai airport
        Row("VNBNH", "Bac Ninh",                     21.180,   106.050,  I),
        Row("VNBDG", "Binh Duong",                   10.930,   106.710,  I),     // VSIP industrial park
        Row("IDJKT", "Jakarta (Tanjung Priok)",      -6.100,   106.890,  P),
        Row("IDCGK", "Jakarta Soekarno-Hatta Airport", -6.126, 106.656,  A),
        Row("IDSUB", "Surabaya",                     -7.200,   112.725,  P, A),  // Tanjung Perak; Juanda airport ~20 km
        Row("IDBTM", "Batam",                         1.165,   103.995,  P),     // Batu Ampar
        Row("PHMNL", "Manila",                       14.610,   120.955,  P, A),  // MICT; NAIA ~13 km
        // ---- South Asia ----
        Row("INNSA", "Nhava Sheva (JNPT)",           18.950,    72.950,  P),
        Row("INMUN", "Mundra",                       22.740,    69.700,  P),
        Row("INMAA", "Chennai",                      13.095,    80.295,  P, A),  // Chennai port; MAA ~18 km
        Row("INDEL", "Delhi",                        28.556,    77.100,  A),     // Indira Gandhi airport
        Row("INBLR", "Bengaluru",                    13.198,    77.706,  A, I),  // Kempegowda airport
        Row("LKCMB", "Colombo",                       6.945,    79.845,  P),
        // ---- Middle East ----
        Row("AEJEA", "Jebel Ali",                    25.010,    55.060,  P),
        Row("AEDXB", "Dubai",                        25.253,    55.364,  A),     // DXB
        Row("OMSLL", "Salalah",                      16.940,    54.000,  P),     // Port of Salalah (Raysut)
        Row("SAJED", "Jeddah",                       21.470,    39.155,  P),     // Jeddah Islamic Port
        Row("SADMM", "Dammam",                       26.500,    50.200,  P),     // King Abdulaziz Port
        Row("QADOH", "Doha",                         25.273,    51.608,  A),     // Hamad airport
        // ---- Mediterranean ----
        Row("EGPSD", "Port Said",                    31.255,    32.305,  P),
        Row("GRPIR", "Piraeus",                      37.945,    23.585,  P),     // Piraeus container terminal
        Row("ESVLC", "Valencia",                     39.445,    -0.320,  P),
        Row("ESALG", "Algeciras",                    36.130,    -5.435,  P),
        Row("ESBCN", "Barcelona",                    41.345,     2.160,  P, A),  // BCN airport ~8 km
        Row("ITGOA", "Genoa",                        44.405,     8.900,  P),     // Sampierdarena
        Row("ITSPE", "La Spezia",                    44.100,     9.840,  P),
        Row("ITGIT", "Gioia Tauro",                  38.445,    15.900,  P),
        Row("MAPTM", "Tanger Med",                   35.885,    -5.500,  P),
        Row("MTMAR", "Marsaxlokk (Malta Freeport)",  35.820,    14.540,  P),
        Row("TRAMR", "Ambarli (Istanbul)",           40.965,    28.680,  P),
        Row("TRISL", "Istanbul Airport",             41.262,    28.742,  A),
        // ---- North Europe ----
        Row("NLRTM", "Rotterdam",                    51.955,     4.050,  P),     // Maasvlakte terminals
        Row("NLAMS", "Amsterdam",                    52.310,     4.765,  A),     // Schiphol
        Row("BEANR", "Antwerp",                      51.280,     4.290,  P),     // Deurganck / Delwaide docks
        Row("BELGG", "Liege",                        50.637,     5.443,  A),
        Row("DEHAM", "Hamburg",                      53.525,     9.930,  P, A),  // Burchardkai/Waltershof; HAM ~13 km
        Row("DEBRV", "Bremerhaven",                  53.585,     8.540,  P),
        Row("DEFRA", "Frankfurt",                    50.033,     8.570,  A),
        Row("DELEJ", "Leipzig",                      51.432,    12.242,  A),     // Leipzig/Halle airport
        Row("GBFXT", "Felixstowe",                   51.955,     1.310,  P),
        Row("GBLGP", "London Gateway",               51.505,     0.470,  P),
        Row("GBSOU", "Southampton",                  50.915,    -1.440,  P),
        Row("GBLHR", "London Heathrow Airport",      51.470,    -0.454,  A),
        Row("FRLEH", "Le Havre",                     49.465,     0.170,  P),     // Port 2000
        Row("FRCDG", "Paris Charles de Gaulle Airport", 49.010,  2.548,  A),
        Row("PLGDN", "Gdansk",                       54.395,    18.715,  P),     // Baltic Hub (DCT)
        Row("SEGOT", "Gothenburg",                   57.690,    11.840,  P),     // Skandia terminal
        // ---- Mexico ----
        Row("MXZLO", "Manzanillo",                   19.065,  -104.295,  P),
        Row("MXLZC", "Lazaro Cardenas",              17.940,  -102.175,  P),
        Row("MXVER", "Veracruz",                     19.210,   -96.130,  P),
        Row("MXATM", "Altamira",                     22.485,   -97.865,  P),
        Row("MXESE", "Ensenada",                     31.850,  -116.630,  P),
        Row("MXMTY", "Monterrey",                    25.680,  -100.310,  I, A),
        Row("MXGDL", "Guadalajara",                  20.660,  -103.350,  I, A),
        Row("MXTIJ", "Tijuana",                      32.520,  -116.990,  I),
        Row("MXCJS", "Ciudad Juarez",                31.690,  -106.420,  I),
        Row("MXNLD", "Nuevo Laredo",                 27.480,   -99.520,  I),     // main US-Mexico truck crossing
        Row("MXMEX", "Mexico City",                  19.436,   -99.072,  A, I),  // MEX airport
        // ---- United States ----
        Row("USLAX", "Los Angeles",                  33.735,  -118.265,  P, A),  // San Pedro Bay terminals; LAX ~25 km
        Row("USLGB", "Long Beach",                   33.750,  -118.215,  P),
        Row("USOAK", "Oakland",                      37.805,  -122.320,  P, A),  // Outer Harbor; OAK ~12 km
        Row("USSEA", "Seattle",                      47.585,  -122.355,  P, A),  // Harbor Island; SEA ~15 km
        Row("USTIW", "Tacoma",                       47.270,  -122.410,  P),
        Row("USNYC", "New York / Newark",            40.680,  -74.150,   P),     // Port Newark-Elizabeth
        Row("USJFK", "New York JFK Airport",         40.641,  -73.778,   A),
        Row("USSAV", "Savannah",                     32.125,  -81.140,   P),     // Garden City Terminal
        Row("USCHS", "Charleston",                   32.830,  -79.905,   P),     // Wando Welch terminal
        Row("USORF", "Norfolk",                      36.925,  -76.325,   P),     // Norfolk International Terminals
        Row("USBAL", "Baltimore",                    39.255,  -76.550,   P),     // Seagirt
        Row("USHOU", "Houston",                      29.680,  -95.000,   P),     // Barbours Cut
        Row("USMIA", "Miami",                        25.770,  -80.165,   P, A),  // PortMiami; MIA ~12 km
        Row("USANC", "Anchorage",                    61.174, -149.996,   A),
        Row("USMEM", "Memphis",                      35.042,  -89.977,   A),     // FedEx hub
        Row("USLUI", "Louisville",                   38.174,  -85.736,   A),     // SDF, UPS Worldport
        Row("USCVG", "Cincinnati",                   39.049,  -84.668,   A),     // CVG, DHL hub
        Row("USIND", "Indianapolis",                 39.717,  -86.294,   A),
        Row("USORD", "Chicago O'Hare Airport",       41.978,  -87.905,   A),
        Row("USDFW", "Dallas-Fort Worth Airport",    32.897,  -97.038,   A),
        Row("USATL", "Atlanta",                      33.637,  -84.428,   A),
        Row("USONT", "Ontario (California)",         34.056, -117.601,   A),
        Row("USAUS", "Austin",                       30.270,  -97.740,   I, A),  // city; AUS airport ~11 km SE
        Row("USPHX", "Phoenix",                      33.434, -112.012,   A, I),
        Row("USLRD", "Laredo",                       27.530,  -99.480,   I),
        Row("USELP", "El Paso",                      31.760, -106.470,   I),
        // ---- Canada ----
        Row("CAVAN", "Vancouver",                    49.290, -123.090,   P, A),  // Centerm/Vanterm; YVR ~15 km
        Row("CAPRR", "Prince Rupert",                54.295, -130.350,   P),     // Fairview terminal
        Row("CAMTR", "Montreal",                     45.560,  -73.520,   P),
        Row("CAHAL", "Halifax",                      44.635,  -63.565,   P),
        Row("CAYYZ", "Toronto Pearson Airport",      43.677,  -79.630,   A),
        // ---- Latin America ----
        Row("BRSSZ", "Santos",                      -23.955,  -46.310,   P),
        Row("BRRIO", "Rio de Janeiro",              -22.880,  -43.210,   P),
        Row("BRPNG", "Paranagua",                   -25.500,  -48.520,   P),
        Row("BRITJ", "Itajai",                      -26.900,  -48.660,   P),
        Row("BRMAO", "Manaus",                       -3.140,  -60.020,   P, A, I), // river port of the Manaus free zone
        Row("BRGRU", "Sao Paulo Guarulhos Airport", -23.432,  -46.469,   A),
        Row("BRVCP", "Campinas Viracopos Airport",  -23.007,  -47.134,   A),
        Row("PABLB", "Balboa",                        8.955,  -79.570,   P),
        Row("PAMIT", "Manzanillo (Colon)",            9.365,  -79.880,   P),     // Manzanillo International Terminal
        // ---- Africa and Oceania ----
        Row("ZADUR", "Durban",                      -29.875,   31.025,   P),
        Row("ZACPT", "Cape Town",                   -33.905,   18.440,   P),
        Row("ZAJNB", "Johannesburg",                -26.139,   28.246,   A),     // O. R. Tambo airport
        Row("AUSYD", "Sydney",                      -33.970,  151.220,   P, A),  // Port Botany; SYD ~5 km
        Row("AUMEL", "Melbourne",                   -37.810,  144.920,   P),     // Swanson Dock
        Row("AUBNE", "Brisbane",                    -27.385,  153.165,   P, A),  // Fisherman Islands; BNE ~6 km
    ];
}
