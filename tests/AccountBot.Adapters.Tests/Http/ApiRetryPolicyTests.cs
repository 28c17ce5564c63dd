using System.Net;
using System.Net.Http.Headers;
using AccountBot.Adapters.Http;
using Microsoft.Extensions.Time.Testing;

namespace AccountBot.Adapters.Tests.Http;

public sealed class ApiRetryPolicyTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 3, 4, 10, 0, 0, TimeSpan.Zero));
    private readonly ApiRetryOptions _options = new()
    {
        MaxRetries = 3, BaseDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(30), MaxTotalWait = TimeSpan.FromSeconds(60),
    };

    [Fact]
    public void NextWait_RetryAfterSeconds_WaitsThatLong()
    {
        using var response = Throttled(new RetryConditionHeaderValue(TimeSpan.FromSeconds(7)));

        Assert.Equal(TimeSpan.FromSeconds(7), Policy(1).NextWait(0, response, TimeSpan.Zero));
    }

    [Fact]
    public void NextWait_RetryAfterDate_WaitsUntilThen()
    {
        using var response = Throttled(new RetryConditionHeaderValue(_time.GetUtcNow().AddSeconds(12)));

        Assert.Equal(TimeSpan.FromSeconds(12), Policy(1).NextWait(0, response, TimeSpan.Zero));
    }

    [Fact]
    public void NextWait_RetryAfterAboveTheBackoffCap_IsHonouredNotShortened()
    {
        using var response = Throttled(new RetryConditionHeaderValue(TimeSpan.FromSeconds(45)));

        Assert.Equal(TimeSpan.FromSeconds(45), Policy(1).NextWait(0, response, TimeSpan.Zero));
    }

    [Theory]
    [InlineData(0, 60, true)]
    [InlineData(0, 61, false)]
    [InlineData(50, 10, true)]
    [InlineData(50, 11, false)]
    public void NextWait_TotalWait_NeverPassesMaxTotalWait(int waitedSeconds, int retryAfterSeconds, bool retried)
    {
        using var response = Throttled(new RetryConditionHeaderValue(TimeSpan.FromSeconds(retryAfterSeconds)));

        var wait = Policy(1).NextWait(1, response, TimeSpan.FromSeconds(waitedSeconds));

        Assert.Equal(retried ? TimeSpan.FromSeconds(retryAfterSeconds) : null, wait);
    }

    [Fact]
    public void NextWait_RequestWithItsOwnSmallerBudget_KeepsToIt()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "https://example.test/views.open");
        ApiRetryPolicy.LimitWait(request, TimeSpan.FromSeconds(2));
        using var twoSeconds = Throttled(new RetryConditionHeaderValue(TimeSpan.FromSeconds(2)));
        using var threeSeconds = Throttled(new RetryConditionHeaderValue(TimeSpan.FromSeconds(3)));

        Assert.Equal(TimeSpan.FromSeconds(2), Policy(1).NextWait(0, twoSeconds, TimeSpan.Zero, request));
        Assert.Null(Policy(1).NextWait(0, threeSeconds, TimeSpan.Zero, request));
    }

    [Fact]
    public void NextWait_RequestWithNoBudget_NeverWaits()
    {
        using var oneSecond = Throttled(new RetryConditionHeaderValue(TimeSpan.FromSeconds(1)));
        ApiRetryPolicy.LimitWait(oneSecond.RequestMessage!, TimeSpan.Zero);

        Assert.Null(Policy(1).NextWait(0, oneSecond, TimeSpan.Zero));
    }

    [Fact]
    public void NextWait_AfterMaxRetries_GivesUp()
    {
        using var response = Throttled(new RetryConditionHeaderValue(TimeSpan.FromSeconds(1)));

        Assert.NotNull(Policy(1).NextWait(2, response, TimeSpan.Zero));
        Assert.Null(Policy(1).NextWait(3, response, TimeSpan.Zero));
    }

    [Theory]
    [InlineData(0, 0.0, 500)]
    [InlineData(0, 1.0, 1000)]
    [InlineData(2, 1.0, 4000)]
    [InlineData(3, 0.5, 6000)]
    [InlineData(9, 1.0, 30000)]
    public void NextWait_NoRetryAfter_ExponentialWithJitterAndCap(int attempt, double jitter, int expectedMs)
    {
        using var response = new HttpResponseMessage(HttpStatusCode.BadGateway);
        _options.MaxRetries = 10;

        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), Policy(jitter).NextWait(attempt, response, TimeSpan.Zero));
    }

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests, true)]
    [InlineData(HttpStatusCode.PreconditionFailed, true)]
    [InlineData(HttpStatusCode.BadGateway, true)]
    [InlineData(HttpStatusCode.GatewayTimeout, true)]
    [InlineData(HttpStatusCode.InternalServerError, false)]
    [InlineData(HttpStatusCode.Forbidden, false)]
    public void IsTransient_Status_MatchesBothPlatformsGuidance(HttpStatusCode status, bool expected)
    {
        Assert.Equal(expected, ApiRetryPolicy.IsTransient(status));
        using var response = new HttpResponseMessage(status);
        Assert.Equal(expected, Policy(1).NextWait(0, response, TimeSpan.Zero) is not null);
    }

    [Fact]
    public void Validate_NamesTheKeyUnderTheSection()
    {
        var options = new ApiRetryOptions { MaxRetries = 11, BaseDelay = TimeSpan.Zero, MaxTotalWait = TimeSpan.FromSeconds(-1) };

        Assert.Equal(
            ["Slack:ApiRetry:MaxRetries must be between 0 and 10.", "Slack:ApiRetry:BaseDelay must be positive and not above Slack:ApiRetry:MaxDelay.", "Slack:ApiRetry:MaxTotalWait must not be negative."],
            options.Validate("Slack:ApiRetry"));
        Assert.Empty(new ApiRetryOptions().Validate("Teams:ConnectorRetry"));
    }

    private ApiRetryPolicy Policy(double jitter) => new(_options, _time, () => jitter);

    private static HttpResponseMessage Throttled(RetryConditionHeaderValue retryAfter)
    {
        var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests) { RequestMessage = new HttpRequestMessage(HttpMethod.Post, "https://example.test/") };
        response.Headers.RetryAfter = retryAfter;
        return response;
    }
}
