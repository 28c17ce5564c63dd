using System.Diagnostics;
using AccountBot.Core.Commands;
using AccountBot.Core.Features.Admin;
using AccountBot.Core.Features.Channels;
using AccountBot.Core.Features.Csv;
using AccountBot.Core.Features.Help;
using AccountBot.Core.Features.Home;
using AccountBot.Core.Features.Maps;
using AccountBot.Core.Features.Nudges;
using AccountBot.Core.Features.Pictures;
using AccountBot.Core.Features.Privacy;
using AccountBot.Core.Features.QuickAdd;
using AccountBot.Core.Features.Stakeholders;
using AccountBot.Core.Telemetry;
using AccountBot.Core.Views;

namespace AccountBot.Core.Features.Routing;

/// <summary>
/// The single entry point the platform adapters call: command text (or a parsed command) in,
/// neutral reply out. Text that does not parse is an <see cref="InvalidCommand"/>, answered with a helpful notice, never an exception.
/// </summary>
public sealed class CommandDispatcher(
    HelpHandler help,
    ShowMapHandler showMap,
    CreateMapHandler createMap,
    StakeholderFormHandler forms,
    TagHandler tags,
    RemoveHandler remove,
    MarkReviewedHandler reviewed,
    ShowHistoryHandler history,
    LinkHandler links,
    ListMapsHandler list,
    SettingsHandler settings,
    SnoozeHandler snooze,
    PictureHandler pictures,
    ResetLinksHandler resetLinks,
    CsvHandler csv,
    EraseHandler erase,
    HistoryExportHandler historyExport,
    VisibilityHandler visibility,
    ChangeOwnerHandler owner,
    DeleteMapHandler deleteMap,
    ReassignHandler reassign,
    QuickAddHandler quickAdd,
    UndoQuickAddHandler undo,
    SeveralLinesHandler several,
    NotifyHandler notify,
    PostponeHandler postpone,
    HomeHandler home,
    MarkStepDoneHandler done,
    FollowHandler follow,
    BotMetrics? metrics = null)
{
    public Task<Reply> DispatchAsync(string? text, RequestContext context, CancellationToken cancellationToken) =>
        DispatchAsync(CommandParser.Parse(text), context, cancellationToken);

    /// <summary>A command the adapter parsed itself (to ask <see cref="BotCommand.IsReadOnly"/> first): run, or the notice of text that did not parse.</summary>
    public async Task<Reply> DispatchAsync(BotCommand command, RequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        if (command is InvalidCommand invalid)
        {
            metrics?.CommandRun(CommandVerb.Invalid, context.Workspace.Platform, TimeSpan.Zero);
            return new NoticeView(Tone.Warning, invalid.Error, invalid.Example);
        }

        var verb = CommandVerb.Of(command);
        using var activity = BotTelemetry.Source.StartActivity("command " + verb);
        activity?.SetTag(BotTelemetry.VerbAttribute, verb);
        activity?.SetTag(BotTelemetry.PlatformAttribute, BotMetrics.PlatformName(context.Workspace.Platform));
        var start = Stopwatch.GetTimestamp();
        try
        {
            return await Route(command, context, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            metrics?.CommandRun(verb, context.Workspace.Platform, Stopwatch.GetElapsedTime(start));
        }
    }

    private Task<Reply> Route(BotCommand command, RequestContext context, CancellationToken cancellationToken) => command switch
    {
        ShowHelp c => help.HandleAsync(c, context, cancellationToken),
        ShowMap c => showMap.HandleAsync(c, context, cancellationToken),
        CreateMap c => createMap.HandleAsync(c, context, cancellationToken),
        AddStakeholder c => forms.HandleAsync(c, context, cancellationToken),
        EditStakeholder c => forms.HandleAsync(c, context, cancellationToken),
        TagStakeholder c => tags.HandleAsync(c, context, cancellationToken),
        UntagStakeholder c => tags.HandleAsync(c, context, cancellationToken),
        RemoveStakeholder c => remove.HandleAsync(c, context, cancellationToken),
        MarkReviewed c => reviewed.HandleAsync(c, context, cancellationToken),
        ShowHistory c => history.HandleAsync(c, context, cancellationToken),
        LinkChannel c => links.HandleAsync(c, context, cancellationToken),
        UnlinkChannel c => links.HandleAsync(c, context, cancellationToken),
        ListMaps c => list.HandleAsync(c, context, cancellationToken),
        ChannelSettingsCommand c => settings.HandleAsync(c, context, cancellationToken),
        ShowPicture c => pictures.HandleAsync(c, context, cancellationToken),
        ResetLinks c => resetLinks.HandleAsync(c, context, cancellationToken),
        SnoozeReminders c => snooze.HandleAsync(c, context, cancellationToken),
        ExportCsv c => csv.HandleAsync(c, context, cancellationToken),
        ImportCsv c => csv.HandleAsync(c, context, cancellationToken),
        ErasePerson c => erase.HandleAsync(c, context, cancellationToken),
        ExportHistory c => historyExport.HandleAsync(c, context, cancellationToken),
        SetMapVisibility c => visibility.HandleAsync(c, context, cancellationToken),
        ChangeMapOwner c => owner.HandleAsync(c, context, cancellationToken),
        DeleteMap c => deleteMap.HandleAsync(c, context, cancellationToken),
        ReassignRelationships c => reassign.HandleAsync(c, context, cancellationToken),
        QuickAddStakeholders c => quickAdd.HandleAsync(c, context, cancellationToken),
        UndoQuickAdd c => undo.HandleAsync(c, context, cancellationToken),
        NotifyCommand c => notify.HandleAsync(c, context, cancellationToken),
        PostponeStep c => postpone.HandleAsync(c, context, cancellationToken),
        ShowHome c => home.HandleAsync(c, context, cancellationToken),
        MarkStepDone c => done.HandleAsync(c, context, cancellationToken),
        FollowPerson c => follow.HandleAsync(c, context, cancellationToken),
        _ => throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name, "No handler for this command."),
    };

    /// <summary>A submitted stakeholder form (Adaptive Card or Slack modal): saved, a repeat, or the form with its errors.</summary>
    public Task<SaveReply> SubmitStakeholderAsync(StakeholderSubmission submission, RequestContext context, CancellationToken cancellationToken) =>
        forms.SubmitAsync(submission, context, cancellationToken);

    /// <summary>The add form's "Add several" lines: the map with an Undo button, or a notice naming what kept anything from being saved.</summary>
    public Task<Reply> AddSeveralAsync(Guid mapId, string lines, RequestContext context, CancellationToken cancellationToken) =>
        several.AddAsync(mapId, lines, context, cancellationToken);

    /// <summary>"More details" on a short stakeholder form: the whole form with what was typed kept, or a notice when the map or person is gone.</summary>
    public Task<Reply> ExpandStakeholderFormAsync(StakeholderSubmission draft, RequestContext context, CancellationToken cancellationToken) =>
        forms.ExpandAsync(draft, context, cancellationToken);

    /// <summary>
    /// A submitted import form (<see cref="ImportFormView"/>): returns an <see cref="ImportPreviewView"/>,
    /// or the form again with an error, or a not-found view. Changes nothing.
    /// </summary>
    public Task<Reply> PreviewImportAsync(string? account, string? csvText, RequestContext context, CancellationToken cancellationToken) =>
        csv.PreviewAsync(account, csvText, context, cancellationToken);

    /// <summary>The confirm button of an <see cref="ImportPreviewView"/>: applies it once (the map card comes back; a repeat says so).</summary>
    public Task<SaveReply> ApplyImportAsync(Guid mapId, string importId, RequestContext context, CancellationToken cancellationToken) =>
        csv.ApplyAsync(mapId, importId, context, cancellationToken);
}
