using System.Net;
using System.Net.Http.Headers;
using AccountBot.Core.Http;
using Microsoft.Extensions.Time.Testing;

namespace AccountBot.Core.Tests.Http;

public sealed class RetryAfterHeaderTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Read_Seconds_IsThatWait()
    {
        using var response = Throttled(new RetryConditionHeaderValue(TimeSpan.FromSeconds(10)));
        Assert.Equal(TimeSpan.FromSeconds(10), RetryAfterHeader.Read(response, _time));
    }

    [Fact]
    public void Read_HttpDate_IsTheTimeUntilThen()
    {
        using var response = Throttled(new RetryConditionHeaderValue(_time.GetUtcNow().AddSeconds(12)));
        Assert.Equal(TimeSpan.FromSeconds(12), RetryAfterHeader.Read(response, _time));
    }

    [Fact]
    public void Read_DateAlreadyPast_IsNoWait()
    {
        using var response = Throttled(new RetryConditionHeaderValue(_time.GetUtcNow().AddSeconds(-30)));
        Assert.Equal(TimeSpan.Zero, RetryAfterHeader.Read(response, _time));
    }

    [Fact]
    public void Read_NoHeaderOrNoResponse_IsNull()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        Assert.Null(RetryAfterHeader.Read(response, _time));
        Assert.Null(RetryAfterHeader.Read(null, _time));
    }

    private static HttpResponseMessage Throttled(RetryConditionHeaderValue retryAfter)
    {
        var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter = retryAfter;
        return response;
    }
}
