using System.Text.Json.Serialization;

namespace AccountBot.Slack.Blocks;

/// <summary>A layout block. Each subtype writes its own <c>type</c>.</summary>
[JsonPolymorphic]
[JsonDerivedType(typeof(SectionBlock))]
[JsonDerivedType(typeof(ActionsBlock))]
[JsonDerivedType(typeof(ContextBlock))]
[JsonDerivedType(typeof(HeaderBlock))]
[JsonDerivedType(typeof(DividerBlock))]
[JsonDerivedType(typeof(InputBlock))]
[JsonDerivedType(typeof(ImageBlock))]
public abstract record Block
{
    [JsonPropertyOrder(-2)]
    public abstract string Type { get; }

    /// <summary>Identifies the block in actions and view state; at most 255 characters.</summary>
    public string? BlockId
    {
        get;
        init => field = value is null ? null : SlackLimits.RequireId(value, nameof(BlockId));
    }
}
