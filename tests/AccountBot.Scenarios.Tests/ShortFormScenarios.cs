using AccountBot.Core.Features.Stakeholders;
using AccountBot.Scenarios.Tests.Kit;

namespace AccountBot.Scenarios.Tests;

/// <summary>
/// The stakeholder form opens short (what a rep knows after a call); "More details" reaches every other field, keeping
/// what was typed; a short form never wipes what it did not show. Each scenario once as Slack and once as Teams.
/// </summary>
public sealed class ShortFormScenarios
{
    private static readonly string[] ShortFields = [.. StakeholderFormSchema.Schema.ShortFields.Select(f => f.Id)];

    [Theory]
    [MemberData(nameof(Chat.Platforms), MemberType = typeof(Chat))]
    public async Task Add_OpensTheShortFormWithMoreDetails(string platform)
    {
        await using var chat = await Chat.StartAsync(platform);
        await chat.Send("map Acme create");

        await chat.Send("map Acme add Jane Doe")
            .AssertReply("Add to Acme", "Jane Doe", "Title", "Roles", "Power (1–5)", "Interest (1–5)", "Stance", "Next step", "Next step due", "More details", "Add stakeholder");

        // Slack's add modal also has "Add several (one per line)": 9 inputs there, 8 in Teams (several lines are one message).
        Assert.Equal(platform == "slack" ? [.. ShortFields, "several"] : ShortFields, chat.ShownInputs());
        Assert.True(chat.ShownInputs().Count <= (platform == "slack" ? 9 : 8));
    }

    [Theory]
    [MemberData(nameof(Chat.Platforms), MemberType = typeof(Chat))]
    public async Task MoreDetails_KeepsWhatWasTypedAndReachesEveryField(string platform)
    {
        await using var chat = await Chat.StartAsync(platform);
        await Seed.MapWithJaneAsync(chat);
        await chat.Send("map Acme add Omar Haddad");

        await chat.MoreDetails(("title", "VP Finance"), ("nextStep", "Send the ROI model"))
            .AssertReply("Omar Haddad", "VP Finance", "Send the ROI model", "Department", "E-mail", "Profile URL (LinkedIn…)", "Reports to", "RACI",
                "Relationship owner on our side", "Relationship strength", "Last contacted", "Notes", "Status", "Related to", "Relationship note");
        Assert.Subset(chat.ShownInputs().ToHashSet(), StakeholderFormSchema.Schema.Fields.Select(f => f.Id).ToHashSet());

        await chat.SubmitForm(("department", "Finance"), ("notes", "Met at the summit."))
            .AssertReply("added Omar Haddad.", "Omar Haddad — VP Finance");
        await chat.Send("map Acme edit Omar");
        await chat.MoreDetails().AssertReply("VP Finance", "Send the ROI model", "Finance", "Met at the summit.");
    }

    [Theory]
    [MemberData(nameof(Chat.Platforms), MemberType = typeof(Chat))]
    public async Task EditThroughTheShortForm_KeepsTheFieldsItDidNotShow(string platform)
    {
        await using var chat = await Chat.StartAsync(platform);
        await chat.Send("map Acme create");
        await chat.Send("map Acme add Jane Doe");
        await chat.MoreDetails();
        await chat.SubmitForm(("title", "VP Finance"), ("department", "Finance"), ("email", "jane@acme.example"), ("notes", "Prefers e-mail."))
            .AssertReply("added Jane Doe.");

        await chat.Send("map Acme edit Jane").AssertReply("Edit Jane Doe", "VP Finance", "More details");
        Assert.Equal(ShortFields, chat.ShownInputs());
        await chat.SubmitForm(("title", "CFO")).AssertReply("Jane Doe — CFO");

        await chat.Send("map Acme edit Jane");
        await chat.MoreDetails().AssertReply("CFO", "Finance", "jane@acme.example", "Prefers e-mail.");
    }
}
