namespace Visibility.Storage;

/// <summary>
/// Finds the pinned Azurite (infra/runtime/node_modules/.bin/azurite-blob) and says how to start it as a plain node process.
/// </summary>
public static class AzuriteExecutable
{
    internal const string RelativeBinPath = "infra/runtime/node_modules/.bin/azurite-blob";

    /// <summary>
    /// The explicit path when given; else the pinned copy found by walking up from the app's base directory and the current
    /// directory; else <c>azurite-blob</c> on PATH.
    /// </summary>
    /// <exception cref="FileNotFoundException">Nothing found; the message says how to install it.</exception>
    public static string Locate(string? explicitPath = null)
    {
        if (explicitPath is not null)
        {
            return File.Exists(explicitPath)
                ? Path.GetFullPath(explicitPath)
                : throw new FileNotFoundException($"Azurite was configured at '{explicitPath}' but that file does not exist.", explicitPath);
        }

        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, RelativeBinPath);
                if (File.Exists(candidate)) return candidate;
            }
        }

        var onPath = FindOnPath("azurite-blob");
        return onPath ?? throw new FileNotFoundException(
            $"azurite-blob was not found ({RelativeBinPath} above '{AppContext.BaseDirectory}' or '{Directory.GetCurrentDirectory()}', " +
            "nor on PATH). Run `npm install` in infra/runtime to install the pinned Azurite.");
    }

    /// <summary>
    /// The node entry script behind an <c>azurite-blob</c> path (the .bin entry is a symlink to a node script). Null when the
    /// path is not a node script, e.g. a native wrapper on PATH.
    /// </summary>
    internal static string? ResolveNodeScript(string executablePath)
    {
        var target = new FileInfo(executablePath).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? executablePath;
        if (target.EndsWith(".js", StringComparison.OrdinalIgnoreCase)) return target;

        // An unlinked copy of the bin script: recognise it by its shebang.
        using var reader = new StreamReader(target);
        var firstLine = reader.ReadLine();
        return firstLine is not null && firstLine.StartsWith("#!") && firstLine.Contains("node") ? target : null;
    }

    internal static string? FindOnPath(string fileName)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, fileName);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }
}
