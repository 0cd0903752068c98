namespace Visibility.Domain.Tests;

/// <summary>Finds the public data in ../shared/data (beside the repository) from the test's bin folder.</summary>
public static class TestData
{
    private static readonly Lazy<string?> Root = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data");
            if (Directory.Exists(candidate)) return candidate;
        }
        return null;
    });

    /// <summary>The shared data folder; tests that need it fail loudly when it is absent.</summary>
    public static string SharedDataPath => Root.Value
        ?? throw new DirectoryNotFoundException("../shared/data not found beside the repository");

    public static string File(params string[] parts) => Path.Combine([SharedDataPath, .. parts]);

    /// <summary>The repository root (the folder holding Visibility.sln).</summary>
    public static string RepoRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
                if (System.IO.File.Exists(Path.Combine(dir.FullName, "Visibility.sln"))) return dir.FullName;
            throw new DirectoryNotFoundException("Visibility.sln not found above the test binaries");
        }
    }
}
