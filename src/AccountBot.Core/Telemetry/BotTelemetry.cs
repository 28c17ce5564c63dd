using System.Diagnostics;

namespace AccountBot.Core.Telemetry;

/// <summary>
/// The names the bot's own telemetry is published under, and its spans' source. The instruments are in
/// <see cref="BotMetrics"/>; the follow-up queue's depth gauge keeps its own meter
/// (<see cref="FollowUps.FollowUpQueue.MeterName"/>).
/// </summary>
public static class BotTelemetry
{
    /// <summary>The meter of <see cref="BotMetrics"/> (<c>dotnet-counters monitor --counters AccountBot</c>).</summary>
    public const string MeterName = "AccountBot";

    /// <summary>The source of the bot's own spans (one per command).</summary>
    public const string ActivitySourceName = "AccountBot";

    /// <summary>Slack or Teams, in lower case.</summary>
    public const string PlatformAttribute = "accountbot.platform";

    /// <summary>The command's verb (<see cref="CommandVerb"/>).</summary>
    public const string VerbAttribute = "accountbot.command.verb";

    /// <summary>The platform API call's operation: a Slack Web API method, or a Bot Connector route with its ids left out.</summary>
    public const string OperationAttribute = "accountbot.api.operation";

    /// <summary>The storage port (<c>IAccountMapStore</c>…) a store call went through.</summary>
    public const string StoreAttribute = "accountbot.store";

    /// <summary>The method of the storage port.</summary>
    public const string StoreOperationAttribute = "accountbot.store.operation";

    /// <summary>The span of one command; static like every <see cref="ActivitySource"/>, which listeners find by name.</summary>
    public static readonly ActivitySource Source = new(ActivitySourceName);
}
