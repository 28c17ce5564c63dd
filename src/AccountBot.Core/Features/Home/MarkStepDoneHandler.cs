using System.Globalization;
using AccountBot.Core.Abstractions;
using AccountBot.Core.Commands;
using AccountBot.Core.Features.Maps;
using AccountBot.Core.Features.People;
using AccountBot.Core.Features.Routing;
using AccountBot.Core.Text;
using AccountBot.Core.Views;

namespace AccountBot.Core.Features.Home;

/// <summary>
/// <c>map Acme done &lt;person&gt;</c>: the person's next step is done (recorded in the map's history). Sent again once
/// done, it changes nothing and says the step is already done; a person no longer on the map is named as gone.
/// </summary>
public sealed class MarkStepDoneHandler(IAccountMapStore store, MapEditor editor) : MapCommandHandler(store), ICommandHandler<MarkStepDone>
{
    public async Task<Reply> HandleAsync(MarkStepDone command, RequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        var (map, notFound) = await FindAsync(context, command.Account, cancellationToken);
        if (map is null)
        {
            return notFound!;
        }

        var match = PersonMatcher.Match(map, command.Person);
        if (match.Person is null && command.Person.Id is null)
        {
            return PersonReplies.NotUnique(map, command.Person, match, CommandText.Map(map.Name).Done);
        }

        if (match.Person is not { IsActive: true } person)
        {
            // A button names the person by id: they were removed (or left) since it was drawn.
            return new NoticeView(Tone.Warning, Format(Sentences.HomeDoneGoneFrom, map.Name), CommandText.Mine);
        }

        if (string.IsNullOrWhiteSpace(person.NextStep) && person.NextStepDue is null)
        {
            // A retried Done (a second click, a redelivered request) lands here: nothing changes, nothing is recorded twice.
            return new NoticeView(Tone.Info, Format(Sentences.HomeDoneNoStep, person.Name), CommandText.Mine);
        }

        var result = await editor.EditAsync(context, map.Id, (m, stamp) => m.MarkNextStepDone(person.Id, stamp), null, cancellationToken);
        return result.Outcome switch
        {
            SaveOutcome.Saved or SaveOutcome.AlreadyApplied => new NoticeView(Tone.Success, Format(Sentences.HomeDoneSaved, person.Name, map.Name, person.NextStep ?? string.Empty)),
            SaveOutcome.NotFound => new NoticeView(Tone.Warning, Sentences.MapsGone, CommandText.List),
            _ => new NoticeView(Tone.Warning, string.Join(" ", result.Errors.Select(e => e.Message)), CommandText.Mine),
        };
    }

    private static string Format(string sentence, params object[] args) => string.Format(CultureInfo.CurrentCulture, sentence, args);
}
