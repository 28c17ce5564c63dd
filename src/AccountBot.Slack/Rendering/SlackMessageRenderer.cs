using System.Globalization;
using AccountBot.Core.Caching;
using AccountBot.Core.Commands;
using AccountBot.Core.Reminders;
using AccountBot.Core.Features.Privacy;
using AccountBot.Core.Views;
using AccountBot.Slack.Blocks;
using static AccountBot.Slack.Rendering.SlackMarkup;

namespace AccountBot.Slack.Rendering;

/// <summary>
/// Draws every core <see cref="Reply"/> as a Block Kit message (≤ 50 blocks). Every user-typed string is escaped and
/// shown as verbatim mrkdwn or plain text; buttons carry the core command they run in their <c>value</c>.
/// The stakeholder form is a modal (<see cref="StakeholderModalRenderer"/>); as a message it is a button that opens it.
/// </summary>
public sealed partial class SlackMessageRenderer(RenderedOutputCache rendered)
{
    /// <summary>Its name in <see cref="RenderKey.Platform"/>.</summary>
    public const string Platform = "slack";

    private const int MaxListed = 40;

    /// <summary>A renderer with a cache of its own (tests and tools; the host shares one).</summary>
    public SlackMessageRenderer()
        : this(new RenderedOutputCache(TimeProvider.System))
    {
    }

    /// <summary>The message for <paramref name="reply"/>, with <c>response_type</c> from its visibility.</summary>
    /// <param name="formCommand">For a <see cref="StakeholderFormView"/> shown where no modal can open: the command its button re-runs.</param>
    public SlackMessage Render(Reply reply, string? formCommand = null)
    {
        ArgumentNullException.ThrowIfNull(reply);
        // A keyed view's message is the same for everyone its key covers; formCommand only matters to forms, never keyed.
        if (reply.CacheKey is not { } key)
            return Draw(reply, formCommand);
        var drawn = new RenderKey(Platform, key);
        return rendered.GetOrAdd(drawn, () => Draw(reply, formCommand) with { DrawnAs = drawn });
    }

    private SlackMessage Draw(Reply reply, string? formCommand)
    {
        var message = reply switch
        {
            MapView v => MapCardBlocks.Render(v),
            Digest v => DigestBlocks.Render(v),
            MapNotFoundView v => NotFound(v),
            PersonChoiceView v => Choices(v),
            ConfirmRemoveView v => ConfirmRemove(v),
            ConfirmEraseView v => Confirmation(v, SlackBotIds.ConfirmErase, SlackBotIds.CancelErase),
            ConfirmDeleteMapView v => Confirmation(v, SlackBotIds.ConfirmDelete, SlackBotIds.CancelDelete),
            MapListView v => List(v),
            HomeView v => HomeBlocks.Message(v),
            HistoryView v => History(v),
            SettingsView v => Settings(v),
            PictureView v => Picture(v),
            HelpView v => Help(v),
            NoticeView v => Notice(v),
            StakeholderFormView v => FormButton(v, formCommand),
            ExportView v => Uploading(v),
            ImportFormView v => ImportFormButton(v, formCommand),
            ImportPreviewView v => ImportSummary(v),
            _ => Notice(new NoticeView(Tone.Warning, "AccountBot cannot show this answer in Slack yet.")),
        };
        return message with { ResponseType = reply.Visibility == ReplyVisibility.Channel ? ResponseType.InChannel : ResponseType.Ephemeral };
    }

    /// <summary>The polite answer when something failed on our side (details go to the log, never to the user).</summary>
    public SlackMessage Failure(string? what = null) =>
        Render(new NoticeView(Tone.Error, what ?? "Sorry, something went wrong on our side and nothing was changed. Please try again in a moment."));

    private static SlackMessage NotFound(MapNotFoundView v)
    {
        var blocks = new List<Block>
        {
            Section($"There is no map called *{Escape(v.RequestedName)}* yet."),
        };
        var elements = new List<ActionElement>
        {
            new ButtonElement(SlackBotIds.Create, Truncated($"Create {v.RequestedName}")) { Value = v.CreateCommand, Style = ButtonStyle.Primary },
        };
        if (v.Suggestions.Count > 0)
        {
            blocks.Add(Context("Did you mean: " + string.Join(", ", v.Suggestions.Select(s => "*" + Escape(s) + "*")) + "?"));
            elements.AddRange(v.Suggestions.Take(SlackLimits.ElementsPerActions - 1).Select((s, i) =>
                new ButtonElement(SlackBotIds.Suggestion + ":" + i.ToString(CultureInfo.InvariantCulture), Truncated(s)) { Value = CommandText.Map(s).Open }));
        }

        blocks.Add(new ActionsBlock(elements));
        return new SlackMessage($"No map called {Escape(v.RequestedName)} yet", blocks);
    }

