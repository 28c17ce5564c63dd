using AccountBot.Core.Accounts;
using AccountBot.Testing.Slack;

namespace AccountBot.Host.Tests.Slack;

/// <summary>
/// What Slack itself says about admins (users.info <c>is_admin</c> / <c>is_owner</c>) and private channels
/// (<c>privategroup</c>, conversations.info <c>is_private</c>), over HTTP against the real host.
/// </summary>
public sealed class SlackAdminsAndPrivateChannelsTests : IAsyncLifetime
{
    private SlackBotHost _host = null!;

    public async Task InitializeAsync() => _host = await SlackBotHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData("is_admin")]
    [InlineData("is_owner")]
    public async Task Delete_ByAWorkspaceAdminBySlacksWord_AskedFirst_SlackAskedOnceWhileKept(string flag)
    {
        _host.Api.Responder = call => call.Method == "users.info" && call.Form.GetValueOrDefault("user") == "U0ANA"
            ? FakeSlackReply.OkJson("{\"ok\":true,\"user\":{\"id\":\"U0ANA\",\"name\":\"ana\",\"" + flag + "\":true}}")
            : null;
        await _host.SeedAsync("T0ACME", "Acme", ["Jane Doe"]);

        Assert.Contains("Delete the map Acme with its 1 person for good?", await _host.CommandTextAsync("Acme delete"), StringComparison.Ordinal);
        Assert.Contains("deleted the map Acme", await _host.CommandTextAsync("Acme confirm-delete"), StringComparison.Ordinal);

        Assert.Null(await _host.FindMapAsync("T0ACME", "Acme"));
        Assert.Single(_host.Api.CallsTo("users.info"));
    }

    [Fact]
    public async Task Delete_NotAnAdminOrSlackCannotTell_RefusedSayingWhoMay_MapKept()
    {
        await _host.SeedAsync("T0ACME", "Acme", ["Jane Doe"]);

        Assert.Contains("Only an admin can delete a map. Admins are named in the Admins:Slack setting", await _host.CommandTextAsync("Acme confirm-delete"), StringComparison.Ordinal);
        _host.Api.Responder = call => call.Method == "users.info" ? FakeSlackReply.Error("user_not_found") : null;
        Assert.Contains("Only an admin can delete a map.", await _host.CommandTextAsync("Acme confirm-delete"), StringComparison.Ordinal);

        Assert.NotNull(await _host.FindMapAsync("T0ACME", "Acme"));
    }

    [Fact]
    public async Task Create_InAChannelSlackSaysIsPrivate_PrivateMap_APublicOneIsNot()
    {
        _host.Api.Responder = call => call.Method == "conversations.info" && call.Form.GetValueOrDefault("channel") == "G0HUSH"
            ? FakeSlackReply.OkJson("""{"ok":true,"channel":{"id":"G0HUSH","is_private":true}}""")
            : null;

        var created = await _host.CommandTextAsync("Hush create", channel: "G0HUSH");
        await _host.CommandTextAsync("Open create", channel: "C0DEALS");

        Assert.Contains("Private: seen only in its linked channels and by its owner.", created, StringComparison.Ordinal);
        Assert.Equal(MapVisibility.Private, (await _host.FindMapAsync("T0ACME", "Hush"))!.Visibility);
        Assert.Equal(MapVisibility.Public, (await _host.FindMapAsync("T0ACME", "Open"))!.Visibility);
    }

    [Fact]
    public async Task OtherCommands_NeverAskSlackWhetherTheChannelIsPrivate()
    {
        await _host.CommandTextAsync("help", channel: "G0HUSH");
        await _host.CommandTextAsync("list", channel: "G0HUSH");

        Assert.Empty(_host.Api.CallsTo("conversations.info"));
    }

    [Fact]
    public async Task Create_SlackCannotTellWhetherTheChannelIsPrivate_PrivateToBeSafe()
    {
        _host.Api.Responder = call => call.Method == "conversations.info" ? FakeSlackReply.Error("channel_not_found") : null;

        await _host.CommandTextAsync("Hush create", channel: "C0UNKNOWN");

        Assert.Equal(MapVisibility.Private, (await _host.FindMapAsync("T0ACME", "Hush"))!.Visibility);
    }

    [Fact]
    public async Task Create_SlashCommandFromAPrivategroup_PrivateWithoutAskingSlack()
    {
        var fields = SlackPayloads.Command("Hush create", channel: "G0HUSH", responseUrl: _host.Api.ResponseUrl("cmd"))
            .Select(f => f.Key == "channel_name" ? new KeyValuePair<string, string>(f.Key, "privategroup") : f)
            .ToList();
        using var request = _host.Signer.CreateFormRequest("/slack/commands", fields);
        using var response = await _host.Client.SendAsync(request);

        // The fake's conversations.info says nothing about privacy: only the channel name can have made it private.
        Assert.Equal(MapVisibility.Private, (await _host.FindMapAsync("T0ACME", "Hush"))!.Visibility);
    }
}
