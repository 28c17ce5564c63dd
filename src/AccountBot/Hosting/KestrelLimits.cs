using AccountBot.Slack.Hosting;
using AccountBot.Teams;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace AccountBot.Hosting;

/// <summary>
/// Request limits for the whole server. Kestrel would take 30 MB bodies; the largest request AccountBot reads is a
/// Teams activity (<c>Teams:MaxRequestBodyBytes</c>, 256 KB), so anything above 1 MB is refused (413) before an
/// endpoint sees it. Header limits stay at Kestrel's: 32 KB of headers, 100 headers, an 8 KB request line.
/// Override with <c>Kestrel:Limits:MaxRequestBodySize</c>; it may not be below an endpoint's own limit.
/// </summary>
internal sealed class KestrelLimits(IOptions<TeamsOptions> teams, IOptions<SlackOptions> slack) : IValidateOptions<KestrelServerOptions>
{
    public const string BodySizeKey = "Kestrel:Limits:MaxRequestBodySize";
    public const long DefaultMaxRequestBodySize = 1024 * 1024;

    public static void Configure(WebApplicationBuilder builder)
    {
        // Read here rather than left to Kestrel's own binding of its section, so the value is the same whichever server runs.
        builder.WebHost.ConfigureKestrel((context, kestrel) =>
            kestrel.Limits.MaxRequestBodySize = context.Configuration.GetValue<long?>(BodySizeKey) ?? DefaultMaxRequestBodySize);
        builder.Services.AddOptions<KestrelServerOptions>().ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<KestrelServerOptions>, KestrelLimits>();
    }

    public ValidateOptionsResult Validate(string? name, KestrelServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var largest = Math.Max(teams.Value.MaxRequestBodyBytes, slack.Value.MaxRequestBodyBytes);
        return options.Limits.MaxRequestBodySize switch
        {
            null => ValidateOptionsResult.Fail($"{BodySizeKey} must be set (the server would accept bodies of any size); the default is {DefaultMaxRequestBodySize}."),
            < 0 => ValidateOptionsResult.Fail($"{BodySizeKey} must be positive."),
            var size when size < largest => ValidateOptionsResult.Fail($"{BodySizeKey} ({size}) must be at least Teams:MaxRequestBodyBytes and Slack:MaxRequestBodyBytes ({largest})."),
            _ => ValidateOptionsResult.Success,
        };
    }
}
