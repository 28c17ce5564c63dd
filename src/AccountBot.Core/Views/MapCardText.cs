using System.Globalization;
using AccountBot.Core.Accounts;
using AccountBot.Core.Commands;

namespace AccountBot.Core.Views;

/// <summary>
/// Every sentence and label of the map card (<see cref="MapView"/>), written once so Teams and Slack show the same
/// words; a renderer only chooses where each goes and how it looks. Texts are plain: renderers escape them.
/// </summary>
public static class MapCardText
{
    public const string GapsHeading = "Coverage gaps";

    public const string NoGaps = "No coverage gaps";

    public const string Empty = "No stakeholders yet. Add the people you met: who decides, who signs, who champions you.";

    public const string AddLabel = "Add stakeholder";

    public const string EditLabel = "Edit";

    public const string RemoveLabel = "Remove…";

    public const string PersonLabel = "Person";

    public const string PickPerson = "Pick a person";

    /// <summary>A person picker that searches as one types.</summary>
    public const string TypeAName = "Type a name";

    public const string ReviewedLabel = "Mark reviewed";

    public const string HistoryLabel = "History";

    /// <summary>The button under a quick add that reverts it.</summary>
    public const string UndoLabel = "Undo";

    public const string ViewsLabel = "Views";

    public const string ViewsLead = "Pictures of the map";

    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    /// <summary>Kind, owner and how many active people: <c>Sales map · owner Ana Rep · 2 active stakeholders</c>.</summary>
    public static string Summary(MapView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return string.Create(Culture, $"{view.Kind} map · owner {view.OwnerName} · {ActiveStakeholders(view.ActiveCount)}");
    }

    /// <summary>The line a private map's card shows under its summary; null for a public map.</summary>
    public static string? PrivateNote(MapView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return view.IsPrivate ? Text.Sentences.MapsPrivateNote : null;
    }

    /// <summary>The one-line text a notification or screen reader shows for the card.</summary>
    public static string Fallback(MapView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return string.Create(Culture, $"{view.Name}: {ActiveStakeholders(view.ActiveCount)}, {view.Gaps.Count} coverage gaps");
    }

    public static string GroupHeading(RoleGroup group)
    {
        ArgumentNullException.ThrowIfNull(group);
        return string.Create(Culture, $"{group.Heading} ({group.People.Count})");
    }

    /// <summary>After the name: <c> — VP Finance</c>, or nothing.</summary>
    public static string? PersonTitle(StakeholderLine person)
    {
        ArgumentNullException.ThrowIfNull(person);
        return person.Title is { Length: > 0 } title ? " — " + title : null;
    }

    /// <summary>Quadrant, scores, stance, owner and strength, status, reports-to: one line under the name.</summary>
    public static string PersonDetail(StakeholderLine person)
    {
        ArgumentNullException.ThrowIfNull(person);
        var details = new List<string>
        {
            string.Create(Culture, $"{PowerInterestGrid.DisplayName(person.Quadrant)} (power {person.Power}, interest {person.Interest})"),
            StakeholderText.Display(person.Stance),
            person.OwnerName is { } owner ? $"owner {owner} ({StakeholderText.Display(person.Strength)})" : "no relationship owner",
        };
        if (person.Status != StakeholderStatus.Active)
            details.Add(StakeholderText.Display(person.Status));
        if (person.ReportsToName is { } manager)
            details.Add("reports to " + manager);
        return string.Join(" · ", details);
    }

    /// <summary><c>Roles: Champion, Influencer</c> when a person has more than the one they are listed under.</summary>
    public static string? PersonRoles(StakeholderLine person)
    {
        ArgumentNullException.ThrowIfNull(person);
        return Roles.Split(person.Roles) is { Count: > 1 } roles ? "Roles: " + string.Join(", ", roles.Select(Roles.DisplayName)) : null;
    }

    public static string? NextStep(StakeholderLine person)
    {
        ArgumentNullException.ThrowIfNull(person);
        if (person.NextStep is not { Length: > 0 } next)
            return null;
        return person.NextStepDue is { } due ? $"Next: {next} (due {Date(due)})" : "Next: " + next;
    }

    /// <summary>The engagement plan under the next step: <c>Cares about: … · Plan: …</c>, or null when neither is set.</summary>
    public static string? EngagementPlan(StakeholderLine person)
    {
        ArgumentNullException.ThrowIfNull(person);
        var parts = new List<string>(2);
        if (person.CaresAbout is { Length: > 0 } cares)
            parts.Add(string.Format(Culture, Text.Sentences.PlanCaresAboutLine, cares));
        if (person.Plan is { Length: > 0 } plan)
            parts.Add(string.Format(Culture, Text.Sentences.PlanPlanLine, plan));
        return parts.Count == 0 ? null : string.Join(" · ", parts);
    }

    /// <summary>Who reviewed the map last and who changed it last, with dates.</summary>
    public static string Review(MapView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var updated = $"updated by {view.Updated.By.Name}, {Date(view.Updated.At)}";
        return view.LastReviewed is { } reviewed
            ? $"Last reviewed by {reviewed.By.Name}, {Date(reviewed.At)} · {updated}"
            : "Never reviewed · " + updated;
    }

    /// <summary>What a cut list ends with.</summary>
    public static string More(int count) => string.Create(Culture, $"…and {count} more");

    public static string PictureLabel(MapPicture picture) => picture switch
    {
        MapPicture.Grid => "Grid",
        MapPicture.Onion => "Onion",
        MapPicture.Org => "Org chart",
        _ => "RACI",
    };

    public static string Date(DateTimeOffset at) => at.UtcDateTime.ToString("d MMM yyyy", Culture);

    public static string Date(DateOnly date) => date.ToString("d MMM yyyy", Culture);

    private static string ActiveStakeholders(int count) =>
        string.Create(Culture, $"{count} active {(count == 1 ? "stakeholder" : "stakeholders")}");
}
