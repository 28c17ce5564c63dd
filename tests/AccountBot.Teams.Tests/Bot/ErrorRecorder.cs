using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace AccountBot.Teams.Tests.Bot;

/// <summary>Records errors logged with an exception: a turn that failed even though the user got a polite answer.</summary>
internal sealed class ErrorRecorder : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _errors = new();

    public IReadOnlyList<string> Errors => [.. _errors];

    public ILogger CreateLogger(string categoryName) => new Recorder(_errors);

    public void Dispose()
    {
    }

    private sealed class Recorder(ConcurrentQueue<string> errors) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel >= LogLevel.Error && exception is not null)
                errors.Enqueue($"{formatter(state, exception)}: {exception.GetType().Name}: {exception.Message}");
        }
    }
}
