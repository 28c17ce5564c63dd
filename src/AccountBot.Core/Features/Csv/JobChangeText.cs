using System.Globalization;
using AccountBot.Core.Commands;
using AccountBot.Core.Text;

namespace AccountBot.Core.Features.Csv;

/// <summary>The words of a job change in an import's preview, its history entry and the offer to follow the person.</summary>
public static class JobChangeText
{
    public static string LeavingHeading => Sentences.JobsLeavingHeading;

    public static string PossibleHeading => Sentences.JobsPossibleHeading;

    public static string LeftDetail(JobChange move)
    {
        ArgumentNullException.ThrowIfNull(move);
        var how = move.MatchedBy == MatchedBy.ProfileUrl ? Sentences.JobsByProfile : Sentences.JobsByEmail;
        return string.Format(CultureInfo.CurrentCulture, Sentences.JobsLeftDetail, move.Company, how);
    }

    public static string PossibleDetail(JobChange move)
    {
        ArgumentNullException.ThrowIfNull(move);
        return string.Format(CultureInfo.CurrentCulture, Sentences.JobsPossibleDetail, move.Company);
    }

    public static string LeftSummary(int count) =>
        count == 0 ? string.Empty : string.Format(CultureInfo.InvariantCulture, Sentences.JobsLeftSummary, count);

    /// <summary>The follow button's label: <c>Follow Jane Doe to Globex</c>.</summary>
    public static string FollowLabel(JobChange move)
    {
        ArgumentNullException.ThrowIfNull(move);
        return string.Format(CultureInfo.CurrentCulture, Sentences.JobsFollowLabel, move.Name, move.Company);
    }

    /// <summary>What the follow button sends: <c>map "Globex" follow &lt;old map id&gt;/&lt;person id&gt;</c>.</summary>
    public static string FollowCommand(Guid fromMapId, JobChange move)
    {
        ArgumentNullException.ThrowIfNull(move);
        return CommandText.Map(CommandParser.Quote(move.Company)).Follow(FollowCode(fromMapId, move.PersonId));
    }

    public static string FollowCode(Guid fromMapId, Guid personId) =>
        fromMapId.ToString("N", CultureInfo.InvariantCulture) + "/" + personId.ToString("N", CultureInfo.InvariantCulture);

    public static bool TryReadCode(string code, out Guid fromMapId, out Guid personId)
    {
        fromMapId = personId = Guid.Empty;
        var parts = code?.Split('/') ?? [];
        return parts.Length == 2
            && Guid.TryParseExact(parts[0], "N", out fromMapId)
            && Guid.TryParseExact(parts[1], "N", out personId);
    }
}
