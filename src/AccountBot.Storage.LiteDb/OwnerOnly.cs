using Microsoft.Extensions.Logging;

namespace AccountBot.Storage.LiteDb;

/// <summary>
/// Keeps secrets-bearing folders and files (the database, its companions, the key ring) readable by this process's
/// user only: folders 0700, files 0600 on Unix. A folder the bot creates is created so; an existing one that lets
/// group or others in is tightened, with a warning naming it. Changes no permissions on Windows, where files inherit the
/// folder's ACL.
/// </summary>
public static class OwnerOnly
{
    public const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private const UnixFileMode GroupOrOther =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <summary>
    /// Creates <paramref name="folder"/> (and missing parents) owner-only, or tightens it when it exists. The folder
    /// is what keeps files that others create inside it (LiteDB's -tmp file, key files) private, whatever their mode.
    /// </summary>
    public static void EnsureFolder(string folder, ILogger logger)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        ArgumentNullException.ThrowIfNull(logger);
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
            return;
        }

        if (!Directory.Exists(folder))
        {
            // .NET applies the mode to the last folder only: create missing parents one by one so none is left open.
            var missing = new Stack<string>();
            for (var f = Path.GetFullPath(folder); !string.IsNullOrEmpty(f) && !Directory.Exists(f); f = Path.GetDirectoryName(f))
            {
                missing.Push(f);
            }

            while (missing.TryPop(out var f))
            {
                Directory.CreateDirectory(f, FolderMode);
            }

            return;
        }

        var mode = File.GetUnixFileMode(folder);
        if ((mode & UnixFileMode.StickyBit) != 0)
        {
            // A shared folder such as /tmp: everyone's files live there, it is not ours to close.
            if ((mode & GroupOrOther) != 0)
            {
                Log.SharedFolder(logger, folder, Symbolic(mode));
            }

            return;
        }

        Tighten(folder, mode, logger);
    }

    /// <summary>Tightens an existing file that group or others may read or write; a missing file is fine.</summary>
    public static void TightenFile(string path, ILogger logger)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(logger);
        if (OperatingSystem.IsWindows() || !File.Exists(path))
        {
            return;
        }

        Tighten(path, File.GetUnixFileMode(path), logger);
    }

    /// <summary>Creates an empty file 0600 unless it exists, so that whoever writes it next cannot widen it.</summary>
    public static void CreateFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var options = new FileStreamOptions { Mode = System.IO.FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = FileMode;
        }

        try
        {
            using var created = new FileStream(path, options);
        }
        catch (IOException) when (File.Exists(path))
        {
            // It was there already (or appeared meanwhile): its mode is TightenFile's business.
        }
    }

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static void Tighten(string path, UnixFileMode mode, ILogger logger)
    {
        if ((mode & GroupOrOther) == 0)
        {
            return;
        }

        var tightened = mode & ~GroupOrOther;
        try
        {
            File.SetUnixFileMode(path, tightened);
            Log.Tightened(logger, path, Symbolic(mode), Symbolic(tightened));
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
        {
            Log.CannotTighten(logger, path, Symbolic(mode), ex);
        }
    }

    /// <summary>The mode as <c>ls -l</c> shows it (<c>rwxr-xr-x</c>), which is how an operator reads it.</summary>
    private static string Symbolic(UnixFileMode mode) => string.Create(9, mode, static (chars, m) =>
    {
        ReadOnlySpan<(UnixFileMode Bit, char Letter)> bits =
        [
            (UnixFileMode.UserRead, 'r'), (UnixFileMode.UserWrite, 'w'), (UnixFileMode.UserExecute, 'x'),
            (UnixFileMode.GroupRead, 'r'), (UnixFileMode.GroupWrite, 'w'), (UnixFileMode.GroupExecute, 'x'),
            (UnixFileMode.OtherRead, 'r'), (UnixFileMode.OtherWrite, 'w'), (UnixFileMode.OtherExecute, 'x'),
        ];
        for (var i = 0; i < bits.Length; i++)
        {
            chars[i] = (m & bits[i].Bit) != 0 ? bits[i].Letter : '-';
        }
    });
}
