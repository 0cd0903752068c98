namespace Visibility.Domain.Inventory;

/// <summary>
/// Harmonized System codes as clients write them ("8542.31", "8542.31.0001", "854231") reduced to digits only, so the
/// same part is always filed under one spelling (tariff look-ups compare digit strings).
/// </summary>
public static class HsCodes
{
    public const int MinDigits = 6;   // the international HS subheading
    public const int MaxDigits = 10;  // national extensions (e.g. US HTS 10-digit statistical suffix)
    private const int MaxInputLength = 20;

    /// <summary>Digits and dots only, starting and ending with a digit, 6–10 digits in all; on success the digits alone.</summary>
    public static bool TryNormalize(string? value, out string digits, out string why)
    {
        digits = "";
        if (string.IsNullOrEmpty(value)) { why = "is required"; return false; }
        if (value.Length > MaxInputLength) { why = $"must be at most {MaxInputLength} characters"; return false; }
        if (!char.IsAsciiDigit(value[0]) || !char.IsAsciiDigit(value[^1])) { why = "must start and end with a digit"; return false; }
        Span<char> buffer = stackalloc char[MaxInputLength];
        int count = 0;
        foreach (char c in value)
        {
            if (c == '.') continue;
            if (!char.IsAsciiDigit(c)) { why = "must contain only digits and dots"; return false; }
            buffer[count++] = c;
        }
        if (count is < MinDigits or > MaxDigits) { why = $"must have {MinDigits} to {MaxDigits} digits"; return false; }
        digits = new string(buffer[..count]);
        why = "";
        return true;
    }
}
