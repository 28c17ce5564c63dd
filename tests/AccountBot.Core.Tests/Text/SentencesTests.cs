using System.Globalization;
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
