namespace AccountBot.Slack.Blocks;

/// <summary>
/// A modal. Title, submit and close labels are truncated to 24 characters; more than 100 blocks, a missing
/// <see cref="Submit"/> when there are input blocks, ids over 255 and <see cref="PrivateMetadata"/> over 3000
/// characters throw.
/// </summary>
public sealed record ModalView
{
    public ModalView(string callbackId, PlainText title, IEnumerable<Block> blocks, PlainText? submit = null, PlainText? close = null)
    {
        CallbackId = SlackLimits.RequireId(callbackId, nameof(callbackId));
        ArgumentNullException.ThrowIfNull(title);
        Title = title.Truncate(SlackLimits.ModalTitle);
        Blocks = SlackLimits.RequireCount(blocks, SlackLimits.BlocksPerModal, nameof(blocks));
        if (submit is null && Blocks.Any(b => b is InputBlock))
            throw new ArgumentException("A modal with input blocks needs a submit button label.", nameof(submit));
        Submit = submit?.Truncate(SlackLimits.ModalButton);
        Close = close?.Truncate(SlackLimits.ModalButton);
    }

    public string Type => "modal";
    public string CallbackId { get; }
    public PlainText Title { get; }
    public PlainText? Submit { get; }
    public PlainText? Close { get; }
    public IReadOnlyList<Block> Blocks { get; }

    /// <summary>Our state carried through the modal (e.g. the account id), returned in every payload; ≤ 3000.</summary>
    public string? PrivateMetadata
    {
        get;
        init => field = SlackLimits.RequireMaxLength(value, SlackLimits.PrivateMetadata, nameof(PrivateMetadata));
    }

    /// <summary>Ask Slack for a view_closed payload when the user cancels.</summary>
    public bool? NotifyOnClose { get; init; }

    /// <summary>Closing this view closes every view stacked under it.</summary>
    public bool? ClearOnClose { get; init; }

    /// <summary>Our own unique id for the view, usable with views.update instead of the view id.</summary>
    public string? ExternalId
    {
        get;
        init => field = value is null ? null : SlackLimits.RequireId(value, nameof(ExternalId));
    }
}
