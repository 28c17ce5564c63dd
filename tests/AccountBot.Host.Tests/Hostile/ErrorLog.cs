using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace AccountBot.Host.Tests.Hostile;

/// <summary>
/// Records every log entry at Error or above that carries an exception: a handler that fell over, even when the
/// user got a polite "something went wrong", is a defect the hostile corpus must see.
/// </summary>
internal sealed class ErrorLog : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _entries = new();

    public int Count => _entries.Count;

    /// <summary>Entries recorded since <paramref name="mark"/> (a previous <see cref="Count"/>).</summary>
    public IReadOnlyList<string> Since(int mark) => [.. _entries.Skip(mark)];

    public ILogger CreateLogger(string categoryName) => new Recorder(categoryName, _entries);

    public void Dispose()
    {
    }

    private sealed class Recorder(string category, ConcurrentQueue<string> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel >= LogLevel.Error && exception is not null)
                entries.Enqueue($"{category}: {formatter(state, exception)} -> {exception.GetType().Name}: {exception.Message}");
        }
    }
}
