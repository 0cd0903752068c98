using System.Globalization;

namespace Visibility.Domain.Validation;

/// <summary>RFC 3339 date-times: ISO 8601 with a mandatory 'Z' or numeric offset (a bare local time is ambiguous).</summary>
public static class Rfc3339
{
    public static bool TryParse(string value, out DateTimeOffset result)
    {
        result = default;
        int t = value.IndexOfAny(['T', 't', ' ']);
        if (t < 10 || value.Length < 20) return false;
        bool hasZone = value.EndsWith('Z') || value.EndsWith('z') || value.IndexOfAny(['+', '-'], t) > 0;
        return hasZone && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out result);
    }
}
