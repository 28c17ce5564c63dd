using AccountBot.Core.Features.Capture;
using AccountBot.Core.Text;
using AccountBot.Core.Views;
using AccountBot.Slack.Blocks;

namespace AccountBot.Slack.Rendering;

/// <summary>
/// The stakeholder modal opened from a message (capture from a message): the account picker first (an
/// <c>external_select</c> served by <c>/slack/options</c>, opening on the form's map), the people the message names,
/// then the stakeholder modal's own blocks, drawn by <see cref="StakeholderModalRenderer"/> from the one form schema.
/// The metadata keeps the message's link for the history.
/// </summary>
public sealed class CaptureModalRenderer(StakeholderModalRenderer modals)
{
    public ModalView Render(CaptureView capture, string? channelId, string? link)
    {
        ArgumentNullException.ThrowIfNull(capture);
        var form = capture.Form;
        var modal = modals.Render(form, channelId);
        var account = new Option(new PlainText(form.MapName), form.MapId.ToString("N"));
        var blocks = new List<Block>
        {
            new InputBlock(new PlainText(Sentences.CaptureAccount), new ExternalSelectElement(SlackBotIds.CaptureAccount) { InitialOption = account, MinQueryLength = 0 })
            {
                BlockId = SlackBotIds.CaptureAccount,
                Hint = new PlainText(Sentences.CaptureAccountHint),
            },
        };
        if (CaptureHandler.Named(capture.Suggestions) is { } named)
            blocks.Add(SlackMarkup.Context(SlackMarkup.Escape(named)));
        // The stakeholder modal's lead names one map; the picker above says which one instead.
        blocks.AddRange(modal.Blocks.Skip(1));
        if (link is { Length: > 0 })
            blocks.Add(SlackMarkup.Context(SlackMarkup.Escape(Sentences.CaptureLinkKept)));
        var metadata = FormMetadata.TryDecode(modal.PrivateMetadata)! with { Link = link };
        return new ModalView(SlackBotIds.CaptureForm, modal.Title, blocks, modal.Submit, modal.Close)
        {
            PrivateMetadata = metadata.Encode(),
        };
    }
}
