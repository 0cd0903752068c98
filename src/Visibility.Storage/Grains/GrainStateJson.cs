using System.Text.Json;

namespace Visibility.Storage;

/// <summary>State (de)serialisation shared by the blob grain storages, and what "no state" looks like.</summary>
internal static class GrainStateJson
{
    public static byte[] Serialize<T>(T state, JsonSerializerOptions options) =>
        JsonSerializer.SerializeToUtf8Bytes(state, options);

    public static T Deserialize<T>(ReadOnlySpan<byte> json, JsonSerializerOptions options) =>
        JsonSerializer.Deserialize<T>(json, options) ?? CreateDefault<T>();

    /// <summary>
    /// A fresh state for a grain with nothing stored: a new instance when the type has a parameterless constructor (what a
    /// grain expects from <c>State</c>), otherwise <c>default</c>.
    /// </summary>
    public static T CreateDefault<T>()
    {
        var type = typeof(T);
        if (type.IsValueType) return default!;
        return type.GetConstructor(Type.EmptyTypes) is not null && !type.IsAbstract ? Activator.CreateInstance<T>() : default!;
    }
}
