using System.Reflection;
using AccountBot.Core.FollowUps;
using AccountBot.Core.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using OpenTelemetry.Metrics;

namespace AccountBot.Hosting;

/// <summary>
/// OpenTelemetry, configured the standard way: when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (environment or any
/// configuration source), traces, metrics and logs go there over OTLP, tuned by the other <c>OTEL_*</c> variables
/// (<c>OTEL_EXPORTER_OTLP_PROTOCOL</c>, <c>OTEL_SERVICE_NAME</c>, <c>OTEL_RESOURCE_ATTRIBUTES</c>,
/// <c>OTEL_METRIC_EXPORT_INTERVAL</c>…). When it is not set, no OpenTelemetry SDK and no exporter is registered at
/// all: the bot's meters still exist for <c>dotnet-counters</c>, and nothing leaves the process.
/// </summary>
internal static class TelemetryHostingExtensions
{
    public const string EndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string ProtocolKey = "OTEL_EXPORTER_OTLP_PROTOCOL";
    public const string ServiceNameKey = "OTEL_SERVICE_NAME";
    public const string ResourceAttributesKey = "OTEL_RESOURCE_ATTRIBUTES";

    /// <summary>The <c>service.name</c> when neither <c>OTEL_SERVICE_NAME</c> nor <c>OTEL_RESOURCE_ATTRIBUTES</c> names one.</summary>
    public const string DefaultServiceName = "accountbot";

    public static WebApplicationBuilder AddTelemetry(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        TelemetryStores.Decorate(builder.Services);
        if (string.IsNullOrWhiteSpace(configuration[EndpointKey]))
            return builder;

        Validate(configuration);
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource =>
            {
                // Named in code only when the operator did not name it: the standard variables win.
                if (!NamesService(configuration))
                    resource.AddService(DefaultServiceName, serviceVersion: Version());
            })
            .WithTracing(tracing => tracing
                .AddSource(BotTelemetry.ActivitySourceName)
                .AddAspNetCoreInstrumentation(o => o.EnrichWithHttpResponse = TelemetryRedaction.PathAsRoute)
                .AddHttpClientInstrumentation(o => o.EnrichWithHttpRequestMessage = TelemetryRedaction.UrlWithoutSecrets))
            .WithMetrics(metrics => metrics
                .AddMeter(BotTelemetry.MeterName, FollowUpQueue.MeterName)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation())
            .WithLogging(configureBuilder: null, configureOptions: o => o.IncludeFormattedMessage = true)
            .UseOtlpExporter();
        return builder;
    }

    private static bool NamesService(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration[ServiceNameKey])
        || (configuration[ResourceAttributesKey] ?? "").Split(',').Any(a => a.Trim().StartsWith("service.name=", StringComparison.Ordinal));

    private static string? Version() =>
        typeof(TelemetryHostingExtensions).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;

    /// <summary>Fails the start with the key to fix, rather than an exporter error later (or silently nothing exported).</summary>
    private static void Validate(IConfiguration configuration)
    {
        var endpoint = configuration[EndpointKey]!;
        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            throw new InvalidOperationException($"{EndpointKey} '{endpoint}' is not an http(s) URL: set it to the collector, e.g. http://localhost:4317 (grpc) or http://localhost:4318 (http/protobuf).");

        var protocol = configuration[ProtocolKey];
        if (!string.IsNullOrWhiteSpace(protocol) && protocol is not ("grpc" or "http/protobuf"))
            throw new InvalidOperationException($"{ProtocolKey} '{protocol}' is not supported: use grpc (the default) or http/protobuf.");
    }
}
