using Microsoft.AspNetCore.Builder;

namespace AccountBot.Benchmarks.Teams;

/// <summary>A small Kestrel app on 127.0.0.1 (the fake connector or the bare endpoint).</summary>
public sealed class LoopbackApp(WebApplication app, Uri address) : IAsyncDisposable
{
    public Uri Address { get; } = address;

    /// <summary>The last body the fake connector received (the seeding reads the form's ids from it).</summary>
    public string? LastBody { get; set; }

    /// <summary>Whether the fake connector keeps <see cref="LastBody"/> (seeding) or discards bodies (load).</summary>
    public bool KeepLastBody { get; set; } = true;

    public CallCounter Counter { get; } = new();

    public ValueTask DisposeAsync() => app.DisposeAsync();

    /// <summary>Lets the request delegate find its app without static state.</summary>
    public sealed class Holder
    {
        public LoopbackApp? App { get; set; }
    }

    public sealed class CallCounter
    {
        private long _value;

        public long Value => Interlocked.Read(ref _value);

        public void Increment() => Interlocked.Increment(ref _value);
    }
}
