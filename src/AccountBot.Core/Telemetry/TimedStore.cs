using System.Diagnostics;
using System.Reflection;

namespace AccountBot.Core.Telemetry;

/// <summary>
/// Wraps a storage port (<c>IAccountMapStore</c>, <c>IDigestOutbox</c>…) so each call's time goes to
/// <see cref="BotMetrics.StoreCall"/>, whatever the store behind it: one decorator for every port and every storage,
/// instead of a hand-written twin of each store. Made with <see cref="Create{TPort}"/>.
/// </summary>
/// <remarks>Not sealed: <see cref="DispatchProxy"/> derives the proxy type from it.</remarks>
public class TimedStore : DispatchProxy
{
    private object _inner = null!;
    private BotMetrics _metrics = null!;
    private string _store = null!;

    /// <summary>A <typeparamref name="TPort"/> that times each call and forwards it to <paramref name="inner"/>.</summary>
    public static TPort Create<TPort>(TPort inner, BotMetrics metrics)
        where TPort : class
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(metrics);
        return (TPort)Create(typeof(TPort), inner, metrics);
    }

    /// <summary>The same for a port known by its type only (decorating DI registrations).</summary>
    public static object Create(Type port, object inner, BotMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(port);
        var proxy = (TimedStore)Create(port, typeof(TimedStore));
        proxy._inner = inner;
        proxy._metrics = metrics;
        proxy._store = port.Name;
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        if (!_metrics.StoreCallsMeasured)
            return Forward(targetMethod, args);

        var start = Stopwatch.GetTimestamp();
        object? result;
        try
        {
            result = Forward(targetMethod, args);
        }
        catch (Exception thrown)
        {
            _metrics.StoreCall(_store, targetMethod.Name, Stopwatch.GetElapsedTime(start), thrown.GetType().Name);
            throw;
        }

        if (result is Task { IsCompleted: true } done)
        {
            // A read served from the store's cache: recorded now, without a continuation.
            Record(targetMethod.Name, start, done);
        }
        else if (result is Task task)
        {
            // The caller awaits the store's own task; the time is recorded when it ends.
            _ = task.ContinueWith(
                done => Record(targetMethod.Name, start, done),
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        }
        else
        {
            _metrics.StoreCall(_store, targetMethod.Name, Stopwatch.GetElapsedTime(start), null);
        }

        return result;
    }

    /// <summary>The call itself: the caller sees the store's own exception, with its stack trace, as without the proxy.</summary>
    private object? Forward(MethodInfo method, object?[]? args)
    {
        try
        {
            return method.Invoke(_inner, args);
        }
        catch (TargetInvocationException e) when (e.InnerException is { } thrown)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(thrown);
            throw;
        }
    }

    private void Record(string operation, long start, Task done) =>
        _metrics.StoreCall(_store, operation, Stopwatch.GetElapsedTime(start), done.Exception?.InnerException?.GetType().Name ?? (done.IsCanceled ? "canceled" : null));
}
