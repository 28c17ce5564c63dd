using AccountBot.Adapters.Conversations;
using AccountBot.Core.Channels;
using AccountBot.Storage.LiteDb.Documents;
using LiteDB;
using Microsoft.Extensions.Logging;

namespace AccountBot.Storage.LiteDb;

/// <summary>
/// The one <see cref="LiteDatabase"/> of the process (a singleton, disposed on shutdown): opens the
/// file in direct mode with its own <see cref="BsonMapper"/>, makes sure the indexes exist, and
/// turns every way opening can fail into a <see cref="LiteDbStartupException"/> that says what to do.
/// </summary>
public sealed class LiteDbContext : IDisposable
{
    internal const string MapsCollection = "maps";
    internal const string HistoryCollection = "history";
    internal const string AppliedKeysCollection = "applied_keys";
    internal const string ChannelSettingsCollection = "channel_settings";
    internal const string ConversationsCollection = "conversations";
    internal const string BlockedConversationsCollection = "blocked_conversations";
    internal const string WorkspaceInstallationsCollection = "workspace_installations";

    private readonly ILogger<LiteDbContext> _logger;
    private readonly FileStream _lockFile;
    private readonly LiteDatabase _database;
    private readonly Lock _disposeGate = new();
    private volatile bool _disposed;

    public LiteDbContext(string path, ILogger<LiteDbContext> logger, int mapCacheSize = LiteDbOptions.DefaultMapCacheSize)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(logger);
        _logger = logger;
        MapCache = new MapCache(mapCacheSize);
        Path = System.IO.Path.GetFullPath(path);
        Mapper = CreateMapper();

        FileStream? lockFile = null;
        LiteDatabase? database = null;
        try
        {
            LiteDbFiles.Prepare(Path, _logger);
            lockFile = LiteDbFiles.AcquireLock(Path);
            LiteDbFiles.ThrowIfNotLiteDb(Path);
            database = Open(Path, Mapper);
            EnsureIndexes(Path, database);
        }
        catch (Exception ex)
        {
            database?.Dispose();
            lockFile?.Dispose();
            if (ex is LiteDbStartupException startup)
            {
                Log.DatabaseOpenFailed(_logger, Path, startup.Failure, startup);
            }

            throw;
        }

