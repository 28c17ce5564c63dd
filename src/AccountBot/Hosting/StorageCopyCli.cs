using System.Xml;
using System.Xml.Linq;
using AccountBot.KeyRing;
using AccountBot.Operations;
using AccountBot.Core.Channels;
using AccountBot.Storage.LiteDb;
using AccountBot.Storage.Postgres;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace AccountBot.Hosting;

/// <summary>
/// <c>storage copy --from LiteDb:&lt;path&gt; --to Postgres:&lt;connection string&gt;</c>: copies every collection of a LiteDB
/// file into a PostgreSQL database (migrating it first), then checks that each table holds as many rows as the file has
/// documents. Idempotent: every row is an upsert on its key, so a second run changes nothing. The file is opened
/// exclusively: stop the bot first. Exit codes: 0 copied and counts equal, 1 could not run or counts differ, 2 bad arguments.
/// </summary>
internal static class StorageCopyCli
{
    public const string Usage = "Usage: storage copy --from LiteDb:<path> --to Postgres:<connection string> [--keys <key ring folder>]";

    public static bool IsCommand(string[] args) => args is ["storage", ..];

    public static Task<int> RunAsync(string[] args) => RunAsync(args, Console.Out, Console.Error, CancellationToken.None);

    internal static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        string? keys = null;
        if (args is ["storage", "copy", "--from", _, "--to", _, "--keys", var folder])
        {
            keys = Path.GetFullPath(folder);
            args = args[..^2];
        }

        if (args is not ["storage", "copy", "--from", var from, "--to", var to]
            || !from.StartsWith("LiteDb:", StringComparison.OrdinalIgnoreCase) || !to.StartsWith("Postgres:", StringComparison.OrdinalIgnoreCase))
        {
            await error.WriteLineAsync(Usage).ConfigureAwait(false);
            return CliExitCode.BadArguments;
        }

        var path = Path.GetFullPath(from["LiteDb:".Length..]);
        if (!File.Exists(path))
        {
            await error.WriteLineAsync($"storage copy: there is no database at {path}.").ConfigureAwait(false);
            return CliExitCode.CouldNotRun;
        }

        try
        {
            using var context = new LiteDbContext(path, NullLogger<LiteDbContext>.Instance);
            await using var dataSource = NpgsqlDataSource.Create(to["Postgres:".Length..]);
            await new PostgresMigrator(dataSource, TimeProvider.System, NullLogger<PostgresMigrator>.Instance).MigrateAsync(cancellationToken).ConfigureAwait(false);
            var copied = await CopyAsync(new LiteDbExport(context), new PostgresImport(dataSource), cancellationToken).ConfigureAwait(false);
            await CopyKeyRingAsync(keys ?? Path.Combine(Path.GetDirectoryName(path)!, KeyRingOptions.DefaultFolderName), new PostgresKeyRingStore(dataSource), output).ConfigureAwait(false);
            var stored = await new PostgresImport(dataSource).CountsAsync(cancellationToken).ConfigureAwait(false);
            var same = true;
            foreach (var table in PostgresImport.Tables)
            {
                var ok = copied[table] == stored[table];
                same &= ok;
                await output.WriteLineAsync($"{table}: {copied[table]} in the file, {stored[table]} in the database{(ok ? string.Empty : "  <- differs")}").ConfigureAwait(false);
            }

            await (same ? output : error).WriteLineAsync(same
                ? "storage copy: done; every table holds what the file holds."
                : "storage copy: copied, but the database holds rows the file does not (was it used before?).").ConfigureAwait(false);
            return same ? 0 : 1;
        }
        catch (Exception ex) when (ex is LiteDbStartupException or NpgsqlException or ArgumentException or InvalidOperationException or IOException or XmlException)
        {
            // Npgsql's messages never include the password.
            await error.WriteLineAsync($"storage copy: {ex.Message}").ConfigureAwait(false);
            return CliExitCode.CouldNotRun;
        }
    }

    /// <summary>
    /// The Data Protection key ring folder into the database, where instances on PostgreSQL keep it: without it the
    /// copied Slack bot tokens could not be decrypted. Each file is one element, named as Data Protection named it.
    /// </summary>
    private static async Task CopyKeyRingAsync(string folder, PostgresKeyRingStore target, TextWriter output)
    {
        if (!Directory.Exists(folder))
        {
            await output.WriteLineAsync($"data_protection_keys: no key ring folder at {folder} (name it with --keys); nothing copied").ConfigureAwait(false);
            return;
        }

        var files = Directory.GetFiles(folder, "*.xml");
        foreach (var file in files)
        {
            target.Add(XElement.Load(file), Path.GetFileNameWithoutExtension(file));
        }

        await output.WriteLineAsync($"data_protection_keys: {files.Length} in {folder}, {target.GetAll().Count} in the database").ConfigureAwait(false);
    }

    /// <summary>Copies collection by collection; returns how many records each table was given.</summary>
    private static async Task<Dictionary<string, long>> CopyAsync(LiteDbExport source, PostgresImport target, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        async Task CopyAllAsync<T>(string table, IEnumerable<T> records, Func<T, Task> write)
        {
            var count = 0L;
            foreach (var record in records.ToList())
            {
                await write(record).ConfigureAwait(false);
                count++;
            }

            counts[table] = count;
        }

        await CopyAllAsync("account_maps", source.Maps(), m => target.MapAsync(m, cancellationToken)).ConfigureAwait(false);
        await CopyAllAsync("map_history", source.History(), h => target.HistoryAsync(h.Workspace, h.Entry, cancellationToken)).ConfigureAwait(false);
        await CopyAllAsync("applied_keys", source.AppliedKeys(), k => target.AppliedKeyAsync(k.Workspace, k.Key, k.MapId, k.Version, k.AppliedAt, cancellationToken)).ConfigureAwait(false);
        await CopyAllAsync("channel_settings", source.ChannelSettings(), s => target.ChannelSettingsAsync(s, cancellationToken)).ConfigureAwait(false);
        await CopyAllAsync("conversations", source.Conversations(), c => target.ConversationAsync(c, cancellationToken)).ConfigureAwait(false);
        await CopyAllAsync("blocked_conversations", source.BlockedConversations(), b => target.BlockedConversationAsync(b, cancellationToken)).ConfigureAwait(false);
        await CopyAllAsync("workspace_installations", source.WorkspaceInstallations(), i => target.WorkspaceInstallationAsync(i, cancellationToken)).ConfigureAwait(false);
        await CopyAllAsync("digest_outbox", source.DigestOutbox(), e => target.DigestAsync(e, cancellationToken)).ConfigureAwait(false);
        return counts;
    }
}
