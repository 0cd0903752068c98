namespace Visibility.Domain.Validation;

/// <summary>Rules for identifiers and free text that arrive from outside.</summary>
public static class TextRules
{
    /// <summary>An id is 1..max characters, no control characters and no leading/trailing white space.</summary>
    public static bool IsValidId(string value, int maxLength, out string why)
    {
        if (value.Length == 0) { why = "must not be empty"; return false; }
        if (value.Length > maxLength) { why = $"must be at most {maxLength} characters"; return false; }
        if (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1])) { why = "must not start or end with white space"; return false; }
        foreach (char c in value)
            if (char.IsControl(c)) { why = "must not contain control characters"; return false; }
        why = "";
        return true;
    }

    /// <summary>Free text (a reference, a note): bounded, no control characters except tab/newline.</summary>
    public static bool IsValidText(string value, int maxLength, out string why)
    {
        if (value.Length > maxLength) { why = $"must be at most {maxLength} characters"; return false; }
        foreach (char c in value)
            if (char.IsControl(c) && c is not ('\n' or '\r' or '\t')) { why = "must not contain control characters"; return false; }
        why = "";
        return true;
    }
}