    private static SlackMessage Choices(PersonChoiceView v)
    {
        var blocks = new List<Block> { Section(Escape(v.Text)) };
        blocks.AddRange(v.Choices.Take(SlackLimits.BlocksPerMessage - 2).Chunk(5).Select((chunk, c) => new ActionsBlock(chunk.Select((choice, i) =>
            new ButtonElement(SlackBotIds.Choice + ":" + (c * 5 + i).ToString(CultureInfo.InvariantCulture), Truncated(choice.Label)) { Value = choice.Command }))));
        return new SlackMessage(Escape(v.Text), blocks.Take(SlackLimits.BlocksPerMessage));
    }

    private static SlackMessage ConfirmRemove(ConfirmRemoveView v)
    {
        var text = $"Remove *{Escape(v.PersonName)}* from *{Escape(v.MapName)}*? The history keeps them.";
        return new SlackMessage($"Remove {Escape(v.PersonName)} from {Escape(v.MapName)}?",
        [
            Section(text),
            new ActionsBlock(
            [
                new ButtonElement(SlackBotIds.ConfirmRemove, "Remove") {
                    Value = v.ConfirmCommand,
                    Style = ButtonStyle.Danger,
                    Confirm = new ConfirmationDialog("Remove this person?", Md(text), "Remove", "Keep") { Style = ButtonStyle.Danger },
                },
                new ButtonElement(SlackBotIds.CancelRemove, "Keep") { Value = CommandText.Map(v.MapName).Open },
            ]),
        ]);
    }

    /// <summary>The question and its two buttons; the action ids tell the listeners which confirmation was answered.</summary>
    private static SlackMessage Confirmation(IDangerConfirmation v, string confirmId, string cancelId)
    {
        var text = Escape(v.Question);
        return new SlackMessage(Escape(v.Title),
        [
            Section(text),
            new ActionsBlock(
            [
                new ButtonElement(confirmId, v.ConfirmButton) {
                    Value = v.ConfirmCommand,
                    Style = ButtonStyle.Danger,
                    Confirm = new ConfirmationDialog(Escape(v.Title), Md(text), v.ConfirmButton, v.CancelButton) { Style = ButtonStyle.Danger },
                },
                new ButtonElement(cancelId, v.CancelButton) { Value = v.CancelCommand },
            ]),
        ]);
    }

    private static SlackMessage List(MapListView v)
    {
        var blocks = new List<Block> { new HeaderBlock(new PlainText(v.TotalCount == 1 ? "1 account map" : $"{v.TotalCount} account maps")) };
        if (v.Maps.Count == 0)
            blocks.Add(Section("No account maps yet. Create one with `map Acme create`."));
        foreach (var (entry, i) in v.Maps.Take(MaxListed).Select((e, i) => (e, i)))
        {
            var gaps = entry.Gaps.Count == 0 ? "no gaps" : string.Join("; ", entry.Gaps.Take(3).Select(g => Escape(g.Message)));
            blocks.Add(new SectionBlock(Md($"*{Escape(entry.Name)}* · {entry.Kind} · owner {Escape(entry.OwnerName)} · {entry.ActiveCount} active\n{gaps}"))
            {
                Accessory = new ButtonElement(SlackBotIds.OpenMap + ":" + i.ToString(CultureInfo.InvariantCulture), "Open") { Value = CommandText.Map(entry.CommandName).Open },
            });
        }

        var more = v.TotalCount - Math.Min(v.Maps.Count, MaxListed);
        if (more > 0)
            blocks.Add(Context($"and {more} more — open one with `map <name>`"));
        return new SlackMessage("Account maps", blocks);
    }

    private static SlackMessage History(HistoryView v)
    {
        var blocks = new List<Block> { new HeaderBlock(new PlainText($"History of {v.MapName}")) };
        if (v.Entries.Count == 0)
            blocks.Add(Section("No changes yet."));
        var lines = v.Entries.Select(e =>
        {
            var line = $"• {Date(e.At)} — *{Escape(e.By.Name)}*: {Escape(e.Summary)}";
            var fields = e.Fields.Take(5).Select(f => $"\n      {Escape(f.Field)}: {Escape(f.Old ?? "–")} → {Escape(f.New ?? "–")}");
            return line + string.Concat(fields);
        });
        blocks.AddRange(Pack(lines).Take(SlackLimits.BlocksPerMessage - 3).Select(Section));
        blocks.Add(new ActionsBlock([new ButtonElement(SlackBotIds.OpenMap, "Open map") { Value = CommandText.Map(v.CommandName).Open }]));
        return new SlackMessage($"History of {Escape(v.MapName)}", blocks);
    }

    private static SlackMessage Settings(SettingsView v)
    {
        var blocks = new List<Block> { new HeaderBlock(new PlainText($"Reminders in {v.ChannelName}")) };
        if (v.Notice is { Length: > 0 } notice)
            blocks.Add(Context(":white_check_mark: " + Escape(notice)));
        blocks.Add(new SectionBlock(null,
        [
            Md("*Reminders*\n" + (v.RemindersEnabled ? "on" : "off")),
            Md(string.Create(CultureInfo.InvariantCulture, $"*When*\n{v.Day} {v.Time:HH\\:mm} ({Escape(v.TimeZone)})")),
            Md(string.Create(CultureInfo.InvariantCulture, $"*Stale after*\n{v.StaleAfterDays} days without review")),
            Md(string.Create(CultureInfo.InvariantCulture, $"*Contact gap*\n{v.StaleContactDays} days")),
        ]));
        blocks.Add(Section("*Linked accounts*\n" + (v.LinkedAccounts.Count == 0 ? "none — link one with `map Acme link`" : string.Join(", ", v.LinkedAccounts.Select(Escape)))));
        if (v.LastFailure is { } failure)
            blocks.Add(Context($":warning: Last delivery failed {Date(failure.At)}: {Escape(failure.Reason)}"));
        return new SlackMessage($"Reminder settings for {Escape(v.ChannelName)}", blocks);
    }

