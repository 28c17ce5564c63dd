namespace AccountBot.Slack.WebApi;

/// <summary>files.getUploadURLExternal: where to POST the file's bytes, and the id to complete the upload with.</summary>
public sealed record UploadUrlResponse : SlackApiResponse
{
    public string? UploadUrl { get; init; }
    public string? FileId { get; init; }
}
