using System.Globalization;
using System.Text;

namespace Visibility.Domain.Locations;

/// <summary>
/// Folds text for matching: lower case, accents removed ("Lázaro Cárdenas" → "lazaro cardenas",
/// "Göteborg" → "goteborg"), a few letters that do not decompose spelled out (ø, ß, æ, ł, đ, ı),
/// and any run of punctuation or spaces collapsed to one space.
/// </summary>
public static class SearchText
{
    public static string Fold(string text)
    {
        // Most names are plain ASCII; only the others pay for Unicode decomposition.
        var source = System.Text.Ascii.IsValid(text) ? text : text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(source.Length);
        bool pendingSpace = false;
        foreach (var c in source)
        {
            if (c > 127 && CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsLetterOrDigit(c))
            {
                if (pendingSpace && sb.Length > 0) sb.Append(' ');
                pendingSpace = false;
                AppendFolded(sb, char.ToLowerInvariant(c));
            }
            else pendingSpace = true;
        }
        return sb.ToString();
    }

    private static void AppendFolded(StringBuilder sb, char c)
    {
        switch (c)
        {
            case 'ø': sb.Append('o'); break;
            case 'ß': sb.Append("ss"); break;
            case 'æ': sb.Append("ae"); break;
            case 'œ': sb.Append("oe"); break;
            case 'ł': sb.Append('l'); break;
            case 'đ': sb.Append('d'); break;
            case 'ı': sb.Append('i'); break;
            default: sb.Append(c); break;
        }
    }
}
