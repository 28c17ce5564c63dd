using System.Text.RegularExpressions;
using AccountBot.Testing.Slack;

namespace AccountBot.Core.Tests.Text;

/// <summary>
/// Every sentence Core writes belongs in Text/Sentences.resx. This reads Core's sources for string literals holding
/// two English words in a row (the holes of an interpolated string left out) outside comments, logs, exceptions
/// and metric descriptions, and fails when a file not listed below has one, or a listed file has more than it had.
/// </summary>
public sealed partial class CoreSentenceScanTests
{
    // Files that still hold two English words in a row in a literal, none of them a sentence a user reads (each says
    // why), with how many. A file's number may only fall; a file at 0 leaves the list. Never raise a number for a new
    // sentence: put it in the catalogue instead.
    private static readonly Dictionary<string, int> NotYetInTheCatalogue = new(StringComparer.Ordinal)
    {
        // Command language: the words people type, which the parsers read in every culture, and example commands.
        ["Commands/RoleWords.cs"] = 7, // role words and their synonyms ("decision maker", "economic buyer"…) and the list of them
        ["Commands/CommandText.cs"] = 2, // the example person and quick-add line the parsers' example commands show
        ["Commands/AdminCommandParser.cs"] = 1, // the example command "map reassign @old.rep @new.rep"
        ["Commands/SettingsParser.cs"] = 4, // example commands ("map settings day monday…") and a time pattern ("h:mm tt")
        ["Features/Channels/SettingsHandler.cs"] = 1, // the example command "map settings tz Europe/Paris"
        ["Features/Maps/CreateMapHandler.cs"] = 1, // the example command "map Acme Corp create"
        ["Features/QuickAdd/QuickAddHandler.cs"] = 1, // the example quick-add line of a refused quick add
        ["Features/Help/HelpHandler.cs"] = 23, // the example commands; their descriptions are in the catalogue

        // Data keys: CSV column headers (the import matches them, the export writes them) and the status word the import
        // reads back, the same in every culture so a file moves between workspaces.
        ["Features/Csv/CsvColumns.cs"] = 7, // column headers ("Profile URL", "Reports To"…)
        ["Features/Csv/HistoryCsvWriter.cs"] = 1, // the history export's "By Id" column header
        ["Features/Csv/ImportPlanner.cs"] = 1, // "left the company", read back from English exports in any culture

        // History field keys ("Jane Doe: reports to"): stored with each entry, and matched by PersonErasure (": name")
        // and ImportPlanner (the part after ": "), so they cannot change with the writer's culture.
        ["Accounts/StakeholderText.cs"] = 4,
        ["Accounts/AccountMap.Control.cs"] = 1, // "<person>: relationship owner"

        // Formats, not sentences.
        ["Views/MapCardText.cs"] = 1, // the card's date pattern "d MMM yyyy" (invariant month names)

        // Operator text: outbox entries' LastError, options validation at start-up, deletion counts for the log.
        ["Reminders/DeliveryResult.cs"] = 2,
        ["Reminders/ReminderDeliveryOptions.cs"] = 2,
        ["Reminders/ReminderOptions.cs"] = 3,
        ["Reminders/ReminderRunner.InDoubt.cs"] = 7,
        ["Reminders/ReminderRunner.Sending.cs"] = 8,
        ["Workspaces/WorkspaceDataCounts.cs"] = 2,

        // Not yet moved: the saving code is being reworked on another branch; its three sentences ("Another map already
        // has that name.", the map-busy sentence, the workspace map limit) move once that lands (MapsBusy exists already).
    };

    [Fact]
    public void CoreSources_WriteNoNewEnglishSentenceOutsideTheCatalogue()
    {
        var found = SentenceLiteralsByFile();

        var over = found
            .Where(f => f.Value > NotYetInTheCatalogue.GetValueOrDefault(f.Key))
            .Select(f => $"{f.Key}: {f.Value} (allowed {NotYetInTheCatalogue.GetValueOrDefault(f.Key)})")
            .ToList();
        Assert.True(over.Count == 0, "English sentences built in code; put them in Core/Text/Sentences.resx:\n" + string.Join("\n", over));
    }

    [Fact]
    public void NotYetInTheCatalogue_ListsOnlyFilesThatStillNeedIt()
    {
        var found = SentenceLiteralsByFile();

        Assert.DoesNotContain(NotYetInTheCatalogue.Keys, file => !found.ContainsKey(file));
    }

    [Theory]
    [InlineData("return new NoticeView(Tone.Warning, \"That map no longer exists.\");", 1)]
    [InlineData("var text = $\"{user} removed {name} from the map.\";", 1)]
    [InlineData("return new NoticeView(Tone.Warning, Sentences.MapsGone);", 0)]
    [InlineData("// \"a comment that says something\"", 0)]
    [InlineData("throw new ArgumentException(\"The value must be positive.\");", 0)]
    [InlineData("var key = \"accountbot.api.calls\";", 0)]
    public void Scan_FindsSentencesNotCodeOrComments(string line, int expected)
    {
        Assert.Equal(expected, Count(line));
    }

    private static Dictionary<string, int> SentenceLiteralsByFile()
    {
        var core = Path.Combine(SlackContractCheck.FindRepositoryRoot(), "src", "AccountBot.Core");
        var found = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(core, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(core, file).Replace('\\', '/');
            if (relative.StartsWith("obj/", StringComparison.Ordinal) || relative.StartsWith("bin/", StringComparison.Ordinal))
                continue;
            var count = File.ReadLines(file).Sum(Count);
            if (count > 0)
                found[relative] = count;
        }

        return found;
    }

    private static int Count(string line)
    {
        var code = line.Trim();
        if (code.StartsWith("//", StringComparison.Ordinal) || code.StartsWith('*') || NotSentences().IsMatch(code))
            return 0;
        return Literals().Matches(code).Count(m => TwoWords().IsMatch(Holes().Replace(m.Groups[1].Value, string.Empty)));
    }

    [GeneratedRegex(@"LoggerMessage|Exception\(|CreateCounter|CreateHistogram|CreateUpDown|GeneratedRegex|Description\(")]
    private static partial Regex NotSentences();

    [GeneratedRegex(@"(?:\$@|@\$|\$|@)?""((?:[^""\\\n]|\\.)*)""")]
    private static partial Regex Literals();

    [GeneratedRegex(@"\{[^{}]*\}")]
    private static partial Regex Holes();

    [GeneratedRegex(@"[A-Za-z]{2,} [A-Za-z]{2,}")]
    private static partial Regex TwoWords();
}
