namespace Visibility.Host.ReferenceData;

/// <summary>Finds folders relative to the repository (the one holding Visibility.sln), wherever the host is started from.</summary>
public static class RepositoryPaths
{
    public static string? FindRepositoryRoot(string startDirectory)
    {
        foreach (var start in new[] { startDirectory, AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir != null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Visibility.sln"))) return dir.FullName;
        return null;
    }

    /// <summary>Resolves a configured path against the content root, or a default below the repository root.</summary>
    public static string? Resolve(string? configured, string contentRoot, params string[] defaultBelowRepo)
    {
        if (!string.IsNullOrWhiteSpace(configured)) return Path.GetFullPath(configured, contentRoot);
        var repo = FindRepositoryRoot(contentRoot);
        return repo == null ? null : Path.GetFullPath(Path.Combine([repo, .. defaultBelowRepo]));
    }
}
