namespace Visibility.Domain.Suppliers;

public enum SiteStatus { Operating = 0, Reduced = 1, Halted = 2 }

public static class SiteStatusNames
{
    public static string ToApi(this SiteStatus status) => status switch
    {
        SiteStatus.Operating => "operating",
        SiteStatus.Reduced => "reduced",
        _ => "halted",
    };

    public static bool TryParse(string? value, out SiteStatus status)
    {
        switch (value)
        {
            case "operating": status = SiteStatus.Operating; return true;
            case "reduced": status = SiteStatus.Reduced; return true;
            case "halted": status = SiteStatus.Halted; return true;
            default: status = default; return false;
        }
    }
}

/// <summary>What a supplier posted about one of its sites (kept as a history).</summary>
[GenerateSerializer, Immutable]
public sealed record SiteStatusReport(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string SiteId,
    [property: Id(2)] SiteStatus Status,
    [property: Id(3)] double CapacityPct,
    [property: Id(4)] DateTimeOffset? ExpectedRecovery,
    [property: Id(5)] string? Note);
