using System.Globalization;
using LiteDB;
using Microsoft.Extensions.Logging.Abstractions;

namespace AccountBot.Storage.LiteDb;

/// <summary>
/// Online backup and offline restore of the LiteDB file. A backup is a fresh database file holding every document
/// and index of every collection as one consistent moment: the copy is read in one LiteDB transaction that first
/// takes the write lock of every collection while holding <see cref="LiteDbContext.WriteGate"/>, so no write commits
/// while it reads. Writes that arrive meanwhile wait (up to LiteDB's lock timeout, a minute) and land after the
/// backup's moment. The only transactions spanning collections (map saves)
/// hold the gate, and single-collection writes hold one lock at a time, so taking the locks in turn cannot deadlock.
/// </summary>
public static class LiteDbBackup
{
    private const string IndexesCollection = "$indexes";

    /// <summary>Writes a consistent copy of <paramref name="context"/>'s database to <paramref name="target"/> (created 0600; must not exist).</summary>
    /// <returns>How many documents were copied.</returns>
    public static long Write(LiteDbContext context, string target)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentException.ThrowIfNullOrWhiteSpace(target);
        target = Path.GetFullPath(target);
        if (File.Exists(target) || Directory.Exists(target))
        {
            throw new IOException($"'{target}' exists: name a new file for the backup.");
        }

        if (string.Equals(target, context.Path, StringComparison.Ordinal))
        {
            throw new IOException($"'{target}' is the database itself: name a new file for the backup.");
        }

        // Owner-only before LiteDB writes a byte: the copy holds everything the database holds.
        OwnerOnly.CreateFile(target);
        OwnerOnly.CreateFile(LiteDbFiles.LogPath(target));
        try
        {
            using var copy = new LiteDatabase(new ConnectionString { Filename = target, Connection = ConnectionType.Direct, Collation = context.Database.Collation });
            long documents;
            lock (context.WriteGate)
            {
                documents = CopyInOneTransaction(context.Database, copy);
            }

            copy.Checkpoint();
            return documents;
        }
        catch
        {
            File.Delete(target);
            throw;
        }
        finally
        {
            DeleteIfEmpty(LiteDbFiles.LogPath(target));
        }
    }

    /// <summary>
    /// Replaces the database at <paramref name="databasePath"/> with the backup at <paramref name="backup"/>, while
    /// no AccountBot process holds it (a held file throws <see cref="LiteDbStartupException"/> with
    /// <see cref="LiteDbStartupFailure.Locked"/>). The old file and its write-ahead log are moved aside, not deleted.
    /// </summary>
    /// <returns>Where the old database was moved, or null when there was none.</returns>
    public static string? Restore(string backup, string databasePath, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(backup);
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        backup = Path.GetFullPath(backup);
        databasePath = Path.GetFullPath(databasePath);
        if (!File.Exists(backup))
        {
            throw new IOException($"there is no backup at '{backup}'.");
        }

        LiteDbFiles.ThrowIfNotLiteDb(backup);
        // Owner-only like the bot's own folder; tightening an existing one is left to the bot's next start, which warns.
        var folder = Path.GetDirectoryName(databasePath)!;
        if (!Directory.Exists(folder))
        {
            OwnerOnly.EnsureFolder(folder, NullLogger.Instance);
        }

        using var held = LiteDbFiles.AcquireLock(databasePath);
        string? aside = null;
        if (File.Exists(databasePath))
        {
            aside = databasePath + ".before-restore-" + now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
            File.Move(databasePath, aside);

            // The old file's write-ahead log would be replayed onto the restored file: it goes with the old file.
            var log = LiteDbFiles.LogPath(databasePath);
            if (File.Exists(log))
            {
                File.Move(log, LiteDbFiles.LogPath(aside));
            }
        }

        OwnerOnly.CreateFile(databasePath + ".restoring");
        File.Copy(backup, databasePath + ".restoring", overwrite: true);
        File.Move(databasePath + ".restoring", databasePath);
        return aside;
    }

    private static long CopyInOneTransaction(LiteDatabase source, LiteDatabase copy)
    {
        var names = source.GetCollectionNames().Order(StringComparer.Ordinal).ToList();
        if (!source.BeginTrans())
        {
            throw new InvalidOperationException("a LiteDB transaction is already open on this thread.");
        }

        try
        {
            // Deleting an id no document has takes the collection's write lock for the rest of the transaction.
            foreach (var name in names)
            {
                _ = source.GetCollection(name).Delete(new BsonValue(ObjectId.Empty));
            }

            long documents = 0;
            foreach (var name in names)
            {
                var target = copy.GetCollection(name);
                documents += target.InsertBulk(source.GetCollection(name).FindAll());
            }

            foreach (var index in source.GetCollection(IndexesCollection).FindAll())
            {
                var name = index["name"].AsString;
                if (name != "_id" && names.Contains(index["collection"].AsString))
                {
                    copy.GetCollection(index["collection"].AsString).EnsureIndex(name, BsonExpression.Create(index["expression"].AsString), index["unique"].AsBoolean);
                }
            }

            return documents;
        }
        finally
        {
            // Nothing was written: the deletes matched no document.
            source.Rollback();
        }
    }

    private static void DeleteIfEmpty(string path)
    {
        if (File.Exists(path) && new FileInfo(path).Length == 0)
        {
            File.Delete(path);
        }
    }
}