    private static SlackMessage Picture(PictureView v)
    {
        var title = $"{v.Picture} of {v.MapName}";
        var blocks = new List<Block> { new HeaderBlock(new PlainText(title)) };
        if (v.ImageUrl is { } url)
            blocks.Add(new ImageBlock(url.AbsoluteUri, title));
        var sections = v.Sections.SelectMany(s => Pack(s.Lines.Select(l => "• " + Escape(l)), "*" + Escape(s.Heading) + "*"));
        blocks.AddRange(sections.Take(SlackLimits.BlocksPerMessage - blocks.Count - 1).Select(Section));
        blocks.Add(new ActionsBlock([new ButtonElement(SlackBotIds.OpenMap, "Open map") { Value = CommandText.Map(v.CommandName).Open }]));
        return new SlackMessage(Escape(title), blocks);
    }

    private static SlackMessage Help(HelpView v)
    {
        var blocks = new List<Block> { new HeaderBlock(new PlainText("AccountBot")) };
        blocks.Add(Section(Escape(v.Lead ?? "Account maps for your deals: who matters, what role they play, and where coverage is thin.")));
        blocks.AddRange(Pack(v.Examples.Select(e => $"`/map {Escape(StripMap(e.Command))}` — {Escape(e.Description)}")).Take(SlackLimits.BlocksPerMessage - 2).Select(Section));
        return new SlackMessage("AccountBot help", blocks);
    }

    private static SlackMessage Notice(NoticeView v)
    {
        var icon = v.Tone switch
        {
            Tone.Success => ":white_check_mark: ",
            Tone.Warning => ":warning: ",
            Tone.Error => ":x: ",
            _ => string.Empty,
        };
        var blocks = new List<Block> { Section(icon + Escape(v.Text)) };
        if (v.Example is { Length: > 0 } example)
        {
            blocks.Add(new ActionsBlock([new ButtonElement(SlackBotIds.Try, Truncated("Try: " + example)) { Value = example }]));
        }

        return new SlackMessage(Escape(v.Text), blocks);
    }

    private static SlackMessage FormButton(StakeholderFormView v, string? command)
    {
        var text = $"Open the form to {(v.Mode == FormMode.Add ? "add someone to" : "edit " + Escape(v.Values.Name) + " on")} *{Escape(v.MapName)}*.";
        var blocks = new List<Block> { Section(text) };
        if (command is { Length: > 0 and <= SlackLimits.ButtonValue })
            blocks.Add(new ActionsBlock([new ButtonElement(SlackBotIds.OpenForm, "Open form") { Value = command, Style = ButtonStyle.Primary }]));
        return new SlackMessage(Escape(v.Title), blocks);
    }

    /// <summary>The ack of an export: the file itself is uploaded to the channel after it.</summary>
    private static SlackMessage Uploading(ExportView v)
    {
        var text = $"Uploading {Escape(v.FileName)} ({v.RowsText} on *{Escape(v.MapName)}*)…";
        return new SlackMessage(text, [Section(text)]);
    }

    private static SlackMessage ImportFormButton(ImportFormView v, string? command)
    {
        var text = v.Account is { Length: > 0 } account
            ? $"Open the form to import people into *{Escape(account)}* from CSV."
            : "Open the form to import people from CSV.";
        var blocks = new List<Block> { Section(text) };
        if (v.Error is { Length: > 0 } error)
            blocks.Add(Context(Escape(error)));
        if (command is { Length: > 0 and <= SlackLimits.ButtonValue })
            blocks.Add(new ActionsBlock([new ButtonElement(SlackBotIds.OpenImportForm, "Open import form") { Value = command, Style = ButtonStyle.Primary }]));
        return new SlackMessage("Import people from CSV", blocks);
    }

    /// <summary>A preview outside its modal (it normally only lives there): what it would do, and how to get back.</summary>
    private static SlackMessage ImportSummary(ImportPreviewView v)
    {
        var text = string.Create(
            CultureInfo.InvariantCulture,
            $"An import into *{Escape(v.MapName)}* would add {v.ToAdd.Count}, update {v.ToUpdate.Count} and skip {v.Errors.Count} rows with errors. Use `/map {Escape(v.CommandName)} import` to paste and confirm it.");
        return new SlackMessage(text, [Section(text)]);
    }

    private static string StripMap(string command) =>
        command.StartsWith("map ", StringComparison.OrdinalIgnoreCase) ? command[4..] : command;

    private static PlainText Truncated(string text) => new PlainText(text).Truncate(SlackLimits.ButtonText);
}
