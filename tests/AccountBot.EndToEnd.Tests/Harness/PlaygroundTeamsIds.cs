using System.Globalization;
using System.Text;

namespace AccountBot.EndToEnd.Tests.Harness;

/// <summary>
/// Teams-shaped ids written to <c>.m365agentsplayground.yml</c> (schema 0.1.1, embedded in the package) so
/// the bot sees ids like production ones: a <c>28:</c> bot id, <c>29:</c> user ids, an <c>a:</c> personal
/// chat, <c>19:…@thread.v2</c> group chat and <c>19:…@thread.tacv2</c> team/channel ids. Without the file
/// the Playground uses GUID-like and made-up ids such as <c>team-id</c> and <c>user-id-0</c>.
/// </summary>
public sealed record PlaygroundTeamsIds
{
    public required string TenantId { get; init; }
    public required string BotId { get; init; }

    /// <summary>At most 42 characters (schema limit).</summary>
    public required string BotName { get; init; }

    /// <summary>Replaces <c>--conversation-id</c>: with a config file the CLI option is ignored.</summary>
    public required string PersonalChatId { get; init; }
    public required string GroupChatId { get; init; }

    /// <summary>Also the General channel's id, as in Teams.</summary>
    public required string TeamId { get; init; }
    public required string ChannelId { get; init; }
    public required string CurrentUserId { get; init; }

    /// <summary>Ids of the other users; the schema requires exactly five.</summary>
    public required IReadOnlyList<string> OtherUserIds { get; init; }

    public static PlaygroundTeamsIds Realistic { get; } = new()
    {
        TenantId = "5f2b8c71-3d4e-4a9b-8c1d-2e3f4a5b6c7d",
        BotId = "28:0c2a8f4e-7b1d-4e6a-9f3c-5d8e2a1b4c6f",
        BotName = "AccountBot",
        PersonalChatId = "a:1Xq8rVd3p0Kc9TzM5bWnYhGfEjLs2AuQ7oPiR4tN6mBvC",
        GroupChatId = "19:7d3e9f1a2b4c4d8e9f0a1b2c3d4e5f60@thread.v2",
        TeamId = "19:Qd7kP2xW9mVbN4cR8tY1uZ3aS6eF0gH5jL@thread.tacv2",
        ChannelId = "19:c4f1e2d3b5a64789a0b1c2d3e4f5a6b7@thread.tacv2",
        CurrentUserId = "29:1GcS4EyB_2Fq8Mjv3Lk9XwQe7RtYu0IoPaSdFgHjKlZxCvBnM",
        OtherUserIds =
        [
            "29:1aB3cD5eF7gH9iJ1kL3mN5oP7qR9sT1uV3wX5yZ7aB9cD1e",
            "29:1fG3hI5jK7lM9nO1pQ3rS5tU7vW9xY1zA3bC5dE7fG9hI1j",
            "29:1kL3mN5oP7qR9sT1uV3wX5yZ7aB9cD1eF3gH5iJ7kL9mN1o",
            "29:1pQ3rS5tU7vW9xY1zA3bC5dE7fG9hI1jK3lM5nO7pQ9rS1t",
            "29:1uV3wX5yZ7aB9cD1eF3gH5iJ7kL9mN1oP3qR5sT7uV9wX1y",
        ],
    };

    public string ToYaml()
    {
        string[] names = ["Alex Wilber", "Megan Bowen", "Adele Vance", "Isaiah Langer", "Patti Fernandez", "Lynne Robbins"];
        var yaml = new StringBuilder()
            .AppendLine("# Written by the AccountBot end-to-end harness; schema 0.1.1 of the Agents Playground config.")
            .AppendLine("version: \"0.1.1\"")
            .AppendLine(CultureInfo.InvariantCulture, $"tenantId: {Quote(TenantId)}")
            .AppendLine("bot:")
            .AppendLine(CultureInfo.InvariantCulture, $"  id: {Quote(BotId)}")
            .AppendLine(CultureInfo.InvariantCulture, $"  name: {Quote(BotName)}")
            .AppendLine("currentUser:");
        AppendUser(yaml, "  ", CurrentUserId, names[0], 0);
        yaml.AppendLine("users:");
        for (var i = 0; i < OtherUserIds.Count; i++)
            AppendUser(yaml, "  - ", OtherUserIds[i], names[(i + 1) % names.Length], i + 1);
        return yaml
            .AppendLine("personalChat:")
            .AppendLine(CultureInfo.InvariantCulture, $"  id: {Quote(PersonalChatId)}")
            .AppendLine("groupChat:")
            .AppendLine(CultureInfo.InvariantCulture, $"  id: {Quote(GroupChatId)}")
            .AppendLine("  name: \"Deal desk\"")
            .AppendLine("team:")
            .AppendLine(CultureInfo.InvariantCulture, $"  id: {Quote(TeamId)}")
            .AppendLine("  name: \"Sales\"")
            .AppendLine("  aadGroupId: \"b1e2c3d4-a5b6-4c7d-8e9f-0a1b2c3d4e5f\"")
            .AppendLine("  channels:")
            .AppendLine(CultureInfo.InvariantCulture, $"    - id: {Quote(ChannelId)}")
            .AppendLine("      name: \"Key accounts\"")
            .ToString();
    }

    private static void AppendUser(StringBuilder yaml, string firstIndent, string id, string name, int index)
    {
        var indent = new string(' ', firstIndent.Length);
        var parts = name.Split(' ');
        var login = (parts[0][0] + parts[1]).ToLowerInvariant() + "@contoso.example";
        yaml.AppendLine(CultureInfo.InvariantCulture, $"{firstIndent}id: {Quote(id)}")
            .AppendLine(CultureInfo.InvariantCulture, $"{indent}name: {Quote(name)}")
            .AppendLine(CultureInfo.InvariantCulture, $"{indent}userPrincipleName: {Quote(login)}")
            .AppendLine(CultureInfo.InvariantCulture, $"{indent}aadObjectId: \"00000000-0000-4000-8000-{index + 1:D12}\"")
            .AppendLine(CultureInfo.InvariantCulture, $"{indent}givenName: {Quote(parts[0])}")
            .AppendLine(CultureInfo.InvariantCulture, $"{indent}surname: {Quote(parts[1])}")
            .AppendLine(CultureInfo.InvariantCulture, $"{indent}email: {Quote(login)}");
    }

    private static string Quote(string value) => "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
}
