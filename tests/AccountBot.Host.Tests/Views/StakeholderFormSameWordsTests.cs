using AccountBot.Core.Accounts;
using AccountBot.Core.Features.Stakeholders;
using AccountBot.Core.Views;
using AccountBot.Slack.Blocks;
using AccountBot.Slack.Rendering;
using AccountBot.Teams.Cards;
using AccountBot.Teams.Rendering;

namespace AccountBot.Host.Tests.Views;

/// <summary>The stakeholder form on both platforms: the same fields with the same labels and the same choices, in the same order.</summary>
public sealed class StakeholderFormSameWordsTests
{
    private static readonly UserRef Ana = new("U0ANA", "Ana Rep");

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Render_FormOnBothPlatforms_SameFieldsLabelsAndChoices(bool expanded)
    {
        var form = new StakeholderFormView(
            FormMode.Add, Guid.NewGuid(), "Acme", null, "sub-1", StakeholderFormReader.ForNew("Jane Doe"), new Dictionary<string, string>(),
            [new PersonOption(Guid.NewGuid(), "Omar Haddad")]) { Expanded = expanded };
        var fields = StakeholderFormSchema.Schema.Fields.Select(f => f.Id).ToHashSet();

        // Slack's add modal also has "Add several (one per line)", not a field (Teams takes several lines in a message).
        var slack = new StakeholderModalRenderer().Render(form, "C0DEALS").Blocks.OfType<InputBlock>()
            .Where(b => b.BlockId != StakeholderModalRenderer.SeveralBlockId)
            .Select(b => (b.BlockId, Label: b.Label.Text, Choices: SlackChoices(b.Element)))
            .ToList();
        // Slack shows the short form's fields until "More details"; Teams has every field in the card, the others in a
        // container hidden until its toggle.
        var teams = new TeamsCardRenderer().Render(form, Ana).Body
            .SelectMany(e => e is Container c ? (c.IsVisible == false ? [] : c.Items) : [e])
            .OfType<CardInput>()
            .Where(i => fields.Contains(i.Id!))
            .Select(i => (BlockId: i.Id, Label: i.Label!, Choices: i is ChoiceSetInput c && i.Id is not StakeholderFields.ReportsTo and not StakeholderFields.RelatedTo and not StakeholderFields.RelationshipOwner
                ? string.Join("|", c.Choices.Select(x => x.Title))
                : string.Empty))
            .ToList();

        Assert.Equal(teams.Count, slack.Count);
        Assert.Equal(expanded ? fields.Count : StakeholderFormSchema.Schema.ShortFields.Count, slack.Count);
        foreach (var (s, t) in slack.Zip(teams))
        {
            Assert.Equal(t.BlockId, s.BlockId);
            Assert.Equal(t.Label, s.Label);
            if (s.BlockId is not StakeholderFields.Power and not StakeholderFields.Interest)
                Assert.Equal(t.Choices, s.Choices);
        }
    }

    private static string SlackChoices(object element) => element switch
    {
        StaticSelectElement s => string.Join("|", s.Options!.Select(o => o.Text.Text)),
        MultiStaticSelectElement m => string.Join("|", m.Options!.Select(o => o.Text.Text)),
        _ => string.Empty,
    };
}
