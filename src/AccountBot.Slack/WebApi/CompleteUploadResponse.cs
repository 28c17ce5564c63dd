namespace AccountBot.Slack.WebApi;

/// <summary>files.completeUploadExternal: the files now shared.</summary>
public sealed record CompleteUploadResponse : SlackApiResponse
{
    public IReadOnlyList<UploadedFile>? Files { get; init; }
}
