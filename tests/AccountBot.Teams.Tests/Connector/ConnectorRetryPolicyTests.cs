using System.Net;
using System.Net.Http.Headers;
using AccountBot.Teams.Connector;
using Microsoft.Extensions.Time.Testing;

namespace AccountBot.Teams.Tests.Connector;

public sealed class ConnectorRetryPolicyTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 3, 4, 10, 0, 0, TimeSpan.Zero));
    private readonly ConnectorRetryOptions _options = new() { BaseDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(30) };

    [Fact]
    public void GetDelay_RetryAfterSeconds_WaitsThatLong()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(7));

        Assert.Equal(TimeSpan.FromSeconds(7), new ConnectorRetryPolicy(_options, _time, () => 1).GetDelay(0, response));
    }

    [Fact]
    public void GetDelay_RetryAfterDate_WaitsUntilThen()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter = new RetryConditionHeaderValue(_time.GetUtcNow().AddSeconds(12));

        Assert.Equal(TimeSpan.FromSeconds(12), new ConnectorRetryPolicy(_options, _time, () => 1).GetDelay(0, response));
    }

    [Fact]
    public void GetDelay_RetryAfterAboveCap_IsCapped()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromMinutes(10));

        Assert.Equal(TimeSpan.FromSeconds(30), new ConnectorRetryPolicy(_options, _time, () => 1).GetDelay(0, response));
    }

    [Theory]
    [InlineData(0, 0.0, 500)]
    [InlineData(0, 1.0, 1000)]
    [InlineData(2, 1.0, 4000)]
    [InlineData(3, 0.5, 6000)]
    [InlineData(10, 1.0, 30000)]
    public void GetDelay_NoRetryAfter_ExponentialWithJitterAndCap(int attempt, double jitter, int expectedMs)
    {
        using var response = new HttpResponseMessage(HttpStatusCode.BadGateway);

        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), new ConnectorRetryPolicy(_options, _time, () => jitter).GetDelay(attempt, response));
    }

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests, true)]
    [InlineData(HttpStatusCode.PreconditionFailed, true)]
    [InlineData(HttpStatusCode.BadGateway, true)]
    [InlineData(HttpStatusCode.GatewayTimeout, true)]
    [InlineData(HttpStatusCode.InternalServerError, false)]
    [InlineData(HttpStatusCode.Forbidden, false)]
    public void IsTransient_Status_MatchesTeamsGuidance(HttpStatusCode status, bool expected)
    {
        Assert.Equal(expected, ConnectorRetryPolicy.IsTransient(status));
    }
}
