namespace AccountBot.EndToEnd.Tests.Harness;

/// <summary>Finds a program on PATH the way a shell would, so a missing tool gets a clear message.</summary>
internal static class ExecutableLocator
{
    public static string? Find(string name)
    {
        var candidates = OperatingSystem.IsWindows() ? new[] { name + ".cmd", name + ".exe", name } : new[] { name };
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (var directory in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var candidate in candidates)
            {
                var full = Path.Combine(directory, candidate);
                if (File.Exists(full))
                    return full;
            }
        }

        return null;
    }
}
