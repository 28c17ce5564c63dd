using System.Text.Json.Nodes;

namespace AccountBot.Scenarios.Tests.Kit;

/// <summary>A form as the platform received it: Slack's view (from views.open), or the Teams card.</summary>
public sealed record ShownForm(JsonNode Json);
