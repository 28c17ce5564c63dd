using AccountBot.EndToEnd.Tests.Product;
using AccountBot.Testing.Postgres;
using AccountBot.Testing.ScaleOut;

namespace AccountBot.EndToEnd.Tests.ScaleOut;

/// <summary>
/// Two AccountBot host processes on one PostgreSQL database (a fresh one on the test cluster), started together (so
/// both race to migrate it) behind a <see cref="RoundRobinProxy"/>: the bot as it runs scaled out. Teams requests are
/// let in by the development bypass (no token), Slack requests are signed with <see cref="SigningSecret"/>; both
/// platforms' APIs are the fakes at the addresses given.
/// </summary>
internal sealed class TwoInstanceRig : IAsyncDisposable
{
    public const string SigningSecret = "scale-out-signing-secret-0123456789";

    private readonly AccountBotHostProcess?[] _instances;

    private TwoInstanceRig(string connectionString, AccountBotHostProcess[] instances, RoundRobinProxy proxy)
    {
        ConnectionString = connectionString;
        _instances = instances;
        Proxy = proxy;
    }

    public string ConnectionString { get; }

    public RoundRobinProxy Proxy { get; }

    /// <summary>The instance the proxy numbers <paramref name="index"/> (throws once it has been killed).</summary>
    public AccountBotHostProcess Instance(int index) => _instances[index] ?? throw new InvalidOperationException($"instance {index} was killed");

    public static async Task<TwoInstanceRig> StartAsync(Uri slackApiBaseUrl, IReadOnlyDictionary<string, string>? settings, CancellationToken cancellationToken)
    {
        var connectionString = await PostgresCluster.Shared.CreateDatabaseAsync("scaleout");
        var environment = new Dictionary<string, string>
        {
            ["Storage__Provider"] = "Postgres",
            ["Storage__Postgres__ConnectionString"] = connectionString,
            ["Slack__SigningSecret"] = SigningSecret,
            ["Slack__BotToken"] = "xoxb-scale-out",
            ["Slack__ApiBaseUrl"] = slackApiBaseUrl.AbsoluteUri,
            ["Reminders__Enabled"] = "false",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__AccountBot.Hosting"] = "Information",

            // The development bypass warns on every request by design.
            ["Logging__LogLevel__AccountBot.Teams.Security"] = "Error",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            environment[key] = value;

        var starting = Enumerable.Range(0, 2)
            .Select(_ => AccountBotHostProcess.StartAsync(new AccountBotHostSettings { Environment = environment }, cancellationToken))
            .ToArray();
        try
        {
            var instances = await Task.WhenAll(starting);
            var proxy = await RoundRobinProxy.StartAsync([.. instances.Select(i => i.BaseAddress)], cancellationToken);
            return new TwoInstanceRig(connectionString, instances, proxy);
        }
        catch
        {
            foreach (var started in starting.Where(s => s.IsCompletedSuccessfully))
                await started.Result.DisposeAsync();
            await PostgresCluster.Shared.DropDatabaseAsync(connectionString);
            throw;
        }
    }

    /// <summary>SIGKILL: the instance gets no chance to finish, flush or release anything.</summary>
    public async Task KillAsync(int index)
    {
        var instance = Instance(index);
        _instances[index] = null;
        await instance.DisposeAsync();
    }

    /// <summary>What every instance still running printed, for a failure message.</summary>
    public string Output => string.Join(
        Environment.NewLine,
        _instances.Select((instance, index) => $"--- instance {index} ---{Environment.NewLine}{instance?.Output ?? "(killed)"}"));

    public async ValueTask DisposeAsync()
    {
        await Proxy.DisposeAsync();
        foreach (var instance in _instances)
        {
            if (instance is not null)
                await instance.DisposeAsync();
        }

        await PostgresCluster.Shared.DropDatabaseAsync(ConnectionString);
    }
}
