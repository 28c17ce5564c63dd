using System.Globalization;
using AccountBot.Core.Accounts;
using AccountBot.Core.Commands;
using AccountBot.Core.Text;

namespace AccountBot.Core.Views;

/// <summary>
/// Every sentence and label of the map card (<see cref="MapView"/>), written once so Teams and Slack show the same
/// words; a renderer only chooses where each goes and how it looks. Texts are plain: renderers escape them.
/// </summary>
public static class MapCardText
{
    public static string GapsHeading => Sentences.MapsGapsHeading;

    public static string NoGaps => Sentences.MapsNoGaps;

    public static string Empty => Sentences.MapsEmpty;

    public static string AddLabel => Sentences.MapsAddLabel;

    public static string EditLabel => Sentences.MapsEditLabel;

    public static string RemoveLabel => Sentences.MapsRemoveLabel;

    public static string PersonLabel => Sentences.MapsPersonLabel;

    public static string PickPerson => Sentences.MapsPickPerson;

    /// <summary>A person picker that searches as one types.</summary>
    public static string TypeAName => Sentences.MapsTypeAName;

    public static string ReviewedLabel => Sentences.MapsReviewedLabel;

    public static string HistoryLabel => Sentences.MapsHistoryLabel;

    /// <summary>The button under a quick add that reverts it.</summary>
    public static string UndoLabel => Sentences.MapsUndoLabel;

    public static string ViewsLabel => Sentences.MapsViewsLabel;

    public static string ViewsLead => Sentences.MapsViewsLead;

    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    /// <summary>Dates on the card: a pattern with the invariant culture's month names (a format, not a sentence).</summary>
    private const string DatePattern = "d MMM yyyy";

    /// <summary>Kind, owner and how many active people: <c>Sales map · owner Ana Rep · 2 active stakeholders</c>.</summary>
    public static string Summary(MapView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return string.Format(Culture, Sentences.MapsSummary, view.Kind, view.OwnerName, ActiveStakeholders(view.ActiveCount));
    }

    /// <summary>The line a private map's card shows under its summary; null for a public map.</summary>
    public static string? PrivateNote(MapView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return view.IsPrivate ? Sentences.MapsPrivateNote : null;
    }

    /// <summary>The one-line text a notification or screen reader shows for the card.</summary>
    public static string Fallback(MapView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return string.Format(Culture, Sentences.MapsFallback, view.Name, ActiveStakeholders(view.ActiveCount), view.Gaps.Count);
    }

    public static string GroupHeading(RoleGroup group)
    {
        ArgumentNullException.ThrowIfNull(group);
        return string.Format(Culture, Sentences.MapsGroupHeading, group.Heading, group.People.Count);
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
            string.Format(Culture, Sentences.MapsPersonQuadrant, PowerInterestGrid.DisplayName(person.Quadrant), person.Power, person.Interest),
            StakeholderText.Display(person.Stance),
            person.OwnerName is { } owner ? Say.Format(Sentences.MapsPersonOwner, owner, StakeholderText.Display(person.Strength)) : Sentences.MapsPersonNoOwner,
        };
        if (person.Status != StakeholderStatus.Active)
            details.Add(StakeholderText.Display(person.Status));
        if (person.ReportsToName is { } manager)
            details.Add(Say.Format(Sentences.MapsPersonReportsTo, manager));
        return string.Join(" · ", details);
    }

    /// <summary><c>Roles: Champion, Influencer</c> when a person has more than the one they are listed under.</summary>
    public static string? PersonRoles(StakeholderLine person)
    {
        ArgumentNullException.ThrowIfNull(person);
        return Roles.Split(person.Roles) is { Count: > 1 } roles ? Say.Format(Sentences.MapsPersonRoles, string.Join(", ", roles.Select(Roles.DisplayName))) : null;
    }

    public static string? NextStep(StakeholderLine person)
    {
        ArgumentNullException.ThrowIfNull(person);
        if (person.NextStep is not { Length: > 0 } next)
            return null;
        return person.NextStepDue is { } due ? Say.Format(Sentences.MapsNextStepDue, next, Date(due)) : Say.Format(Sentences.MapsNextStep, next);
    }

    /// <summary>The engagement plan under the next step: <c>Cares about: … · Plan: …</c>, or null when neither is set.</summary>
    public static string? EngagementPlan(StakeholderLine person)
    {
        ArgumentNullException.ThrowIfNull(person);
        var parts = new List<string>(2);
        if (person.CaresAbout is { Length: > 0 } cares)
            parts.Add(string.Format(Culture, Sentences.PlanCaresAboutLine, cares));
        if (person.Plan is { Length: > 0 } plan)
            parts.Add(string.Format(Culture, Sentences.PlanPlanLine, plan));
        return parts.Count == 0 ? null : string.Join(" · ", parts);
    }

    /// <summary>Who reviewed the map last and who changed it last, with dates.</summary>
    public static string Review(MapView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var updated = Say.Format(Sentences.MapsUpdatedBy, view.Updated.By.Name, Date(view.Updated.At));
        return view.LastReviewed is { } reviewed
            ? Say.Format(Sentences.MapsReviewedBy, reviewed.By.Name, Date(reviewed.At), updated)
            : Say.Format(Sentences.MapsNeverReviewed, updated);
    }

    /// <summary>What a cut list ends with.</summary>
    public static string More(int count) => string.Format(Culture, Sentences.MapsMore, count);

    public static string PictureLabel(MapPicture picture) => picture switch
    {
        MapPicture.Grid => Sentences.MapsPictureGrid,
        MapPicture.Onion => Sentences.MapsPictureOnion,
        MapPicture.Org => Sentences.MapsPictureOrg,
        _ => Sentences.MapsPictureRaci,
    };

    public static string Date(DateTimeOffset at) => at.UtcDateTime.ToString(DatePattern, Culture);

    public static string Date(DateOnly date) => date.ToString(DatePattern, Culture);

    private static string ActiveStakeholders(int count) =>
        string.Format(Culture, count == 1 ? Sentences.MapsActiveOne : Sentences.MapsActiveMany, count);
}
