using AccountBot.Core.Reminders;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AccountBot.Host.Tests.Reminders;

/// <summary>Reminder delivery as the host composes it: options validated at start-up, runner and scheduler registered.</summary>
[Collection(HostBuildingCollection.Name)]
public sealed class ReminderHostTests : IDisposable
{
    private readonly TestHost hosts = new("reminder-host-tests");

    public void Dispose() => hosts.Dispose();

    private WebApplicationFactory<Program> Host(params (string Key, string? Value)[] settings) => hosts.Create(settings);

    [Theory]
    [InlineData("Reminders:MaxParallelSends", "0")]
    [InlineData("Reminders:MaxAttempts", "0")]
    [InlineData("Reminders:RetryBaseDelay", "-00:01:00")]
    [InlineData("Reminders:PollInterval", "00:00:00")]
    public void Start_InvalidDeliveryOption_FailsNamingTheKey(string key, string value)
    {
        using var host = Host((key, value));

        var error = Assert.Throws<OptionsValidationException>(() => host.CreateClient());

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_DeliveryOptions_BoundFromTheRemindersSectionNextToTheSchedule()
    {
        using var host = Host(("Reminders:Enabled", "false"), ("Reminders:MaxParallelSends", "2"), ("Reminders:Schedule", "30 8 * * FRI"));
        using var client = host.CreateClient();

        var delivery = host.Services.GetRequiredService<ReminderDeliveryOptions>();
        var schedule = host.Services.GetRequiredService<ReminderOptions>();

        Assert.False(delivery.Enabled);
        Assert.Equal(2, delivery.MaxParallelSends);
        Assert.Equal("30 8 * * FRI", schedule.Schedule);
        Assert.NotNull(host.Services.GetRequiredService<ReminderRunner>());
    }
}
