namespace AccountBot.Pictures;

/// <summary>Says once at start-up whether pictures are served, and why not when they are not.</summary>
internal sealed partial class PictureStartupLog(PictureAvailability availability, ILogger<PictureStartupLog> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (availability.Reason is { } reason)
        {
            PicturesOff(logger, reason);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Reason}")]
    private static partial void PicturesOff(ILogger logger, string reason);
}
