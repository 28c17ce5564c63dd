using AccountBot.Teams.Cards;

namespace AccountBot.Teams.Tests.Cards;

/// <summary>Cards shaped like the ones AccountBot renders, using every element of the model.</summary>
internal static class SampleCards
{
    public static AdaptiveCard AccountMap() => new(
    [
        new TextBlock("Acme Corp — account map") { Size = FontSize.Large, Weight = FontWeight.Bolder, Wrap = true },
        new TextBlock("3 stakeholders · coverage gap: no economic buyer") { IsSubtle = true, Spacing = Spacing.None, Wrap = true, Color = TextColor.Warning },
        new ColumnSet(
        [
            Column.Auto(new Image(new Uri("https://example.com/avatars/grace.png")) { AltText = "Grace Hopper", Size = ImageSize.Small, Style = ImageStyle.Person }),
            Column.Stretch(
                new TextBlock("Grace Hopper") { Weight = FontWeight.Bolder },
                new TextBlock("VP Engineering · champion") { IsSubtle = true, Spacing = Spacing.None }),
        ]),
        new RichTextBlock([new TextRun("Risk: ") { Weight = FontWeight.Bolder }, new TextRun("renewal in 30 days") { Italic = true }]),
        new RichTextBlock([new TextRun("Type "), new TextRun("map Acme") { FontType = FontType.Monospace }]),
        new Container([new TextBlock("Details are hidden until toggled.") { Wrap = true }]) { Id = "details", IsVisible = false, Style = ContainerStyle.Emphasis },
        new ActionSet([new ExecuteAction("Refresh", "refreshMap") { Data = CardData.Create(new KeyValuePair<string, string?>("accountId", "acme")) }]),
    ])
    {
        FallbackText = "Acme Corp account map",
        Actions =
        [
            new ShowCardAction("Add stakeholder", StakeholderForm()),
            new OpenUrlAction("Open in CRM", new Uri("https://crm.example.com/accounts/acme")),
        ],
    };

    public static AdaptiveCard StakeholderForm() => new(
    [
        new TextInput("name") { Label = "Name", Placeholder = "Grace Hopper", IsRequired = true, ErrorMessage = "Name is required", MaxLength = 100 },
        new TextInput("email") { Label = "Email", Style = TextInputStyle.Email, Regex = "^[^@\\s]+@[^@\\s]+$" },
        new TextInput("notes") { Label = "Notes", IsMultiline = true },
        new NumberInput("influence") { Label = "Influence (1-5)", Min = 1, Max = 5, Value = 3 },
        new DateInput("nextMeeting") { Label = "Next meeting", Value = new DateOnly(2025, 3, 14) },
        new ToggleInput("decisionMaker", "Decision maker") { Value = "false" },
        new ChoiceSetInput("role", [new Choice("Champion", "champion"), new Choice("Economic buyer", "economicBuyer"), new Choice("Blocker", "blocker")])
        {
            Label = "Role",
            Style = ChoiceInputStyle.Compact,
            Value = "champion",
            IsRequired = true,
            ErrorMessage = "Pick a role",
        },
        new ChoiceSetInput("tags", [new Choice("Technical", "technical"), new Choice("Finance", "finance")]) { Label = "Tags", IsMultiSelect = true, Style = ChoiceInputStyle.Expanded },
        new ChoiceSetInput("reportsTo", [new Choice("Ada Lovelace", "ada"), new Choice("Alan Turing", "alan")]) { Label = "Reports to", Style = ChoiceInputStyle.Filtered },
    ])
    {
        Actions =
        [
            new SubmitAction("Save") { Style = ActionStyle.Positive, Data = CardData.ForVerb("addStakeholder", new KeyValuePair<string, string?>("accountId", "acme")) },
            new SubmitAction("Cancel") { AssociatedInputs = AssociatedInputs.None, Data = CardData.ForVerb("cancel") },
        ],
    };
}
