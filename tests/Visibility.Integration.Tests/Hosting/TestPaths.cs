namespace Visibility.Integration.Tests.Hosting;

public static class TestPaths
{
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>../shared/data beside the repository (present on developer machines and in CI).</summary>
    public static string SharedData => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "data"));

    /// <summary>The host's own build output, in the same configuration as these tests.</summary>
    public static string HostDll
    {
        get
        {
            string configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";
            return Path.Combine(RepoRoot, "src", "Visibility.Host", "bin", configuration, "net10.0", "Visibility.Host.dll");
        }
    }

    public static string ArtifactsDir
    {
        get
        {
            var dir = Path.Combine(RepoRoot, "TestResults", "artifacts");
            Directory.CreateDirectory(dir);
            return dir;
        }
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Visibility.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("Visibility.sln not found above the test binaries");
    }
}
