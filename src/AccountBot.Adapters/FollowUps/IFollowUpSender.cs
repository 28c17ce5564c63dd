namespace AccountBot.Adapters.FollowUps;

/// <summary>
/// Sends one kind of <see cref="FollowUpStep"/>; registered as a keyed service under its kind. Throws
/// <see cref="FollowUpRetryException"/> when the platform throttled or failed transiently and nothing was sent.
/// </summary>
public interface IFollowUpSender
{
    Task SendAsync(string payload, CancellationToken cancellationToken);
}
