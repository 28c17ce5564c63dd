using AccountBot.Adapters.FollowUps;
using AccountBot.Core.Reminders;
using AccountBot.Slack.WebApi;

namespace AccountBot.Slack.Bot;

/// <summary>
/// How a Slack Web API call that delivers something from the reminder outbox (a digest, a nudge) ends, for the outbox:
/// a 429 is a throttle whose Retry-After goes to the outbox (the call is not held open to wait it out), an error named
/// in the sender's <c>permanent</c> set is permanent, any other Slack error (5xx, internal_error, unreadable answers)
/// is tried again later, no connection is unreachable, and the HttpClient's own timeout is unknown (Slack may have
/// posted it).
/// </summary>
internal static class SlackDelivery
{
    public static async Task<DeliveryResult> TryAsync(Func<Task<DeliveryResult>> send, IReadOnlySet<string> permanent, CancellationToken cancellationToken)
    {
        try
        {
            return await send();
        }
        catch (SlackApiException e) when (e.Error == "ratelimited")
        {
            return DeliveryResult.Throttle(e.Error, e.RetryAfter);
        }
        catch (SlackApiException e) when (permanent.Contains(e.Error))
        {
            return DeliveryResult.Permanent(e.Error);
        }
        catch (SlackApiException e)
        {
            return DeliveryResult.RetryLater(e.Error);
        }
        catch (HttpRequestException e)
        {
            return DeliveryResult.Unreachable(e, "Slack");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return DeliveryResult.Unknown("timeout");
        }
    }

    /// <summary>
    /// The one place a follow-up post's failure is sorted (an announcement, a response_url answer): throttled or
    /// unavailable goes back on the follow-up queue with Slack's Retry-After (it posted nothing, so sending it again
    /// cannot duplicate it); anything else Slack refused is only <paramref name="refused"/> (logged: the change it
    /// reports is already stored).
    /// </summary>
    public static async Task RetryIfTransientAsync(Func<Task> send, Action<SlackApiException> refused)
    {
        try
        {
            await send();
        }
        catch (Exception e) when (e is SlackApiException { IsTransient: true } or HttpRequestException)
        {
            throw new FollowUpRetryException((e as SlackApiException)?.RetryAfter, "Slack is throttling or unavailable.", e);
        }
        catch (SlackApiException e)
        {
            refused(e);
        }
    }
}
