namespace Visibility.Domain.Tariffs;

/// <summary>
/// The product's own Section 301 seed, used when the data folder is absent: the USITC lines of the HS6 headings the
/// demo network's parts use (copied from ../shared/data/section301/section301_hts_to_heading.csv).
/// </summary>
public static class Section301Seed
{
    private static readonly (string Hts, string List)[] Lines =
    [
        ("35069110", "List 3"), ("35069150", "List 3"), ("38101000", "List 3"),
        ("85076000", "List 4A"),
        ("85322400", "List 1"), ("85340000", "List 3"),
        ("85366940", "List 1"), ("85366980", "List 3"),
        ("85423100", "List 2"), ("85423200", "List 2"),
        ("90138020", "List 3"), ("90138040", "List 3"), ("90138070", "List 1"), ("90138090", "List 4A"),
    ];

    public static Section301Table Create() =>
        Section301Table.From("curated seed (demo parts' headings)", Lines.Select(l => new Section301Line(l.Hts, l.List)));
}
