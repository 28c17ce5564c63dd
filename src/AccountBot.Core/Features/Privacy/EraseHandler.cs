using AccountBot.Core.Features.People;
using AccountBot.Core.Features.Maps;
using AccountBot.Core.Features.Routing;
using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;
using AccountBot.Core.Commands;
using AccountBot.Core.Reminders;
using AccountBot.Core.Views;

namespace AccountBot.Core.Features.Privacy;

/// <summary>
/// <c>map Acme erase &lt;person&gt;</c> (a data-subject request): asks first; once confirmed, removes the person from
/// the map, from every history entry of the map, from previewed imports and from queued and sent digests
/// (<see cref="PersonErasure"/>). The history keeps one entry: a person was erased, when, by whom.
/// </summary>
public sealed class EraseHandler(
    IAccountMapStore store,
    IDigestOutbox outbox,
    IPendingImportStore pending,
    MapViewFactory views,
    TimeProvider time) : MapCommandHandler(store), ICommandHandler<ErasePerson>
{
    /// <summary>How often an outbox entry changed by a sender meanwhile is read again before it is left as it is.</summary>
    private const int OutboxAttempts = 4;

    public async Task<Reply> HandleAsync(ErasePerson command, RequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        var (map, notFound) = await FindAsync(context, command.Account, cancellationToken);
        if (map is null)
        {
            return notFound!;
        }

        var account = CommandParser.Quote(map.Name);
        var match = PersonMatcher.Match(map, command.Person);
        if (match.Person is not { } person)
        {
            return PersonReplies.NotUnique(map, command.Person, match, p => $"map {account} erase {p}");
        }

        if (!command.Confirmed)
        {
            return new ConfirmEraseView(map.Id, map.Name, person.Id, person.Name)
            {
                ConfirmCommand = $"map {account} confirm-erase {PersonRef.ForId(person.Id)}",
                CancelCommand = $"map {account}",
            };
        }

        for (var attempt = 0; attempt < MapEditor.MaxAttempts; attempt++)
        {
            var current = await Store.GetAsync(context.Workspace, map.Id, cancellationToken);
            if (current?.FindById(person.Id) is not { } target)
            {
                return current is null
                    ? new NoticeView(Tone.Warning, Text.Sentences.MapsGone, CommandText.List)
                    : new NoticeView(Tone.Warning, PrivacyTexts.NoLongerOnMap, $"map {account}");
            }

            var history = await Store.GetHistoryAsync(context.Workspace, current.Id, int.MaxValue, cancellationToken);
            var erasure = PersonErasure.For(target, history);

            // Before the map: the store's erase is the step that makes sure nothing removed stays in its files.
            await pending.ForgetAsync(context.Workspace, current.Id, p => p.Rows.Any(erasure.Mentions), cancellationToken);
            await ScrubOutboxAsync(context.Workspace, current.Id, erasure, cancellationToken);

            var stamp = new Stamp(time.GetUtcNow(), context.User);
            var change = erasure.Apply(current, stamp);
            var rewritten = new List<HistoryEntry>();
            var removed = new List<int>();
            foreach (var entry in history)
            {
                var scrubbed = erasure.Scrub(entry);
                if (scrubbed is null)
                {
                    removed.Add(entry.Version);
                }
                else if (!ReferenceEquals(scrubbed, entry))
                {
                    rewritten.Add(scrubbed);
                }
            }

            var saved = await Store.EraseAsync(new ErasureWrite(change, rewritten, removed), cancellationToken);
            switch (saved.Outcome)
            {
                case SaveOutcome.Saved:
                    return views.Build(saved.Map!, PrivacyTexts.Erased(context.User.Name)) with { Visibility = ReplyVisibility.Channel };
                case SaveOutcome.NotFound:
                    return new NoticeView(Tone.Warning, Text.Sentences.MapsGone, CommandText.List);
                case SaveOutcome.VersionConflict:
                    continue;
                default:
                    return new NoticeView(Tone.Error, Text.Sentences.MapsBusy);
            }
        }

        return new NoticeView(Tone.Error, Text.Sentences.MapsBusy);
    }

    private async Task ScrubOutboxAsync(WorkspaceKey workspace, Guid mapId, PersonErasure erasure, CancellationToken cancellationToken)
    {
        foreach (var key in await outbox.ListKeysAsync(workspace, cancellationToken))
        {
            for (var attempt = 0; attempt < OutboxAttempts; attempt++)
            {
                if (await outbox.GetAsync(DigestKey.Parse(key), cancellationToken) is not { Digest: { } digest } entry
                    || erasure.Scrub(digest, mapId) is not { } scrubbed)
                {
                    break;
                }

                if (await outbox.TryUpdateAsync(entry with { Digest = scrubbed }, cancellationToken) is not null)
                {
                    break;
                }
            }
        }
    }
}
