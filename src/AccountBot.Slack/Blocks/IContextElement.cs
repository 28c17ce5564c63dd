using System.Text.Json.Serialization;

namespace AccountBot.Slack.Blocks;

/// <summary>What a <see cref="ContextBlock"/> may hold: text objects and images.</summary>
[JsonPolymorphic]
[JsonDerivedType(typeof(PlainText))]
[JsonDerivedType(typeof(Mrkdwn))]
[JsonDerivedType(typeof(ImageElement))]
public interface IContextElement
{
    string Type { get; }
}
