namespace Visibility.Domain.Locations;

/// <summary>
/// Splits one line of RFC 4180 CSV: fields separated by commas, a field in double quotes may hold
/// commas, and a doubled quote inside quotes is a literal quote. Line breaks inside quoted fields are
/// not supported (the reference files we read have none).
/// </summary>
public static class CsvLine
{
    /// <summary>Splits <paramref name="line"/> into <paramref name="fields"/> (cleared first).</summary>
    public static void Split(ReadOnlySpan<char> line, List<string> fields)
    {
        fields.Clear();
        var quoted = new System.Text.StringBuilder();
        int i = 0;
        while (true)
        {
            if (i < line.Length && line[i] == '"')
            {
                // Quoted field: read up to the closing quote, turning "" into ".
                quoted.Clear();
                i++;
                while (i < line.Length)
                {
                    if (line[i] != '"') { quoted.Append(line[i++]); continue; }
                    if (i + 1 < line.Length && line[i + 1] == '"') { quoted.Append('"'); i += 2; continue; }
                    i++; // closing quote
                    break;
                }
                // Anything between the closing quote and the next comma is kept, as lenient readers do.
                int tail = line[i..].IndexOf(',');
                int tailEnd = tail < 0 ? line.Length : i + tail;
                quoted.Append(line[i..tailEnd]);
                fields.Add(quoted.ToString());
                i = tailEnd;
            }
            else
            {
                int comma = line[i..].IndexOf(',');
                int end = comma < 0 ? line.Length : i + comma;
                fields.Add(line[i..end].ToString());
                i = end;
            }

            if (i >= line.Length) return;
            i++; // skip the comma
            if (i == line.Length) { fields.Add(""); return; } // trailing comma = empty last field
        }
    }

    public static List<string> Split(string line)
    {
        var fields = new List<string>();
        Split(line.AsSpan(), fields);
        return fields;
    }
}
