using AccountBot.Core.Features.Capture;

namespace AccountBot.Core.Views;

/// <summary>
/// The stakeholder form opened from a chat message: a new person's whole form on the first account the user may pick
/// (the channel's linked maps first), prefilled from the message (<see cref="CapturePrefill"/>), and the people the
/// message names as people, offered beside it. The platform adds the account picker and keeps the message's link.
/// </summary>
public sealed record CaptureView(StakeholderFormView Form, IReadOnlyList<CaptureSuggestion> Suggestions) : Reply;
