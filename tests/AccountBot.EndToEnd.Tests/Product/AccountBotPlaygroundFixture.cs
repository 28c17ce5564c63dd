using AccountBot.EndToEnd.Tests.Harness;

namespace AccountBot.EndToEnd.Tests.Product;

/// <summary>One real AccountBot host process and one Playground per test class, realistic Teams ids.</summary>
public class AccountBotPlaygroundFixture : IAsyncLifetime
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    private AccountBotHostProcess? _host;
    private PlaygroundSession? _session;

    public AccountBotHostProcess Host => _host ?? throw new InvalidOperationException("Not started.");
    public PlaygroundSession Session => _session ?? throw new InvalidOperationException("Not started.");
    public PlaygroundClient Client => Session.Client;

    protected virtual bool AllowUnauthenticated => true;

    public async Task InitializeAsync()
    {
        _host = await AccountBotHostProcess.StartAsync(AllowUnauthenticated, CancellationToken.None);
        _session = await PlaygroundSession.StartAsync(_host.Endpoint, PlaygroundTeamsIds.Realistic, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (_session is not null)
            await _session.DisposeAsync();
        if (_host is not null)
            await _host.DisposeAsync();
    }
}
