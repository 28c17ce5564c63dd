namespace AccountBot.Storage.LiteDb.Documents;

/// <summary>One step of a <see cref="FollowUpDocument"/>.</summary>
public sealed class FollowUpStepDocument
{
    public string Kind { get; set; } = string.Empty;
    public string Payload { get; set; } = string.Empty;
}
