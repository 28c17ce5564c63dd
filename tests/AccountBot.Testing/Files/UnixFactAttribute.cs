using Xunit;

namespace AccountBot.Testing.Files;

/// <summary>A fact about Unix file modes: skipped on Windows, which has no such modes.</summary>
public sealed class UnixFactAttribute : FactAttribute
{
    public UnixFactAttribute()
    {
        if (OperatingSystem.IsWindows())
        {
            Skip = "Unix file modes do not exist on Windows.";
        }
    }
}
