namespace AccountBot.Testing.Processes;

/// <summary>
/// What the host sent to a <see cref="FakeChatPlatforms"/> platform: the id the fake gave it (a Teams message id,
/// the id a later Action.Submit's <c>replyToId</c> carries) and the raw JSON body.
/// </summary>
public sealed record PlatformMessage(string Id, string Body);
