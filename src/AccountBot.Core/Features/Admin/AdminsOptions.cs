namespace AccountBot.Core.Features.Admin;

/// <summary>
/// The users who may delete a map, change its owner and reassign a departed rep's relationships, bound to the
/// <c>Admins</c> section: Slack user ids (<c>U…</c>/<c>W…</c>) and Teams user ids (the Entra object id, which is what
/// AccountBot knows a Teams user by; a <c>29:…</c> id matches only where Teams sends no object id). On Slack the
/// workspace's own admins and owners count as well.
/// </summary>
public sealed class AdminsOptions
{
    public const string Section = "Admins";

    public IList<string> Slack { get; init; } = [];

    public IList<string> Teams { get; init; } = [];
}
