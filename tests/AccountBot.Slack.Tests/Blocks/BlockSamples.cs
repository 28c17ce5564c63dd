using AccountBot.Slack.Blocks;

namespace AccountBot.Slack.Tests.Blocks;

/// <summary>Representative messages and modals, covering every block and element type the model has.</summary>
internal static class BlockSamples
{
    public static SlackMessage MapMessage() => new(
        "Account map for Acme & Co",
        [
            new HeaderBlock("Acme & Co — account map"),
            new SectionBlock(new Mrkdwn($"*{SlackText.Escape("Acme & Co <script>")}* has *3* stakeholders", verbatim: true))
            {
                BlockId = "map-summary",
                Accessory = new OverflowElement("map:menu", [new Option("Export", "export"), new Option("Archive", "archive")]),
            },
            new SectionBlock(null, [new Mrkdwn("*Champion*\nAda Lovelace"), new PlainText("Blocker: none", emoji: true)])
            {
                Accessory = new ImageElement("https://example.com/ada.png", "Ada"),
            },
            new DividerBlock(),
            new ContextBlock([new ImageElement("https://example.com/acme.png", "Acme logo"), new Mrkdwn("Updated <!date^1700000000^{date_short}|today>")]),
            new ImageBlock("https://example.com/map.png", "Power/interest grid") { Title = "Power/interest grid" },
            new ActionsBlock(
            [
                new ButtonElement("stakeholder:add", "Add stakeholder") { Style = ButtonStyle.Primary, Value = "acme" },
                new ButtonElement("map:delete", "Delete map")
                {
                    Style = ButtonStyle.Danger,
                    Value = "acme",
                    Confirm = new ConfirmationDialog("Delete the map?", new Mrkdwn("This removes *all* stakeholders."), "Delete", "Keep") { Style = ButtonStyle.Danger },
                },
                new ButtonElement("map:open", "Open in CRM") { Url = "https://crm.example.com/acme" },
                new StaticSelectElement("map:filter", [new OptionGroup("Stance", [new Option("Champions", "champion"), new Option("Blockers", "blocker")])])
                {
                    Placeholder = "Filter",
                },
                new UsersSelectElement("map:owner") { Placeholder = "Owner", InitialUser = "U0OWNER" },
                new DatePickerElement("map:review") { InitialDate = new DateOnly(2025, 3, 14) },
            ]) { BlockId = "map-actions" },
        ])
    {
        ResponseType = ResponseType.InChannel,
        ThreadTs = "1548261231.000200",
    };

    public static ModalView StakeholderModal() => new(
        "stakeholder-form",
        "Add stakeholder",
        [
            new SectionBlock(new Mrkdwn("Adding to *Acme & Co*", verbatim: true)),
            new InputBlock("Name", new PlainTextInputElement("value") { MaxLength = 200, InitialValue = "Ada" }) { BlockId = "name" },
            new InputBlock("Notes", new PlainTextInputElement("value") { Multiline = true }) { BlockId = "notes", Optional = true, Hint = "Visible to the account team" },
            new InputBlock("Stance", new StaticSelectElement("value", [new Option("Champion", "champion"), new Option("Blocker", "blocker")])
            {
                InitialOption = new Option("Champion", "champion"),
            }) { BlockId = "stance" },
            new InputBlock("Tags", new MultiStaticSelectElement("value", [new Option("Budget", "budget"), new Option("Tech", "tech")]) { MaxSelectedItems = 2 }) { BlockId = "tags", Optional = true },
            new InputBlock("Account", new ExternalSelectElement("value") { MinQueryLength = 2, Placeholder = "Search accounts" }) { BlockId = "account" },
            new InputBlock("Owner", new UsersSelectElement("value")) { BlockId = "owner" },
            new InputBlock("Next meeting", new DatePickerElement("value")) { BlockId = "next-meeting", Optional = true },
            new InputBlock("Influence", new NumberInputElement("value", isDecimalAllowed: true) { MinValue = "0", MaxValue = "10" }) { BlockId = "influence" },
            new InputBlock("Flags", new CheckboxesElement("value", [new Option(new Mrkdwn("*Decision maker*"), "decision-maker")])) { BlockId = "flags", Optional = true },
            new InputBlock("Interest", new RadioButtonsElement("value", [new Option("High", "high"), new Option("Low", "low")])) { BlockId = "interest", DispatchAction = true },
        ],
        submit: "Save",
        close: "Cancel")
    {
        PrivateMetadata = "{\"account\":\"acme\"}",
        NotifyOnClose = true,
        ExternalId = "stakeholder-form-acme",
    };
}
