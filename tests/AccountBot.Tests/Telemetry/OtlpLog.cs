namespace AccountBot.Tests.Telemetry;

/// <summary>An exported log record: its rendered text and trace id (hex; empty when logged outside any span).</summary>
internal sealed record OtlpLog(string Body, string TraceId)
{
    public bool HasTraceId => TraceId.Length == 32 && TraceId.Any(c => c != '0');
}
