namespace AccountBot.Scenarios.Tests.Kit;

/// <summary>Where a command is sent from.</summary>
public enum Place
{
    /// <summary>Where every plain <see cref="Chat.Send(string)"/> goes (Slack #deals, the Teams personal chat).</summary>
    Here,

    /// <summary>Another conversation of the same workspace.</summary>
    Elsewhere,

    /// <summary>A private channel, as the platform says (Slack conversations.info <c>is_private</c>, Teams <c>channelData.channel.type</c>).</summary>
    PrivateChannel,
}
