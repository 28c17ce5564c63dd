using System.Globalization;
using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;
using AccountBot.Core.Commands;
using AccountBot.Core.Features.Maps;
using AccountBot.Core.Features.Routing;
using AccountBot.Core.Views;
using AccountBot.Core.Text;

namespace AccountBot.Core.Features.Csv;

/// <summary>
/// <c>map Acme export</c> (the map as CSV) and <c>map import</c> / <c>map Acme import</c> (paste
/// CSV, preview, confirm). Nothing changes until the preview is confirmed; the whole import is one
/// map edit with one history entry, and confirming twice applies it once.
/// </summary>
public sealed class CsvHandler(
    MapEditor editor,
    MapViewFactory views,
    IAccountMapStore store,
    IPendingImportStore pending,
    IPictureLinks links,
    LimitsOptions limits,
    TimeProvider time) : MapCommandHandler(store), ICommandHandler<ExportCsv>, ICommandHandler<ImportCsv>
{
    public async Task<Reply> HandleAsync(ExportCsv command, RequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var (map, notFound) = await FindAsync(context, command.Account, cancellationToken);
        if (map is null)
        {
            return notFound!;
        }

        return new ExportView(map.Id, map.Name, StakeholderCsvWriter.FileName(map), StakeholderCsvWriter.Write(map), map.Stakeholders.Count)
        {
            DownloadUrl = links.ExportUrl(map),
        };
    }

    public async Task<Reply> HandleAsync(ImportCsv command, RequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (command.Account is { } account)
        {
            var (map, notFound) = await FindAsync(context, account, cancellationToken);
            if (map is null)
            {
                return notFound!;
            }

            return Form(map.Name);
        }

        return Form(null);
    }

    /// <summary>The submitted import form: reads the CSV and shows what would change. Changes nothing.</summary>
    public async Task<Reply> PreviewAsync(string? account, string? csvText, RequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var keep = csvText is not null && csvText.Length <= StakeholderCsvReader.MaxBytes ? csvText : null;
        if (string.IsNullOrWhiteSpace(account))
        {
            return Form(null) with { CsvText = keep, Error = Sentences.CsvAccountMissing, ErrorField = ImportFormView.AccountField };
        }

        var (map, notFound) = await FindAsync(context, account.Trim(), cancellationToken);
        if (map is null)
        {
            return notFound!;
        }

        var parsed = StakeholderCsvReader.Read(csvText);
        if (parsed.FileError is { } error)
        {
            return Form(map.Name) with { CsvText = keep, Error = error, ErrorField = ImportFormView.CsvField };
        }

        var plan = ImportPlanner.Plan(map, parsed.Rows, new Stamp(time.GetUtcNow(), context.User), limits.PeoplePerMap);
        if (await pending.AddAsync(context.Workspace, map.Id, parsed.Rows, plan.DidNotFit, cancellationToken) is not { } importId)
        {
            return new NoticeView(Tone.Warning, Sentences.CsvTooManyPending, CommandText.Import);
        }

        return new ImportPreviewView(
            map.Id,
            map.Name,
            CommandParser.Quote(map.Name),
            importId,
            plan.Added,
            plan.Updated,
            plan.Unchanged,
            [.. parsed.Errors.Concat(plan.Errors).OrderBy(e => e.Line)],
            parsed.IgnoredColumns)
        {
            Leaving = plan.Left,
            Possible = plan.Possible,
        };
    }

    /// <summary>The confirmed preview: applies it as one edit, idempotently (the import id is the key).</summary>
    public async Task<SaveReply> ApplyAsync(Guid mapId, string importId, RequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentException.ThrowIfNullOrWhiteSpace(importId);
        var key = IdempotencyKey(importId);
        var previewed = await pending.FindAsync(context.Workspace, mapId, importId, cancellationToken);
        if (previewed is null)
        {
            if (await Store.IsAppliedAsync(context.Workspace, key, cancellationToken)
                && await Store.GetAsync(context.Workspace, mapId, cancellationToken) is { } applied)
            {
                return new SaveReply(SaveOutcome.AlreadyApplied, views.Build(applied, Sentences.CsvAlreadyApplied) with { Visibility = ReplyVisibility.Channel });
            }

            return new SaveReply(SaveOutcome.NotFound, new NoticeView(Tone.Warning, Sentences.CsvPreviewExpired, CommandText.Import));
        }

        string? summary = null;
        IReadOnlyList<JobChange> moves = [];
        var result = await editor.EditAsync(
            context,
            mapId,
            (map, stamp) =>
            {
                var plan = ImportPlanner.Plan(map, previewed.Rows, stamp, limits.PeoplePerMap);

                // Applying fewer people than the preview showed would be half an import.
                if (plan.DidNotFit > previewed.DidNotFit)
                {
                    throw new DomainRuleException(string.Format(
                        CultureInfo.InvariantCulture, Sentences.CsvFilledUp, map.Name, plan.DidNotFit - previewed.DidNotFit, limits.PeoplePerMap));
                }

                summary = plan.Change?.History.Summary;
                moves = plan.JobChanges;
                return plan.Change ?? throw new DomainRuleException(Sentences.CsvNothingToImport);
            },
            key,
            cancellationToken);
        var notice = result.Outcome == SaveOutcome.AlreadyApplied
            ? Sentences.CsvAlreadyApplied
            : string.Format(CultureInfo.CurrentCulture, Sentences.CsvImported, context.User.Name, summary);
        var reply = SaveReply.From(result, views, notice);
        return moves.Count > 0 && reply.Reply is MapView shown
            ? reply with { Reply = JobChangeReplies.OfferFollow(shown, mapId, moves) }
            : reply;
    }

    public static string IdempotencyKey(string importId) => "csv-import:" + importId;

    private static ImportFormView Form(string? account) => new(account, StakeholderCsvReader.MaxBytes, StakeholderCsvReader.MaxRows);
}
