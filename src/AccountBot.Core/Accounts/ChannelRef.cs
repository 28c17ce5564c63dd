namespace AccountBot.Core.Accounts;

/// <summary>A chat channel or conversation (Teams conversation id / Slack channel id).</summary>
public sealed record ChannelRef(string Id, string? Name = null);
