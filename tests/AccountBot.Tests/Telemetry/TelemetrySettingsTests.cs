using AccountBot.Tests.Reminders;

namespace AccountBot.Tests.Telemetry;

/// <summary>A wrong OpenTelemetry variable stops the start naming it, instead of a bot that silently exports nothing.</summary>
[Collection(HostBuildingCollection.Name)]
public sealed class TelemetrySettingsTests : IDisposable
{
    private readonly TestHost _hosts = new("otel-settings");

    [Theory]
    [InlineData("OTEL_EXPORTER_OTLP_ENDPOINT", "collector:4317")]
    [InlineData("OTEL_EXPORTER_OTLP_ENDPOINT", "ftp://collector:4317")]
    [InlineData("OTEL_EXPORTER_OTLP_PROTOCOL", "http/json")]
    public void Start_WrongOtelVariable_FailsNamingIt(string key, string value)
    {
        using var host = _hosts.Create(("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:4318"), ("Reminders:Enabled", "false"), (key, value));

        var error = Assert.Throws<InvalidOperationException>(() => host.CreateClient());

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _hosts.Dispose();
}
