namespace AccountBot.Teams.Access;

/// <summary>Why the bot declines a request: the one line the person reads, and a short reason for the log.</summary>
/// <param name="Notice">One of <see cref="AccountBot.Core.Access.AccessNotices"/>.</param>
/// <param name="Reason">For the log; never a secret.</param>
public sealed record AccessRefusal(string Notice, string Reason);
