using System.Text.Json;
using AccountBot.Core.Accounts;
using AccountBot.Core.Features.Capture;
using Xunit.Abstractions;

namespace AccountBot.Core.Tests.Capture;

public sealed class CaptureSuggestionTests(ITestOutputHelper output)
{
    [Fact]
    public void SlackMentionWithLabel_IsSuggestedByName()
    {
        var people = CaptureSuggestionReader.Read("Sync with <@U02ABC|Dana Whitfield> today");

        var dana = Assert.Single(people);
        Assert.Equal(("Dana Whitfield", CaptureSource.Mention, (string?)null), (dana.Name, dana.Source, dana.UserId));
    }

    [Fact]
    public void BareSlackMention_CarriesTheUserIdToResolve()
    {
        var person = Assert.Single(CaptureSuggestionReader.Read("Thanks <@U07QWERTY> for joining"));

        Assert.Equal("U07QWERTY", person.UserId);
    }

    [Fact]
    public void TeamsMention_IsSuggested()
    {
        Assert.Equal(["Marcus Lee"], CaptureSuggestionReader.Read("<at>Marcus Lee</at> confirmed the pilot").Select(p => p.Name));
    }

    [Theory]
    [InlineData("Priya Raman, VP Finance", "Priya Raman", "VP Finance")]
    [InlineData("- Tom Becker, IT Director", "Tom Becker", "IT Director")]
    [InlineData("• Hannah O'Brien, Head of Customer Success", "Hannah O'Brien", "Head of Customer Success")]
    [InlineData("Ingrid van der Berg, Chief Information Officer.", "Ingrid van der Berg", "Chief Information Officer")]
    [InlineData("Nina Petrova, Director, Supply Chain", "Nina Petrova", "Director, Supply Chain")]
    public void NameTitleLine_IsSuggestedWithItsTitle(string line, string name, string title)
    {
        var person = Assert.Single(CaptureSuggestionReader.Read("Attendees:\n" + line + "\nthanks"));

        Assert.Equal((name, title, CaptureSource.NameTitleLine), (person.Name, person.Title, person.Source));
    }

    [Theory]
    [InlineData("Met Jane Doe at the conference, she said the budget is frozen.")]
    [InlineData("Margaret Chen, who runs procurement, said they will go to tender.")]
    [InlineData("Budget Review, next Thursday at 10am")]
    [InlineData("Monday Standup, quick notes")]
    [InlineData("Mark, from finance")]
    [InlineData("Michael Brown, Procurement, will send the vendor form")]
    [InlineData("IBM Corp, our partner")]
    public void ProseAndHeadings_SuggestNobody(string message)
    {
        Assert.Empty(CaptureSuggestionReader.Read(message));
    }

    [Fact]
    public void APersonNamedTwice_IsSuggestedOnce_InTheOrderNamed()
    {
        var people = CaptureSuggestionReader.Read("Anna Novak, COO\n<at>Marcus Lee</at> and <at>Anna Novak</at>");

        Assert.Equal(["Anna Novak", "Marcus Lee"], people.Select(p => p.Name));
    }

    [Fact]
    public void SampleCallNotes_SuggestionPrecisionIsAtLeast80Percent()
    {
        var samples = JsonSerializer.Deserialize<List<Sample>>(
            File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Capture", "call-notes.json")), new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        int suggested = 0, right = 0, expected = 0;
        foreach (var sample in samples)
        {
            var got = CaptureSuggestionReader.Read(sample.Note).Select(p => p.UserId ?? p.Name).ToList();
            suggested += got.Count;
            expected += sample.Expected.Count;
            right += got.Count(g => sample.Expected.Contains(g, StringComparer.OrdinalIgnoreCase));
            foreach (var wrong in got.Where(g => !sample.Expected.Contains(g, StringComparer.OrdinalIgnoreCase)))
                output.WriteLine($"not expected: {wrong}");
        }

        var precision = (double)right / suggested;
        var recall = (double)right / expected;
        output.WriteLine($"samples {samples.Count}, suggested {suggested}, right {right}, expected {expected}: precision {precision:P1}, recall {recall:P1}");
        Assert.Equal(30, samples.Count);
        Assert.True(precision >= 0.8, $"precision {precision:P1}");
    }

    [Fact]
    public void Prefill_PutsTheMessageInNotes_AndTheFirstNamedPersonInNameAndTitle()
    {
        const string message = "  Attendees:\n<@U1> joined\nPriya Raman, VP Finance\nTom Becker, IT Director  ";
        var values = CapturePrefill.For(message, CaptureSuggestionReader.Read(message));

        Assert.Equal((message.Trim(), "Priya Raman", "VP Finance"), (values.Notes, values.Name, values.Title));
        Assert.Equal(("3", nameof(StakeholderStatus.Active)), (values.Power, values.Status));
    }

    [Fact]
    public void Prefill_WithNobodyNamed_LeavesTheNameEmpty_AndCutsLongNotes()
    {
        var message = new string('x', Limits.Notes + 50);
        var values = CapturePrefill.For(message, []);

        Assert.Null(values.Name);
        Assert.Equal(Limits.Notes, values.Notes!.Length);
        Assert.EndsWith("…", values.Notes, StringComparison.Ordinal);
    }

    private sealed record Sample(string Note, List<string> Expected);
}
