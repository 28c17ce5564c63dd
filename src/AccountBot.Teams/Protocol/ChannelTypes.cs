namespace AccountBot.Teams.Protocol;

/// <summary>Values of <c>channelData.channel.type</c>.</summary>
public static class ChannelTypes
{
    public const string Standard = "standard";

    public const string Private = "private";

    /// <summary>A Teams Connect shared channel: it can hold people of other organisations.</summary>
    public const string Shared = "shared";
}
