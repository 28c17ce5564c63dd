namespace AccountBot.Teams.Protocol;

/// <summary>Bot Framework channel ids (<c>activity.channelId</c>).</summary>
public static class Channels
{
    /// <summary>
    /// Microsoft Teams: the only channel this bot serves. The Bot Connector's signing keys are also endorsed for
    /// <c>webchat</c> and <c>directline</c>, whose clients can write any <c>channelData</c> (tenant included).
    /// </summary>
    public const string MsTeams = "msteams";
}
