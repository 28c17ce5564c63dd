using System.Security.Cryptography;
using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;
using AccountBot.Core.Reminders;
using AccountBot.Reminders;
using AccountBot.Storage.LiteDb;
using AccountBot.Testing.Builders;
using AccountBot.Testing.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

using AccountBot.Operations;

namespace AccountBot.Host.Tests.Reminders;

[Collection(HostBuildingCollection.Name)]
public sealed class ReminderCliTests : IDisposable
{
    private static readonly WorkspaceKey Workspace = WorkspaceKey.ForSlack(null, "T1");
    private static readonly DateTimeOffset Monday0900 = MapBuilder.DefaultTime;

    private readonly string folder = Path.Combine(Path.GetTempPath(), "accountbot-cli-tests", Guid.NewGuid().ToString("N"));
    private readonly ScriptedDigestSender slack = new(Platform.Slack);
    private readonly FakeTimeProvider time = new(Monday0900);

    public ReminderCliTests() => Directory.CreateDirectory(folder);

    private string DatabasePath => Path.Combine(folder, "bot.db");

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private async Task SeedAsync()
    {
        using var context = new LiteDbContext(DatabasePath, NullLogger<LiteDbContext>.Instance);
        var store = new LiteDbAccountMapStore(context, time, NullLogger<LiteDbAccountMapStore>.Instance);
        var acme = MapBuilder.For(Workspace).WithId(new Guid("00000000-0000-0000-0000-000000000001"))
            .Named("Acme").OwnedBy(new UserRef("U2", "Bo Seller")).LinkedTo("C1", "deals").LinkedTo("C2", "emea").Build();
        await store.SaveAsync(new MapWrite(acme, new HistoryEntry(acme.Id, 1, acme.Created.At, acme.Created.By, "created", [])), CancellationToken.None);
    }

