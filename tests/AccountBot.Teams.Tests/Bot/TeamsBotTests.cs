using System.Net;
using System.Text.Json;
using AccountBot.Adapters.Conversations;
using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;
using AccountBot.Core.Features;
using AccountBot.Core.Workspaces;
using AccountBot.Teams.Bot;
using AccountBot.Teams.Protocol;
using AccountBot.Testing.Fakes;
using AccountBot.Testing.Teams;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AccountBot.Teams.Tests.Bot;

public sealed class TeamsBotTests : IAsyncLifetime
{
    private BotTestHost _host = null!;

    public async Task InitializeAsync() => _host = await BotTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Message_UnknownMap_RepliesInThreadWithCreatePrompt()
    {
        var response = await _host.PostAsync(new ActivityBuilder().Message("map Acme").Build());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var request = Assert.Single(_host.Connector.Requests);
        Assert.Equal("POST", request.Method);
        Assert.EndsWith("/activities/1714986001123", request.RawTarget, StringComparison.Ordinal);
        Assert.Contains("map Acme create", _host.Card(0).GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Message_ChannelMention_StripsMentionAndUsesChannelIdForContext()
    {
        await _host.PostAsync(new ActivityBuilder().InChannel("map Acme create").Build());

        var address = await _host.Conversations.GetAsync(WorkspaceKey.ForTeams(ActivityBuilder.TenantId), ActivityBuilder.ChannelId, CancellationToken.None);
        Assert.NotNull(address);
        Assert.Equal(ActivityBuilder.ChannelId, address.ConversationId);
        Assert.Equal("channel", address.ConversationType);
        Assert.Contains("%3Bmessageid%3D", Assert.Single(_host.Connector.Requests).RawTarget, StringComparison.Ordinal);
        Assert.Contains("Acme", _host.Card(0).GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Message_NoTenant_PoliteErrorAndNothingStored()
    {
        await _host.PostAsync(new ActivityBuilder().Message("map Acme create")
            .With(a => a with { ChannelData = null, Conversation = a.Conversation! with { TenantId = null } }).Build());

        Assert.Contains("Microsoft 365 organisation", Assert.Single(_host.Connector.Requests).Body, StringComparison.Ordinal);
        Assert.Empty(await _host.Conversations.ListAsync(Platform.Teams, CancellationToken.None));
    }

    [Fact]
    public async Task Submit_StakeholderForm_UpdatesCardInPlaceAndTwiceAddsOnce()
    {
        var (mapId, submissionId) = await OpenFormAsync();
        var submit = $$"""{"verb":"submitStakeholder","mapId":"{{mapId}}","submissionId":"{{submissionId}}","name":"Jane Doe","roles":"Champion","owner":"6f1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b","power":"4","interest":"5"}""";

        await _host.PostAsync(new ActivityBuilder().Submit(submit, replyToId: "card-1").Build());
        await _host.PostAsync(new ActivityBuilder().Submit(submit, replyToId: "card-1").Build());

        var updates = _host.Connector.Requests.Where(r => r.Method == "PUT").ToList();
        Assert.Equal(2, updates.Count);
        Assert.All(updates, u => Assert.EndsWith("/activities/card-1", u.RawTarget, StringComparison.Ordinal));
        var map = await _host.Maps.GetAsync(WorkspaceKey.ForTeams(ActivityBuilder.TenantId), mapId, CancellationToken.None);
        var jane = Assert.Single(map!.Stakeholders);
        Assert.Equal(Role.Champion, jane.Roles);
        Assert.Equal("Ada Lovelace", jane.RelationshipOwner!.Name);
    }

    [Fact]
    public async Task Submit_BadForm_ComesBackWithErrorsAndInputKept()
    {
        var (mapId, submissionId) = await OpenFormAsync();

        await _host.PostAsync(new ActivityBuilder().Submit(
            $$"""{"verb":"submitStakeholder","mapId":"{{mapId}}","submissionId":"{{submissionId}}","name":"","email":"nope","title":"CFO"}""", "card-2").Build());

        var update = _host.Connector.Requests.Last();
        Assert.Equal("PUT", update.Method);
        var card = _host.Card(_host.Connector.Requests.Count - 1).GetRawText();
        Assert.Contains("\"id\":\"emailError\"", card, StringComparison.Ordinal);
        Assert.Contains("\"id\":\"nameError\"", card, StringComparison.Ordinal);
        Assert.Contains("\"value\":\"nope\"", card, StringComparison.Ordinal);
        Assert.Contains("\"value\":\"CFO\"", card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_OpenButton_PostsNewMessageNotUpdate()
    {
        await _host.PostAsync(new ActivityBuilder().Message("map Acme create").Build());

        await _host.PostAsync(new ActivityBuilder().Submit("""{"verb":"command","command":"map Acme history"}""").Build());

        var last = _host.Connector.Requests.Last();
        Assert.Equal("POST", last.Method);
        Assert.EndsWith("/activities", last.RawTarget, StringComparison.Ordinal);
        Assert.Contains("History of Acme", last.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InstallationUpdate_Add_StoresAddressAndUnblocks()
    {
        var blocked = _host.Services.GetRequiredService<AccountBot.Teams.Connector.IBlockedConversations>();
        await blocked.BlockAsync(ActivityBuilder.PersonalConversationId, ActivityBuilder.TenantId, CancellationToken.None);

        await _host.PostAsync(new ActivityBuilder().OfType(ActivityTypes.InstallationUpdate).With(a => a with { Action = "add" }).Build());

        Assert.Single(await _host.Conversations.ListAsync(Platform.Teams, CancellationToken.None));
        Assert.False(await blocked.IsBlockedAsync(ActivityBuilder.PersonalConversationId, CancellationToken.None));
        Assert.Equal([$"installed teams:{ActivityBuilder.TenantId}"], Lifecycle.Calls);
    }

    [Fact]
    public async Task InstallationUpdate_Remove_ReportsTheConversationRemoved_AndSendsNothing()
    {
        await _host.PostAsync(new ActivityBuilder().OfType(ActivityTypes.InstallationUpdate).With(a => a with { Action = "remove" }).Build());

        Assert.Equal([$"conversation-removed teams:{ActivityBuilder.TenantId} {ActivityBuilder.PersonalConversationId} installationUpdate remove"], Lifecycle.Calls);
        Assert.Empty(_host.Connector.Requests);
    }

    [Fact]
    public async Task InstallationUpdate_RemoveInAChannel_ReportsTheChannelId()
    {
        await _host.PostAsync(new ActivityBuilder().InChannel("ignored").OfType(ActivityTypes.InstallationUpdate).With(a => a with { Text = null, Action = "remove" }).Build());

        Assert.Equal([$"conversation-removed teams:{ActivityBuilder.TenantId} {ActivityBuilder.ChannelId} installationUpdate remove"], Lifecycle.Calls);
    }

    private RecordingWorkspaceLifecycle Lifecycle => (RecordingWorkspaceLifecycle)_host.Services.GetRequiredService<IWorkspaceLifecycle>();

    [Fact]
    public async Task ConversationUpdate_BotAdded_SendsWelcomeHelp()
    {
        await _host.PostAsync(new ActivityBuilder().OfType(ActivityTypes.ConversationUpdate)
            .With(a => a with { MembersAdded = [new ChannelAccount { Id = ActivityBuilder.BotId }] }).Build());

        // In the personal chat the welcome is help, then the person's home ("Your accounts").
        Assert.Equal(2, _host.Connector.Requests.Count);
        // Help names `map mine` ("Your accounts: …"), so the two are told apart by the help card's fallback text.
        const string Help = "AccountBot help";
        Assert.Single(_host.Connector.Requests, r => r.Body.Contains(Help, StringComparison.Ordinal));
        Assert.Single(_host.Connector.Requests, r => !r.Body.Contains(Help, StringComparison.Ordinal) && r.Body.Contains(Core.Views.HomeText.Title, StringComparison.Ordinal));
        // The conversation's address, and the sender's own (where a nudge would open a 1:1 chat with them).
        Assert.Equal(["personal", AccountBot.Adapters.Conversations.ConversationAddress.UserType], (await _host.Conversations.ListAsync(Platform.Teams, CancellationToken.None)).Select(a => a.ConversationType).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Message_HandlerThrows_PoliteReplyAnd200()
    {
        await using var host = await BotTestHost.StartAsync(s => s.AddSingleton<IConversationStore>(new ThrowingConversationStore()));

        var response = await host.PostAsync(new ActivityBuilder().Message("map Acme").Build());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Something went wrong", Assert.Single(host.Connector.Requests).Body, StringComparison.Ordinal);
    }

    private async Task<(Guid MapId, string SubmissionId)> OpenFormAsync()
    {
        await _host.PostAsync(new ActivityBuilder().Message("map Acme create").Build());
        await _host.PostAsync(new ActivityBuilder().Message("map Acme add").Build());
        var submit = _host.Card(_host.Connector.Requests.Count - 1).GetProperty("actions")[0].GetProperty("data");
        return (Guid.Parse(submit.GetProperty("mapId").GetString()!), submit.GetProperty("submissionId").GetString()!);
    }

    private sealed class ThrowingConversationStore : IConversationStore
    {
        public Task SaveAsync(ConversationAddress address, CancellationToken cancellationToken) => throw new IOException("disk full");

        public Task<ConversationAddress?> GetAsync(WorkspaceKey workspace, string channelId, CancellationToken cancellationToken) => Task.FromResult<ConversationAddress?>(null);

        public Task<IReadOnlyList<ConversationAddress>> ListAsync(Platform platform, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<ConversationAddress>>([]);
    }

    // Regressions found by the hostile-input corpus (tests/AccountBot.Host.Tests/Hostile).
    [Fact]
    public async Task Message_NoConversationId_AcknowledgedWithoutTryingToReply()
    {
        var errors = new ErrorRecorder();
        await using var host = await BotTestHost.StartAsync(services => services.AddLogging(logging => logging.AddProvider(errors)));

        using var response = await host.PostAsync(new ActivityBuilder().Message("map Acme").With(a => a with { Conversation = null }).Build());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(host.Connector.Requests);
        Assert.Empty(errors.Errors);
    }

    [Fact]
    public async Task Message_HugeDisplayName_RepliesWithTheCardInsteadOfFailing()
    {
        var errors = new ErrorRecorder();
        await using var host = await BotTestHost.StartAsync(services => services.AddLogging(logging => logging.AddProvider(errors)));

        using var response = await host.PostAsync(new ActivityBuilder().Message("map Acme create")
            .With(a => a with { From = a.From! with { Name = new string('N', 60_000) } }).Build());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(errors.Errors);
        var reply = Assert.Single(host.Connector.Requests);
        Assert.DoesNotContain(TeamsBot.SomethingWentWrong, reply.Body, StringComparison.Ordinal);
    }
}
