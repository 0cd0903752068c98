namespace Visibility.Simulator;

/// <summary>
/// Stateless, reproducible randomness: every value is a pure function of a key, so a shipment's
/// lane, cargo and incidents come out the same after a restart (SplitMix64 finaliser, good enough
/// for simulation, not for security).
/// </summary>
public static class DeterministicRandom
{
    public static ulong Mix(ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }

    public static ulong Key(ulong a, ulong b) => Mix(a ^ Mix(b));

    public static ulong Key(ulong a, ulong b, ulong c) => Key(Key(a, b), c);

    /// <summary>A stable 64-bit key for a string (ids), independent of the process (unlike string.GetHashCode).</summary>
    public static ulong Key(string text)
    {
        ulong h = 14695981039346656037UL; // FNV-1a, then mixed
        foreach (char c in text) { h ^= c; h *= 1099511628211UL; }
        return Mix(h);
    }

    /// <summary>Uniform in [0, 1).</summary>
    public static double Unit(ulong key) => (Mix(key) >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [min, max).</summary>
    public static double Range(ulong key, double min, double max) => min + (max - min) * Unit(key);

    /// <summary>Standard normal (Box–Muller on two derived uniforms).</summary>
    public static double Normal(ulong key)
    {
        double u1 = 1.0 - Unit(Key(key, 1)), u2 = Unit(Key(key, 2));
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
