using System.Text.Json;
using System.Text.Json.Serialization;

namespace AccountBot.EndToEnd.Tests.Harness;

/// <summary>The <c>config</c> of <c>GET /_internal/v1/testConfig</c>: who and where the Playground simulates.</summary>
public sealed record PlaygroundTestConfig(
    string TenantId,
    PlaygroundBot Bot,
    PlaygroundUser CurrentUser,
    IReadOnlyList<PlaygroundUser> Users,
    PlaygroundChat PersonalChat,
    IReadOnlyList<PlaygroundChat> GroupChats,
    IReadOnlyList<PlaygroundTeam> Teams)
{
    [JsonIgnore]
    public JsonElement Raw { get; init; }

    public PlaygroundTeam Team => Teams.Count > 0 ? Teams[0] : throw new InvalidOperationException("The Playground has no team.");
}
