using System.Text.Json;
using AccountBot.Adapters.Conversations;
using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;
using AccountBot.Core.Reminders;
using AccountBot.EndToEnd.Tests.Harness;
using AccountBot.Teams.Bot;
using AccountBot.Teams.Connector;
using AccountBot.Teams.Rendering;
using AccountBot.Testing.Fakes;
using Microsoft.Extensions.Logging.Abstractions;

namespace AccountBot.EndToEnd.Tests.Product;

/// <summary>The real host behind the real Playground, personal chat and channel: the flows a rep goes through.</summary>
public sealed class AccountBotFlowTests(AccountBotPlaygroundFixture fixture) : IClassFixture<AccountBotPlaygroundFixture>
{
    private static readonly TimeSpan Timeout = AccountBotPlaygroundFixture.Timeout;
    private readonly CancellationToken _ct = CancellationToken.None;

    [Fact]
    public async Task PersonalChat_CreateMapAddChampionThroughForm_MapShowsHerAsChampion()
    {
        var chat = (await Config()).PersonalChat.Id;

        await fixture.Client.SendPersonalMessageAsync("map Acme", _ct);
        var prompt = await Card(chat, "There is no map called ");
        await fixture.Client.SubmitAsync(chat, prompt.Message!.MessageId, CardJson.Submit(prompt, "Create Acme"), _ct);
        var created = await Update(prompt.Message.MessageId, "No stakeholders yet");

        await fixture.Client.SubmitAsync(chat, created.Message!.MessageId, CardJson.Submit(created, "Add stakeholder"), _ct);
        var form = await Card(chat, "Add to Acme");
        await fixture.Client.SubmitAsync(chat, form.Message!.MessageId, CardJson.Submit(form, "Add stakeholder", new Dictionary<string, string>
        {
            ["name"] = "Jane Doe",
            ["title"] = "VP Finance",
            ["roles"] = "Champion",
            ["power"] = "4",
            ["interest"] = "5",
        }), _ct);
        var saved = await Update(form.Message.MessageId, "added Jane Doe");

        Assert.True(CardJson.Contains(saved, "Champion (1)"), CardJson.Text(saved));
        await fixture.Client.SendPersonalMessageAsync("map Acme", _ct);
        var map = await fixture.Session.Conversation.WaitForAsync(
            f => f.Action == ConversationFrame.CreateMessage && f.ActionConversationId == chat && CardJson.Contains(f, "Champion (1)") && !CardJson.Contains(f, "added Jane Doe"),
            Timeout, _ct);
        Assert.True(CardJson.Contains(map, "\"text\":\"Jane Doe\",\"weight\":\"Bolder\"},{\"type\":\"TextRun\",\"text\":\" — VP Finance\""), CardJson.Text(map));
    }

    [Fact]
    public async Task PersonalChat_BadForm_ComesBackWithErrorsAndInputKept()
    {
        var chat = (await Config()).PersonalChat.Id;
        var form = await OpenFormAsync(chat, "Initech");

        await fixture.Client.SubmitAsync(chat, form.Message!.MessageId, CardJson.Submit(form, "Add stakeholder", new Dictionary<string, string>
        {
            ["name"] = string.Empty,
            ["email"] = "jane(at)initech",
            ["title"] = "Head of IT",
        }), _ct);

        var rejected = await Update(form.Message.MessageId, "emailError");
        Assert.True(CardJson.Contains(rejected, "\"id\":\"nameError\""), CardJson.Text(rejected));
        Assert.True(CardJson.Contains(rejected, "\"value\":\"jane(at)initech\""), CardJson.Text(rejected));
        Assert.True(CardJson.Contains(rejected, "\"value\":\"Head of IT\""), CardJson.Text(rejected));
    }

    [Fact]
    public async Task PersonalChat_SameFormSubmittedTwice_OneStakeholder()
    {
        var chat = (await Config()).PersonalChat.Id;
        var form = await OpenFormAsync(chat, "Globex");
        var value = CardJson.Submit(form, "Add stakeholder", new Dictionary<string, string> { ["name"] = "Hank Scorpio", ["roles"] = "DecisionMaker" });

        await fixture.Client.SubmitAsync(chat, form.Message!.MessageId, value, _ct);
        await Update(form.Message.MessageId, "Hank Scorpio");
        var updates = fixture.Session.Conversation.Frames.Items.Count(f => f.Action == ConversationFrame.UpdateMessage);
        await fixture.Client.SubmitAsync(chat, form.Message.MessageId, (System.Text.Json.Nodes.JsonObject)value.DeepClone(), _ct);
        await fixture.Session.Conversation.WaitForAsync(
            _ => fixture.Session.Conversation.Frames.Items.Count(f => f.Action == ConversationFrame.UpdateMessage) > updates, Timeout, _ct);

        await fixture.Client.SendPersonalMessageAsync("map Globex", _ct);
        var map = await fixture.Session.Conversation.WaitForAsync(
            f => f.Action == ConversationFrame.CreateMessage && CardJson.Contains(f, "\"text\":\"Globex\"") && CardJson.Contains(f, "Decision maker ("), Timeout, _ct);
        Assert.True(CardJson.Contains(map, "Decision maker (1)"), CardJson.Text(map));
        Assert.Equal(1, CountOf(CardJson.Text(map), "\"text\":\"Hank Scorpio\",\"weight\":\"Bolder\""));
    }

