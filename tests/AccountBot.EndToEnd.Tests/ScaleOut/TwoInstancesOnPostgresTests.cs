using System.Globalization;
using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;
using AccountBot.EndToEnd.Tests.Product;
using AccountBot.Storage.Postgres;
using AccountBot.Testing.Processes;
using AccountBot.Testing.Resilience;
using AccountBot.Testing.Slack;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Xunit.Abstractions;

namespace AccountBot.EndToEnd.Tests.ScaleOut;

/// <summary>
/// The bot scaled out: two host processes on one PostgreSQL database behind a round-robin proxy, so consecutive
/// requests of one person reach different instances. Nothing one instance needs may live only in the other's memory:
/// a Slack modal or a Teams card opened through one instance is submitted through the other; concurrent saves of one
/// map through both are each kept or refused, never lost; an instance SIGKILLed under load loses no acknowledged
/// change while the other keeps serving; both schedulers running still send each channel's digest once.
/// </summary>
public sealed class TwoInstancesOnPostgresTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);
    private readonly CancellationTokenSource _patience = new(Patience);
    private readonly HttpClient _http = new() { Timeout = Timeout.InfiniteTimeSpan };
    private FakeChatPlatforms _platforms = null!;
    private TwoInstanceRig? _rig;

    private CancellationToken Token => _patience.Token;

    public async Task InitializeAsync() => _platforms = await FakeChatPlatforms.StartAsync(Token);

    public async Task DisposeAsync()
    {
        if (_rig is not null)
        {
            output.WriteLine(_rig.Output);
            await _rig.DisposeAsync();
        }

        await _platforms.DisposeAsync();
        _http.Dispose();
        _patience.Dispose();
    }

    [Fact]
    public async Task SlackModal_OpenedThroughOneInstance_SubmittedThroughTheOther_IsSaved()
    {
        var users = await StartAsync();
        Assert.Contains("Acme", (await users.SlackCommandAsync("Acme create", cancellationToken: Token)).Body, StringComparison.Ordinal);

        var metadata = await users.OpenSlackFormAsync("Acme add", Token);
        var saved = await users.SubmitSlackFormAsync(metadata, "Jane Doe", "VP Engineering", Token);
        var shown = await users.SlackCommandAsync("Acme", cancellationToken: Token);

        Assert.True(saved);
        var served = _rig!.Proxy.Served;
        Assert.NotEqual(served[^3].Instance, served[^2].Instance);
        Assert.Equal(("/slack/interactivity", served[^3].Instance == 0 ? 1 : 0), served[^2]);
        Assert.Contains("Jane Doe", shown.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TeamsCard_SentByOneInstance_SubmittedThroughTheOther_IsAnswered()
    {
        var users = await StartAsync();
        await users.TeamsMessageAsync("map Globex create", Token);

        var card = await users.TeamsMessageAsync("map Globex add", Token);
        var replaced = await users.SubmitTeamsCardAsync(card, "John Roe", Token);

        var served = _rig!.Proxy.Served;
        Assert.NotEqual(served[^2].Instance, served[^1].Instance);
        Assert.Contains("added John Roe.", replaced, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConcurrentSaves_OfOneMapThroughBothInstances_EachKeptOrRefusedNeverLost()
    {
        const int Forms = 10;
        var users = await StartAsync();
        await users.SlackCommandAsync("Initech create", cancellationToken: Token);
        var forms = new List<string>();
        for (var i = 0; i < Forms; i++)
            forms.Add(await users.OpenSlackFormAsync("Initech add", Token));

        // All at once: the proxy spreads them over both instances, which race on the map's row.
        var outcomes = await Task.WhenAll(forms.Select((metadata, i) => users.SubmitSlackFormAsync(metadata, Person(i), "Title " + i, Token)));

        await using var dataSource = NpgsqlDataSource.Create(_rig!.ConnectionString);
        var store = new PostgresAccountMapStore(dataSource, TimeProvider.System, NullLogger<PostgresAccountMapStore>.Instance);
        var workspace = WorkspaceKey.ForSlack(null, ProxyUsers.SlackTeam);
        var map = await store.FindByNameAsync(workspace, "Initech", Token);
        Assert.NotNull(map);
        var names = map.Stakeholders.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        var history = await store.GetHistoryAsync(workspace, map.Id, 100, Token);
        for (var i = 0; i < Forms; i++)
            Assert.True(outcomes[i] == names.Contains(Person(i)), $"{Person(i)}: told saved = {outcomes[i]}, on the map = {names.Contains(Person(i))}");
        Assert.Equal(1 + outcomes.Count(saved => saved), map.Version);
        Assert.Equal(map.Version, history.Count);
        Assert.Contains(_rig.Proxy.Served.TakeLast(Forms), s => s.Instance == 0);
        Assert.Contains(_rig.Proxy.Served.TakeLast(Forms), s => s.Instance == 1);
        output.WriteLine($"{outcomes.Count(saved => saved)} of {Forms} saved, the rest refused");

        static string Person(int i) => string.Create(CultureInfo.InvariantCulture, $"Person {i:D2}");
    }

    [Fact]
    public async Task SigKill_OneInstanceUnderLoad_NoAcknowledgedChangeLost_TheOtherKeepsServing()
    {
        // SIGKILL is what this is about; Process.Kill is TerminateProcess on Windows.
        if (OperatingSystem.IsWindows())
            return;
        await StartAsync();
        var options = new CrashLoopOptions { HostDll = AccountBotHostProcess.LocateHost(), InFlight = 8, Seed = 1503 };
        var ledger = new ChangeLedger();
        var signer = new SlackRequestSigner(TwoInstanceRig.SigningSecret, TimeProvider.System);
        var clients = Enumerable.Range(0, options.InFlight)
            .Select(i => i % 2 == 0
                ? (CrashClient)new SlackCrashClient(i, i / 2 / options.ClientsPerMap, ledger, options, options.Seed + i, _http, _platforms, signer)
                : new TeamsCrashClient(i, i / 2 / options.ClientsPerMap, ledger, options, options.Seed + i, _http, _platforms))
            .ToList();

        // Both instances under load, then instance 0 is killed with requests in flight.
        using (var bothAlive = CancellationTokenSource.CreateLinkedTokenSource(Token))
        {
            var epoch = new CrashEpoch(1, _rig!.Proxy.BaseAddress, bothAlive.Token);
            var load = Task.WhenAll(clients.Select(c => c.RunEpochAsync(epoch)));
            await ledger.WaitForAcknowledgedAsync(30, Token);
            var inFlight = ledger.RequestsInFlight;
            await _rig.KillAsync(0);
            output.WriteLine($"instance 0 killed with {inFlight} requests in flight, {ledger.AcknowledgedCount} acknowledged");
            await bothAlive.CancelAsync();
            await load;
        }

        // The survivor takes everything: the clients first send again what they never learned the outcome of.
        var killedAt = _rig.Proxy.Served.Count;
        var before = ledger.AcknowledgedCount;
        using (var oneAlive = CancellationTokenSource.CreateLinkedTokenSource(Token))
        {
            var epoch = new CrashEpoch(2, _rig.Proxy.BaseAddress, oneAlive.Token);
            var load = Task.WhenAll(clients.Select(c => c.RunEpochAsync(epoch)));
            await ledger.WaitForAcknowledgedAsync(before + 30, Token);
            await oneAlive.CancelAsync();
            await load;
        }

        Assert.All(_rig.Proxy.Served.Skip(killedAt), s => Assert.Equal(1, s.Instance));
        Assert.Empty(ledger.ClientViolations);
        var lost = await LostAsync(ledger);
        Assert.True(lost.Count == 0, string.Join(Environment.NewLine, lost));
        output.WriteLine($"{ledger.AcknowledgedCount} changes acknowledged, all of them stored");
    }

    [Fact]
    public async Task Digests_BothSchedulersRunning_EachChannelGetsItsDigestOnce()
    {
        const int Channels = 6;
        await using var slack = await FakeSlackApi.StartAsync(cancellationToken: Token);

        // A poll every second: both schedulers run again and again while the digests are due and after they are sent.
        await StartAsync(slack.ApiBaseUrl, new Dictionary<string, string>
        {
            ["Reminders__Enabled"] = "true",
            ["Reminders__PollInterval"] = "00:00:01",
            ["Logging__LogLevel__AccountBot.Reminders"] = "Debug",
        });
        await SeedDueMapsAsync(Channels);

        await slack.WaitForCallsAsync("chat.postMessage", Channels, Token);
        foreach (var index in new[] { 0, 1 })
        {
            var instance = _rig!.Instance(index);
            await instance.WaitForLinesAsync("Next reminder run", instance.CountLines("Next reminder run") + 2, Token);
        }

        // SIGTERM: a digest still being sent is finished or abandoned before the count.
        await _rig!.Instance(0).StopAsync();
        await _rig.Instance(1).StopAsync();
        var perChannel = slack.Posts.GroupBy(p => p.Channel).ToDictionary(g => g.Key!, g => g.Count());
        Assert.Equal(Channels, perChannel.Count);
        Assert.All(perChannel, channel => Assert.Equal(1, channel.Value));
    }

    private async Task<ProxyUsers> StartAsync(Uri? slackApi = null, IReadOnlyDictionary<string, string>? settings = null)
    {
        _rig = await TwoInstanceRig.StartAsync(slackApi ?? _platforms.SlackApiBaseUrl, settings, Token);
        return new ProxyUsers(_http, _rig.Proxy.BaseAddress, _platforms);
    }

    /// <summary>Maps nobody has reviewed for two months, one per channel: each channel is owed this week's digest.</summary>
    private async Task SeedDueMapsAsync(int channels)
    {
        await using var dataSource = NpgsqlDataSource.Create(_rig!.ConnectionString);
        var store = new PostgresAccountMapStore(dataSource, TimeProvider.System, NullLogger<PostgresAccountMapStore>.Instance);
        var workspace = WorkspaceKey.ForSlack(null, ProxyUsers.SlackTeam);
        var stamp = new Stamp(DateTimeOffset.UtcNow.AddDays(-60), new UserRef("U0SCALE", "Sam Seller"));
        for (var i = 0; i < channels; i++)
        {
            var name = string.Create(CultureInfo.InvariantCulture, $"Due{i}");
            var created = AccountMap.Create(workspace, name, MapKind.Sales, stamp, new ChannelRef(string.Create(CultureInfo.InvariantCulture, $"C0DUE{i}"), "due-" + i));
            var saved = await store.SaveAsync(created, Token);
            Assert.Equal(SaveOutcome.Saved, saved.Outcome);
        }
    }

    /// <summary>Every acknowledged change must be stored: its submission id recorded as applied and, for an add, the person on the map.</summary>
    private async Task<List<string>> LostAsync(ChangeLedger ledger)
    {
        await using var dataSource = NpgsqlDataSource.Create(_rig!.ConnectionString);
        var store = new PostgresAccountMapStore(dataSource, TimeProvider.System, NullLogger<PostgresAccountMapStore>.Instance);
        var lost = new List<string>();
        foreach (var change in ledger.Changes)
        {
            var workspace = WorkspaceKey.Parse(change.Person.Workspace);
            var applied = await store.IsAppliedAsync(workspace, change.SubmissionId, Token);
            if (change.IsAcknowledged && !applied)
                lost.Add($"{change} was acknowledged but is not recorded as applied");
            if (change.IsOnlyRejected && applied)
                lost.Add($"{change} was refused every time but is recorded as applied");
            if (change is { IsAcknowledged: true, Kind: ChangeKind.Add }
                && await store.GetAsync(workspace, change.Person.MapId, Token) is var map
                && map?.Stakeholders.Any(s => s.Name == change.Person.Name) != true)
            {
                lost.Add($"{change} was acknowledged but {change.Person.Name} is not on {change.Person.MapName}");
            }
        }

        return lost;
    }
}
