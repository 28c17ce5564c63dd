using System.Diagnostics;
using System.Globalization;
using AccountBot.Core.Accounts;
using AccountBot.Core.Telemetry;

namespace AccountBot.Adapters.Http;

/// <summary>
/// Measures every request a platform client sends (<see cref="BotMetrics.ApiCall"/>): added to the Slack and Bot
/// Connector HttpClients inside their retry handlers, so each attempt is counted, a 429 as a throttle, and a request
/// the retry handler sends again as a retry.
/// </summary>
/// <param name="operation">Names the call from its URL without ids or tokens (a Slack method, a connector route).</param>
public sealed class ApiCallMetricsHandler(BotMetrics metrics, Platform platform, Func<Uri, string> operation) : DelegatingHandler
{
    // A resilience pipeline sends the same request message again; a mark on it tells a retry from a first attempt.
    private static readonly HttpRequestOptionsKey<bool> Sent = new("AccountBot.Telemetry.Sent");

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var retry = request.Options.TryGetValue(Sent, out var sent) && sent;
        request.Options.Set(Sent, true);
        return metrics.ApiCallsMeasured ? MeasuredAsync(request, retry, cancellationToken) : base.SendAsync(request, cancellationToken);
    }

    private async Task<HttpResponseMessage> MeasuredAsync(HttpRequestMessage request, bool retry, CancellationToken cancellationToken)
    {
        var name = request.RequestUri is { } uri ? operation(uri) : "unknown";
        var start = Stopwatch.GetTimestamp();
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var status = (int)response.StatusCode;

            // As OpenTelemetry's HTTP conventions have it: a 4xx or 5xx is an error named by its status code.
            var error = response.IsSuccessStatusCode ? null : status.ToString(CultureInfo.InvariantCulture);
            metrics.ApiCall(platform, name, request.Method.Method, status, error, Stopwatch.GetElapsedTime(start), retry);
            return response;
        }
        catch (Exception e)
        {
            metrics.ApiCall(platform, name, request.Method.Method, null, e is OperationCanceledException ? "canceled" : e.GetType().Name, Stopwatch.GetElapsedTime(start), retry);
            throw;
        }
    }
}
