using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using AccountBot.Core.Accounts;
using AccountBot.Core.Features.Routing;
using AccountBot.Core.Features.Stakeholders;
using AccountBot.Core.Views;
using AccountBot.Slack.Rendering;
using AccountBot.Testing.Slack;
using Microsoft.Extensions.DependencyInjection;
using static AccountBot.Testing.Slack.SlackPayloads;

namespace AccountBot.Host.Tests.Slack;

/// <summary>Issue 16 §5 on Slack: a re-imported lead list with a job change, preview → confirm → follow, through the real host.</summary>
public sealed class SlackJobChangeFlowTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private SlackBotHost _host = null!;

    public async Task InitializeAsync() => _host = await SlackBotHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static CancellationToken Timeout() => new CancellationTokenSource(Patience).Token;

    [Fact]
    public async Task Import_ChampionAtAnotherCompany_PreviewSaysSo_ConfirmMarksLeft_FollowAddsToTheNewMap()
    {
        await SeedChampionAsync();

        using var previewed = await _host.InteractAsync(ViewSubmission(SlackBotIds.ImportForm, "C0DEALS", new Dictionary<string, JsonObject>
        {
            [ImportFormView.AccountField] = Text("Acme"),
            [ImportFormView.CsvField] = Text("First Name,Last Name,Title,Company,LinkedIn URL\nJane,Doe,CFO,Globex,https://LinkedIn.com/in/JaneDoe/\nOmar,Haddad,CTO,Globex,\n"),
        }));
        var preview = JsonDocument.Parse(await previewed.Content.ReadAsStringAsync()).RootElement.GetProperty("view");
        var text = preview.GetRawText();
        Assert.Contains("Left for another company (1)", text, StringComparison.Ordinal);
        Assert.Contains("now at Globex (same profile): marked as left", text, StringComparison.Ordinal);
        Assert.Equal(StakeholderStatus.Active, (await _host.FindMapAsync("T0ACME", "Acme"))!.Stakeholders.Single().Status);

        using (var confirmed = await _host.InteractAsync(ViewSubmission(SlackBotIds.ImportPreview, preview.GetProperty("private_metadata").GetString()!, new Dictionary<string, JsonObject>())))
            Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);

        var announced = Assert.Single(await _host.Api.WaitForCallsAsync("chat.postMessage", 1, Timeout()));
        Assert.Contains("(champion) left the company", announced.Body, StringComparison.Ordinal);
        Assert.Equal(StakeholderStatus.LeftCompany, (await _host.FindMapAsync("T0ACME", "Acme"))!.Stakeholders.Single(s => s.Name == "Jane Doe").Status);
        var follow = Buttons(announced.Json).Single(b => b.GetProperty("action_id").GetString()!.StartsWith(SlackBotIds.Follow, StringComparison.Ordinal));
        Assert.Equal("Follow Jane Doe to Globex", follow.GetProperty("text").GetProperty("text").GetString());

        using (var clicked = await _host.InteractAsync(BlockAction(follow.GetProperty("action_id").GetString()!, follow.GetProperty("value").GetString()!, responseUrl: _host.Api.ResponseUrl("follow"))))
            Assert.Equal(HttpStatusCode.OK, clicked.StatusCode);
        await _host.Api.WaitForCallsAsync("response_url", 1, Timeout());

        var globex = await _host.FindMapAsync("T0ACME", "Globex");
        var moved = Assert.Single(globex!.Stakeholders);
        Assert.Equal("Jane Doe", moved.Name);
        Assert.True(moved.Has(Role.Champion));
    }

    private async Task SeedChampionAsync()
    {
        await _host.SeedAsync("T0ACME", "Acme", []);
        var map = await _host.FindMapAsync("T0ACME", "Acme");
        var values = new StakeholderFormValues { Name = "Jane Doe", Title = "VP Finance", ProfileUrl = "https://www.linkedin.com/in/janedoe", Roles = nameof(Role.Champion) };
        var dispatcher = _host.Factory.Services.GetRequiredService<CommandDispatcher>();
        var saved = await dispatcher.SubmitStakeholderAsync(new StakeholderSubmission(map!.Id, null, Guid.NewGuid().ToString("N"), values), SlackBotHost.UserOf(), CancellationToken.None);
        Assert.IsType<MapView>(saved.Reply);
    }

    private static IEnumerable<JsonElement> Buttons(JsonElement message) => message.GetProperty("blocks").EnumerateArray()
        .Where(b => b.GetProperty("type").GetString() == "actions")
        .SelectMany(b => b.GetProperty("elements").EnumerateArray());
}
