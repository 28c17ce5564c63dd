using System.Globalization;
using AccountBot.Core.Accounts;
using AccountBot.Core.Features.Stakeholders;
using AccountBot.Core.Reminders;
using AccountBot.Core.Text;
using AccountBot.Core.Views;
using AccountBot.Testing.Fakes;

namespace AccountBot.Core.Tests.Text;

/// <summary>The sentence catalogue: a culture added as a satellite (here the test-only "de") is used without a code change.</summary>
public sealed class SentencesTests
{
    [Fact]
    public async Task Help_InASecondCulture_HasItsTranslatedSentence_AndEnglishWhereNoneIsTranslated()
    {
        using var core = new CoreHarness();
        var before = CultureInfo.CurrentUICulture;
        HelpView help;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("de-DE");
            help = Assert.IsType<HelpView>(await core.SendAsync("map help"));
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }

        Assert.StartsWith("AccountBot führt Ihre Account-Maps", help.Lead, StringComparison.Ordinal);
        Assert.Equal("Add a stakeholder with the form", help.Examples.Single(e => e.Command == "map Acme add Jane Doe").Description);
    }

    [Fact]
    public async Task Replies_InASecondCulture_PeopleAndPictures_SpeakIt()
    {
        using var core = new CoreHarness();
        await core.SendAsync("map Acme Corp create");
        var before = CultureInfo.CurrentUICulture;
        PersonChoiceView unknown;
        NoticeView reset;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("de-DE");
            unknown = Assert.IsType<PersonChoiceView>(await core.SendAsync("map Acme Corp tag Jame champion"));
            reset = Assert.IsType<NoticeView>(await core.SendAsync("map Acme Corp links reset"));
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }

        Assert.Equal("Auf Acme Corp heißt niemand \u201eJame\u201c.", unknown.Text);
        Assert.StartsWith("Ana Rep hat die Links von Acme Corp zurückgesetzt", reset.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replies_InASecondCulture_GapsFormParserAndDigest_SpeakIt_AndEnglishComesBack()
    {
        using var core = new CoreHarness();
        var before = CultureInfo.CurrentUICulture;
        MapView created;
        NoticeView parserError;
        string dueLabel;
        string submit;
        string digestTitle;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("de-DE");
            created = Assert.IsType<MapView>(await core.SendAsync("map Acme Corp create"));
            parserError = Assert.IsType<NoticeView>(await core.SendAsync("map Acme Corp links"));
            dueLabel = StakeholderFormSchema.Schema.Fields.Single(f => f.Id == StakeholderFields.NextStepDue).Label;
            submit = StakeholderFormSchema.SubmitLabel(FormMode.Add);
            digestTitle = DigestOf(moreCount: 2).Title;
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }

        Assert.Contains(created.Gaps, g => g.Kind == CoverageGapKind.NoChampion && g.Message == "kein Champion");
        Assert.Contains(created.Gaps, g => g.Kind == CoverageGapKind.NoSigner && g.Message == "no signer"); // not translated: English
        Assert.StartsWith("`links` erwartet `reset`", parserError.Text, StringComparison.Ordinal);
        Assert.Equal("Nächster Schritt fällig", dueLabel);
        Assert.Equal("Stakeholder hinzufügen", submit);
        Assert.Equal("Wöchentlicher Account-Review: 3 Accounts brauchen Aufmerksamkeit", digestTitle);

        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en-US");
        try
        {
            // The schema is built per culture: the German one above is not served to English readers.
            Assert.Equal("Next step due", StakeholderFormSchema.Schema.Fields.Single(f => f.Id == StakeholderFields.NextStepDue).Label);
            Assert.Equal("Weekly account review: 3 accounts need attention", DigestOf(moreCount: 2).Title);
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    private static Digest DigestOf(int moreCount) => new(
        [new DigestItem { MapId = Guid.NewGuid(), Name = "Acme Corp", Owner = new UserRef("U1", "Ana Rep"), Gaps = [], Summary = "no champion", Severity = 1, CommandName = "\"Acme Corp\"" }],
        moreCount);

    [Theory]
    [InlineData(nameof(Sentences.CsvAccountMissing), "Geben Sie an, in welchen Account importiert werden soll, z. B. Acme Corp.")]
    [InlineData(nameof(Sentences.GapNoChampion), "kein Champion")]
    [InlineData(nameof(Sentences.FormSubmitAdd), "Stakeholder hinzufügen")]
    [InlineData(nameof(Sentences.CommandsLinksTakesReset), "`links` erwartet `reset`: Damit öffnet sich kein bisher geposteter Bild- oder Exportlink der Map mehr.")]
    [InlineData(nameof(Sentences.DigestTitleMany), "Wöchentlicher Account-Review: {0} Accounts brauchen Aufmerksamkeit")]
    [InlineData(nameof(Sentences.RulesNameTaken), "{0} is already on this map: edit them instead.")] // not translated: English
    [InlineData(nameof(Sentences.MapsNoRoleHeading), "Noch ohne Rolle")]
    [InlineData(nameof(Sentences.StakeholdersAdded), "{0} hat {1} hinzugefügt.")]
    [InlineData(nameof(Sentences.PeopleSeveralMatch), "Several people on {0} match \"{1}\". Which one?")] // not translated: English
    public void Catalogue_InASecondCulture_EachFeaturesSentence(string name, string expected)
    {
        Assert.Equal(expected, Sentences.ResourceManager.GetString(name, CultureInfo.GetCultureInfo("de-DE")));
    }

    [Fact]
    public async Task Help_InEnglish_KeepsItsWords()
    {
        using var core = new CoreHarness();
        var before = CultureInfo.CurrentUICulture;
        HelpView help;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en-US");
            help = Assert.IsType<HelpView>(await core.SendAsync("map help"));
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }

        Assert.Equal("AccountBot keeps your account maps: who the stakeholders are, what role each plays, and where coverage is thin.", help.Lead);
    }
}
