using System.Text.Json;
using AccountBot.Core.Abstractions;
using AccountBot.Core.Access;
using AccountBot.Core.Accounts;
using AccountBot.Core.Features;
using AccountBot.Core.Reminders;
using AccountBot.Teams.Bot;
using AccountBot.Teams.Protocol;
using AccountBot.Teams.Tests.Rendering;
using AccountBot.Testing.Teams;
using Microsoft.Extensions.DependencyInjection;

namespace AccountBot.Teams.Tests.Bot;

/// <summary>
/// A Teams shared channel (<c>channelData.channel.type</c> <c>shared</c>) can hold people of other organisations: the bot
/// posts no map content there. Answers go to the asker's personal chat; digests are not sent there.
/// </summary>
public sealed class SharedChannelTests : IAsyncLifetime
{
    private BotTestHost _host = null!;

    public async Task InitializeAsync() => _host = await BotTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Message_MapCommandInSharedChannel_AnswersInPersonalChatAndTheChannelGetsOneLine()
    {
        await _host.PostAsync(InSharedChannel("map Acme create"));

        var requests = _host.Connector.Requests;
        Assert.Equal(3, requests.Count);
        var create = requests.Single(r => r.RawTarget.EndsWith("/v3/conversations", StringComparison.Ordinal));
        var parameters = JsonDocument.Parse(create.Body).RootElement;
        Assert.False(parameters.GetProperty("isGroup").GetBoolean());
        Assert.Equal(ActivityBuilder.UserId, parameters.GetProperty("members")[0].GetProperty("id").GetString());
        Assert.Equal(ActivityBuilder.TenantId, parameters.GetProperty("tenantId").GetString());
        Assert.Equal(ActivityBuilder.BotId, parameters.GetProperty("bot").GetProperty("id").GetString());

        var channel = Encoded(ActivityBuilder.ChannelId);
        var inChannel = Assert.Single(requests, r => r.RawTarget.Contains(channel, StringComparison.Ordinal) && r.RawTarget.Contains("/activities", StringComparison.Ordinal));
        var line = JsonDocument.Parse(inChannel.Body).RootElement;
        Assert.Equal(AccessNotices.SharedChannelPrivateReply, line.GetProperty("text").GetString());
        Assert.False(line.TryGetProperty("attachments", out _));
        Assert.DoesNotContain("Acme", inChannel.Body, StringComparison.Ordinal);

        var personal = Assert.Single(requests, r => r != create && r != inChannel);
        Assert.Contains("Acme", personal.Body, StringComparison.Ordinal);
        Assert.Single(await _host.Maps.ListAsync(WorkspaceKey.ForTeams(ActivityBuilder.TenantId), CancellationToken.None));
    }

    [Fact]
    public async Task Submit_InSharedChannel_NeverUpdatesTheCardInTheChannel()
    {
        await _host.PostAsync(InSharedChannel("map Acme create"));
        var before = _host.Connector.Requests.Count;

        await _host.PostAsync(new ActivityBuilder().InChannel(string.Empty).With(a => Shared(a) with
        {
            Text = null,
            Entities = null,
            ReplyToId = "1714986002456",
            Value = JsonDocument.Parse("""{"verb":"command","command":"map Acme reviewed","inPlace":"true"}""").RootElement.Clone(),
        }).Build());

        var after = _host.Connector.Requests.Skip(before).ToList();
        Assert.DoesNotContain(after, r => r.Method == "PUT");
        var inChannel = Assert.Single(after, r => r.RawTarget.Contains(Encoded(ActivityBuilder.ChannelId), StringComparison.Ordinal));
        Assert.Contains(AccessNotices.SharedChannelPrivateReply, inChannel.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Acme", inChannel.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("map settings")]
    [InlineData("map settings day friday")]
    public async Task Settings_InSharedChannel_SaysWhyAndShowsNothingElse(string command)
    {
        await _host.PostAsync(InSharedChannel(command));

        var reply = Assert.Single(_host.Connector.Requests);
        var root = JsonDocument.Parse(reply.Body).RootElement;
        Assert.Equal(AccessNotices.SharedChannelSettings, root.GetProperty("text").GetString());
        Assert.False(root.TryGetProperty("attachments", out _));
    }

    [Fact]
    public async Task Digest_ToASharedChannelTheBotWasSpokenTo_IsDeclinedForGoodWithTheReasonSettingsShows()
    {
        await _host.PostAsync(InSharedChannel("map help"));
        var before = _host.Connector.Requests.Count;

        var result = await _host.Services.GetRequiredService<TeamsDigestSender>().SendAsync(
            new PlannedDigest(new DigestKey(WorkspaceKey.ForTeams(ActivityBuilder.TenantId), ActivityBuilder.ChannelId, "2026-W10"), new ChannelRef(ActivityBuilder.ChannelId), SampleViews.Now, SampleViews.Digest(3)),
            CancellationToken.None);

        Assert.Equal(DeliveryStatus.PermanentFailure, result.Status);
        Assert.Equal(AccessNotices.SharedChannelSettings, result.Detail);
        Assert.Equal(before, _host.Connector.Requests.Count);
    }

    [Fact]
    public async Task Message_InStandardChannel_StillAnswersInTheChannel()
    {
        await _host.PostAsync(new ActivityBuilder().InChannel("map Acme create")
            .With(a => a with { ChannelData = a.ChannelData! with { Channel = a.ChannelData.Channel! with { Type = "standard" } } }).Build());

        var reply = Assert.Single(_host.Connector.Requests);
        Assert.Contains(Encoded(ActivityBuilder.ChannelId), reply.RawTarget, StringComparison.Ordinal);
        Assert.Contains("Acme", reply.Body, StringComparison.Ordinal);
    }

    private static Activity InSharedChannel(string text) => new ActivityBuilder().InChannel(text).With(Shared).Build();

    private static Activity Shared(Activity activity) =>
        activity with { ChannelData = activity.ChannelData! with { Channel = activity.ChannelData.Channel! with { Type = "shared" } } };

    private static string Encoded(string id) => Uri.EscapeDataString(id);
}
