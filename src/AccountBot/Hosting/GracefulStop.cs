using AccountBot.Core.FollowUps;
using Microsoft.Extensions.Options;

namespace AccountBot.Hosting;

/// <summary>
/// SIGTERM (or Ctrl+C) stops the host in order: the web server stops taking requests and finishes those in flight,
/// then the follow-up queue sends what it still holds for up to <c>FollowUps:DrainTimeout</c>, then the process exits 0.
/// </summary>
internal static class GracefulStop
{
    /// <summary>Room for the requests in flight to finish before the drain starts.</summary>
    public static readonly TimeSpan InFlightAllowance = TimeSpan.FromSeconds(10);

    public static void Configure(IServiceCollection services)
    {
        // The host's own shutdown timeout cancels every stop step, so it must outlast the drain the operator asked for.
        services.AddOptions<HostOptions>().Configure<IOptions<FollowUpOptions>>((host, followUps) =>
        {
            var needed = followUps.Value.DrainTimeout + InFlightAllowance;
            if (host.ShutdownTimeout < needed)
                host.ShutdownTimeout = needed;
        });
    }
}
