using System.Collections.Concurrent;
using System.Diagnostics;
using AccountBot.Testing.Teams;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace AccountBot.Tests.Telemetry;

/// <summary>
/// An OTLP/HTTP collector on 127.0.0.1 (protocol <c>http/protobuf</c>): records what arrives at <c>/v1/traces</c>,
/// <c>/v1/metrics</c> and <c>/v1/logs</c>, decoded far enough to find span and metric names, attributes and trace
/// ids, and lets a test wait until what it expects has arrived.
/// </summary>
internal sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly ConcurrentQueue<OtlpSpan> _spans = new();
    private readonly ConcurrentQueue<OtlpPoint> _points = new();
    private readonly ConcurrentQueue<OtlpLog> _logs = new();
    private readonly ConcurrentQueue<IReadOnlyDictionary<string, string>> _resources = new();
    private readonly object _gate = new();
    private TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private WebApplication _app = null!;
    private int _posts;

    public Uri Endpoint { get; private set; } = null!;

    /// <summary>Export requests received, of any signal.</summary>
    public int Posts => Volatile.Read(ref _posts);

    public IReadOnlyList<OtlpSpan> Spans => [.. _spans];

    public IReadOnlyList<OtlpPoint> Points => [.. _points];

    public IReadOnlyList<OtlpLog> Logs => [.. _logs];

    /// <summary>The resource attributes of every export (<c>service.name</c>…).</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> Resources => [.. _resources];

    public static async Task<OtlpReceiver> StartAsync()
    {
        var receiver = new OtlpReceiver();
        (receiver._app, receiver.Endpoint) = await LoopbackServer.StartAsync(
            app =>
            {
                app.Use(Unrecorded);
                app.MapPost("/v1/{signal}", receiver.ReceiveAsync);
            },
            CancellationToken.None);
        return receiver;
    }

    /// <summary>
    /// Completes once <paramref name="arrived"/> holds, checked after each export; when <paramref name="cancellationToken"/>
    /// ends first, throws a <see cref="TimeoutException"/> that lists what did arrive.
    /// </summary>
    public async Task WaitUntilAsync(Func<OtlpReceiver, bool> arrived, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task next;
            lock (_gate)
                next = _arrived.Task;
            if (arrived(this))
                return;
            try
            {
                await next.WaitAsync(cancellationToken);
            }
            catch (OperationCanceledException e) when (cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException("What arrived did not match. " + Describe(), e);
            }
        }
    }

    /// <summary>Everything received, one line per span, metric point and log record.</summary>
    public string Describe() => string.Join(
        Environment.NewLine,
        [
            $"{Posts} exports.",
            .. Spans.Select(s => $"span '{s.Name}' kind {s.Kind} trace {s.TraceId} {Text(s.Attributes)}").Distinct(),
            .. Points.Select(p => $"point {p.Metric} ({p.Unit}) {Text(p.Attributes)}").Distinct(),
            .. Logs.Select(l => $"log (trace {l.TraceId}) {l.Body}"),
        ]);

    private static string Text(IReadOnlyDictionary<string, string> attributes) =>
        string.Join(", ", attributes.Select(a => $"{a.Key}={a.Value}"));

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    /// <summary>
    /// The bot's tracer listens to every ASP.NET Core app in the test process, this one too: its spans are marked not
    /// recorded, so an export does not cause a span that causes the next export.
    /// </summary>
    private static Task Unrecorded(HttpContext context, RequestDelegate next)
    {
        if (Activity.Current is { } activity)
        {
            activity.ActivityTraceFlags &= ~ActivityTraceFlags.Recorded;
            activity.IsAllDataRequested = false;
        }

        return next(context);
    }

    private async Task<IResult> ReceiveAsync(string signal, HttpRequest request)
    {
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body);
        ReadOnlyMemory<byte> export = body.ToArray();
        switch (signal)
        {
            case "traces":
                Read(export, 2, 2, span => _spans.Enqueue(new OtlpSpan(
                    ProtoFields.Text(span, 5), (int)ProtoFields.Read(span).LastOrDefault(f => f.Number == 6).Scalar, ProtoFields.Attributes(span, 9), Hex(span, 1))));
                break;
            case "metrics":
                Read(export, 2, 2, ReadMetric);
                break;
            case "logs":
                Read(export, 2, 2, log => _logs.Enqueue(new OtlpLog(Body(log), Hex(log, 9))));
                break;
            default:
                return Results.NotFound();
        }

        Interlocked.Increment(ref _posts);
        lock (_gate)
        {
            _arrived.TrySetResult();
            _arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        // An empty Export*ServiceResponse: everything accepted.
        return Results.Bytes([], "application/x-protobuf");
    }

    /// <summary>Export request → resource_* (1) → resource (1) and scope_* (<paramref name="scopes"/>) → items (<paramref name="items"/>).</summary>
    private void Read(ReadOnlyMemory<byte> export, int scopes, int items, Action<ReadOnlyMemory<byte>> item)
    {
        foreach (var resource in ProtoFields.All(export, 1))
        {
            _resources.Enqueue(ProtoFields.Attributes(ProtoFields.All(resource, 1).FirstOrDefault(), 1));
            foreach (var scope in ProtoFields.All(resource, scopes))
            {
                foreach (var one in ProtoFields.All(scope, items))
                    item(one);
            }
        }
    }

    /// <summary>Metric: name 1, unit 3; gauge 5 and sum 7 hold NumberDataPoints (attributes 7), histogram 9 HistogramDataPoints (attributes 9).</summary>
    private void ReadMetric(ReadOnlyMemory<byte> metric)
    {
        var name = ProtoFields.Text(metric, 1);
        var unit = ProtoFields.Text(metric, 3);
        foreach (var (field, attributes) in new[] { (5, 7), (7, 7), (9, 9) })
        {
            foreach (var data in ProtoFields.All(metric, field))
            {
                foreach (var point in ProtoFields.All(data, 1))
                    _points.Enqueue(new OtlpPoint(name, unit, ProtoFields.Attributes(point, attributes)));
            }
        }
    }

    private static string Hex(ReadOnlyMemory<byte> message, int number) =>
        Convert.ToHexStringLower(ProtoFields.All(message, number).FirstOrDefault().Span);

    /// <summary>LogRecord body (5) is an AnyValue; the bot's are strings (1).</summary>
    private static string Body(ReadOnlyMemory<byte> log) =>
        ProtoFields.All(log, 5).Select(value => ProtoFields.Text(value, 1)).FirstOrDefault() ?? "";
}
