using AccountBot.Core.Accounts;
using AccountBot.Core.Features;
using AccountBot.Core.Reminders;
using AccountBot.Core.Views;
using AccountBot.Slack.Blocks;
using AccountBot.Slack.Rendering;
using AccountBot.Slack.WebApi;
using AccountBot.Testing.Builders;
using AccountBot.Testing.Fakes;

namespace AccountBot.Slack.Tests.Rendering;

/// <summary>
/// Every message, modal and response the Slack bot can produce, from real core replies with realistic data: hostile
/// and unicode names, 60- and 150-person maps, validation errors, a digest of 300 accounts. Named <c>NAME.KIND</c>.
/// </summary>
internal static class RenderedViews
{
    public const string Channel = "C0DEALS";
    public static readonly string[] HostileNames = ["<!channel>", "<https://evil.example|click>", "@here Zoë & <b>", "李雷 👩‍💼 Ünïcødé"];

    public static async Task<IReadOnlyList<(string Name, object Value, Type Type)>> AllAsync()
    {
        using var core = new CoreHarness();
        var messages = new SlackMessageRenderer();
        var modals = new StakeholderModalRenderer();
        var views = core.Get<MapViewFactory>();
        var results = new List<(string, object, Type)>();
        void Respond(string name, Reply reply) => results.Add((name + ".respond", messages.Render(reply, "map Acme add"), typeof(SlackMessage)));
        void Post(string name, Reply reply)
        {
            var m = messages.Render(reply) with { ResponseType = null };
            results.Add((name + ".message", new ChatPostMessageRequest(Channel, m.Text, m.Blocks, null), typeof(ChatPostMessageRequest)));
        }

        // Through the core, as users would ask.
        await core.SendAsync("map Acme create");
        foreach (var name in HostileNames.Append("Jane Doe").Append("John Roe"))
            await SubmitAsync(core, "Acme", name);
        await core.SendAsync("map Acme tag Jane champion signer");
        Respond("help", await core.SendAsync("map help"));
        Respond("not-found", await core.SendAsync("map Acm"));
        Respond("map-hostile", await core.SendAsync("map Acme"));
        Post("map-hostile", await core.SendAsync("map Acme reviewed"));
        Respond("did-you-mean", await core.SendAsync("map Acme edit J"));
        Respond("confirm-remove", await core.SendAsync("map Acme remove Jane"));
        Respond("list", await core.SendAsync("map list"));
        Respond("history", await core.SendAsync("map Acme history"));
        Respond("settings", await core.SendAsync("map settings"));
        Respond("grid", await core.SendAsync("map Acme grid"));
        Respond("grid-image", (PictureView)await core.SendAsync("map Acme org") with { ImageUrl = new Uri("https://bot.example/pictures/acme-org.png") });
        Respond("notice", await core.SendAsync("map Acme frobnicate Jane"));

        var add = (StakeholderFormView)await core.SendAsync("map Acme add Ana \"<!here>\"");
        var edit = (StakeholderFormView)await core.SendAsync("map Acme edit Jane");
        results.Add(("add.modal", modals.Render(add, Channel), typeof(ModalView)));
        results.Add(("edit.modal", modals.Render(edit, Channel), typeof(ModalView)));
        results.Add(("edit.views-open", new ViewsOpenRequest("1337.42.trigger", modals.Render(edit, Channel)), typeof(ViewsOpenRequest)));
        Respond("form-button", add);
        var rejected = (StakeholderFormView)await core.Dispatcher.SubmitStakeholderAsync(
            new(add.MapId, null, add.SubmissionId, new() { Name = "", Email = "nope", Power = "9", ProfileUrl = "ftp://x" }), core.Context, CancellationToken.None);
        results.Add(("errors.view-response", new ViewErrorsResponse(StakeholderModalRenderer.ErrorsByBlock(rejected.Errors)), typeof(ViewSubmissionResponse)));
        results.Add(("rejected.modal", modals.Render(rejected, Channel), typeof(ModalView)));

        // Large maps and the digest, built directly.
        var workspace = CoreHarness.WorkspaceA;
        foreach (var size in new[] { 0, 60, 150 })
        {
            var map = MapBuilder.For(workspace).Named($"Big {size}").WithStakeholders(size).Build();
            Respond($"map-{size}", views.Build(map) with { Visibility = ReplyVisibility.Channel });
            Post($"map-{size}", views.Build(map, "Ana added someone."));
            var form = new StakeholderFormView(FormMode.Add, map.Id, map.Name, null, Guid.NewGuid().ToString("N"), new(), new Dictionary<string, string>(),
                [.. map.Stakeholders.Select(s => new PersonOption(s.Id, s.Name))]);
            results.Add(($"form-{size}.modal", modals.Render(form, Channel), typeof(ModalView)));
        }

        Post("digest-300", Digest(300));
        Post("digest-1", Digest(1));
        results.Add(("failure.respond", messages.Failure(), typeof(SlackMessage)));
        return results;
    }

    public static Digest Digest(int accounts)
    {
        var items = Enumerable.Range(1, accounts).Select(i => new DigestItem
        {
            MapId = Guid.NewGuid(),
            Name = i % 2 == 0 ? $"Account {i} <!channel>" : $"Account {i} ünïcødé",
            Owner = i % 3 == 0 ? new UserRef("teams-user-not-slack", "<@U0EVIL> Mallory") : new UserRef("U0OWNER" + i, "Olivia"),
            Gaps = [new CoverageGap(CoverageGapKind.NoChampion, "No champion")],
            Summary = "no champion; not reviewed for 41 days",
            Severity = 100 - i,
            CommandName = $"\"Account {i}\"",
        }).ToList();
        return new Digest(items.Take(25).ToList(), Math.Max(0, accounts - 25));
    }

    private static async Task SubmitAsync(CoreHarness core, string map, string name)
    {
        var form = (StakeholderFormView)await core.SendAsync($"map {map} add");
        var reply = await core.Dispatcher.SubmitStakeholderAsync(new(form.MapId, null, form.SubmissionId, new() { Name = name, Title = "Head of " + name }), core.Context, CancellationToken.None);
        if (reply is not MapView)
            throw new InvalidOperationException($"Could not add {name}: {reply}");
    }
}
