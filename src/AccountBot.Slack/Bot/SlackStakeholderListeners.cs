using AccountBot.Core.Abstractions;
using AccountBot.Core.Commands;
using AccountBot.Core.Features;
using AccountBot.Core.Features.Routing;
using AccountBot.Core.Features.Stakeholders;
using AccountBot.Core.Text;
using AccountBot.Core.Views;
using AccountBot.Slack.Blocks;
using AccountBot.Slack.Protocol;
using AccountBot.Slack.Rendering;
using AccountBot.Slack.Routing;
using AccountBot.Slack.WebApi;
using Microsoft.Extensions.Logging;
using F = AccountBot.Core.Accounts.StakeholderFields;

namespace AccountBot.Slack.Bot;

/// <summary>
/// The stakeholder modal (opened by <see cref="SlackMapListeners"/> when the core answers with the form): its "More
/// details" button, and its submission, saved once, with errors next to the fields, and the map announced in the
/// channel the form came from.
/// </summary>
public sealed class SlackStakeholderListeners(
    CommandDispatcher dispatcher,
    StakeholderModalRenderer modals,
    SlackUserNames userNames,
    ILogger<SlackStakeholderListeners> logger)
{
    public async Task<ViewSubmissionResponse?> OnStakeholderSubmittedAsync(ViewSubmissionPayload payload, SlackListenerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payload);
        ArgumentNullException.ThrowIfNull(context);
        var metadata = FormMetadata.TryDecode(payload.View.PrivateMetadata);
        var request = context.RequestIn(metadata?.ChannelId);
        if (metadata is null)
        {
            Log.BadFormMetadata(logger, request.Workspace.Value);
            return SlackViewErrors.One(F.Name, "This form can no longer be saved. Close it and open it again.");
        }

        if (metadata.StakeholderId is null && payload.View.State.GetText(StakeholderModalRenderer.SeveralBlockId, StakeholderModalRenderer.SeveralBlockId) is { } lines
            && !string.IsNullOrWhiteSpace(lines))
            return await AddSeveralAsync(payload, lines, metadata, request, context, cancellationToken);

        var values = metadata.Values(payload.View.State, request.User.Id, request.User.Name);
        if (values is { OwnerId: { Length: > 0 } ownerId, OwnerName: null })
            values = values with { OwnerName = await userNames.ResolveAsync(context.Api, ownerId, context.BeforeAck) };
        var saved = await dispatcher.SubmitStakeholderAsync(
            new StakeholderSubmission(metadata.MapId, metadata.StakeholderId, metadata.SubmissionId, values, metadata.ShortForm), request, cancellationToken);
        switch (saved.Reply)
        {
            case StakeholderFormView { Errors.Count: > 0 } rejected:
                return new ViewErrorsResponse(StakeholderModalRenderer.ErrorsByBlock(rejected.Errors, metadata.ShortForm));
            case NoticeView notice:
                return SlackViewErrors.One(F.Name, notice.Text);
            default:
                if (!context.Say(saved, metadata.ChannelId) && saved.Outcome == SaveOutcome.AlreadyApplied)
                    Log.SubmissionRepeated(logger, metadata.SubmissionId);
                return null;
        }
    }

    /// <summary>
    /// The add modal's "Add several" lines, added as <c>map Acme add</c> with several lines: the modal closes and the map
    /// with its Undo button is announced, or it stays with the reason under the lines and nothing saved. A name typed
    /// above as well is refused rather than guessed into a line (the form's other fields have no place in one).
    /// </summary>
    private async Task<ViewSubmissionResponse?> AddSeveralAsync(
        ViewSubmissionPayload payload, string lines, FormMetadata metadata, RequestContext request, SlackListenerContext context, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(payload.View.State.GetText(F.Name, F.Name)))
            return SlackViewErrors.One(StakeholderModalRenderer.SeveralBlockId, Sentences.QuickAddFormNameAndLines);

        switch (await dispatcher.AddSeveralAsync(metadata.MapId, lines, request, cancellationToken))
        {
            case MapView map:
                if (metadata.ChannelId is { Length: > 0 } channel)
                    context.SayOnce(map, channel, metadata.SubmissionId);
                return null;
            case NoticeView notice:
                return SlackViewErrors.One(StakeholderModalRenderer.SeveralBlockId, notice.Text);
            default:
                return SlackViewErrors.One(StakeholderModalRenderer.SeveralBlockId, Sentences.MapsGone);
        }
    }

    /// <summary>
    /// "More details" in the short modal: the whole form, with what was typed so far and every other field as stored,
    /// replaces the modal. views.update carries Slack's hash, so a view that changed since is not overwritten; it is
    /// called before the ack (within its budget) so the form grows while the person looks at it.
    /// </summary>
    public async Task OnMoreDetailsAsync(BlockActionsPayload payload, SlackBlockAction action, SlackListenerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payload);
        ArgumentNullException.ThrowIfNull(context);
        if (payload.View is not { } view || FormMetadata.TryDecode(view.PrivateMetadata) is not { } metadata)
        {
            Log.BadFormMetadata(logger, context.Team.ToString());
            return;
        }

        var request = context.RequestIn(metadata.ChannelId);
        var typed = metadata.Values(view.State, request.User.Id, request.User.Name);
        var draft = new StakeholderSubmission(metadata.MapId, metadata.StakeholderId, metadata.SubmissionId, typed, metadata.ShortForm);
        // A map or person gone meanwhile: the modal stays as it is, and its submit says why nothing can be saved.
        if (await dispatcher.ExpandStakeholderFormAsync(draft, request, cancellationToken) is not StakeholderFormView form)
            return;
        try
        {
            await context.Api.UpdateViewAsync(view.Id, modals.Render(form, metadata.ChannelId), view.Hash, context.BeforeAck);
        }
        catch (OperationCanceledException) when (context.BeforeAck.IsCancellationRequested)
        {
            Log.FormDetailsFailed(logger, context.Team.ToString(), "ack_budget_exceeded");
        }
        catch (SlackApiException e)
        {
            Log.FormDetailsFailed(logger, context.Team.ToString(), e.Error);
        }
    }
}
