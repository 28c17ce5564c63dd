namespace AccountBot.Core.Accounts;

/// <summary>When something happened and who did it.</summary>
public sealed record Stamp(DateTimeOffset At, UserRef By);
