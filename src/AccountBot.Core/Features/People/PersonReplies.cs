using System.Globalization;
using AccountBot.Core.Accounts;
using AccountBot.Core.Commands;
using AccountBot.Core.Views;
using AccountBot.Core.Text;

namespace AccountBot.Core.Features.People;

/// <summary>The "did you mean" reply when a command's person matched several people or nobody.</summary>
public static class PersonReplies
{
    /// <param name="commandFor">Builds the command that repeats the action for one candidate.</param>
    public static Reply NotUnique(AccountMap map, PersonRef reference, PersonMatch match, Func<string, string> commandFor)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(match);
        ArgumentNullException.ThrowIfNull(commandFor);
        if (reference.Id is not null)
        {
            return new NoticeView(Tone.Warning, string.Format(CultureInfo.CurrentCulture, Sentences.PeopleGone, map.Name), CommandText.Map(map.Name).Open);
        }

        var choices = match.Candidates
            .Select(c => new PersonChoice(c.Title is null ? c.Name : $"{c.Name} ({c.Title})", commandFor(PersonRef.ForId(c.Id))))
            .ToList();
        var text = match.Candidates.Count > 0 && match.Candidates.All(c => IsPartOf(reference.Text, c.Name))
            ? string.Format(CultureInfo.CurrentCulture, Sentences.PeopleSeveralMatch, map.Name, reference.Text)
            : choices.Count == 0
                ? string.Format(CultureInfo.CurrentCulture, Sentences.PeopleNoMatch, map.Name, reference.Text)
                : string.Format(CultureInfo.CurrentCulture, Sentences.PeopleNoMatchSuggest, map.Name, reference.Text);
        return new PersonChoiceView(text, choices);
    }

    private static bool IsPartOf(string typed, string name) =>
        NameKey.Normalize(name).Contains(NameKey.Normalize(typed), StringComparison.Ordinal);
}
