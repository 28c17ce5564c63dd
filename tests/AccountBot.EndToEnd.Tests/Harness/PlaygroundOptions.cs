namespace AccountBot.EndToEnd.Tests.Harness;

/// <summary>How to start one Playground process.</summary>
public sealed record PlaygroundOptions
{
    /// <summary>The bot's messaging endpoint, e.g. <c>http://127.0.0.1:5123/api/messages</c>.</summary>
    public required Uri BotEndpoint { get; init; }

    /// <summary>Personal chat id when no <see cref="TeamsIds"/> are given (the CLI's <c>--conversation-id</c>).</summary>
    public string ConversationId { get; init; } = "personal-chat-" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>When set, written to <c>.m365agentsplayground.yml</c>; then <see cref="ConversationId"/> is ignored.</summary>
    public PlaygroundTeamsIds? TeamsIds { get; init; }

    /// <summary>Port to ask for; 0 picks a free one. The Playground may still choose another: the real one is parsed.</summary>
    public int Port { get; init; }

    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
