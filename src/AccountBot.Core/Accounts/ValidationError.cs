namespace AccountBot.Core.Accounts;

/// <summary>One broken rule, keyed by the form field it belongs to (see <see cref="StakeholderFields"/>).</summary>
public sealed record ValidationError(string Field, string Message);
