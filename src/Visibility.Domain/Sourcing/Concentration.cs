namespace Visibility.Domain.Sourcing;

/// <summary>
/// Herfindahl-Hirschman index over shares in percent (0–10,000): one source 10,000, two equal sources 5,000. Read with
/// the thresholds of the US horizontal merger guidelines (2010) that trade studies use: below 1,500 unconcentrated,
/// 1,500–2,500 moderately concentrated, above 2,500 highly concentrated.
/// </summary>
public static class Concentration
{
    public const double ModerateFrom = 1_500;
    public const double HighAbove = 2_500;

    /// <summary>HHI of volumes (any unit): each is turned into its share of the total first. Zero volumes count for nothing.</summary>
    public static double Hhi(IEnumerable<double> volumes)
    {
        var v = volumes.Where(x => x > 0).ToArray();
        double total = v.Sum();
        if (total <= 0) return 0;
        return v.Sum(x => Math.Pow(100 * x / total, 2));
    }

    public static string Reading(double hhi) => hhi > HighAbove ? "high" : hhi >= ModerateFrom ? "moderate" : "unconcentrated";
}
