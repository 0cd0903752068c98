namespace Visibility.Domain.Sourcing;

/// <summary>
/// The main container port of each country the China+1 trade uses: where a supplier country's goods are taken to sea
/// and where a factory country's imports land, for lead-time comparisons between sourcing countries. A country not in
/// this table is unknown to the what-if.
/// </summary>
public static class GatewayPorts
{
    private static readonly Dictionary<string, string> ByCountry = new(StringComparer.Ordinal)
    {
        ["CN"] = "CNSHA", ["HK"] = "HKHKG", ["TW"] = "TWKHH", ["KR"] = "KRPUS", ["JP"] = "JPYOK", ["SG"] = "SGSIN",
        ["MY"] = "MYPKG", ["TH"] = "THLCH", ["VN"] = "VNSGN", ["ID"] = "IDJKT", ["PH"] = "PHMNL", ["IN"] = "INNSA",
        ["LK"] = "LKCMB", ["AE"] = "AEJEA", ["SA"] = "SAJED", ["EG"] = "EGPSD", ["TR"] = "TRAMR", ["GR"] = "GRPIR",
        ["ES"] = "ESVLC", ["IT"] = "ITGOA", ["NL"] = "NLRTM", ["BE"] = "BEANR", ["DE"] = "DEHAM", ["GB"] = "GBFXT",
        ["FR"] = "FRLEH", ["PL"] = "PLGDN", ["SE"] = "SEGOT", ["MA"] = "MAPTM", ["MX"] = "MXZLO", ["US"] = "USLAX",
        ["CA"] = "CAVAN", ["BR"] = "BRSSZ", ["PA"] = "PABLB", ["ZA"] = "ZADUR", ["AU"] = "AUSYD",
    };

    public static string? For(string country) => ByCountry.GetValueOrDefault(country.ToUpperInvariant());

    public static bool IsKnown(string country) => ByCountry.ContainsKey(country.ToUpperInvariant());
}
