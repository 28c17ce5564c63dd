using AccountBot.Core.Access;
using AccountBot.Scenarios.Tests.Kit;

namespace AccountBot.Scenarios.Tests;

/// <summary>Maps as a whole: a new account, gaps, the list, someone from outside, a name that is not there.</summary>
public sealed class MapScenarios
{
    [Theory]
    [MemberData(nameof(Chat.Platforms), MemberType = typeof(Chat))]
    public async Task NewAccount_OffersToCreateThenShowsAnEmptyMap(string platform)
    {
        await using var chat = await Chat.StartAsync(platform);

        await chat.Send("map Acme").AssertReply("There is no map called Acme yet.", "Create Acme");
        await chat.Send("map Acme create")
            .AssertReply("created the sales map Acme. Add the people you know.", "0 active stakeholders", "No stakeholders yet.", "Add stakeholder");
        await chat.Send("map Acme").AssertReply("Coverage gaps").AssertNoReply("There is no map called");
    }

    [Theory]
    [MemberData(nameof(Chat.Platforms), MemberType = typeof(Chat))]
    public async Task Gaps_NameWhatIsMissingUntilTheRolesAreThere(string platform)
    {
        await using var chat = await Chat.StartAsync(platform);
        await chat.Send("map Acme create").AssertReply("Coverage gaps", "no champion", "no decision maker", "no signer", "single-threaded: 0 active stakeholders");
        await Seed.AddAsync(chat, "Jane Doe", "Champion");

        await chat.Send("map Acme").AssertReply("no decision maker", "no signer").AssertNoReply("no champion");
        await chat.Send("map Acme tag Jane decision-maker signer").AssertNoReply("no decision maker", "no signer").AssertReply("single-threaded: 1 active stakeholder");
    }

    [Theory]
    [MemberData(nameof(Chat.Platforms), MemberType = typeof(Chat))]
    public async Task List_EveryMapWithItsKindPeopleAndGaps(string platform)
    {
        await using var chat = await Chat.StartAsync(platform);
        await Seed.MapWithJaneAsync(chat);
        await chat.Send("map Globex create partner");

        await chat.Send("map list").AssertReply("2 account maps", "Acme · Sales · owner", " · 1 active", "Globex · Partner · owner", " · 0 active", "no decision maker");
    }

    [Theory]
    [MemberData(nameof(Chat.Platforms), MemberType = typeof(Chat))]
    public async Task Outsider_IsRefusedAndSeesNothingOfTheMap(string platform)
    {
        await using var chat = await Chat.StartAsync(platform);
        await Seed.MapWithJaneAsync(chat);

        await chat.SendAsOutsider("map Acme").AssertReply(AccessNotices.ExternalUser).AssertNoReply("Jane Doe", "Coverage gaps");
        await chat.SendAsOutsider("map Acme tag Jane signer").AssertReply(AccessNotices.ExternalUser);
        await chat.Send("map Acme").AssertNoReply("Signer (1)");
    }

    [Theory]
    [MemberData(nameof(Chat.Platforms), MemberType = typeof(Chat))]
    public async Task MistypedAccount_SuggestsTheMapThatIsThere(string platform)
    {
        await using var chat = await Chat.StartAsync(platform);
        await chat.Send("map Acme create");

        await chat.Send("map Acne").AssertReply("There is no map called Acne yet.", "Did you mean", "Acme", "Create Acne");
    }

    [Theory]
    [MemberData(nameof(Chat.Platforms), MemberType = typeof(Chat))]
    public async Task CommandMissingItsRole_SaysWhatIsMissingWithAnExample(string platform)
    {
        await using var chat = await Chat.StartAsync(platform);
        await Seed.MapWithJaneAsync(chat);

        await chat.Send("map Acme tag Jane").AssertReply("Which role? Roles: decision maker", "map Acme tag Jane Doe champion");
    }
}
