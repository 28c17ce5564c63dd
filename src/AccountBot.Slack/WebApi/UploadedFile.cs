namespace AccountBot.Slack.WebApi;

/// <summary>One file of files.completeUploadExternal's <c>files</c> list (and of its answer).</summary>
public sealed record UploadedFile(string Id, string? Title = null);
