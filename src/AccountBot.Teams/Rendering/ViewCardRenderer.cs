using AccountBot.Core.Accounts;
using AccountBot.Core.Commands;
using AccountBot.Core.Features.Privacy;
using AccountBot.Core.Views;
using AccountBot.Teams.Cards;
using static AccountBot.Teams.Rendering.CardParts;

namespace AccountBot.Teams.Rendering;

/// <summary>The smaller views: help, notice, create-map prompt, did-you-mean, remove confirmation, list, history, settings, pictures.</summary>
public sealed class ViewCardRenderer
{
    public const int DefaultMaxRows = 50;

    public AdaptiveCard Help(HelpView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var body = new List<CardElement> { Title("AccountBot") };
        body.Add(Text(view.Lead ?? "Keeps your account maps: who the stakeholders are, what role they play, and where the coverage gaps are."));
        body.AddRange(view.Examples.Select((e, i) => (CardElement)(Line(Code(e.Command), Plain(" · " + e.Description)) with { Spacing = i == 0 ? Spacing.Medium : Spacing.Small })));
        return Card(body, "AccountBot help", [Command("My maps", CommandText.List)]);
    }

    public AdaptiveCard Notice(NoticeView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var body = new List<CardElement> { Colored(view.Text, ToneColor(view.Tone), view.Tone == Tone.Error ? FontWeight.Bolder : null) };
        if (view.Example is { } example)
            body.Add(Line(new TextRun("Try: ") { IsSubtle = true }, Code(example) with { IsSubtle = true }) with { Spacing = Spacing.None });
        return Card(body, view.Text);
    }

    public AdaptiveCard MapNotFound(MapNotFoundView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var body = new List<CardElement> { Line(Plain("There is no map called "), Bold(view.RequestedName), Plain(" yet.")) };
        var actions = new List<CardAction> { Command($"Create {Shorten(view.RequestedName, 40)}", view.CreateCommand, inPlace: true, style: ActionStyle.Positive) };
        if (view.Suggestions.Count > 0)
        {
            body.Add(Subtle("Did you mean:"));
            body.Add(new ActionSet([.. view.Suggestions.Take(5).Select(s => Command(Shorten(s, 40), CommandText.Map(s).Open))]));
        }

        return Card(body, $"No map called {view.RequestedName}", actions);
    }

    public AdaptiveCard PersonChoice(PersonChoiceView view, int maxChoices = 25)
    {
        ArgumentNullException.ThrowIfNull(view);
        var body = new List<CardElement> { Text(view.Text) };
        var choices = view.Choices.Take(maxChoices).ToList();
        if (choices.Count > 0)
            body.Add(new ActionSet([.. choices.Select(c => Command(Shorten(c.Label, 60), c.Command))]));
        if (view.Choices.Count > choices.Count)
            body.Add(Subtle(More(view.Choices.Count - choices.Count)));
        return Card(body, view.Text);
    }

    public AdaptiveCard ConfirmRemove(ConfirmRemoveView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return Card(
            [Line(Plain("Remove "), Bold(view.PersonName), Plain($" from {view.MapName}? The history keeps them."))],
            $"Remove {view.PersonName}?",
            [
                Command("Remove", view.ConfirmCommand, inPlace: true, style: ActionStyle.Destructive),
                new SubmitAction("Cancel") { Data = CardData.ForVerb(CardVerbs.Cancel) },
            ]);
    }

    public AdaptiveCard Confirmation(IDangerConfirmation view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return Card(
            [Text(view.Question)],
            view.Title,
            [
                Command(view.ConfirmButton, view.ConfirmCommand, inPlace: true, style: ActionStyle.Destructive),
                Command(view.CancelButton, view.CancelCommand, inPlace: true),
            ]);
    }

    public AdaptiveCard MapList(MapListView view, int maxRows = DefaultMaxRows)
    {
        ArgumentNullException.ThrowIfNull(view);
        var body = new List<CardElement> { Title(view.TotalCount == 1 ? "1 account map" : string.Create(Culture, $"{view.TotalCount} account maps")) };
        if (view.Maps.Count == 0)
            body.Add(Line(Plain("No maps yet. Type "), Code("map Acme"), Plain(" to start one.")));
        var rows = view.Maps.Take(maxRows).ToList();
        foreach (var map in rows)
        {
            var gaps = map.Gaps.Count == 0 ? "no gaps" : string.Join("; ", map.Gaps.Take(3).Select(g => g.Message)) + (map.Gaps.Count > 3 ? "; …" : string.Empty);
            body.Add(new Container(
            [
                Line(Bold(map.Name), Plain(string.Create(Culture, $" · {map.Kind} · owner {map.OwnerName} · {map.ActiveCount} active · {Date(map.LastActivity)}"))),
                Line(new TextRun(gaps) { Color = map.Gaps.Count == 0 ? TextColor.Good : TextColor.Attention, IsSubtle = true }) with { Spacing = Spacing.None },
            ]) { Spacing = Spacing.Small });
        }

        var more = view.TotalCount - rows.Count;
        if (more > 0)
            body.Add(Subtle(More(more)));

        if (rows.Count > 0)
        {
            body.Add(new ChoiceSetInput(CardVerbs.Inputs.Map, [.. rows.Select(m => new Choice(m.Name, m.CommandName))])
            {
                Label = "Open a map",
                Style = ChoiceInputStyle.Filtered,
                Placeholder = "Pick an account",
                Spacing = Spacing.Medium,
            });
            body.Add(new ActionSet([CommandFromInput("Open", CommandText.Prefix, CardVerbs.Inputs.Map)]));
        }

        return Card(body, "Account maps");
    }

