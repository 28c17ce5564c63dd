namespace AccountBot.Storage.LiteDb;

/// <summary>Set by <see cref="LiteDbStartup"/> once the database is open and its start-up work is done.</summary>
internal sealed class LiteDbReadiness
{
    private volatile LiteDbContext? _context;

    public LiteDbContext? Context => _context;

    public void Opened(LiteDbContext context) => _context = context;
}