    [Fact]
    public async Task Channel_MentionCreatesMap_RepliesInTheThread()
    {
        var config = await Config();
        var channel = config.Team.Channels.Single(c => c.Id == PlaygroundTeamsIds.Realistic.ChannelId);

        var posted = await fixture.Client.SendChannelMessageAsync(channel.Id, "map Umbrella create", _ct);

        var reply = await fixture.Session.Conversation.WaitForAsync(
            f => f.Action == ConversationFrame.CreateMessage && CardJson.Contains(f, "Umbrella"), Timeout, _ct);
        Assert.Equal(posted.PostConversationId, reply.ActionConversationId);
        Assert.True(CardJson.Contains(reply, "Add stakeholder"), CardJson.Text(reply));

        var again = await fixture.Client.SendChannelMessageAsync(channel.Id, "map umbrella", _ct);
        var shown = await fixture.Session.Conversation.WaitForAsync(f => f.ActionConversationId == again.PostConversationId, Timeout, _ct);
        Assert.True(CardJson.Contains(shown, "\"text\":\"Umbrella\""), CardJson.Text(shown));
    }

    [Fact]
    public async Task Install_Then_DigestSender_DigestArrivesInPersonalChat()
    {
        var config = await Config();
        await fixture.Client.InstallAsync(config.PersonalChat.Id, _ct);
        var welcome = await fixture.Session.Conversation.WaitForAsync(f => CardJson.Contains(f, "\"text\":\"AccountBot\""), Timeout, _ct);
        var serviceUrl = fixture.Session.Log.Frames.Items
            .Select(f => f.Log?.Request?.Body).OfType<JsonElement>()
            .Where(b => b.ValueKind == JsonValueKind.Object && b.TryGetProperty("serviceUrl", out _))
            .Select(b => b.GetProperty("serviceUrl").GetString()).First()!;
        using var http = new HttpClient();
        var connector = new ConnectorClient(http, new NoToken(), new BlockedConversations(new InMemoryBlockedConversationStore(), TimeProvider.System), TimeProvider.System, NullLogger<ConnectorClient>.Instance);
        var workspace = WorkspaceKey.ForTeams(config.TenantId);
        var addresses = new InMemoryConversationStore();
        await addresses.SaveAsync(
            new ConversationAddress
            {
                Workspace = workspace, ChannelId = config.PersonalChat.Id, ConversationId = config.PersonalChat.Id, ConversationType = "personal",
                ServiceUrl = serviceUrl, BotId = config.Bot.Id, BotName = config.Bot.Name, TenantId = config.TenantId, UpdatedAt = DateTimeOffset.UtcNow,
            },
            _ct);
        var sender = new TeamsDigestSender(connector, new TeamsCardRenderer(), addresses, NullLogger<TeamsDigestSender>.Instance);
        var digest = new Digest(
            [new DigestItem
            {
                MapId = Guid.NewGuid(), Name = "Acme", Owner = new UserRef(config.CurrentUser.Id, config.CurrentUser.Name), Gaps = [],
                Summary = "no signer; not reviewed for 41 days", Severity = 5, CommandName = "Acme",
            }],
            0);

        var result = await sender.SendAsync(
            new PlannedDigest(new DigestKey(workspace, config.PersonalChat.Id, "2026-W10"), new ChannelRef(config.PersonalChat.Id), DateTimeOffset.UtcNow, digest),
            _ct);

        Assert.NotNull(welcome);
        Assert.Equal(DeliveryStatus.Delivered, result.Status);
        var frame = await fixture.Session.Conversation.WaitForAsync(f => CardJson.Contains(f, "Weekly account review"), Timeout, _ct);
        Assert.Equal(config.PersonalChat.Id, frame.ActionConversationId);
        Assert.Equal(result.Detail, frame.Message!.MessageId);
        Assert.True(CardJson.Contains(frame, "map Acme snooze"), CardJson.Text(frame));
    }

    private Task<PlaygroundTestConfig> Config() => fixture.Client.GetTestConfigAsync(_ct);

    private Task<ConversationFrame> Card(string conversationId, string text) => fixture.Session.Conversation.WaitForAsync(
        f => f.Action == ConversationFrame.CreateMessage && f.ActionConversationId == conversationId && CardJson.Contains(f, text), Timeout, _ct);

    private Task<ConversationFrame> Update(string messageId, string text) => fixture.Session.Conversation.WaitForAsync(
        f => f.Action == ConversationFrame.UpdateMessage && f.Message?.MessageId == messageId && CardJson.Contains(f, text), Timeout, _ct);

    private async Task<ConversationFrame> OpenFormAsync(string chat, string account)
    {
        await fixture.Client.SendPersonalMessageAsync($"map {account} create", _ct);
        await Card(chat, $"\"text\":\"{account}\"");
        await fixture.Client.SendPersonalMessageAsync($"map {account} add", _ct);
        return await Card(chat, $"Add to {account}");
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, string.Empty, StringComparison.Ordinal).Length) / part.Length;

    private sealed class NoToken : IBotTokenProvider
    {
        public Task<string?> GetTokenAsync(CancellationToken cancellationToken) => Task.FromResult<string?>(null);
    }
}
