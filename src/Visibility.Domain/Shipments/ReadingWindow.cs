using System.Buffers.Binary;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Visibility.Domain.Shipments;

/// <summary>What the window says about a reading before it is applied.</summary>
public enum WindowCheck
{
    /// <summary>Not seen: apply it.</summary>
    New,
    /// <summary>Its message id was applied already, at this timestamp: a retry or a replay.</summary>
    Duplicate,
    /// <summary>
    /// Older than the window (more than <see cref="ReadingWindow.Span"/> before the shipment's newest reading, or not newer
    /// than a reading the window has let go of): it might have been applied already and cannot be told apart, so it is not
    /// applied (again).
    /// </summary>
    Stale,
}

/// <summary>
/// The idempotency window of one shipment's readings: which message ids were applied, compactly, so a retry or a log
/// replay is never applied twice.
/// <para>
/// Every applied reading leaves a 32-bit fingerprint of its message id in a ring of <see cref="Blocks"/> blocks of
/// <see cref="BlockSize"/> (<see cref="Capacity"/> readings); each block keeps the oldest and newest timestamp of its
/// readings. A reading is a duplicate when its fingerprint is in a block whose time range holds its timestamp (a retry
/// carries the reading's own timestamp, so only a block or two are searched, and a chance 32-bit match needs both).
/// When the ring is full the oldest block is let go of and the <see cref="Floor"/> rises to its newest timestamp.
/// </para>
/// <para>
/// The rule that makes a replay harmless whatever its age: a reading at or below the floor, or more than 24 h older than
/// the newest reading, is <see cref="WindowCheck.Stale"/> and never applied. Every applied reading newer than the floor
/// is still in the ring (a block is only let go of by raising the floor over all of its readings), so a reading newer
/// than the floor and within 24 h is either in the ring (a duplicate) or new. Hence a retry of an applied reading is a
/// duplicate while the ring holds it (always the last 992 readings at least; all of the last 24 h at one reading every
/// 87 s or slower) and stale after: never applied twice. Memory: 4 bytes per reading plus 16 bytes per block: 4.7 KB live at most per shipment
/// (ReadingWindowMemoryFigures).
/// </para>
/// </summary>
[GenerateSerializer]
public sealed class ReadingWindow
{
    public const int BlockSize = 32;
    public const int Blocks = 32;
    public const int Capacity = BlockSize * Blocks;
    public static readonly TimeSpan Span = TimeSpan.FromHours(24);

    /// <summary>Fingerprints, block after block; grows a block at a time up to <see cref="Capacity"/>. 0 = an empty slot.</summary>
    [Id(0)]
    [JsonConverter(typeof(UInt32ArrayBase64JsonConverter))]
    public uint[] Fingerprints { get; set; } = [];

    /// <summary>Per block: the oldest timestamp (UTC ticks) of its readings; 0 = an empty block.</summary>
    [Id(1)]
    [JsonConverter(typeof(Int64ArrayBase64JsonConverter))]
    public long[] Oldest { get; set; } = [];

    /// <summary>Per block: the newest timestamp (UTC ticks) of its readings.</summary>
    [Id(2)]
    [JsonConverter(typeof(Int64ArrayBase64JsonConverter))]
    public long[] Newest { get; set; } = [];

    /// <summary>The slot the next fingerprint goes to.</summary>
    [Id(3)] public int Next { get; set; }

    /// <summary>Readings at or before this (UTC ticks) are stale: the window has let go of some reading this old.</summary>
    [Id(4)] public long Floor { get; set; }

    /// <summary>The newest reading timestamp added (UTC ticks); 0 before the first.</summary>
    [Id(5)] public long NewestReading { get; set; }

    /// <summary>Readings held (for figures and tests).</summary>
    [JsonIgnore] public int Count => Fingerprints.Count(f => f != 0);

    public WindowCheck Check(uint fingerprint, DateTimeOffset timestamp)
    {
        long t = timestamp.UtcTicks;
        for (int b = 0; b < Oldest.Length; b++)
        {
            if (Oldest[b] == 0 || t < Oldest[b] || t > Newest[b]) continue;
            if (Fingerprints.AsSpan(b * BlockSize, BlockSize).Contains(fingerprint)) return WindowCheck.Duplicate;
        }
        if (t <= Floor || (NewestReading != 0 && t < NewestReading - Span.Ticks)) return WindowCheck.Stale;
        return WindowCheck.New;
    }

    /// <summary>Records an applied reading (call after <see cref="Check"/> said <see cref="WindowCheck.New"/>).</summary>
    public void Add(uint fingerprint, DateTimeOffset timestamp)
    {
        long t = Math.Max(1, timestamp.UtcTicks);
        if (Next == Fingerprints.Length)
        {
            if (Fingerprints.Length < Capacity)
            {
                Fingerprints = Grow(Fingerprints, BlockSize);
                Oldest = Grow(Oldest, 1);
                Newest = Grow(Newest, 1);
            }
            else Next = 0;
        }
        int block = Next / BlockSize;
        if (Next % BlockSize == 0 && Oldest[block] != 0)
        {
            // Reusing the oldest block: its readings leave the window, the floor rises over all of them.
            Floor = Math.Max(Floor, Newest[block]);
            Array.Clear(Fingerprints, Next, BlockSize);
            Oldest[block] = Newest[block] = 0;
        }
        Fingerprints[Next++] = fingerprint == 0 ? 1 : fingerprint;
        Oldest[block] = Oldest[block] == 0 ? t : Math.Min(Oldest[block], t);
        Newest[block] = Math.Max(Newest[block], t);
        NewestReading = Math.Max(NewestReading, t);
    }

    /// <summary>
    /// Takes over the ring of the last 128 message hashes kept before this window (state written by an older host). Their
    /// timestamps were not kept: they count as anywhere up to <paramref name="newest"/>, so a replay of any of them is
    /// still a duplicate, and letting them go raises the floor to <paramref name="newest"/>.
    /// </summary>
    public void ImportLegacy(long[] hashes, DateTimeOffset newest)
    {
        foreach (long hash in hashes)
        {
            if (hash == 0) continue;
            Add(Fingerprint(hash), newest);
            Oldest[(Next - 1) / BlockSize] = 1;
        }
    }

    private static T[] Grow<T>(T[] array, int by)
    {
        var bigger = new T[array.Length + by];
        array.CopyTo(bigger, 0);
        return bigger;
    }

    /// <summary>The 64-bit FNV-1a of the message id folded to 32 bits; never 0 (0 marks an empty slot).</summary>
    public static uint Fingerprint(long messageHash)
    {
        uint folded = (uint)messageHash ^ (uint)(messageHash >>> 32);
        return folded == 0 ? 1 : folded;
    }
}

/// <summary>A uint[] as base64 of its little-endian bytes (a number array is about three times larger as JSON).</summary>
public sealed class UInt32ArrayBase64JsonConverter : JsonConverter<uint[]>
{
    public override uint[] Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.StartArray) return JsonSerializer.Deserialize<uint[]>(ref reader) ?? [];
        var bytes = reader.GetBytesFromBase64();
        var values = new uint[bytes.Length / sizeof(uint)];
        for (int i = 0; i < values.Length; i++) values[i] = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(i * sizeof(uint)));
        return values;
    }

    public override void Write(Utf8JsonWriter writer, uint[] value, JsonSerializerOptions options)
    {
        var bytes = new byte[value.Length * sizeof(uint)];
        for (int i = 0; i < value.Length; i++) BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i * sizeof(uint)), value[i]);
        writer.WriteBase64StringValue(bytes);
    }
}