        _lockFile = lockFile;
        _database = database;
        Maps = _database.GetCollection<AccountMapDocument>(MapsCollection);
        History = _database.GetCollection<HistoryEntryDocument>(HistoryCollection);
        AppliedKeys = _database.GetCollection<AppliedKeyDocument>(AppliedKeysCollection);
        ChannelSettings = _database.GetCollection<ChannelSettingsDocument>(ChannelSettingsCollection);
        Conversations = _database.GetCollection<ConversationAddressDocument>(ConversationsCollection);
        BlockedConversations = _database.GetCollection<BlockedConversationDocument>(BlockedConversationsCollection);
        WorkspaceInstallations = _database.GetCollection<WorkspaceInstallationDocument>(WorkspaceInstallationsCollection);
        Log.DatabaseOpened(_logger, Path);
    }

    /// <summary>The full path of the database file.</summary>
    public string Path { get; }

    /// <summary>The mapper of this database (never <see cref="BsonMapper.Global"/>).</summary>
    internal BsonMapper Mapper { get; }

    internal LiteDatabase Database => _database;

    /// <summary>Deserialised maps of this database, checked against their stored version on every read.</summary>
    internal MapCache MapCache { get; }

    /// <summary>
    /// Held around every multi-document write transaction. LiteDB 5 takes a collection's write lock
    /// only at the first write, so two transactions can both read version N before either writes:
    /// without this gate both would pass the version check and one update would be lost. Never held
    /// across an await.
    /// </summary>
    internal Lock WriteGate { get; } = new();

    internal ILiteCollection<AccountMapDocument> Maps { get; }

    internal ILiteCollection<HistoryEntryDocument> History { get; }

    internal ILiteCollection<AppliedKeyDocument> AppliedKeys { get; }

    internal ILiteCollection<ChannelSettingsDocument> ChannelSettings { get; }

    internal ILiteCollection<ConversationAddressDocument> Conversations { get; }

    internal ILiteCollection<BlockedConversationDocument> BlockedConversations { get; }

    internal ILiteCollection<WorkspaceInstallationDocument> WorkspaceInstallations { get; }

    /// <summary>
    /// The readiness probe (for <c>/readyz</c>): true when the database answers a read from disk.
    /// Cheap, never throws.
    /// </summary>
    public bool Ping()
    {
        if (_disposed)
        {
            return false;
        }

        try
        {
            _ = ChannelSettings.FindById(string.Empty);
            return true;
        }
        catch (Exception ex)
        {
            Log.PingFailed(_logger, Path, ex);
            return false;
        }
    }

    /// <summary>
    /// Checkpoints and closes the file. Two threads can get here at once: with minimal hosting, disposing a
    /// <c>WebApplicationFactory</c> disposes the host while the app's own <c>Run</c> disposes it too. The second
    /// caller waits until the first has closed the file, so whoever returns from here may read or copy it.
    /// </summary>
    public void Dispose()
    {
        lock (_disposeGate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            try
            {
                // LiteDB's own close only tries a checkpoint and skips it while another thread's read is still in
                // flight, leaving the changes in the -log file and the data file as it was: a token encrypted at
                // start-up would stay readable in plain text there until the next start. This one waits for it.
                _database.Checkpoint();
            }
            finally
            {
                _database.Dispose();
            }

            _lockFile.Dispose();
        }

        Log.DatabaseClosed(_logger, Path);
    }

    private static BsonMapper CreateMapper()
    {
        var mapper = new BsonMapper
        {
            // Keep strings exactly as the domain made them: "" is not null, "  x" is not "x".
            TrimWhitespace = false,
            EmptyStringToNull = false,
            SerializeNullValues = false,

            // Enums as their names, so reordering an enum never changes what the file means.
            EnumAsInteger = false,
            IncludeFields = false,
            IncludeNonPublic = false,
        };

        // Build every document type's entity mapping now, nested types included: LiteDB 5 builds them
        // lazily and publishes a half-built mapping to other threads (seen as "Collection was modified"
        // when two runners first inserted an outbox entry at once). Every type of the Documents
        // namespace is covered, so a new document type cannot be forgotten here.
        foreach (var type in typeof(LiteDbContext).Assembly.GetTypes()
            .Where(t => t.IsClass && t.IsPublic && t.Namespace == typeof(AccountMapDocument).Namespace))
        {
            _ = mapper.ToDocument(type, Activator.CreateInstance(type));
        }

        return mapper;
    }

    private static LiteDatabase Open(string path, BsonMapper mapper)
    {
        var connection = new ConnectionString
        {
            Filename = path,
            Connection = ConnectionType.Direct,

            // Ordinal comparisons: keys such as "slack:T01|acme" must never match case-insensitively.
            // Only applies when the file is created; it is stored in the file.
            Collation = Collation.Binary,
        };

        LiteDatabase? database = null;
        try
        {
            database = new LiteDatabase(connection, mapper);
            database.UtcDate = true;
            return database;
        }
        catch (Exception ex)
        {
            database?.Dispose();
            throw Classify(path, ex);
        }
    }

    private static void EnsureIndexes(string path, LiteDatabase database)
    {
        try
        {
            var maps = database.GetCollection<AccountMapDocument>(MapsCollection);
            maps.EnsureIndex(m => m.WorkspaceNameKey, unique: true);
            maps.EnsureIndex(m => m.Workspace);
            maps.EnsureIndex(nameof(AccountMapDocument.LookupKeys), "$.LookupKeys[*]");
            maps.EnsureIndex(nameof(AccountMapDocument.ChannelKeys), "$.ChannelKeys[*]");

            // History, applied keys and channel settings are keyed by composite primary keys
            // ({workspace}|{map}|{version}, {workspace}|{key}, {workspace}|{channel}): the _id index
            // is their (workspace, …) unique index.
            database.GetCollection<AppliedKeyDocument>(AppliedKeysCollection).EnsureIndex(k => k.AppliedAt);
            // At: for Privacy:HistoryRetentionDays, which prunes entries by age across every map.
            database.GetCollection<HistoryEntryDocument>(HistoryCollection).EnsureIndex(h => h.At);
            _ = database.GetCollection<ChannelSettingsDocument>(ChannelSettingsCollection);
            database.GetCollection<ConversationAddressDocument>(ConversationsCollection).EnsureIndex(c => c.Platform);
            database.GetCollection<BlockedConversationDocument>(BlockedConversationsCollection).EnsureIndex(c => c.Platform);
            LiteDbDigestOutbox.EnsureIndexes(database);
            LiteDbFollowUpOutbox.EnsureIndexes(database);
        }
        catch (Exception ex)
        {
            throw Classify(path, ex);
        }
    }

    /// <summary>
    /// LiteDB reports a damaged file through many exception types (LiteException, casts, ranges), so
    /// everything that is not an I/O or access problem counts as "corrupt".
    /// </summary>
    private static LiteDbStartupException Classify(string path, Exception ex) => ex switch
    {
        LiteDbStartupException startup => startup,
        IOException io when LiteDbFiles.IsSharingViolation(io) => new LiteDbStartupException(path, LiteDbStartupFailure.Locked, io.Message, io),
        IOException or UnauthorizedAccessException => new LiteDbStartupException(path, LiteDbStartupFailure.Unwritable, ex.Message, ex),
        _ => new LiteDbStartupException(path, LiteDbStartupFailure.Corrupt, ex.Message, ex),
    };
}
