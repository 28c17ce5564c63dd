using AccountBot.Core.Commands;
using AccountBot.Core.Views;

namespace AccountBot.Core.Features.Help;

/// <summary><c>map</c> / <c>map help</c>: the examples card.</summary>
public sealed class HelpHandler : ICommandHandler<ShowHelp>
{
    public static IReadOnlyList<HelpExample> Examples { get; } =
    [
        new("map Acme", "Show Acme's map: people by role, coverage gaps, last review"),
        new("map Acme add Jane Doe", "Add a stakeholder with the form"),
        new("map Acme edit Jane", "Edit a stakeholder"),
        new("map Acme tag Jane champion signer", "Tag roles (economic buyer = decision maker + signer, coach = champion)"),
        new("map Acme untag Jane blocker", "Remove a role"),
        new("map Acme remove Jane", "Remove someone (kept in history)"),
        new("map Acme grid", "Power/interest grid (also: onion, org, raci)"),
        new("map Acme reviewed", "Mark the map reviewed"),
        new("map Acme history", "Who changed what, when (history export: every change as CSV)"),
        new("map Acme erase Jane", "Erase someone everywhere, history included (asks first)"),
        new("map Acme link", "Send Acme's reminders to this channel (unlink to stop)"),
        new("map Acme links reset", "Stop every picture and CSV link of Acme posted so far"),
        new("map Acme snooze", "No reminders about Acme in this channel for a week"),
        new("map list", "All maps, worst gaps first"),
        new("map settings", "Reminder day, time, time zone and thresholds for this channel"),
        new("map \"Add Corp\" add", "Quote names that contain command words"),
    ];

    public Task<Reply> HandleAsync(ShowHelp command, RequestContext context, CancellationToken cancellationToken) =>
        Task.FromResult<Reply>(new HelpView(Examples, "AccountBot keeps your account maps: who the stakeholders are, what role each plays, and where coverage is thin."));
}
