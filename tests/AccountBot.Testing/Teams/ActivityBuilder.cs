using System.Text.Json;
using AccountBot.Teams.Protocol;

namespace AccountBot.Testing.Teams;

/// <summary>
/// Builds Teams-shaped inbound activities for tests: a personal chat with Ada by default, in
/// channel <c>msteams</c>, with realistic ids.
/// </summary>
public sealed class ActivityBuilder
{
    public const string BotId = "28:0c9b8a7d-6e5f-4a3b-2c1d-0e9f8a7b6c5d";
    public const string BotName = "AccountBot";
    public const string UserId = "29:1Xo3lQj2abcDEFghiJKLmnoPQRstuVWxyz";
    public const string TenantId = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    public const string PersonalConversationId = "a:1pLm6uYzR0xWq3T8vBnKc2HdJf5GsAe9NoIkUy7VtQr4";
    public const string ChannelId = "19:8a1c2e3f4b5d6e7f8a9b0c1d2e3f4a5b@thread.tacv2";

    private Activity _activity = new()
    {
        Type = ActivityTypes.Message,
        Id = "1714986001123",
        Timestamp = new DateTimeOffset(2024, 5, 6, 9, 0, 1, TimeSpan.Zero),
        ChannelId = "msteams",
        ServiceUrl = "https://smba.trafficmanager.net/emea/",
        From = new ChannelAccount { Id = UserId, Name = "Ada Lovelace", AadObjectId = "6f1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b" },
        Recipient = new ChannelAccount { Id = BotId, Name = BotName },
        Conversation = new ConversationAccount { Id = PersonalConversationId, ConversationType = "personal", TenantId = TenantId },
        ChannelData = new TeamsChannelData { Tenant = new TenantInfo { Id = TenantId } },
        Locale = "en-US",
    };

    public ActivityBuilder Message(string text)
    {
        _activity = _activity with { Type = ActivityTypes.Message, Text = text, TextFormat = TextFormats.Plain };
        return this;
    }

    /// <summary>An Action.Submit: a message with <c>value</c> and <c>replyToId</c> = the card's message id.</summary>
    public ActivityBuilder Submit(string json, string replyToId = "1714986002456")
    {
        using var document = JsonDocument.Parse(json);
        _activity = _activity with { Type = ActivityTypes.Message, Text = null, Value = document.RootElement.Clone(), ReplyToId = replyToId };
        return this;
    }

    public ActivityBuilder Invoke(string name, string valueJson = "{}")
    {
        using var document = JsonDocument.Parse(valueJson);
        _activity = _activity with { Type = ActivityTypes.Invoke, Name = name, Value = document.RootElement.Clone() };
        return this;
    }

    public ActivityBuilder OfType(string type)
    {
        _activity = _activity with { Type = type };
        return this;
    }

    /// <summary>A message in a team channel thread that @mentions the bot.</summary>
    public ActivityBuilder InChannel(string text)
    {
        var mention = $"<at>{BotName}</at>";
        _activity = _activity with
        {
            Type = ActivityTypes.Message,
            Text = mention + " " + text,
            Conversation = new ConversationAccount { Id = ChannelId + ";messageid=" + _activity.Id, ConversationType = "channel", IsGroup = true, TenantId = TenantId },
            Entities = [new Entity { Type = Entity.MentionType, Text = mention, Mentioned = new ChannelAccount { Id = BotId, Name = BotName } }],
            ChannelData = new TeamsChannelData
            {
                Tenant = new TenantInfo { Id = TenantId },
                Channel = new ChannelInfo { Id = ChannelId },
                Team = new TeamInfo { Id = "19:f0e1d2c3b4a5968778695a4b3c2d1e0f@thread.tacv2" },
            },
        };
        return this;
    }

    public ActivityBuilder WithServiceUrl(string? serviceUrl)
    {
        _activity = _activity with { ServiceUrl = serviceUrl };
        return this;
    }

    public ActivityBuilder WithChannelId(string? channelId)
    {
        _activity = _activity with { ChannelId = channelId };
        return this;
    }

    public ActivityBuilder With(Func<Activity, Activity> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        _activity = change(_activity);
        return this;
    }

    public Activity Build() => _activity;

    public string BuildJson() => JsonSerializer.Serialize(_activity, TeamsJsonContext.Default.Activity);
}
