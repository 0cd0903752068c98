namespace Visibility.Domain.Tariffs;

/// <summary>HTS/HS codes as typed by people: "8542.31", "854231", "8542.31.00", "8542310000". Digits only, 6, 8 or 10 of them.</summary>
public static class HtsCode
{
    public static bool TryNormalise(string? code, out string digits)
    {
        digits = "";
        if (string.IsNullOrWhiteSpace(code) || code.Length > 16) return false;
        var chars = new System.Text.StringBuilder(10);
        foreach (char c in code.Trim())
        {
            if (char.IsAsciiDigit(c)) chars.Append(c);
            else if (c is not ('.' or ' ')) return false;
        }
        if (chars.Length is not (6 or 8 or 10)) return false;
        digits = chars.ToString();
        return true;
    }

    public static string Dotted(string digits) => digits.Length switch
    {
        6 => $"{digits[..4]}.{digits[4..6]}",
        8 => $"{digits[..4]}.{digits[4..6]}.{digits[6..8]}",
        _ => $"{digits[..4]}.{digits[4..6]}.{digits[6..8]}.{digits[8..]}",
    };
}
