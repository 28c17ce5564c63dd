using AccountBot.Core.Channels;

namespace AccountBot.Core.Views;

/// <summary>This channel's reminder settings, with the defaults filled in and the last delivery failure.</summary>
public sealed record SettingsView(
    string ChannelName,
    bool RemindersEnabled,
    DayOfWeek Day,
    TimeOnly Time,
    string TimeZone,
    int StaleAfterDays,
    int StaleContactDays,
    IReadOnlyList<string> LinkedAccounts,
    DeliveryFailure? LastFailure) : Reply
{
    public string? Notice { get; init; }
}
