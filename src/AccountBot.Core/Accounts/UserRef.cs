namespace AccountBot.Core.Accounts;

/// <summary>A chat user: Teams AAD object id (or channel account id) / Slack user id, with a display name.</summary>
public sealed record UserRef(string Id, string Name)
{
    public static UserRef System { get; } = new("system", "AccountBot");
}
