using System.Runtime.Versioning;

namespace AccountBot.Testing.Files;

/// <summary>Unix modes as the tests speak of them, and whether another user could read a file.</summary>
[UnsupportedOSPlatform("windows")]
public static class FileModes
{
    public const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    public const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public const UnixFileMode GroupOrOther =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <summary>
    /// True when a user other than the owner could open <paramref name="file"/> for reading: the file grants group or
    /// other read, and its folder lets them in (group or other execute).
    /// </summary>
    public static bool ReadableByOthers(string file)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(file))!;
        var fileMode = File.GetUnixFileMode(file);
        var folderMode = File.GetUnixFileMode(folder);
        return ((fileMode & UnixFileMode.GroupRead) != 0 && (folderMode & UnixFileMode.GroupExecute) != 0)
            || ((fileMode & UnixFileMode.OtherRead) != 0 && (folderMode & UnixFileMode.OtherExecute) != 0);
    }
}
