using System.Text.Json;
using System.Text.Json.Serialization;

namespace AccountBot.Teams.Protocol;

/// <summary>A member as <c>GET /v3/conversations/{id}/members/{userId}</c> returns it: who they are and where they come from.</summary>
public sealed record TeamsChannelAccount
{
    public string? Id { get; init; }

    public string? Name { get; init; }

    public string? AadObjectId { get; init; }

    /// <summary>The Entra tenant the person's account lives in (another organisation's, for a federated or shared-channel user).</summary>
    public string? TenantId { get; init; }

    /// <summary><see cref="UserRoles"/>: <c>user</c>, <c>guest</c> or <c>anonymous</c>.</summary>
    public string? UserRole { get; init; }

    // set, not init: the source generator cannot fill an init-only extension-data property.
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
