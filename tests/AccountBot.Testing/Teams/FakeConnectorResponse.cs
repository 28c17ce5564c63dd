namespace AccountBot.Testing.Teams;

/// <summary>A scripted answer of the <see cref="FakeConnector"/>.</summary>
public sealed record FakeConnectorResponse(int Status, string? Body, string? RetryAfter)
{
    /// <summary>More response headers (a redirect's Location, a Set-Cookie…).</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>Holds the call open until the client gives up (its timeout or cancellation); nothing is answered.</summary>
    public bool Hangs { get; init; }

    /// <summary>With <see cref="Hangs"/>: the activity is accepted (posted) first, as when only the answer is lost.</summary>
    public bool AcceptedBeforeHanging { get; init; }

    /// <summary>Completes when a call has got this answer (for a hanging one: when it started hanging).</summary>
    public TaskCompletionSource Arrived { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>A call that never answers and posts nothing (a timeout the connector never acted on).</summary>
    public static FakeConnectorResponse Hang() => new(0, null, null) { Hangs = true };

    /// <summary>A call that posts the activity, then never answers (the worst timeout).</summary>
    public static FakeConnectorResponse AcceptThenHang() => new(0, null, null) { Hangs = true, AcceptedBeforeHanging = true };
}
