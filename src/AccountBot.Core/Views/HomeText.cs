using System.Globalization;
using AccountBot.Core.Text;

namespace AccountBot.Core.Views;

/// <summary>
/// Every heading, label and line of the home (<see cref="HomeView"/>), written once so Teams and Slack show the same
/// words; a renderer only chooses where each goes. Texts are plain: renderers escape them.
/// </summary>
public static class HomeText
{
    public static string Title => Sentences.HomeTitle;

    public static string MapsHeading => Sentences.HomeMapsHeading;

    public static string StepsHeading => Sentences.HomeStepsHeading;

    public static string ChangesHeading => Sentences.HomeChangesHeading;

    public static string OpenLabel => Sentences.HomeOpenLabel;

    public static string DoneLabel => Sentences.HomeDoneLabel;

    public static string NoMaps => Sentences.HomeNoMaps;

    public static string NoSteps => Sentences.HomeNoSteps;

    public static string NoChanges => Sentences.HomeNoChanges;

    /// <summary>What a home with nothing in it says, with the commands that fill it.</summary>
    public static string Empty => Sentences.HomeEmpty;

    /// <summary>The one-line text a notification or screen reader shows.</summary>
    public static string Fallback(HomeView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return Format(Sentences.HomeFallback, view.MapsTotal, view.StepsTotal);
    }

    /// <summary><c>Acme · 4 active · 2 gaps</c> (and "private" for a private map).</summary>
    public static string MapLine(HomeMap map)
    {
        ArgumentNullException.ThrowIfNull(map);
        var line = Format(Sentences.HomeMapLine, map.Name, map.ActiveCount, map.GapCount);
        return map.IsPrivate ? line + " · " + Sentences.HomePrivate : line;
    }

    /// <summary>The person and their map: <c>Jane Doe (Acme)</c>.</summary>
    public static string Person(HomeStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        return Format(Sentences.HomePersonOnMap, step.PersonName, step.MapName);
    }

    /// <summary>The step and when it is due: <c>Send pricing · overdue since 2026-05-01</c>, or "no next step".</summary>
    public static string StepLine(HomeStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        var what = string.IsNullOrWhiteSpace(step.NextStep) ? (step.Due is null ? Sentences.HomeNoNextStep : Sentences.HomeUnnamedStep) : step.NextStep;
        var due = step.Due is not { } date
            ? null
            : Format(step.Overdue ? Sentences.HomeOverdueSince : Sentences.HomeDueOn, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        return due is null ? what : what + " · " + due;
    }

    /// <summary><c>2026-05-01 · Ana Rep on Acme: added Jane Doe</c>.</summary>
    public static string ChangeLine(HomeChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return Format(Sentences.HomeChangeLine, change.At.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), change.ByName, change.MapName, change.Summary);
    }

    /// <summary>"and 3 more" under a bounded list; null when nothing was left out.</summary>
    public static string? More(int total, int shown) => total > shown ? Format(Sentences.HomeMore, total - shown) : null;

    private static string Format(string sentence, params object[] args) => string.Format(CultureInfo.CurrentCulture, sentence, args);
}
