using AccountBot.Scenarios.Tests.Kit;

namespace AccountBot.Scenarios.Tests;

/// <summary>
/// Who sees a map and who answers for it (#19): private maps, and what only admins may do (delete a map, change its
/// owner, hand a departed rep's relationships to someone else).
/// </summary>
public sealed class PrivacyControlScenarios
{
    [Theory]
    [MemberData(nameof(Chat.Platforms), MemberType = typeof(Chat))]
    public async Task MapCreatedInAPrivateChannel_ElsewhereAnswersExactlyAsAMissingMap(string platform)
    {
        await using var chat = await Chat.StartAsync(platform);
        var missing = await chat.Send("map Hush", Person.Colleague, Place.Elsewhere);
        var missingPicture = await chat.Send("map Hush grid", Person.Colleague, Place.Elsewhere);

        await chat.Send("map Hush create", Person.Me, Place.PrivateChannel).AssertReply("created the sales map Hush.", "Private: seen only in its linked channels and by its owner.");

        Assert.Equal(missing.Lines, (await chat.Send("map Hush", Person.Colleague, Place.Elsewhere)).Lines);
        Assert.Equal(missingPicture.Lines, (await chat.Send("map Hush grid", Person.Colleague, Place.Elsewhere)).Lines);
        await chat.Send("map Hush add Jane Doe", Person.Colleague, Place.Elsewhere).AssertReply("There is no map called Hush yet.");
        await chat.Send("map Hus", Person.Colleague, Place.Elsewhere).AssertNoReply("Did you mean", "Hush");
        await chat.Send("map list", Person.Colleague, Place.Elsewhere).AssertReply("0 account maps").AssertNoReply("Hush");
        await chat.Send("map Hush create", Person.Colleague, Place.Elsewhere).AssertReply("private to another channel").AssertNoReply("0 active stakeholders");

        // Where it is linked, and its owner anywhere, see it.
        await chat.Send("map Hush", Person.Colleague, Place.PrivateChannel).AssertReply("Private: seen only", "0 active stakeholders");
        await chat.Send("map Hush", Person.Me, Place.Elsewhere).AssertReply("Private: seen only", "0 active stakeholders");
        await chat.Send("map list", Person.Me, Place.Elsewhere).AssertReply("1 account map", "Hush");
    }

    [Theory]
    [MemberData(nameof(Chat.Platforms), MemberType = typeof(Chat))]
    public async Task MarkPrivate_ByTheOwner_HiddenElsewhere_OnlyOwnerOrAdminMakesItPublicAgain(string platform)
    {
        await using var chat = await Chat.StartAsync(platform);
        await Seed.MapWithJaneAsync(chat);
        await chat.Send("map Acme", Person.Colleague, Place.Elsewhere).AssertReply("Jane Doe");

        await chat.Send("map Acme private").AssertReply("made Acme private", "Private: seen only");
        await chat.Send("map Acme", Person.Colleague, Place.Elsewhere).AssertReply("There is no map called Acme yet.").AssertNoReply("Jane Doe");
        await chat.Send("map Acme public", Person.Colleague, Place.Elsewhere).AssertReply("There is no map called Acme yet.");
        await chat.Send("map Acme public", Person.Colleague).AssertReply($"Only Acme's owner, {chat.NameOf(Person.Me)}, or an admin can make it public or private.", $"Admins:{Title(platform)}");

        await chat.Send("map Acme public", Person.Admin, Place.Elsewhere).AssertReply("made Acme public").AssertNoReply("Private: seen only");
        await chat.Send("map Acme", Person.Colleague, Place.Elsewhere).AssertReply("Jane Doe");
        await chat.Send("map Acme history").AssertReply("made the map private", "made the map public");
    }

