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
    // Files that still build English in code (or hold words that are not sentences: command words, CSV headers, examples),
    // with how many such literals each had when this list was made. Moving a file's sentences to the catalogue lowers its
    // number; a file at 0 leaves the list. Never raise a number: put the new sentence in the catalogue instead.
    private static readonly Dictionary<string, int> NotYetInTheCatalogue = new(StringComparer.Ordinal)
    {
        ["Accounts/AccountMap.Control.cs"] = 1,
        ["Commands/AdminCommandParser.cs"] = 1,
        ["Features/Admin/DeleteMapHandler.cs"] = 1,
        ["Features/QuickAdd/QuickAddHandler.cs"] = 3,
        ["Features/QuickAdd/UndoQuickAddHandler.cs"] = 2,
        ["Workspaces/WorkspaceDataCounts.cs"] = 2,
        ["Accounts/StakeholderText.cs"] = 4,
        ["Commands/RoleWords.cs"] = 7,
        ["Commands/SettingsParser.cs"] = 4,
        ["Features/Channels/SettingsHandler.cs"] = 1,
        ["Features/Csv/CsvColumns.cs"] = 7,
        ["Features/Csv/HistoryCsvWriter.cs"] = 1,
        ["Features/Csv/ImportPlanner.cs"] = 1,
        ["Features/Help/HelpHandler.cs"] = 23, // the example commands (command language, not sentences); their descriptions are in the catalogue
        ["Features/MapEditor.cs"] = 3,
        ["Features/Maps/CreateMapHandler.cs"] = 3,
        ["Features/Pictures/PictureHandler.cs"] = 1,
        ["Features/Privacy/EraseHandler.cs"] = 6,
        ["Features/Stakeholders/RemoveHandler.cs"] = 1,
        ["Reminders/DeliveryResult.cs"] = 2,
        ["Reminders/ReminderDeliveryOptions.cs"] = 2,
        ["Reminders/ReminderOptions.cs"] = 3,
        ["Reminders/ReminderRunner.InDoubt.cs"] = 7,
        ["Reminders/ReminderRunner.Sending.cs"] = 8,
        ["Views/MapCardText.cs"] = 1,
        ["Commands/CommandText.cs"] = 2,
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
