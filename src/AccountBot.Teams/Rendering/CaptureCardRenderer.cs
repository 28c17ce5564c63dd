using System.Globalization;
using AccountBot.Core.Accounts;
using AccountBot.Core.Features.Capture;
using AccountBot.Core.Text;
using AccountBot.Core.Views;
using AccountBot.Teams.Cards;
using static AccountBot.Teams.Rendering.CardParts;

namespace AccountBot.Teams.Rendering;

/// <summary>
/// The stakeholder form opened from a message (a message action's dialog): the account picker first (an
/// <c>Input.ChoiceSet</c> over the maps the user may pick, the conversation's linked maps first, opening on the form's
/// map), the people the message names, then the stakeholder card's own body and submit, drawn by
/// <see cref="StakeholderFormRenderer"/> from the one form schema. The submit's data keeps the message's link.
/// </summary>
public sealed class CaptureCardRenderer(StakeholderFormRenderer forms)
{
    /// <param name="accounts">The maps offered (<see cref="CaptureHandler.AccountsAsync"/>); the form's own map is always among the choices.</param>
    /// <param name="accountError">Shown under the picker: the account picked could not be saved to.</param>
    public AdaptiveCard Render(CaptureView capture, IReadOnlyList<AccountMap> accounts, string? link, UserRef? currentUser, string? accountError = null)
    {
        ArgumentNullException.ThrowIfNull(capture);
        ArgumentNullException.ThrowIfNull(accounts);
        var form = capture.Form;
        var card = forms.Render(form, currentUser);
        var choices = accounts.Select(m => new Choice(Shorten(m.Name, 80), Id(m.Id))).ToList();
        if (choices.All(c => c.Value != Id(form.MapId)))
            choices.Insert(0, new Choice(Shorten(form.MapName, 80), Id(form.MapId)));
        var body = new List<CardElement>
        {
            Title(Sentences.CaptureTitle),
            new ChoiceSetInput(CardVerbs.Inputs.CaptureAccount, choices)
            {
                Label = Sentences.CaptureAccount,
                Style = ChoiceInputStyle.Filtered,
                Value = Id(form.MapId),
                IsRequired = true,
                ErrorMessage = Sentences.CaptureAccountRequired,
            },
            Subtle(Sentences.CaptureAccountHint),
        };
        if (accountError is not null)
            body.Add(Colored(accountError, TextColor.Attention) with { Id = CardVerbs.Inputs.CaptureAccount + "Error", Spacing = Spacing.None });
        if (CaptureHandler.Named(capture.Suggestions) is { } named)
            body.Add(Subtle(named) with { Spacing = Spacing.Small });

        // The stakeholder card's title names one map; the picker above says which one instead.
        body.AddRange(card.Body.Skip(1));
        if (link is not null)
            body.Add(Subtle(Sentences.CaptureLinkKept) with { Spacing = Spacing.Medium });
        var actions = card.Actions?.Select(a => a is SubmitAction { Data: { } data } submit
            ? submit with { Data = CardData.With(data, CardVerbs.Keys.Link, link) }
            : a).ToList();
        return Card(body, Sentences.CaptureTitle, actions);
    }

    private static string Id(Guid id) => id.ToString("D", CultureInfo.InvariantCulture);
}
