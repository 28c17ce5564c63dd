using System.Text.Json;

namespace AccountBot.Teams.Protocol;

/// <summary>The <c>task</c> of a <see cref="TaskModuleResponse"/>: its type and a value (a <see cref="TaskInfo"/> or a text).</summary>
public sealed record TaskModuleResult(string Type, JsonElement Value);
