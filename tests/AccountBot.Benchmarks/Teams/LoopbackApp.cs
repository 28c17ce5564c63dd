using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

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

    /// <summary>Starts a slim Kestrel app on a free loopback port with the endpoints <paramref name="map"/> adds.</summary>
    public static async Task<LoopbackApp> StartAsync(Action<WebApplication> map)
    {
        ArgumentNullException.ThrowIfNull(map);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var holder = new Holder();
        builder.Services.AddSingleton(holder);
        var app = builder.Build();
        map(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        holder.App = new LoopbackApp(app, new Uri(address.TrimEnd('/') + "/"));
        return holder.App;
    }

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
