using Microsoft.Extensions.Logging;

namespace AccountBot.Testing.Logging;

/// <summary>One entry seen by a <see cref="LogRecorder"/>.</summary>
public sealed record LogEntry(LogLevel Level, string Category, string Message, Exception? Exception);
