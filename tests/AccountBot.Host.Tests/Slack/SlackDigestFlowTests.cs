using System.Globalization;
using System.Net;
using System.Text.Json;
using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;
using AccountBot.Core.Reminders;
using AccountBot.Slack.Rendering;
using AccountBot.Testing.Slack;
using Microsoft.Extensions.DependencyInjection;
using static AccountBot.Testing.Slack.SlackPayloads;

namespace AccountBot.Host.Tests.Slack;

/// <summary>
/// The weekly digest in Slack, end to end through the real host: its reminder runner posts the digest to the fake Web
/// API, then the digest's own buttons come back as signed block_actions and do what they say.
/// </summary>
public sealed class SlackDigestFlowTests : IAsyncLifetime
{
    private const string Channel = "C0DEALS";
    private static readonly WorkspaceKey Workspace = WorkspaceKey.ForSlack(null, "T0ACME");
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private SlackBotHost _host = null!;

    public async Task InitializeAsync() => _host = await SlackBotHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static CancellationToken Timeout() => new CancellationTokenSource(Patience).Token;

    private T Service<T>()
        where T : notnull => _host.Factory.Services.GetRequiredService<T>();

    /// <summary>A map nobody has looked at for two months, linked to the channel: what a digest is for.</summary>
    private async Task<AccountMap> SeedStaleMapAsync()
    {
        var stamp = new Stamp(DateTimeOffset.UtcNow.AddDays(-60), new UserRef("U0BO", "bo"));
        var created = AccountMap.Create(Workspace, "Globex", MapKind.Sales, stamp, new ChannelRef(Channel, "deals"));
        var saved = await Service<IAccountMapStore>().SaveAsync(created, CancellationToken.None);
        Assert.Equal(SaveOutcome.Saved, saved.Outcome);
        return saved.Map!;
    }

    private static string ButtonValue(FakeSlackPost digest, string actionId) =>
        digest.Call.Json.GetProperty("blocks").EnumerateArray()
            .Where(b => b.GetProperty("type").GetString() == "actions")
            .SelectMany(b => b.GetProperty("elements").EnumerateArray())
            .First(e => e.GetProperty("action_id").GetString() == actionId)
            .GetProperty("value").GetString()!;

    private async Task<FakeSlackCall> ClickAsync(FakeSlackPost digest, string actionId, string responseId)
    {
        // Counted before clicking: the answer may reach response_url before the click's own HTTP answer returns.
        var before = _host.Api.CallsTo("response_url").Count;
        var payload = BlockAction(actionId, ButtonValue(digest, actionId), channel: Channel, responseUrl: _host.Api.ResponseUrl(responseId), messageTs: digest.Ts, ephemeral: false);
        using (var clicked = await _host.InteractAsync(payload))
            Assert.Equal(HttpStatusCode.OK, clicked.StatusCode);
        var answers = await _host.Api.WaitForCallsAsync("response_url", before + 1, Timeout());
        return answers[before];
    }

    [Fact]
    public async Task Digest_PostedByTheHostsRunner_ItsButtonsMarkReviewedSnoozeAndOpenTheMap()
    {
        var map = await SeedStaleMapAsync();

        var report = await Service<ReminderRunner>().RunAsync(Channel, CancellationToken.None);

        Assert.Equal(OutboxState.Sent, Assert.Single(report.Outcomes).State);
        var digest = Assert.Single(_host.Api.Posts);
        Assert.Equal(Channel, digest.Channel);
        Assert.Equal("Bearer xoxb-acme", digest.Call.Authorization);
        Assert.Contains("Globex", digest.Call.Body, StringComparison.Ordinal);

        var reviewed = await ClickAsync(digest, SlackBotIds.DigestReviewed, "reviewed");
        Assert.Contains("marked Globex reviewed", reviewed.Body, StringComparison.Ordinal);
        var stored = await Service<IAccountMapStore>().GetAsync(Workspace, map.Id, CancellationToken.None);
        Assert.Equal("U0ANA", stored!.LastReviewed!.By.Id);
        Assert.True(stored.LastReviewed.At > map.Created.At.AddDays(59));

        var snoozed = await ClickAsync(digest, SlackBotIds.DigestSnooze, "snoozed");
        Assert.Contains("snoozed reminders about Globex in this channel", snoozed.Body, StringComparison.Ordinal);
        var settings = await Service<IChannelSettingsStore>().GetAsync(Workspace, Channel, CancellationToken.None);
        Assert.Equal(map.Id, Assert.Single(settings!.Snoozes).MapId);

        var opened = await ClickAsync(digest, SlackBotIds.DigestOpen, "open");
        var blocks = opened.Json.GetProperty("blocks").EnumerateArray().Select(b => b.GetRawText()).ToList();
        Assert.Contains(blocks, b => b.Contains("Globex", StringComparison.Ordinal) && b.Contains("\"header\"", StringComparison.Ordinal));

        // Each click answered its own response_url with a new message, leaving the digest in place.
        Assert.All(_host.Api.CallsTo("response_url"), c => Assert.False(c.Json.TryGetProperty("replace_original", out var r) && r.GetBoolean()));
        Assert.Single(_host.Api.Posts);
    }

    [Fact]
    public async Task Digest_RunNow_CoveredMapWhoseChampionsStepIsOverdue_PostsTheOverdueGap()
    {
        // Older than the last scheduled occurrence: a map made since waits for next week.
        var stamp = new Stamp(DateTimeOffset.UtcNow.AddDays(-10), new UserRef("U0BO", "bo"));
        var due = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-3);
        var created = AccountMap.Create(Workspace, "Initech", MapKind.Sales, stamp, new ChannelRef(Channel, "deals"));
        var map = created.Map with
        {
            Stakeholders =
            [
                new Stakeholder { Id = Guid.NewGuid(), Name = "Jane Doe", Roles = Role.Champion, Power = 4, Interest = 4, RelationshipOwner = stamp.By, NextStep = "send pricing", NextStepDue = due },
                new Stakeholder { Id = Guid.NewGuid(), Name = "Omar Haddad", Roles = Role.DecisionMaker | Role.Signer, Power = 5, Interest = 3, RelationshipOwner = stamp.By },
                new Stakeholder { Id = Guid.NewGuid(), Name = "Liz Park", Power = 2, Interest = 3 },
            ],
        };
        Assert.Equal(SaveOutcome.Saved, (await Service<IAccountMapStore>().SaveAsync(created with { Map = map }, CancellationToken.None)).Outcome);

        var report = await Service<ReminderRunner>().RunAsync(Channel, CancellationToken.None);

        Assert.Equal(OutboxState.Sent, Assert.Single(report.Outcomes).State);
        var digest = Assert.Single(_host.Api.Posts);
        var expected = string.Create(CultureInfo.InvariantCulture, $"Jane Doe (champion) has an overdue next step (due {due:yyyy-MM-dd})");
        Assert.Contains(digest.Call.Json.GetProperty("blocks").EnumerateArray(), b =>
            b.GetProperty("type").GetString() == "section"
            && b.GetProperty("text").GetProperty("text").GetString()!.Contains("Initech", StringComparison.Ordinal)
            && b.GetProperty("text").GetProperty("text").GetString()!.Contains(expected, StringComparison.Ordinal));
    }
}
