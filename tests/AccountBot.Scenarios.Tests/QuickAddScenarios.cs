using AccountBot.Scenarios.Tests.Kit;

namespace AccountBot.Scenarios.Tests;

/// <summary>Adding people in one line (or one a line) without a form, and its Undo; each scenario once as Slack and once as Teams.</summary>
public sealed class QuickAddScenarios
{
    [Theory]
    [MemberData(nameof(Chat.Platforms), MemberType = typeof(Chat))]
    public async Task OneLineAdd_AddsWithoutAForm_AndOffersUndo(string platform)
    {
        await using var chat = await Chat.StartAsync(platform);
        await chat.Send("map Acme create");

        await chat.Send("map Acme add Jane Doe, VP Finance, champion signer, power 5 interest 4")
            .AssertReply("added Jane Doe.", "1 active stakeholder", "Signer (1)", "Jane Doe — VP Finance", "Roles: Signer, Champion", "Undo")
            .AssertNoReply("Add to Acme", "no champion");
    }

    [Theory]
    [MemberData(nameof(Chat.Platforms), MemberType = typeof(Chat))]
    public async Task OneLineAdd_OfSomeoneOnTheMap_UpdatesThem(string platform)
    {
        await using var chat = await Chat.StartAsync(platform);
        await Seed.MapWithJaneAsync(chat);

        await chat.Send("map Acme add Jane Doe, CFO, signer, next send the pricing by 2026-12-18")
            .AssertReply("updated Jane Doe.", "1 active stakeholder", "Jane Doe — CFO", "send the pricing", "Undo")
            .AssertNoReply("VP Engineering");
    }

    [Theory]
    [MemberData(nameof(Chat.Platforms), MemberType = typeof(Chat))]
    public async Task OneLineAdd_WithAWordItDoesNotKnow_NamesIt_AndSavesNothing(string platform)
    {
        await using var chat = await Chat.StartAsync(platform);
        await chat.Send("map Acme create");

        await chat.Send("map Acme add Jane Doe, VP Finance, champion wizard, power 5")
            .AssertReply("Nothing was saved.", "\"wizard\" (not a role")
            .AssertNoReply("added Jane Doe", "Undo");
        await chat.Send("map Acme").AssertReply("0 active stakeholders");
    }

    [Theory]
    [MemberData(nameof(Chat.Platforms), MemberType = typeof(Chat))]
    public async Task SeveralLines_AddOnePersonEach_WithOneSummary(string platform)
    {
        await using var chat = await Chat.StartAsync(platform);
        await Seed.MapWithJaneAsync(chat);

        await chat.Send("map Acme add\nBob Roe, CFO, signer, power 5\nCarl Poe, CTO, decision maker\nJane Doe, influencer\nDan Moe, CIO, wizard")
            .AssertReply("added Bob Roe, Carl Poe; updated Jane Doe.", "Line 4 (Dan Moe) not saved, not understood: \"wizard\"", "3 active stakeholders", "Undo");
    }

    /// <summary>Slack only: Teams takes several lines in one message (above), Slack's add modal has a text of them.</summary>
    [Fact]
    public async Task SlackAddModal_SeveralLines_AddOnePersonEach_OrNameTheLineNotUnderstood()
    {
        await using var chat = await Chat.StartAsync("slack");
        await Seed.MapWithJaneAsync(chat);
        await chat.Send("map Acme add").AssertReply("Add several (one per line)", "one person a line");

        await chat.SubmitForm(("several", "Bob Roe, CFO, signer\nDan Moe, CIO, wizard"))
            .AssertReply("Nothing was saved.", "Line 2 (Dan Moe) not saved, not understood: \"wizard\"");
        await chat.SubmitForm(("several", "Bob Roe, CFO, signer, power 5\nCarl Poe, CTO, decision maker\nJane Doe, influencer"))
            .AssertReply("added Bob Roe, Carl Poe; updated Jane Doe.", "3 active stakeholders", "Undo");

        await chat.Press("Undo").AssertReply("undid the quick add of Bob Roe, Carl Poe, Jane Doe.", "1 active stakeholder");
    }

    [Theory]
    [MemberData(nameof(Chat.Platforms), MemberType = typeof(Chat))]
    public async Task Undo_TakesBackOnlyWhatTheAddDid(string platform)
    {
        await using var chat = await Chat.StartAsync(platform);
        await Seed.MapWithJaneAsync(chat);
        await chat.Send("map Acme add\nBob Roe, CFO, signer\nJane Doe, CTO").AssertReply("added Bob Roe; updated Jane Doe.");

        await chat.Press("Undo")
            .AssertReply("undid the quick add of Bob Roe, Jane Doe.", "1 active stakeholder", "Jane Doe — VP Engineering")
            .AssertNoReply("Bob Roe —", "Jane Doe — CTO");
        await chat.Send("map Acme history").AssertReply("undid the quick add of Bob Roe, Jane Doe");
    }

    [Theory]
    [MemberData(nameof(Chat.Platforms), MemberType = typeof(Chat))]
    public async Task Undo_AfterSomeoneChangedThePerson_IsRefused(string platform)
    {
        await using var chat = await Chat.StartAsync(platform);
        await chat.Send("map Acme create");
        await chat.Send("map Acme add Jane Doe, VP Finance").AssertReply("added Jane Doe.");
        await chat.Send("map Acme tag Jane champion").AssertReply("tagged Jane Doe as champion.");

        await chat.Press("Undo").AssertReply("Nothing was undone: Jane Doe changed after the quick add. Edit them instead.");
        await chat.Send("map Acme").AssertReply("1 active stakeholder", "Jane Doe — VP Finance");
    }

    [Theory]
    [MemberData(nameof(Chat.Platforms), MemberType = typeof(Chat))]
    public async Task Help_ShowsTheQuickFormsFirst(string platform)
    {
        await using var chat = await Chat.StartAsync(platform);

        var help = await chat.Send("map help");

        var quick = help.Lines.ToList().FindIndex(l => l.Contains("map Acme add Jane Doe, VP Finance", StringComparison.Ordinal));
        var form = help.Lines.ToList().FindIndex(l => l.Contains("Add a stakeholder with the form", StringComparison.Ordinal));
        Assert.True(quick >= 0 && quick < form, help.Text);
    }
}
