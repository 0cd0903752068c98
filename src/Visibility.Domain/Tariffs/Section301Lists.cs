namespace Visibility.Domain.Tariffs;

/// <summary>
/// The US Section 301 lists on goods of Chinese origin and their additional duty over time (USITC heading legend and
/// the Federal Register; state as of 2020-02-14, see ../shared/data/section301/SOURCE.txt). A list is in force from its
/// effective date; a rate change applies from its date on. List 4B was suspended and never collected.
/// </summary>
public static class Section301Lists
{
    public const string List1 = "List 1";
    public const string List2 = "List 2";
    public const string List3 = "List 3";
    public const string List4A = "List 4A";
    public const string List4B = "List 4B";

    /// <summary>Dated rates, oldest first: (from, additional duty %).</summary>
    private static readonly Dictionary<string, (DateOnly From, double Pct)[]> Schedule = new(StringComparer.Ordinal)
    {
        [List1] = [(new(2018, 7, 6), 25)],
        [List2] = [(new(2018, 8, 23), 25)],
        [List3] = [(new(2018, 9, 24), 10), (new(2019, 5, 10), 25)],
        [List4A] = [(new(2019, 9, 1), 15), (new(2020, 2, 14), 7.5)],
        [List4B] = [],
    };

    public static IReadOnlyCollection<string> All => Schedule.Keys;

    /// <summary>"List 3 (statistical-suffix level)" and other spellings → the list's name; null if unknown.</summary>
    public static string? Normalise(string raw)
    {
        var name = raw.Trim();
        int paren = name.IndexOf('(');
        if (paren > 0) name = name[..paren].Trim();
        return Schedule.ContainsKey(name) ? name : null;
    }

    /// <summary>True when the list's duty was being collected on <paramref name="date"/> (4B never was).</summary>
    public static bool InForce(string list, DateOnly date) => Schedule[list] is { Length: > 0 } s && date >= s[0].From;

    /// <summary>The additional duty on <paramref name="date"/>, 0 before the list took effect (and for 4B).</summary>
    public static double RateOn(string list, DateOnly date)
    {
        double rate = 0;
        foreach (var (from, pct) in Schedule[list])
            if (date >= from) rate = pct;
        return rate;
    }

    public static DateOnly? EffectiveFrom(string list) => Schedule[list] is { Length: > 0 } s ? s[0].From : null;
}
