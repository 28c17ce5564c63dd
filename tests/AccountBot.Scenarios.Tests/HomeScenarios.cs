using AccountBot.Scenarios.Tests.Kit;

namespace AccountBot.Scenarios.Tests;

/// <summary>
/// "Your accounts" (issue 16 §2): the Slack App Home and Teams' <c>map mine</c> show one seeded workspace the same way,
/// the maps I own, the people whose relationship I own with their steps (overdue first) and what others changed on my
/// maps, and the Done button on a step marks it on both.
/// </summary>
public sealed class HomeScenarios
{
    /// <summary>
    /// Acme, mine: Jane Doe's step long overdue, Omar Haddad's far ahead, both mine; Liz Park added by a colleague.
    /// Globex, the colleague's, with a step of theirs.
    /// </summary>
    private static async Task SeedAsync(Chat chat)
    {
        await chat.Send("map Acme create").AssertReply("created the sales map Acme.");
        await chat.Send("map Acme add Omar Haddad, CFO, decision maker, owner me, next book the demo by 2099-12-31").AssertReply("added Omar Haddad.");
        await chat.Send("map Acme add Jane Doe, VP Finance, champion, owner me, next send pricing by 2020-01-15").AssertReply("added Jane Doe.");
        await chat.Send("map Acme add Liz Park, CTO, influencer", Person.Colleague).AssertReply("added Liz Park.");
        await chat.Send("map Globex create", Person.Colleague).AssertReply("created the sales map Globex.");
        await chat.Send("map Globex add Zed Zero, champion, owner me, next lunch by 2020-01-01", Person.Colleague).AssertReply("added Zed Zero.");
    }

    [Theory]
    [MemberData(nameof(Chat.Platforms), MemberType = typeof(Chat))]
    public async Task Home_ShowsMyMapsMyStepsOverdueFirst_AndWhatOthersChanged(string platform)
    {
        await using var chat = await Chat.StartAsync(platform);
        await SeedAsync(chat);

        var home = await chat.OpenHome();

        home.AssertReply(
                "Your accounts",
                "Acme",
                "Jane Doe (Acme)",
                "send pricing · overdue since 2020-01-15",
                "Omar Haddad (Acme)",
                "book the demo · due 2099-12-31",
                $"{chat.NameOf(Person.Colleague)} on Acme: quick add: added Liz Park")
            .AssertNoReply("Globex", "Zed Zero", "lunch");
        var jane = IndexOf(home, "Jane Doe (Acme)");
        var omar = IndexOf(home, "Omar Haddad (Acme)");
        Assert.True(jane < omar, $"{platform}: the overdue step comes first:\n{home.Text}");
    }

    [Theory]
    [MemberData(nameof(Chat.Platforms), MemberType = typeof(Chat))]
    public async Task Home_Done_MarksTheFirstStep_AndTheHomeNoLongerShowsIt(string platform)
    {
        await using var chat = await Chat.StartAsync(platform);
        await SeedAsync(chat);
        await chat.OpenHome().AssertReply("send pricing");

        await chat.Press("Done").AssertReply("the next step of Jane Doe on Acme (send pricing) is marked done.");

        await chat.OpenHome().AssertReply("Jane Doe (Acme)", "book the demo").AssertNoReply("send pricing");
    }

    private static int IndexOf(Replies replies, string text)
    {
        var index = replies.Lines.ToList().FindIndex(l => l.Contains(text, StringComparison.Ordinal));
        Assert.True(index >= 0, $"{replies.Platform}: expected to see \"{text}\" in:\n{replies.Text}");
        return index;
    }
}
