using System.Net;
using System.Net.Http.Headers;
using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;
using AccountBot.Operations;
using AccountBot.Reminders;
using AccountBot.Storage.LiteDb;
using AccountBot.Testing.Builders;
using AccountBot.Testing.Files;
using AccountBot.Testing.Logging;
using AccountBot.Host.Tests.Reminders;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace AccountBot.Host.Tests.Operations;

/// <summary>
/// The loopback admin endpoint of a running host (WebApplicationFactory starts the bot's hosted services, so the
/// endpoint is a real Kestrel listener on 127.0.0.1) and the CLI commands that use it when the bot holds the database.
/// </summary>
[Collection(HostBuildingCollection.Name)]
public sealed class AdminEndpointTests : IDisposable
{
    private static readonly WorkspaceKey Workspace = WorkspaceKey.ForSlack(null, "T1");
    private readonly TestHost hosts = new("admin");
    private readonly LogRecorder logs = new();

    public void Dispose()
    {
        logs.Dispose();
        hosts.Dispose();
    }

    private string AdminFile => AdminEndpointFile.PathFor(hosts.DatabasePath);

    private WebApplicationFactory<Program> StartBot(params (string Key, string? Value)[] settings)
    {
        var host = hosts.Create(web => web.ConfigureLogging(l => l.AddProvider(logs)), settings);
        _ = host.Server;
        return host;
    }

    private async Task SeedAsync()
    {
        Directory.CreateDirectory(hosts.Folder);
        using var context = new LiteDbContext(hosts.DatabasePath, NullLogger<LiteDbContext>.Instance);
        var store = new LiteDbAccountMapStore(context, new FakeTimeProvider(MapBuilder.DefaultTime), NullLogger<LiteDbAccountMapStore>.Instance);
        var acme = MapBuilder.For(Workspace).Named("Acme").OwnedBy(new UserRef("U2", "Bo Seller")).LinkedTo("C1", "deals").Build();
        await store.SaveAsync(new MapWrite(acme, new HistoryEntry(acme.Id, 1, acme.Created.At, acme.Created.By, "created", [])), CancellationToken.None);
    }

    private async Task<(int Code, string Output, string Error)> RemindersAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await ReminderCli.RunAsync(args, output, error, b => b.Configuration["Storage:LiteDb:Path"] = hosts.DatabasePath, CancellationToken.None);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task RemindersPreview_WhileTheBotRuns_PrintsWhatItPrintsWithTheBotStopped()
    {
        await SeedAsync();
        var stopped = await RemindersAsync("reminders", "preview", "--at", "2026-12-07T09:00Z");

        // Without its scheduler, which would otherwise queue this week's digest between the two previews.
        await using var bot = StartBot(("Reminders:Enabled", "false"));
        var running = await RemindersAsync("reminders", "preview", "--at", "2026-12-07T09:00Z");

        Assert.Equal(CliExitCode.Ok, stopped.Code);
        Assert.Contains("digest slack:T1 #deals (C1) slack:T1|C1|2026-W50", stopped.Output, StringComparison.Ordinal);
        Assert.True(running.Code == CliExitCode.Ok, running.Error);
        Assert.Equal(stopped.Output, running.Output);
        Assert.Contains("Admin endpoint: POST /reminders/preview", logs.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RemindersRunNow_WhileTheBotRuns_TheBotRunsItAndTheCliPrintsTheReport()
    {
        await using var bot = StartBot();

        var (code, output, error) = await RemindersAsync("reminders", "run-now", "--channel", "C9");

        Assert.True(code == CliExitCode.Ok, error);
        Assert.StartsWith("Reminders run at ", output, StringComparison.Ordinal);
        Assert.Contains(" for channel C9.", output, StringComparison.Ordinal);
        Assert.Contains("0 sent, 0 to retry, 0 failed, 0 unknown, 0 settled.", output, StringComparison.Ordinal);
        Assert.Contains("Admin endpoint: POST /reminders/run-now", logs.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdminEndpoint_NoOrWrongToken_401AndTheTokenIsNeverLogged()
    {
        await using var bot = StartBot();
        var endpoint = AdminEndpointFile.Read(hosts.DatabasePath)!;
        using var http = new HttpClient();

        using var none = await http.GetAsync(new Uri(endpoint.Address, "status"));
        using var wrong = new HttpRequestMessage(HttpMethod.Get, new Uri(endpoint.Address, "status"));
        wrong.Headers.Authorization = new AuthenticationHeaderValue("Bearer", endpoint.Token[..^1]);
        using var wrongAnswer = await http.SendAsync(wrong);
        using var right = new HttpRequestMessage(HttpMethod.Get, new Uri(endpoint.Address, "status"));
        right.Headers.Authorization = new AuthenticationHeaderValue("Bearer", endpoint.Token);
        using var rightAnswer = await http.SendAsync(right);

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongAnswer.StatusCode);
        Assert.Equal(HttpStatusCode.OK, rightAnswer.StatusCode);
        Assert.Equal("ready", await rightAnswer.Content.ReadAsStringAsync());
        Assert.True(endpoint.Address.IsLoopback);
        Assert.Equal("127.0.0.1", endpoint.Address.Host);
        Assert.Contains("no token", logs.Text, StringComparison.Ordinal);
        Assert.Contains("wrong token", logs.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(endpoint.Token, logs.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(endpoint.Token[..^1], logs.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdminEndpoint_RightTokenFromAnotherMachine_404()
    {
        await using var bot = StartBot();
        var endpoint = AdminEndpointFile.Read(hosts.DatabasePath)!;
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse("192.0.2.7");
        context.Request.Method = "GET";
        context.Request.Path = "/status";
        context.Request.Headers.Authorization = "Bearer " + endpoint.Token;

        await bot.Services.GetRequiredService<AdminRequests>().HandleAsync(context, endpoint.Token);

        Assert.Equal(StatusCodes.Status404NotFound, context.Response.StatusCode);
        Assert.Contains("not from loopback", logs.Text, StringComparison.Ordinal);
    }

    [UnixFact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task TokenFile_OwnerOnlyWhileRunning_GoneAfterAStop()
    {
        var bot = StartBot();
        var mode = File.GetUnixFileMode(AdminFile);
        await bot.DisposeAsync();

        Assert.Equal(FileModes.OwnerOnlyFile, mode);
        Assert.False(File.Exists(AdminFile));
    }

    [Fact]
    public async Task TokenFile_ANewTokenEveryStart()
    {
        string first;
        await using (var bot = StartBot())
            first = AdminEndpointFile.Read(hosts.DatabasePath)!.Token;
        await using var again = StartBot();

        Assert.NotEqual(first, AdminEndpointFile.Read(hosts.DatabasePath)!.Token);
        Assert.True(first.Length >= 43);
    }

    [Fact]
    public async Task AdminEndpoint_Disabled_NoFileAndTheCliSaysStopTheBot()
    {
        await using var bot = hosts.Create(("Admin:Enabled", "false"));
        _ = bot.Server;

        var (code, _, error) = await RemindersAsync("reminders", "run-now");

        Assert.False(File.Exists(AdminFile));
        Assert.Equal(CliExitCode.CouldNotRun, code);
        Assert.Contains("Admin:Enabled is false", error, StringComparison.Ordinal);
    }
}