    [Theory]
    [MemberData(nameof(Chat.Platforms), MemberType = typeof(Chat))]
    public async Task DeleteMap_AnAdminConfirmsFirst_AnyoneElseIsToldWhoMay(string platform)
    {
        await using var chat = await Chat.StartAsync(platform);
        await Seed.MapWithJaneAsync(chat);

        await chat.Send("map Acme delete").AssertReply("Only an admin can delete a map.", $"Admins:{Title(platform)}");
        await chat.Send("map Acme").AssertReply("Jane Doe");

        await chat.Send("map Acme delete", Person.Admin).AssertReply("Delete the map Acme with its 1 person for good?").AssertNoReply("deleted the map");
        await chat.Send("map Acme").AssertReply("Jane Doe");
        await chat.Send("map Acme confirm-delete", Person.Admin).AssertReply($"{chat.NameOf(Person.Admin)} deleted the map Acme.");

        await chat.Send("map Acme").AssertReply("There is no map called Acme yet.");
        await chat.Send("map list").AssertReply("0 account maps");
        await chat.Send("map Acme delete Jane Doe").AssertReply("There is no map called Acme yet.");
    }

    [Theory]
    [MemberData(nameof(Chat.Platforms), MemberType = typeof(Chat))]
    public async Task ChangeOwner_ByAnAdminOnly_RecordedInHistory(string platform)
    {
        await using var chat = await Chat.StartAsync(platform);
        await Seed.MapWithJaneAsync(chat);
        var colleague = chat.NameOf(Person.Colleague);

        await chat.Send($"map Acme owner {chat.Mention(Person.Colleague)}").AssertReply("Only an admin can change a map's owner.");
        await chat.Send($"map Acme owner {chat.Mention(Person.Colleague)}", Person.Admin).AssertReply($"made {colleague} the owner of Acme.", $"owner {colleague}");
        await chat.Send("map Acme history").AssertReply($"made {colleague} the owner");

        // The new owner sees the map when it is private, anywhere; the old one no longer elsewhere.
        await chat.Send("map Acme private", Person.Colleague).AssertReply("made Acme private");
        await chat.Send("map Acme", Person.Colleague, Place.Elsewhere).AssertReply("Jane Doe");
        await chat.Send("map Acme", Person.Me, Place.Elsewhere).AssertReply("There is no map called Acme yet.");
    }

    [Theory]
    [MemberData(nameof(Chat.Platforms), MemberType = typeof(Chat))]
    public async Task Reassign_EveryRelationshipOfADepartedRep_OnEveryMap_OneSummary(string platform)
    {
        await using var chat = await Chat.StartAsync(platform);
        var me = chat.NameOf(Person.Me);
        var colleague = chat.NameOf(Person.Colleague);
        await Seed.MapWithJaneAsync(chat);
        await chat.Send("map Acme edit Jane Doe");
        await chat.MoreDetails();
        await chat.SubmitForm(("owner", chat.UserId(Person.Me))).AssertReply($"owner {me} (");
        await chat.Send("map Globex create");
        await chat.Send("map Globex add John Roe");
        await chat.MoreDetails();
        await chat.SubmitForm(("owner", chat.UserId(Person.Me))).AssertReply("added John Roe.");
        await chat.Send("map Globex private");
        await chat.Send("map Initech create");

        var command = $"map reassign {chat.Mention(Person.Me)} {chat.Mention(Person.Colleague)}";
        await chat.Send(command, Person.Colleague).AssertReply("Only an admin can reassign a rep's relationships.");
        await chat.Send(command, Person.Admin, Place.Elsewhere)
            .AssertReply($"reassigned 2 relationships from {me} to {colleague} on Acme, Globex.")
            .AssertNoReply("Initech");

        await chat.Send("map Acme").AssertReply($"owner {colleague} (").AssertNoReply($"owner {me} (");
        await chat.Send("map Acme history").AssertReply($"reassigned 1 relationship from {me} to {colleague}");
        await chat.Send(command, Person.Admin).AssertReply($"owns no relationship on any map");
    }

    private static string Title(string platform) => platform == "slack" ? "Slack" : "Teams";
}
