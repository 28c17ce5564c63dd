using System.Net;
using AccountBot.Hosting;
using AccountBot.Storage.LiteDb;
using AccountBot.Host.Tests.Reminders;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace AccountBot.Host.Tests.Operations;

/// <summary><c>/healthz</c> and <c>/readyz</c> as a container platform sees them.</summary>
[Collection(HostBuildingCollection.Name)]
public sealed class ProbeTests : IDisposable
{
    private readonly TestHost hosts = new("probes");

    public void Dispose() => hosts.Dispose();

    [Fact]
    public async Task Readyz_StartedHost_ReadyAnd200()
    {
        await using var host = hosts.Create();
        using var client = host.CreateClient();

        using var ready = await client.GetAsync(new Uri("/readyz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("ready", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Readyz_DatabaseClosed_503NamingTheDatabaseWhileHealthzStaysOk()
    {
        await using var host = hosts.Create();
        using var client = host.CreateClient();
        host.Services.GetRequiredService<LiteDbContext>().Dispose();

        using var ready = await client.GetAsync(new Uri("/readyz", UriKind.Relative));
        using var health = await client.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("not ready\ndatabase: the database does not answer a read", await ready.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task ReadinessChecks_BeforeStartAfterStartAndStopping_NotReadyReadyNotReady()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Configuration["Storage:LiteDb:Path"] = hosts.DatabasePath;
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddAccountBot();
        await using var app = builder.Build();
        app.MapAccountBot();
        var checks = app.Services.GetRequiredService<HealthCheckService>();

        var before = await checks.CheckHealthAsync();
        await app.StartAsync();
        var started = await checks.CheckHealthAsync();
        app.Services.GetRequiredService<IHostApplicationLifetime>().StopApplication();
        var stopping = await checks.CheckHealthAsync();
        await app.StopAsync();

        Assert.Equal(HealthStatus.Unhealthy, before.Status);
        Assert.Equal("the database is not open yet", before.Entries["database"].Description);
        Assert.Equal("starting", before.Entries["host"].Description);
        Assert.Equal(HealthStatus.Healthy, started.Status);
        Assert.Equal(HealthStatus.Unhealthy, stopping.Status);
        Assert.Equal("stopping", stopping.Entries["host"].Description);
    }
}
