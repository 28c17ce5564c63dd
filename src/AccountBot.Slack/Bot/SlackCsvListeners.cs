using AccountBot.Core.Abstractions;
using AccountBot.Core.Features;
using AccountBot.Core.Features.Routing;
using AccountBot.Core.Features.Csv;
using AccountBot.Core.Views;
using AccountBot.Slack.Blocks;
using AccountBot.Slack.Protocol;
using AccountBot.Slack.Rendering;
using AccountBot.Slack.Routing;
using Microsoft.Extensions.Logging;

namespace AccountBot.Slack.Bot;

/// <summary>
/// CSV import: the pasted CSV's preview, and applying it (the import form opens from <see cref="SlackMapListeners"/>;
/// an export is shared by <see cref="SlackCsvExport"/>).
/// </summary>
public sealed class SlackCsvListeners(
    CommandDispatcher dispatcher,
    ImportModalRenderer imports,
    ILogger<SlackCsvListeners> logger)
{
    private const int MaxChannelIdLength = 64;

    /// <summary>The pasted CSV: a preview replaces the form; a rejected paste keeps the form open with the error under its field.</summary>
    public async Task<ViewSubmissionResponse?> OnImportFormSubmittedAsync(ViewSubmissionPayload payload, SlackListenerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payload);
        ArgumentNullException.ThrowIfNull(context);
        // The form's metadata is the channel id it was opened in; anything longer is not ours (and would not fit the preview's metadata).
        var channel = payload.View.PrivateMetadata is { Length: > 0 and <= MaxChannelIdLength } c ? c : null;
        var request = context.RequestIn(channel);
        var state = payload.View.State;
        var reply = await dispatcher.PreviewImportAsync(
            state.GetText(ImportFormView.AccountField, ImportFormView.AccountField),
            state.GetText(ImportFormView.CsvField, ImportFormView.CsvField),
            request,
            cancellationToken);
        return reply switch
        {
            ImportPreviewView preview => ViewSubmissionResponse.Update(imports.Preview(preview, channel)),
            ImportFormView rejected => new ViewErrorsResponse(ImportModalRenderer.ErrorsByBlock(rejected)),
            MapNotFoundView missing => SlackViewErrors.One(ImportFormView.AccountField, missing.Suggestions.Count > 0
                ? $"There is no map called {missing.RequestedName} yet. Did you mean {string.Join(", ", missing.Suggestions.Take(3))}?"
                : $"There is no map called {missing.RequestedName} yet. Create it first with /map {missing.RequestedName} create."),
            NoticeView notice => SlackViewErrors.One(ImportFormView.CsvField, notice.Text),
            _ => SlackViewErrors.One(ImportFormView.CsvField, "Sorry, this import could not be previewed. Nothing was changed."),
        };
    }

    /// <summary>The preview's Import: applies it once (the import id is the key), closes the modal and announces the map in the channel once.</summary>
    public async Task<ViewSubmissionResponse?> OnImportPreviewSubmittedAsync(ViewSubmissionPayload payload, SlackListenerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payload);
        ArgumentNullException.ThrowIfNull(context);
        var metadata = ImportMetadata.TryDecode(payload.View.PrivateMetadata);
        var request = context.RequestIn(metadata?.ChannelId);
        if (metadata is null)
        {
            Log.BadImportMetadata(logger, request.Workspace.Value);
            return ViewSubmissionResponse.Update(imports.Notice(new NoticeView(Tone.Warning, "This preview can no longer be imported. Paste the CSV again with /map import; nothing was changed.")));
        }

        var saved = await dispatcher.ApplyImportAsync(metadata.MapId, metadata.ImportId, request, cancellationToken);
        if (saved.Reply is NoticeView notice)
            return ViewSubmissionResponse.Update(imports.Notice(notice));
        if (!context.Say(saved, metadata.ChannelId) && saved.Outcome == SaveOutcome.AlreadyApplied)
            Log.SubmissionRepeated(logger, CsvHandler.IdempotencyKey(metadata.ImportId));
        return null;
    }
}
