using System.Text.Json;
using System.Text.Json.Serialization;

namespace AccountBot.Teams.Protocol;

/// <summary>A user or bot in a conversation (<c>from</c>, <c>recipient</c>, <c>membersAdded</c>…).</summary>
public sealed record ChannelAccount
{
    public string? Id { get; init; }

    public string? Name { get; init; }

    /// <summary>The user's Entra ID object id; Teams sends it for users, not for bots.</summary>
    public string? AadObjectId { get; init; }

    /// <summary>Teams' <c>userPrincipalName</c>, <c>email</c>, <c>role</c>… kept as they came.</summary>
    // set, not init: the source generator cannot fill an init-only extension-data property.
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
