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
}
