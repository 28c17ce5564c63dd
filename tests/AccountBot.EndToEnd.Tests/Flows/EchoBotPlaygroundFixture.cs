using AccountBot.EndToEnd.Tests.EchoBot;
using AccountBot.EndToEnd.Tests.Harness;

namespace AccountBot.EndToEnd.Tests.Flows;

/// <summary>
/// One test bot and one Playground per test class (the Playground keeps its state in memory), with
/// realistic Teams ids from <see cref="PlaygroundTeamsIds.Realistic"/>.
/// </summary>
public class EchoBotPlaygroundFixture : IAsyncLifetime
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    private EchoBotHost? _bot;
    private PlaygroundSession? _session;

    public EchoBotHost Bot => _bot ?? throw new InvalidOperationException("Not started.");
    public PlaygroundSession Session => _session ?? throw new InvalidOperationException("Not started.");
    public PlaygroundClient Client => Session.Client;

    /// <summary>Null runs the Playground with its built-in ids and <c>--conversation-id</c>.</summary>
    protected virtual PlaygroundTeamsIds? TeamsIds => PlaygroundTeamsIds.Realistic;

    public async Task InitializeAsync()
    {
        _bot = await EchoBotHost.StartAsync(CancellationToken.None);
        _session = await PlaygroundSession.StartAsync(_bot.Endpoint, TeamsIds, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (_session is not null)
            await _session.DisposeAsync();
        if (_bot is not null)
            await _bot.DisposeAsync();
    }
}
