using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Visibility.Domain.Validation;

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
    };

    /// <summary>Reads the whole body up to <paramref name="maxBytes"/>; null plus a problem when it is larger.</summary>
    public static async Task<(byte[]? Body, int Length, ProblemHttpResult? Problem)> ReadBytesAsync(HttpRequest request, int maxBytes)
    {
        if (request.ContentLength > maxBytes) return (null, 0, Problems.TooLarge($"the body must be at most {maxBytes:N0} bytes"));
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
                    return (null, 0, Problems.TooLarge($"the body must be at most {maxBytes:N0} bytes"));
                }
            }
            return (buffer, length, null);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            return (null, 0, Problems.TooLarge($"the body must be at most {maxBytes:N0} bytes"));
        }
    }

    public static void Return(byte[] buffer) => ArrayPool<byte>.Shared.Return(buffer);

    /// <summary>Deserializes a small JSON body strictly; a problem names the field when it does not fit the contract.</summary>
    public static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpRequest request, int maxBytes = 64 * 1024) where T : class
    {
        var (body, length, tooLarge) = await ReadBytesAsync(request, maxBytes);
        if (tooLarge != null) return (null, tooLarge);
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
                var name = System.Text.RegularExpressions.Regex.Match(ex.Message, "'([^']*)'").Groups[1].Value;
                return (null, Problems.Invalid(path.EndsWith("." + name, StringComparison.Ordinal) ? path : $"{path}.{name}", "unknown property"));
            }
            string reason = ex.Message.Contains("could not be converted", StringComparison.Ordinal) ? "has the wrong type or format" : "malformed JSON";
            return (null, Problems.Invalid(path, reason));
        }
        finally
        {
            Return(body!);
        }
    }
}
