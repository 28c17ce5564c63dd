using System.Text.Json.Serialization;

namespace AccountBot.Slack.Blocks;

/// <summary>
/// A labelled input in a modal. Its value arrives in <c>view.state.values[BlockId][ActionId]</c>, so give it a
/// stable <see cref="Block.BlockId"/>; <c>ViewSubmissionResponse.Errors</c> is keyed by that id too.
/// </summary>
public sealed record InputBlock : Block
{
    public InputBlock(PlainText label, ActionElement element)
    {
        ArgumentNullException.ThrowIfNull(label);
        ArgumentNullException.ThrowIfNull(element);
        if (element is ButtonElement or OverflowElement)
            throw new ArgumentException($"An input block cannot hold a {element.Type}.", nameof(element));
        Label = label.Truncate(SlackLimits.Label);
        Element = element;
    }

    [JsonPropertyOrder(-2)]
    public override string Type => "input";
    public PlainText Label { get; }
    public BlockElement Element { get; }

    public PlainText? Hint
    {
        get;
        init => field = value?.Truncate(SlackLimits.Hint);
    }

    public bool? Optional { get; init; }

    /// <summary>Send a block_actions payload as the user types/selects, not only on submit.</summary>
    public bool? DispatchAction { get; init; }
}