    private async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await ReminderCli.RunAsync(
            args,
            output,
            error,
            builder =>
            {
                builder.Configuration["Storage:LiteDb:Path"] = DatabasePath;

                // One send at a time, so the scripted platform numbers messages in key order.
                builder.Configuration["Reminders:MaxParallelSends"] = "1";
                builder.Services.AddSingleton<TimeProvider>(time);
                builder.Services.AddSingleton<IDigestSender>(slack);
            },
            CancellationToken.None);
        return (code, output.ToString(), error.ToString());
    }

    private byte[] Hash() => SHA256.HashData(File.ReadAllBytes(DatabasePath));

    [Theory]
    [InlineData("reminders")]
    [InlineData("reminders", "frob")]
    [InlineData("reminders", "preview", "--at")]
    [InlineData("reminders", "preview", "--at", "next tuesday")]
    [InlineData("reminders", "preview", "--channel", "C1")]
    [InlineData("reminders", "run-now", "--channel")]
    [InlineData("reminders", "run-now", "--channel", "C1", "--at", "2026-12-07T09:00Z")]
    public async Task RunAsync_BadArguments_UsageAndExitCode2(params string[] args)
    {
        var (code, output, error) = await RunAsync(args);

        Assert.Equal(CliExitCode.BadArguments, code);
        Assert.Contains("Usage:", error, StringComparison.Ordinal);
        Assert.Empty(output);
        Assert.False(File.Exists(DatabasePath));
    }

    [Fact]
    public async Task RunAsync_Help_UsageOnStdoutExit0()
    {
        var (code, output, _) = await RunAsync("reminders", "help");

        Assert.Equal(CliExitCode.Ok, code);
        Assert.Contains("reminders preview [--at <instant>]", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("reminders")]
    [InlineData("reminders", "preview")]
    public void IsCommand_RemindersFirst_True(params string[] args) => Assert.True(ReminderCli.IsCommand(args));

    [Theory]
    [InlineData]
    [InlineData("--urls", "http://localhost:5000")]
    [InlineData("preview", "reminders")]
    public void IsCommand_Otherwise_False(params string[] args) => Assert.False(ReminderCli.IsCommand(args));

    [Fact]
    public async Task Preview_At_PrintsEachDigestAndItsItemsAndWritesNothing()
    {
        await SeedAsync();
        var before = Hash();

        var (code, output, error) = await RunAsync("reminders", "preview", "--at", "2026-12-07T09:00Z");

        Assert.Equal(CliExitCode.Ok, code);
        Assert.Equal(before, Hash());
        Assert.Empty(slack.Calls);
        var lines = output.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Reminders preview at 2026-12-07T09:00:00Z: nothing is sent or written.", lines[0]);
        Assert.Equal("digest slack:T1 #deals (C1) slack:T1|C1|2026-W50: 1 account(s), occurrence 2026-12-07T09:00:00Z", lines[1]);
        Assert.StartsWith("  - Acme (owner Bo Seller): no champion", lines[2], StringComparison.Ordinal);
        Assert.Equal("digest slack:T1 #emea (C2) slack:T1|C2|2026-W50: 1 account(s), occurrence 2026-12-07T09:00:00Z", lines[3]);
        Assert.Equal("2 digest(s) would be sent, 0 week(s) settled, 0 already queued.", lines[^1]);
        Assert.StartsWith("  - Acme (owner Bo Seller): no champion", lines[4], StringComparison.Ordinal);
        Assert.Equal(6, lines.Length);
        Assert.DoesNotContain("fail", error, StringComparison.OrdinalIgnoreCase);

        using var context = new LiteDbContext(DatabasePath, NullLogger<LiteDbContext>.Instance);
        Assert.Empty(await new LiteDbDigestOutbox(context).ListKeysAsync(Workspace, CancellationToken.None));
    }

    [Fact]
    public async Task RunNow_FakeSender_SendsDueDigestsOnceAndSaysWhatHappened()
    {
        await SeedAsync();
        slack.Script("C2", DeliveryResult.Permanent("not_in_channel"));

        var (code, output, _) = await RunAsync("reminders", "run-now");
        var again = await RunAsync("reminders", "run-now");

        Assert.Equal(CliExitCode.Ok, code);
        Assert.True(output.Contains("sent    slack:T1|C1|2025-W10", StringComparison.Ordinal), output);
        Assert.Contains("sent    slack:T1|C1|2025-W10 (attempt 1) message msg-1", output, StringComparison.Ordinal);
        Assert.Contains("failed  slack:T1|C2|2025-W10 (attempt 1): not_in_channel", output, StringComparison.Ordinal);
        Assert.Contains("1 sent, 0 to retry, 1 failed, 0 unknown, 0 settled.", output, StringComparison.Ordinal);
        Assert.Equal(CliExitCode.Ok, again.Code);
        Assert.Contains("0 sent, 0 to retry, 0 failed, 0 unknown, 0 settled.", again.Output, StringComparison.Ordinal);
        Assert.Equal(["C1"], slack.Delivered.Select(d => d.ChannelId));
    }

    [Fact]
    public async Task PreviewThenRunNow_AttemptLeftInDoubtByACrash_ShownThenSentAgainAndSaidSo()
    {
        await SeedAsync();
        using (var context = new LiteDbContext(DatabasePath, NullLogger<LiteDbContext>.Instance))
        {
            var started = Monday0900.AddMinutes(-5);
            var key = new DigestKey(Workspace, "C1", "2025-W10");
            var digest = new PlannedDigest(key, new ChannelRef("C1", "deals"), started, new Digest([new DigestItem
            {
                MapId = Guid.NewGuid(), Name = "Acme", Owner = new UserRef("U2", "Bo Seller"), Gaps = [], Summary = "no champion", Severity = 1, CommandName = "Acme",
            }], 0));
            await new LiteDbDigestOutbox(context).TryAddAsync(
                new OutboxEntry { Key = key, State = OutboxState.Sending, Digest = digest, CreatedAt = started, UpdatedAt = started, Attempts = 1, AttemptId = Guid.NewGuid(), AttemptStartedAt = started },
                CancellationToken.None);
        }

        var preview = await RunAsync("reminders", "preview");
        var run = await RunAsync("reminders", "run-now");

        Assert.Contains("queued  slack:T1 C1 slack:T1|C1|2025-W10: outcome of attempt 1 unknown, resolved at 2025-03-03T08:57:00Z", preview.Output, StringComparison.Ordinal);
        Assert.Contains("recovered slack:T1|C1|2025-W10: an earlier attempt's outcome was unknown; sending again:", run.Output, StringComparison.Ordinal);
        Assert.Contains("sent    slack:T1|C1|2025-W10 (attempt 2)", run.Output, StringComparison.Ordinal);
        Assert.Equal(["C1", "C2"], slack.Delivered.Select(d => d.ChannelId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Preview_NoDatabaseFile_Exit1AndCreatesNothing()
    {
        var (code, output, error) = await RunAsync("reminders", "preview");

        Assert.Equal(CliExitCode.CouldNotRun, code);
        Assert.Contains($"there is no database at {DatabasePath}", error, StringComparison.Ordinal);
        Assert.Empty(output);
        Assert.False(File.Exists(DatabasePath));
    }

    [Fact]
    public async Task Preview_DatabasePathOnTheCommandLine_TakesTheOverride()
    {
        var elsewhere = Path.Combine(folder, "elsewhere.db");
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await ReminderCli.RunAsync(["reminders", "preview", "--at", "2026-12-07T09:00Z", "--Storage:LiteDb:Path=" + elsewhere], output, error, null, CancellationToken.None);

        Assert.Equal(CliExitCode.CouldNotRun, code);
        Assert.Contains($"there is no database at {elsewhere}", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunNow_Channel_OnlyThatChannel()
    {
        await SeedAsync();

        var (code, output, _) = await RunAsync("reminders", "run-now", "--channel", "C2");

        Assert.Equal(CliExitCode.Ok, code);
        Assert.StartsWith("Reminders run at 2025-03-03T09:00:00Z for channel C2.", output, StringComparison.Ordinal);
        Assert.Equal(["C2"], slack.Delivered.Select(d => d.ChannelId));
    }

    [Fact]
    public async Task RunNow_DatabaseHeldByTheRunningBot_Exit1NamingTheFile()
    {
        await SeedAsync();
        using var running = new LiteDbContext(DatabasePath, NullLogger<LiteDbContext>.Instance);

        var (code, _, error) = await RunAsync("reminders", "run-now");

        Assert.Equal(CliExitCode.CouldNotRun, code);
        Assert.Contains(DatabasePath, error, StringComparison.Ordinal);
        Assert.Empty(slack.Calls);
    }
}
