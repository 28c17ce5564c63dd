using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AccountBot.Core.Accounts;
using AccountBot.Core.Features;
using AccountBot.Core.Views;
using AccountBot.Slack;
using AccountBot.Slack.Blocks;
using AccountBot.Slack.Rendering;
using AccountBot.Teams.Protocol;
using AccountBot.Teams.Rendering;
using AccountBot.Testing.Builders;
using Microsoft.Extensions.Time.Testing;

namespace AccountBot.Tests.Views;

/// <summary>
/// One map drawn as Block Kit and as an Adaptive Card shows the same words: the visible texts of both (markup,
/// bullets and emoji taken off) are the same set. Buttons and pickers are left out: each platform lays them out its own way.
/// </summary>
public sealed partial class MapCardSameWordsTests
{
    private static readonly WorkspaceKey Workspace = WorkspaceKey.ForSlack(null, "T0SAME");
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly UserRef Ana = new("U0ANA", "Ana Rep");

    public static TheoryData<string> Maps => ["full", "empty", "no-gaps"];

    [Theory]
    [MemberData(nameof(Maps))]
    public void Render_OneMapOnBothPlatforms_ShowsTheSameTexts(string name)
    {
        var view = Map(name);

        var slack = SlackTexts(new SlackMessageRenderer().Render(view));
        var teams = TeamsTexts(new TeamsCardRenderer().RenderMessage(view));

        Assert.Equal(teams.Order(StringComparer.Ordinal), slack.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Render_FullMap_BothShowReportsToStrengthAndStanceInWords()
    {
        var view = Map("full");

        var slack = SlackTexts(new SlackMessageRenderer().Render(view));

        var jane = Assert.Single(slack, t => t.StartsWith("Manage closely (power 4, interest 5)", StringComparison.Ordinal));
        Assert.Equal("Manage closely (power 4, interest 5) · supporter · owner Ana Rep (strong) · reports to Omar Haddad", jane);
        Assert.Contains(TeamsTexts(new TeamsCardRenderer().RenderMessage(view)), t => t == jane);
    }

    private static MapView Map(string name)
    {
        var omar = StakeholderBuilder.Named("Omar Haddad").Titled("CFO").WithRoles(Role.DecisionMaker | Role.Signer).WithScores(5, 2).WithStance(Stance.Skeptic).Build();
        var builder = MapBuilder.For(Workspace).Named("Acme & Sons <Corp>").OwnedBy(Ana).At(Now.AddDays(-3)).ReviewedAt(Now.AddDays(-10));
        builder = name switch
        {
            "full" => builder
                .WithStakeholder(omar)
                .WithStakeholder("Jane Doe", p => p.Titled("VP Finance").WithRoles(Role.Champion | Role.Influencer).WithScores(4, 5)
                    .WithStance(Stance.Supporter).OwnedBy(Ana, RelationshipStrength.Strong).ReportingTo(omar)
                    .WithNextStep("Send the ROI model", new DateOnly(2026, 3, 9)))
                .WithStakeholder("Lee Old", p => p.WithStatus(StakeholderStatus.LeftCompany).WithNextStep("Find the successor")),
            "no-gaps" => builder
                .WithStakeholders(6),
            _ => builder,
        };
        var factory = new MapViewFactory(new CoverageOptions(), new FakeTimeProvider(Now));
        var map = builder.Build();
        var view = factory.Build(map, notice: name == "full" ? "Ana Rep added Jane Doe." : null);
        return name == "no-gaps" ? view with { Gaps = [] } : view;
    }

    private static List<string> SlackTexts(SlackMessage message)
    {
        var json = JsonNode.Parse(JsonSerializer.Serialize(message, SlackJsonContext.Default.SlackMessage))!;
        var texts = new List<string>();
        foreach (var block in json["blocks"]!.AsArray())
        {
            switch (block!["type"]!.GetValue<string>())
            {
                case "header":
                    texts.Add(block["text"]!["text"]!.GetValue<string>());
                    break;
                case "section":
                    texts.AddRange(block["text"]!["text"]!.GetValue<string>().Split('\n').Select(FromMrkdwn));
                    break;
                case "context":
                    texts.AddRange(block["elements"]!.AsArray().Select(e => FromMrkdwn(e!["text"]!.GetValue<string>())));
                    break;
            }
        }

        return texts;
    }

    private static List<string> TeamsTexts(Activity message)
    {
        var card = JsonNode.Parse(message.Attachments![0].Content!.Value.GetRawText())!;
        var texts = new List<string>();
        Walk(card["body"]!, texts);
        return texts;

        static void Walk(JsonNode node, List<string> texts)
        {
            if (node is JsonArray array)
            {
                foreach (var item in array)
                    Walk(item!, texts);
                return;
            }

            if (node["inlines"] is JsonArray runs)
                texts.Add(Bare(string.Concat(runs.Select(r => r!["text"]!.GetValue<string>()))));
            if (node["items"] is JsonArray items)
                Walk(items, texts);
        }
    }

    /// <summary>Takes off what only marks up the text: emoji codes, bold stars, the bullet, Slack's three escapes.</summary>
    private static string FromMrkdwn(string line) =>
        Bare(WebUtility.HtmlDecode(Emoji().Replace(line, string.Empty).Replace("*", string.Empty, StringComparison.Ordinal)));

    private static string Bare(string text) => text.Trim().TrimStart('•', '⚠').Trim();

    [GeneratedRegex(":[a-z_]+:")]
    private static partial Regex Emoji();
}
