namespace Visibility.Domain.Inventory;

/// <summary>Where the net flow position sits in the buffer: the planning signal.</summary>
public enum BufferZone { Red = 0, Yellow = 1, Green = 2 }

/// <summary>
/// Where on-hand stock sits against the buffer: the execution signal (is the line about to stop?).
/// Stockout: on hand ≤ 0; Red: ≤ TOR; Yellow: ≤ TOY; Green: ≤ TOG; Over: above TOG (excess stock).
/// </summary>
public enum ExecutionZone { Stockout = 0, Red = 1, Yellow = 2, Green = 3, Over = 4 }

public static class ZoneNames
{
    public static string ToApi(this BufferZone zone) => zone switch
    {
        BufferZone.Red => "red",
        BufferZone.Yellow => "yellow",
        _ => "green",
    };

    public static string ToApi(this ExecutionZone zone) => zone switch
    {
        ExecutionZone.Stockout => "stockout",
        ExecutionZone.Red => "red",
        ExecutionZone.Yellow => "yellow",
        ExecutionZone.Green => "green",
        _ => "over",
    };
}
