using System.Globalization;
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

    [Theory]
    [InlineData(nameof(Sentences.CsvAccountMissing), "Geben Sie an, in welchen Account importiert werden soll, z. B. Acme Corp.")]
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
