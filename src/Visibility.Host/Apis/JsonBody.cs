using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Visibility.Domain.Validation;
using Visibility.Host.Hosting;

namespace Visibility.Host.Apis;

/// <summary>
/// Strict JSON bodies: a size cap (413), unknown properties refused, and a type error reported at its JSON path
/// ("$.cargo[0].quantity") instead of a bare 400.
/// </summary>
public static class JsonBody
{
    public static readonly JsonSerializerOptions Strict = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
        AllowTrailingCommas = false,
        ReadCommentHandling = JsonCommentHandling.Disallow,
        MaxDepth = 16,
        // A number is a JSON number ("12", NaN and Infinity are refused), and a property named twice is an error, not
        // "the last one wins": two parsers must never read one body differently.
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict,
        AllowDuplicateProperties = false,
        Converters = { new FiniteDouble() },
    };

    /// <summary>1e999 reads as Infinity: refused like NaN, as "has the wrong type or format" at its path.</summary>
    private sealed class FiniteDouble : System.Text.Json.Serialization.JsonConverter<double>
    {
        public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out var value) && double.IsFinite(value) ? value : throw new JsonException();

        public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options) => writer.WriteNumberValue(value);
    }

    /// <summary>
    /// Reads the whole JSON body up to <paramref name="maxBytes"/> (default: the endpoint's cap, see <see cref="BodyLimits"/>)
    /// and checks it is text. Null plus a problem when it is not a JSON body (415), larger than the cap (413), or has a
    /// string or property name that is not valid UTF-8 or holds an unpaired surrogate escape (400 naming its JSON path):
    /// every JSON endpoint comes through here, so no parser behind it meets such a string.
    /// </summary>
    public static async Task<(byte[]? Body, int Length, IResult? Problem)> ReadBytesAsync(HttpRequest request, int? maxBytes = null)
    {
        if (!IsJson(request)) return (null, 0, UnsupportedMediaType(request));
        var (body, length, tooLarge) = await ReadCappedAsync(request, maxBytes ?? BodyLimits.For(request.HttpContext));
        if (tooLarge != null) return (null, 0, tooLarge);
        if (JsonText.Check(body.AsSpan(0, length)) is { } notText)
        {
            Return(body!);
            return (null, 0, Problems.Invalid(notText.Path, notText.Reason));
        }
        return (body, length, null);
    }

    /// <summary>application/json or a +json type, in UTF-8 (RFC 8259: JSON exchanged between systems is UTF-8).</summary>
    public static bool IsJson(HttpRequest request)
    {
        if (!request.HasJsonContentType()) return false;
        var charset = Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(request.ContentType, out var type) ? type.Charset.Value : null;
        return charset == null || charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || charset.Equals("utf8", StringComparison.OrdinalIgnoreCase);
    }

    public static ProblemHttpResult UnsupportedMediaType(HttpRequest request) =>
        Problems.UnsupportedMediaType(string.IsNullOrEmpty(request.ContentType)
            ? "the body must be JSON: send Content-Type: application/json"
            : $"the body must be JSON (Content-Type: application/json, UTF-8), not '{Clip(request.ContentType)}'");

    private static async Task<(byte[]? Body, int Length, ProblemHttpResult? Problem)> ReadCappedAsync(HttpRequest request, int maxBytes)
    {
        if (request.ContentLength > maxBytes) return (null, 0, BodyLimits.TooLarge(maxBytes));
        var feature = request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (feature is { IsReadOnly: false }) feature.MaxRequestBodySize = maxBytes + 1;
        byte[] buffer = ArrayPool<byte>.Shared.Rent(request.ContentLength is { } n and > 0 ? (int)n + 1 : 16 * 1024);
        int length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    var bigger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, maxBytes + 2));
                    buffer.AsSpan(0, length).CopyTo(bigger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = bigger;
                }
                int read = await request.Body.ReadAsync(buffer.AsMemory(length));
                if (read == 0) break;
                length += read;
                if (length > maxBytes)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    return (null, 0, BodyLimits.TooLarge(maxBytes));
                }
            }
            return (buffer, length, null);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            return (null, 0, BodyLimits.TooLarge(maxBytes));
        }
    }

    /// <summary>A field name taken from the body is echoed in the answer: bounded, and without control characters.</summary>
    private static string Clip(string name)
    {
        var clean = new string(name.Select(c => char.IsControl(c) ? '?' : c).Take(100).ToArray());
        return name.Length > 100 ? clean + "…" : clean;
    }

    public static void Return(byte[] buffer) => ArrayPool<byte>.Shared.Return(buffer);

    /// <summary>Deserializes a small JSON body strictly; a problem names the field when it does not fit the contract.</summary>
    public static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpRequest request, int? maxBytes = null) where T : class
    {
        var (body, length, refused) = await ReadBytesAsync(request, maxBytes);
        if (refused != null) return (null, refused);
        try
        {
            if (length == 0) return (null, Problems.Invalid("$", "a JSON body is required"));
            var value = JsonSerializer.Deserialize<T>(body.AsSpan(0, length), Strict);
            return value == null ? (null, Problems.Invalid("$", "a JSON object is required")) : (value, null);
        }
        catch (JsonException ex)
        {
            string path = string.IsNullOrEmpty(ex.Path) ? "$" : ex.Path;
            if (ex.Message.Contains("could not be mapped", StringComparison.Ordinal))
            {
                // "The JSON property 'x' could not be mapped ...": name the property, never echo the .NET type.
                var name = Clip(System.Text.RegularExpressions.Regex.Match(ex.Message, "'([^']*)'").Groups[1].Value);
                return (null, Problems.Invalid(path.EndsWith("." + name, StringComparison.Ordinal) ? path : $"{path}.{name}", "unknown property"));
            }
            string reason = ex.Message.Contains("could not be converted", StringComparison.Ordinal) ? "has the wrong type or format"
                : ex.Message.Contains("Duplicate", StringComparison.OrdinalIgnoreCase) ? "appears twice"
                : "malformed JSON";
            return (null, Problems.Invalid(Clip(path), reason));
        }
        finally
        {
            Return(body!);
        }
    }
}
