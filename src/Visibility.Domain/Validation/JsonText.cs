using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace Visibility.Domain.Validation;

/// <summary>A string or property name of a JSON body that is not text: where it is ("$.cargo[0].note") and why.</summary>
public sealed record JsonTextProblem(string Path, string Reason);

/// <summary>
/// Checks that every string value and property name of a JSON document is text: valid UTF-8, and its \u escapes
/// decode to whole characters (a high surrogate escape followed by a low one; never one alone). Neither
/// <see cref="Utf8JsonReader"/> nor <see cref="JsonDocument"/> checks this while reading; they throw later, when the
/// string is read, with an exception that is not a <see cref="JsonException"/>. Run once over a body before any parser
/// sees it, this turns all such input into one field-level 400 instead of a 500 from wherever the string is read.
/// The happy path allocates nothing; the path is worked out (by a second walk) only when something is wrong.
/// </summary>
public static class JsonText
{
    public const int MaxDepth = 64;
    public const string NotText = "is not valid text: invalid UTF-8 bytes or an unpaired surrogate escape (\\uD800–\\uDFFF)";
    public const string NameNotText = "the property name is not valid text: invalid UTF-8 bytes or an unpaired surrogate escape (\\uD800–\\uDFFF)";

    /// <summary>
    /// The first string or property name that is not text, or null when there is none. A structural error (malformed
    /// JSON, deeper than <see cref="MaxDepth"/>) ends the check without a problem: the body's own parser reports it.
    /// </summary>
    public static JsonTextProblem? Check(ReadOnlySpan<byte> json)
    {
        long at = FindInvalid(json);
        return at < 0 ? null : Describe(json, at);
    }

    /// <summary>Whether the current string or property name token is text (valid UTF-8, surrogate escapes paired).</summary>
    public static bool IsText(ref Utf8JsonReader reader)
    {
        if (reader.HasValueSequence)
        {
            try { _ = reader.GetString(); return true; }
            catch (InvalidOperationException) { return false; }
        }
        if (!reader.ValueIsEscaped) return Utf8.IsValid(reader.ValueSpan);
        // Unescaping to UTF-16 checks both the escapes' surrogates and the bytes between them.
        int length = reader.ValueSpan.Length;
        char[]? rented = null;
        Span<char> buffer = length <= 256 ? stackalloc char[256] : (rented = ArrayPool<char>.Shared.Rent(length));
        try
        {
            reader.CopyString(buffer);
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
        finally
        {
            if (rented != null) ArrayPool<char>.Shared.Return(rented);
        }
    }

    /// <summary>A string token's value, or null (instead of an exception) when it is not text.</summary>
    public static string? GetStringOrNull(ref Utf8JsonReader reader)
    {
        try { return reader.GetString(); }
        catch (InvalidOperationException) { return null; }
    }

    /// <summary>The token start of the first bad string or name, or -1.</summary>
    private static long FindInvalid(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = MaxDepth });
        try
        {
            while (reader.Read())
                if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName && !IsText(ref reader))
                    return reader.TokenStartIndex;
        }
        catch (JsonException)
        {
        }
        return -1;
    }

    private sealed class Frame(bool isArray)
    {
        public bool IsArray { get; } = isArray;
        public int Index { get; set; } = -1;
        public string? Name { get; set; }
    }

    /// <summary>The slow path: walks again to the bad token, keeping the path.</summary>
    private static JsonTextProblem Describe(ReadOnlySpan<byte> json, long at)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = MaxDepth });
        var stack = new List<Frame>();
        while (reader.Read())
        {
            var top = stack.Count > 0 ? stack[^1] : null;
            // A value in an array takes the next index.
            if (top is { IsArray: true } && reader.TokenType is not (JsonTokenType.EndArray or JsonTokenType.PropertyName)) top.Index++;
            if (reader.TokenStartIndex == at)
            {
                if (reader.TokenType == JsonTokenType.PropertyName)
                {
                    top!.Name = null;   // the object's previous member is not part of this name's path
                    return new JsonTextProblem(Clip(PathOf(stack) + "." + Lenient(ref reader)), NameNotText);
                }
                return new JsonTextProblem(Clip(PathOf(stack)), NotText);
            }
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject: stack.Add(new Frame(false)); break;
                case JsonTokenType.StartArray: stack.Add(new Frame(true)); break;
                case JsonTokenType.EndObject or JsonTokenType.EndArray: stack.RemoveAt(stack.Count - 1); break;
                case JsonTokenType.PropertyName: top!.Name = reader.GetString(); break;
            }
        }
        return new JsonTextProblem("$", NotText);
    }

    private static string PathOf(List<Frame> stack)
    {
        var path = new StringBuilder("$");
        foreach (var frame in stack)
        {
            if (frame.IsArray) path.Append('[').Append(frame.Index).Append(']');
            else if (frame.Name != null) path.Append('.').Append(frame.Name);
        }
        return path.ToString();
    }

    /// <summary>A name that is not text, shown as far as it goes: invalid bytes as U+FFFD, an unpaired escape as written.</summary>
    private static string Lenient(ref Utf8JsonReader reader) =>
        GetStringOrNull(ref reader) ?? Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan);

    /// <summary>Echoed in the answer: bounded, control characters replaced.</summary>
    private static string Clip(string path)
    {
        var clean = new string(path.Select(c => char.IsControl(c) ? '?' : c).Take(200).ToArray());
        return path.Length > 200 ? clean + "…" : clean;
    }
}
