using AccountBot.Core.Accounts;

namespace AccountBot.Host.Tests.Slack;

/// <summary>
/// A quick add as Slack sends it: the slash command's text escaped (<c>should_escape</c>: mentions as <c>&lt;@U…|name&gt;</c>,
/// <c>&amp;amp;</c>) and with the line breaks typed with Shift+Enter, signed, to the real host.
/// </summary>
public sealed class SlackQuickAddTests : IAsyncLifetime
{
    private SlackBotHost _host = null!;

    public async Task InitializeAsync() => _host = await SlackBotHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Command_EscapedMentionAndSeveralLines_OwnerIsTheMentionedUser_AndEachLineIsAPerson()
    {
        await _host.SeedAsync("T0ACME", "Acme", []);

        var reply = await _host.CommandTextAsync("Acme add Jane Doe, VP R&amp;D, champion, owner <@U0BOB|bob>\nCarl Poe, CTO, owner me");

        Assert.Contains("added Jane Doe, Carl Poe.", reply, StringComparison.Ordinal);
        var map = await _host.FindMapAsync("T0ACME", "Acme");
        var jane = map!.Stakeholders.Single(s => s.Name == "Jane Doe");
        Assert.Equal(("VP R&D", new UserRef("U0BOB", "bob")), (jane.Title, jane.RelationshipOwner));
        Assert.Equal("U0ANA", map.Stakeholders.Single(s => s.Name == "Carl Poe").RelationshipOwner?.Id);
    }

    [Fact]
    public async Task Command_ChannelMentionInAName_ReadsAsTyped()
    {
        await _host.SeedAsync("T0ACME", "Acme", []);

        await _host.CommandTextAsync("Acme add Jane Doe, Lead of <#C0DEALS|deals>");

        var map = await _host.FindMapAsync("T0ACME", "Acme");
        Assert.Equal("Lead of #deals", map!.Stakeholders.Single().Title);
    }
}
