using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace AccountBot.Adapters.Http;

/// <summary>Puts <see cref="ApiRetryPolicy"/> on a platform client's HttpClient, the same way for both platforms.</summary>
public static class ApiRetryHttpClientBuilderExtensions
{
    private static readonly ResiliencePropertyKey<TimeSpan> Waited = new("AccountBot.ApiRetry.Waited");
    private static readonly ResiliencePropertyKey<TimeSpan> Next = new("AccountBot.ApiRetry.Next");

    /// <summary>
    /// Adds the retry handler named <paramref name="name"/>; handlers added after it (such as the call metrics) are
    /// inside it and see every attempt. Waits use the container's <see cref="TimeProvider"/>.
    /// </summary>
    /// <param name="options">Reads the client's <see cref="ApiRetryOptions"/> from its validated options.</param>
    public static IHttpClientBuilder AddApiRetry(this IHttpClientBuilder builder, string name, Func<IServiceProvider, ApiRetryOptions> options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        builder.AddResilienceHandler(name, (pipeline, context) =>
        {
            var time = context.ServiceProvider.GetRequiredService<TimeProvider>();
            var policy = new ApiRetryPolicy(options(context.ServiceProvider), time);
            if (policy.Options.MaxRetries == 0)
                return;
            pipeline.TimeProvider = time;
            pipeline.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = policy.Options.MaxRetries,
                ShouldRetryAfterHeader = false,
                // The policy decides here, where giving up is still possible; the delay generator only reads its answer.
                ShouldHandle = args =>
                {
                    if (args.Outcome.Result is not { } response)
                        return ValueTask.FromResult(false);
                    var waited = args.Context.Properties.GetValue(Waited, TimeSpan.Zero);
                    if (policy.NextWait(args.AttemptNumber, response, waited, args.Context.GetRequestMessage()) is not { } wait)
                        return ValueTask.FromResult(false);
                    args.Context.Properties.Set(Next, wait);
                    args.Context.Properties.Set(Waited, waited + wait);
                    return ValueTask.FromResult(true);
                },
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(args.Context.Properties.GetValue(Next, TimeSpan.Zero)),
            });
        });
        return builder;
    }
}
