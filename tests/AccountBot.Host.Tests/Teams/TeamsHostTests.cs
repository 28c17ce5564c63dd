using System.Net;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Options;

namespace AccountBot.Host.Tests.Teams;

public sealed class TeamsHostTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "accountbot-teams-host-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
            Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void Start_BypassOutsideDevelopment_RefusesNamingTheKey()
    {
        using var host = Host("Production", bypass: true);

        var error = Assert.Throws<OptionsValidationException>(() => host.CreateClient());

        Assert.Contains("Teams:DangerouslyAllowUnauthenticatedRequests", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_BypassInDevelopment_AcceptsTokenlessActivity()
    {
        await using var host = Host("Development", bypass: true);
        using var client = host.CreateClient();

        // A conversationUpdate that does not add the bot: handled without any outbound call.
        using var response = await client.PostAsync(new Uri("/api/messages", UriKind.Relative), Activity("""{"type":"conversationUpdate","channelId":"msteams","serviceUrl":"http://127.0.0.1:9/","conversation":{"id":"a:1"}}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Post_NoBypassNoAppId_Answers401WithoutDetails()
    {
        await using var host = Host("Production", bypass: false);
        using var client = host.CreateClient();

        using var response = await client.PostAsync(new Uri("/api/messages", UriKind.Relative), Activity("""{"type":"message","text":"map Acme","channelId":"msteams","serviceUrl":"http://127.0.0.1:9/","conversation":{"id":"a:1"}}"""));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(string.Empty, await response.Content.ReadAsStringAsync());
    }

    private static StringContent Activity(string json) => new(json, Encoding.UTF8, "application/json");

    private WebApplicationFactory<Program> Host(string environment, bool bypass) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment(environment);
            web.UseSetting("Storage:LiteDb:Path", Path.Combine(_folder, "bot.db"));
            web.UseSetting("Teams:DangerouslyAllowUnauthenticatedRequests", bypass ? "true" : "false");
        });
}
