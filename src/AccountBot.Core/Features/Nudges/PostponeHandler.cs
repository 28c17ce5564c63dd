using System.Globalization;
using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;
using AccountBot.Core.Commands;
using AccountBot.Core.Features.Maps;
using AccountBot.Core.Features.People;
using AccountBot.Core.Features.Routing;
using AccountBot.Core.Text;
using AccountBot.Core.Views;

namespace AccountBot.Core.Features.Nudges;

/// <summary>
/// <c>map Acme postpone "Jane Doe" day|week</c>, the nudge's Snooze button: the next step's due date moves to a day (or a
/// week) after the later of today and its due date, saved as an edit, so the map's history records it.
/// </summary>
public sealed class PostponeHandler(IAccountMapStore store, MapEditor editor, MapViewFactory views) : MapCommandHandler(store), ICommandHandler<PostponeStep>
{
    public async Task<Reply> HandleAsync(PostponeStep command, RequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        var (map, notFound) = await FindAsync(context, command.Account, cancellationToken);
        if (map is null)
        {
            return notFound!;
        }

        var match = PersonMatcher.Match(map, command.Person);
        if (match.Person is not { } person)
        {
            return PersonReplies.NotUnique(map, command.Person, match, p => CommandText.Map(map.Name).Postpone(p, command.Days == 7 ? "week" : "day"));
        }

        if (string.IsNullOrWhiteSpace(person.NextStep))
        {
            return new NoticeView(Tone.Warning, Format(Sentences.PostponeNoStep, person.Name));
        }

        DateOnly? moved = null;
        var result = await editor.EditAsync(context, map.Id, (m, stamp) =>
        {
            var current = m.FindById(person.Id) ?? person;
            var today = DateOnly.FromDateTime(stamp.At.UtcDateTime);
            var from = current.NextStepDue is { } due && due > today ? due : today;
            moved = from.AddDays(command.Days);
            return m.UpdateStakeholder(current with { NextStepDue = moved }, stamp);
        }, null, cancellationToken);
        var date = moved?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty;
        return SaveReply.From(result, views, Format(Sentences.PostponeDone, context.User.Name, person.Name, date)).Reply;
    }

    private static string Format(string format, params object[] args) => string.Format(CultureInfo.CurrentCulture, format, args);
}
