namespace AccountBot.Slack.Security;

/// <summary>The outcome of checking one request's Slack signature.</summary>
public readonly record struct SlackSignatureResult(SlackSignatureStatus Status)
{
    public bool IsValid => Status == SlackSignatureStatus.Valid;

    public override string ToString() => Status.ToString();
}
