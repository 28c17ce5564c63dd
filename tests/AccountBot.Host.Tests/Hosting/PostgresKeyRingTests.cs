using System.Net;
using AccountBot.Host.Tests.Slack;
using AccountBot.Slack.Installations;
using AccountBot.Testing.Postgres;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace AccountBot.Host.Tests.Hosting;

/// <summary>
/// The Data Protection key ring on PostgreSQL: several instances are one bot only if a Slack bot token encrypted by one
/// is decrypted by every other, so on <c>Storage:Provider</c> = Postgres the key ring lives in the database.
/// </summary>
public sealed class PostgresKeyRingTests : IAsyncLifetime
{
    private string _connectionString = string.Empty;

    public async Task InitializeAsync() => _connectionString = await PostgresCluster.Shared.CreateDatabaseAsync("keyring");

    public Task DisposeAsync() => PostgresCluster.Shared.DropDatabaseAsync(_connectionString);

    private (string, string)[] Postgres => [("Storage:Provider", "Postgres"), ("Storage:Postgres:ConnectionString", _connectionString)];

    [Fact]
    public async Task SlackOAuth_StartedOnOneHostFinishedOnTheOther_TheFirstDecryptsTheStoredToken()
    {
        // Two machines: each host would have a key ring folder of its own (DataProtection:KeysPath), were it used.
        var folders = Directory.CreateTempSubdirectory("accountbot-keyring-").FullName;
        var (firstKeys, secondKeys) = (Path.Combine(folders, "first"), Path.Combine(folders, "second"));
        try
        {
            await using var first = await SlackBotHost.StartAsync(settings: [.. Postgres, ("DataProtection:KeysPath", firstKeys)]);
            await using var second = await SlackBotHost.StartAsync(settings: [.. Postgres, ("DataProtection:KeysPath", secondKeys)]);

            // A browser: the redirect to Slack is not followed, the state cookie is carried by hand to the other host.
            using var toFirst = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = first.Client.BaseAddress };
            using var toSecond = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = second.Client.BaseAddress };
            using var started = await toFirst.GetAsync(new Uri("/slack/install", UriKind.Relative));
            var state = QueryHelpers.ParseQuery(started.Headers.Location!.Query)["state"].ToString();
            var cookie = started.Headers.GetValues("Set-Cookie").Single().Split(';')[0];
            using var callback = new HttpRequestMessage(HttpMethod.Get, new Uri($"/slack/oauth/callback?code=c0de&state={Uri.EscapeDataString(state)}", UriKind.Relative));
            callback.Headers.Add("Cookie", cookie);
            using var finished = await toSecond.SendAsync(callback);

            Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
            Assert.True(finished.StatusCode == HttpStatusCode.OK, await finished.Content.ReadAsStringAsync());
            var installed = await first.Factory.Services.GetRequiredService<ISlackInstallationStore>().FindAsync(new SlackTeamKey(null, "T0FAKE"), CancellationToken.None);
            Assert.Equal("xoxb-fake-installed", installed?.BotToken);
            Assert.False(Directory.Exists(firstKeys) || Directory.Exists(secondKeys));
            await using var dataSource = NpgsqlDataSource.Create(_connectionString);
            await using var count = dataSource.CreateCommand("SELECT count(*) FROM data_protection_keys WHERE xml LIKE '<key %'");
            Assert.Equal(1L, await count.ExecuteScalarAsync());
        }
        finally
        {
            Directory.Delete(folders, recursive: true);
        }
    }
}
