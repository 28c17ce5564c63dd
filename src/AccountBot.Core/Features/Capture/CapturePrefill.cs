using AccountBot.Core.Accounts;
using AccountBot.Core.Features.Stakeholders;

namespace AccountBot.Core.Features.Capture;

/// <summary>
/// The stakeholder form opened from a message: the message's text in the notes (cut to the notes' limit) and, when the
/// message names someone as a person (<see cref="CaptureSuggestionReader"/>), the first of them in name and title;
/// the others are offered beside the form. A new person's other defaults are kept.
/// </summary>
public static class CapturePrefill
{
    public static StakeholderFormValues For(string? message, IReadOnlyList<CaptureSuggestion> suggestions)
    {
        ArgumentNullException.ThrowIfNull(suggestions);
        var values = StakeholderFormReader.ForNew(null) with { Notes = Notes(message) };
        return suggestions.FirstOrDefault(s => s.UserId is null) is { } first
            ? values with { Name = Cut(first.Name, Limits.Name), Title = first.Title is null ? null : Cut(first.Title, Limits.Title) }
            : values;
    }

    /// <summary>The message as notes: trimmed, and cut at the notes' limit (with an ellipsis) rather than refused.</summary>
    public static string? Notes(string? message)
    {
        var text = message?.Trim();
        return string.IsNullOrEmpty(text) ? null : Cut(text, Limits.Notes);
    }

    private static string Cut(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");
}
