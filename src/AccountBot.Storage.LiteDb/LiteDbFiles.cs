using System.Text;
using Microsoft.Extensions.Logging;

namespace AccountBot.Storage.LiteDb;

/// <summary>
/// The database file and its companions before LiteDB opens them: the folder (owner-only), the lock file that keeps
/// a second instance out, and the header check that keeps LiteDB from cropping a file that is not its own.
/// </summary>
internal static class LiteDbFiles
{
    // Where LiteDB writes its header marker in page 0 (HeaderPage.P_HEADER_INFO in LiteDB 5).
    private const int HeaderInfoOffset = 32;
    private const string HeaderInfo = "** This is a LiteDB file **";

    // A file held by another open with a conflicting FileShare: .NET reports ERROR_SHARING_VIOLATION /
    // ERROR_LOCK_VIOLATION on Windows, and on Unix the raw errno of the failed flock, EWOULDBLOCK.
    private const int WindowsSharingViolation = 32;
    private const int WindowsLockViolation = 33;
    private const int LinuxWouldBlock = 11;
    private const int MacWouldBlock = 35;

    /// <summary>
    /// Makes the folder owner-only (created 0700, or tightened), and the data and -log files 0600 before LiteDB first
    /// writes them. LiteDB creates its -tmp (sort) file itself, with the process umask, when it needs one: the folder
    /// is what keeps that private. Files left by an earlier run are tightened here too.
    /// </summary>
    public static void Prepare(string path, ILogger logger)
    {
        if (Directory.Exists(path))
        {
            throw new LiteDbStartupException(path, LiteDbStartupFailure.Unwritable, "the path is a folder, not a file");
        }

        var folder = Path.GetDirectoryName(path);
        try
        {
            if (!string.IsNullOrEmpty(folder))
            {
                OwnerOnly.EnsureFolder(folder, logger);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw new LiteDbStartupException(path, LiteDbStartupFailure.Unwritable, $"its folder cannot be created: {ex.Message}", ex);
        }

        try
        {
            // LiteDB opens its -log file with OpenOrCreate and keeps it while open: made here, it keeps this mode,
            // which matters where the folder cannot be closed (a shared sticky folder).
            OwnerOnly.CreateFile(path);
            OwnerOnly.CreateFile(LogPath(path));
            foreach (var file in (string[])[path, LockPath(path), .. CompanionPaths(path)])
            {
                OwnerOnly.TightenFile(file, logger);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new LiteDbStartupException(path, LiteDbStartupFailure.Unwritable, ex.Message, ex);
        }
    }

    /// <summary>
    /// Takes an exclusive lock on <c>{path}.lock</c> for the lifetime of the process. LiteDB's direct
    /// mode opens the data file with FileShare.Read, which on Linux takes only a shared lock, so two
    /// processes could both open (and corrupt) the same file; the lock file is what keeps the second
    /// AccountBot instance out.
    /// </summary>
    public static FileStream AcquireLock(string path)
    {
        var lockPath = LockPath(path);
        var options = new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, Share = FileShare.None, BufferSize = 1 };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnly.FileMode;
        }

        try
        {
            return new FileStream(lockPath, options);
        }
        catch (IOException ex) when (IsSharingViolation(ex))
        {
            throw new LiteDbStartupException(path, LiteDbStartupFailure.Locked, $"'{lockPath}' is held", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new LiteDbStartupException(path, LiteDbStartupFailure.Unwritable, ex.Message, ex);
        }
    }

    /// <summary>
    /// Refuses a non-empty file that does not carry LiteDB's header marker before LiteDB touches it:
    /// LiteDB would otherwise crop a file whose length is not a multiple of its page size, destroying
    /// whatever it was.
    /// </summary>
    public static void ThrowIfNotLiteDb(string path)
    {
        try
        {
            if (!File.Exists(path))
            {
                return;
            }

            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            if (file.Length == 0)
            {
                return;
            }

            var header = new byte[HeaderInfoOffset + HeaderInfo.Length];
            var read = file.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
            var marker = read == header.Length ? Encoding.UTF8.GetString(header, HeaderInfoOffset, HeaderInfo.Length) : string.Empty;
            if (!string.Equals(marker, HeaderInfo, StringComparison.Ordinal))
            {
                throw new LiteDbStartupException(path, LiteDbStartupFailure.Corrupt, "it has no LiteDB header");
            }
        }
        catch (IOException ex) when (IsSharingViolation(ex))
        {
            throw new LiteDbStartupException(path, LiteDbStartupFailure.Locked, ex.Message, ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new LiteDbStartupException(path, LiteDbStartupFailure.Unwritable, ex.Message, ex);
        }
    }

    public static bool IsSharingViolation(IOException ex) =>
        OperatingSystem.IsWindows()
            ? (ex.HResult & 0xFFFF) is WindowsSharingViolation or WindowsLockViolation
            : ex.HResult == (OperatingSystem.IsMacOS() ? MacWouldBlock : LinuxWouldBlock);

    private static string LockPath(string path) => path + ".lock";

    public static string LogPath(string path) => Companion(path, "-log");

    private static IEnumerable<string> CompanionPaths(string path) => [LogPath(path), Companion(path, "-tmp")];

    /// <summary>LiteDB 5 names its write-ahead and sort files <c>{name}-log{ext}</c> and <c>{name}-tmp{ext}</c>.</summary>
    private static string Companion(string path, string suffix) =>
        Path.Combine(Path.GetDirectoryName(path) ?? string.Empty, Path.GetFileNameWithoutExtension(path) + suffix + Path.GetExtension(path));
}
