using AccountBot.Scenarios.Tests.Kit;

namespace AccountBot.Scenarios.Tests;

/// <summary>People on a map: added through the form, edited, tagged; each scenario once as Slack and once as Teams.</summary>
public sealed class StakeholderScenarios
{
    [Theory]
    [MemberData(nameof(Chat.Platforms), MemberType = typeof(Chat))]
    public async Task AddThroughTheForm_ShowsThePersonUnderTheirRole(string platform)
    {
        await using var chat = await Chat.StartAsync(platform);
        await chat.Send("map Acme create");

        await chat.Send("map Acme add Jane Doe").AssertReply("Add to Acme", "Name", "Jane Doe", "Roles", "Power (1–5)", "Add stakeholder");
        await chat.SubmitForm(("title", "VP Engineering"), ("roles", "Champion"))
            .AssertReply("added Jane Doe.", "1 active stakeholder", "Champion (1)", "Jane Doe — VP Engineering")
            .AssertNoReply("no champion");
    }

    [Theory]
    [MemberData(nameof(Chat.Platforms), MemberType = typeof(Chat))]
    public async Task SubmitWithoutAName_FormSaysNameIsRequiredAndNobodyIsAdded(string platform)
    {
        await using var chat = await Chat.StartAsync(platform);
        await chat.Send("map Acme create");
        await chat.Send("map Acme add");

        await chat.SubmitForm(("name", "")).AssertReply("Name is required.");
        await chat.Send("map Acme").AssertReply("0 active stakeholders");
    }

    [Theory]
    [MemberData(nameof(Chat.Platforms), MemberType = typeof(Chat))]
    public async Task Edit_FormShowsWhatIsSavedAndTheMapShowsTheChange(string platform)
    {
        await using var chat = await Chat.StartAsync(platform);
        await Seed.MapWithJaneAsync(chat);

        await chat.Send("map Acme edit Jane").AssertReply("Edit Jane Doe", "Jane Doe", "VP Engineering", "Save changes");
        await chat.SubmitForm(("title", "CFO"))
            .AssertReply("Jane Doe — CFO")
            .AssertNoReply("VP Engineering");
        await chat.Send("map Acme").AssertReply("1 active stakeholder", "Jane Doe — CFO");
    }

    [Theory]
    [MemberData(nameof(Chat.Platforms), MemberType = typeof(Chat))]
    public async Task TagChampion_ClosesTheChampionGap(string platform)
    {
        await using var chat = await Chat.StartAsync(platform);
        await chat.Send("map Acme create");
        await chat.Send("map Acme add Jane Doe");
        await chat.SubmitForm().AssertReply("no champion");

        await chat.Send("map Acme tag Jane champion")
            .AssertReply("tagged Jane Doe as champion.", "Champion (1)", "Jane Doe")
            .AssertNoReply("no champion");
    }

    [Theory]
    [MemberData(nameof(Chat.Platforms), MemberType = typeof(Chat))]
    public async Task UnknownPerson_SaysNobodyIsCalledThat(string platform)
    {
        await using var chat = await Chat.StartAsync(platform);
        await Seed.MapWithJaneAsync(chat);

        await chat.Send("map Acme edit Bob").AssertReply("Nobody on Acme is called \"Bob\".").AssertNoReply("Edit Jane Doe");
    }
}
