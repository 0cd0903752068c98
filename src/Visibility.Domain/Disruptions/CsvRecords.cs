using System.Text;

namespace Visibility.Domain.Disruptions;

/// <summary>RFC 4180 records: commas between fields, double quotes around a field that holds commas, quotes ("") or line breaks.</summary>
public static class CsvRecords
{
    public static IEnumerable<List<string>> Read(TextReader reader)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        bool quoted = false, any = false;
        int c;
        while ((c = reader.Read()) >= 0)
        {
            char ch = (char)c;
            any = true;
            if (quoted)
            {
                if (ch != '"') { field.Append(ch); continue; }
                if (reader.Peek() == '"') { reader.Read(); field.Append('"'); continue; }
                quoted = false;
                continue;
            }
            switch (ch)
            {
                case '"' when field.Length == 0: quoted = true; break;
                case ',': fields.Add(field.ToString()); field.Clear(); break;
                case '\r': break;
                case '\n':
                    fields.Add(field.ToString());
                    field.Clear();
                    yield return fields;
                    fields = [];
                    any = false;
                    break;
                default: field.Append(ch); break;
            }
        }
        if (any)
        {
            fields.Add(field.ToString());
            yield return fields;
        }
    }
}