    public AdaptiveCard History(HistoryView view, int maxRows = DefaultMaxRows)
    {
        ArgumentNullException.ThrowIfNull(view);
        var body = new List<CardElement> { Title("History of " + view.MapName) };
        if (view.Entries.Count == 0)
            body.Add(Text("No changes yet."));
        var rows = view.Entries.Take(maxRows).ToList();
        body.AddRange(rows.Select(e => (CardElement)new Container(
        [
            Text(e.Summary),
            Subtle(string.Create(Culture, $"{e.By.Name}, {e.At.ToString("d MMM yyyy HH:mm", Culture)} UTC · version {e.Version}")),
        ]) { Spacing = Spacing.Small }));
        if (view.Entries.Count > rows.Count)
            body.Add(Subtle(More(view.Entries.Count - rows.Count)));
        return Card(body, "History of " + view.MapName, [Command("Open map", CommandText.Map(view.CommandName).Open)]);
    }

    public AdaptiveCard Settings(SettingsView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var body = new List<CardElement> { Title("Reminders in " + view.ChannelName) };
        if (view.Notice is { } notice)
            body.Add(Colored(notice, TextColor.Good));
        body.Add(FactLine("Weekly digest", view.RemindersEnabled ? "on" : "off") with { Spacing = Spacing.Medium });
        body.Add(FactLine("When", string.Create(Culture, $"{view.Day} {view.Time:HH\\:mm} ({view.TimeZone})")));
        body.Add(FactLine("Stale map after", string.Create(Culture, $"{view.StaleAfterDays} days")));
        body.Add(FactLine("Stale contact after", string.Create(Culture, $"{view.StaleContactDays} days")));
        body.Add(FactLine("Linked accounts", view.LinkedAccounts.Count == 0 ? "none" : Shorten(string.Join(", ", view.LinkedAccounts), 1000)));
        if (view.LastFailure is { } failure)
            body.Add(Colored($"Last delivery failed {Date(failure.At)}: {failure.Reason}", TextColor.Attention));
        body.Add(Line(new TextRun("Change with e.g. ") { IsSubtle = true }, Code("map settings day monday time 09:00 tz Europe/Paris"), new TextRun(".") { IsSubtle = true }));
        return Card(body, "Reminder settings");
    }

    public AdaptiveCard Picture(PictureView view, int maxLines = 60)
    {
        ArgumentNullException.ThrowIfNull(view);
        var body = new List<CardElement> { Title($"{view.MapName}: {view.Picture}") };
        if (view.ImageUrl is { } url)
            body.Add(new Image(url) { AltText = $"{view.Picture} of {view.MapName}", Size = ImageSize.Stretch });
        var budget = maxLines;
        foreach (var section in view.Sections)
        {
            if (budget <= 0)
                break;
            body.Add(Heading(section.Heading));
            var lines = section.Lines.Take(budget).ToList();
            budget -= lines.Count;
            body.AddRange(lines.Select((line, i) => (CardElement)(Text(line) with { Spacing = i == 0 ? Spacing.Small : Spacing.None })));
            if (section.Lines.Count > lines.Count)
                body.Add(Subtle(More(section.Lines.Count - lines.Count)));
        }

        return Card(body, $"{view.Picture} of {view.MapName}", [Command("Open map", CommandText.Map(view.CommandName).Open)]);
    }

    public static TextColor ToneColor(Tone tone) => tone switch
    {
        Tone.Success => TextColor.Good,
        Tone.Warning => TextColor.Warning,
        Tone.Error => TextColor.Attention,
        _ => TextColor.Default,
    };

    /// <summary>A "title: value" line (the card model has no FactSet: Teams reads fact titles and values as markdown).</summary>
    private static RichTextBlock FactLine(string title, string value) => Line(Bold(title + ": "), Plain(value)) with { Spacing = Spacing.None };
}
