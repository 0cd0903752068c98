namespace Visibility.Domain;

/// <summary>What one importer of reference data loaded and skipped, logged at start-up.</summary>
public sealed record ImportReport(string Source, int Loaded, int Skipped, IReadOnlyDictionary<string, int> SkippedByReason)
{
    public static ImportReport Missing(string source) => new(source, 0, 0, new Dictionary<string, int>());
}
