using AccountBot.Core.Accounts;

namespace AccountBot.Core.Commands;

/// <summary>
/// One person of a quick add as typed (<c>Jane Doe, VP Finance, champion signer, power 5, owner me, next demo by friday</c>):
/// only what the line names is set. <see cref="Problems"/> names every part that was not understood; a line with any is
/// not saved at all.
/// </summary>
public sealed record QuickAddLine(int Number, string Text, string Name)
{
    public string? Title { get; init; }
    public Role Roles { get; init; }
    public int? Power { get; init; }
    public int? Interest { get; init; }

    /// <summary><c>owner me</c>: the person who sends the command owns the relationship.</summary>
    public bool OwnerIsMe { get; init; }

    /// <summary><c>owner @user</c>: the mentioned user (Slack <c>&lt;@U…|name&gt;</c>; Teams mentions arrive in the same form).</summary>
    public UserRef? Owner { get; init; }

    public string? NextStep { get; init; }
    public DueDate? Due { get; init; }
    public IReadOnlyList<string> Problems { get; init; } = [];

    public bool Understood => Problems.Count == 0;
}
