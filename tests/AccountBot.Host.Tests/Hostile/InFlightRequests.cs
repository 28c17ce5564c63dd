using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace AccountBot.Host.Tests.Hostile;

/// <summary>
/// Counts requests the host is still working on, including the part after the response was sent (a Slack
/// endpoint queues its follow-up work after the ack): a test waits for <see cref="WhenIdleAsync"/> instead of
/// sleeping before it looks at what a request changed.
/// </summary>
internal sealed class InFlightRequests : IStartupFilter
{
    private readonly Lock _gate = new();
    private readonly System.Collections.Concurrent.ConcurrentQueue<int> _statuses = new();
    private int _running;
    private TaskCompletionSource? _idle;

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, inner) =>
        {
            Track(+1);
            try
            {
                await inner(context);
                _statuses.Enqueue(context.Response.StatusCode);
            }
            catch
            {
                // What the server answers for an exception that escapes the app (Kestrel's own 400/413 or a 500).
                _statuses.Enqueue(context.Response.HasStarted ? context.Response.StatusCode : -1);
                throw;
            }
            finally
            {
                Track(-1);
            }
        });
        next(app);
    };

    /// <summary>How many requests have finished; with <see cref="StatusesSince"/>, what the server answered them.</summary>
    public int Finished => _statuses.Count;

    /// <summary>Status codes as the server set them (-1: an exception escaped before a response started).</summary>
    public IReadOnlyList<int> StatusesSince(int mark) => [.. _statuses.Skip(mark)];

    public Task WhenIdleAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_running == 0)
                return Task.CompletedTask;
            _idle ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _idle.Task.WaitAsync(cancellationToken);
        }
    }

    private void Track(int delta)
    {
        TaskCompletionSource? idle = null;
        lock (_gate)
        {
            _running += delta;
            if (_running == 0)
                (idle, _idle) = (_idle, null);
        }

        idle?.TrySetResult();
    }
}
