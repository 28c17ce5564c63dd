namespace AccountBot.Testing.Slack;

/// <summary>How the fake Slack Web API answers one call.</summary>
public sealed class FakeSlackReply
{
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _stalled = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private FakeSlackReply(int status, string? json, int? retryAfterSeconds, bool stall, bool postsBeforeAnswer = false)
    {
        Status = status;
        Json = json;
        RetryAfterSeconds = retryAfterSeconds;
        IsStall = stall;
        PostsBeforeAnswer = postsBeforeAnswer;
    }

    public int Status { get; }

    /// <summary>A Set-Cookie header sent with the answer, if any.</summary>
    public string? SetCookie { get; private set; }

    /// <summary>The body; null means the method's default success answer.</summary>
    public string? Json { get; }
    public int? RetryAfterSeconds { get; }
    public bool IsStall { get; }

    /// <summary>A chat.postMessage that lands in the channel as soon as it arrives, whatever happens to its answer.</summary>
    public bool PostsBeforeAnswer { get; }

    /// <summary>Completes when a stalled call has arrived and is waiting for <see cref="Release"/>.</summary>
    public Task Stalled => _stalled.Task;

    internal Task WaitForReleaseAsync(CancellationToken cancellationToken)
    {
        _stalled.TrySetResult();
        return _release.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Lets a stalled call answer (with the default success).</summary>
    public void Release() => _release.TrySetResult();

    public static FakeSlackReply Ok() => new(200, null, null, false);

    /// <summary>This answer, with a Set-Cookie header.</summary>
    public FakeSlackReply WithCookie(string setCookie)
    {
        SetCookie = setCookie;
        return this;
    }

    public static FakeSlackReply OkJson(string json) => new(200, json, null, false);

    public static FakeSlackReply Error(string error, params string[] messages) =>
        new(200, System.Text.Json.JsonSerializer.Serialize(new { ok = false, error, response_metadata = new { messages } }), null, false);

    public static FakeSlackReply RateLimited(int retryAfterSeconds) => new(429, """{"ok":false,"error":"ratelimited"}""", retryAfterSeconds, false);

    public static FakeSlackReply HttpStatus(int status) => new(status, "{}", null, false);

    /// <summary>Holds the call open until <see cref="Release"/> (or the server stops); a released post then lands.</summary>
    public static FakeSlackReply Stall() => new(200, null, null, true);

    /// <summary>
    /// The worst case of a timeout: the message lands in the channel at once, but the answer is held until
    /// <see cref="Release"/> (or the client gives up), so the caller cannot know it was posted.
    /// </summary>
    public static FakeSlackReply PostedButNoAnswer() => new(200, null, null, true, postsBeforeAnswer: true);
}
