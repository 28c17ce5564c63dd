using AccountBot.Teams.Security;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;

namespace AccountBot.Teams.Tests.Security;

public sealed class OptionsValidationTests
{
    private const string AppId = "7f3b2c1d-0e9f-4a8b-9c7d-6e5f4a3b2c1d";

    [Fact]
    public void Validate_NoCredentials_Succeeds()
    {
        Assert.True(new BotCredentialsOptionsValidator().Validate(null, new BotCredentialsOptions()).Succeeded);
    }

    [Fact]
    public void Validate_AppIdWithoutPassword_NamesMicrosoftAppPassword()
    {
        var result = new BotCredentialsOptionsValidator().Validate(null, new BotCredentialsOptions { MicrosoftAppId = AppId });

        Assert.True(result.Failed);
        Assert.Contains("MicrosoftAppPassword", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SingleTenantWithoutTenantId_NamesMicrosoftAppTenantId()
    {
        var options = new BotCredentialsOptions { MicrosoftAppType = BotAppType.SingleTenant, MicrosoftAppId = AppId, MicrosoftAppPassword = "s" };

        var result = new BotCredentialsOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("MicrosoftAppTenantId", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_PasswordWithoutAppId_NamesMicrosoftAppId()
    {
        var result = new BotCredentialsOptionsValidator().Validate(null, new BotCredentialsOptions { MicrosoftAppPassword = "s" });

        Assert.Contains("MicrosoftAppId is required", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_HttpMetadataUrlOffLoopback_NamesOpenIdMetadataUrl()
    {
        var result = new TeamsOptionsValidator().Validate(null, new TeamsOptions { OpenIdMetadataUrl = "http://login.example.com/meta" });

        Assert.Contains("Teams:OpenIdMetadataUrl", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_HttpMetadataUrlOnLoopback_Succeeds()
    {
        Assert.True(new TeamsOptionsValidator().Validate(null, new TeamsOptions { OpenIdMetadataUrl = "http://127.0.0.1:5000/meta" }).Succeeded);
    }

    [Theory]
    [InlineData("contoso.onmicrosoft.com")]
    [InlineData("")]
    public void Validate_AllowedTenantNotAGuid_NamesAllowedTenants(string tenant)
    {
        var options = new TeamsOptions { AllowedTenants = { "72f988bf-86f1-41af-91ab-2d7cd011db47", tenant } };

        var result = new TeamsOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("Teams:AllowedTenants:1", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_AllowedTenantsGuidsOrEmpty_Succeeds()
    {
        Assert.True(new TeamsOptionsValidator().Validate(null, new TeamsOptions()).Succeeded);
        Assert.True(new TeamsOptionsValidator().Validate(null, new TeamsOptions { AllowedTenants = { "72F988BF-86F1-41AF-91AB-2D7CD011DB47" } }).Succeeded);
    }

    [Theory]
    [InlineData("Production", false)]
    [InlineData("Staging", false)]
    [InlineData("Development", true)]
    public void EnsureAllowedIn_BypassSwitchOn_OnlyDevelopmentAllowed(string environmentName, bool allowed)
    {
        var options = new TeamsOptions { DangerouslyAllowUnauthenticatedRequests = true };
        IHostEnvironment environment = new HostingEnvironment { EnvironmentName = environmentName };

        var exception = Record.Exception(() => TeamsOptionsValidation.EnsureAllowedIn(options, environment));

        Assert.Equal(allowed, exception is null);
        Assert.Equal(allowed, new TeamsOptionsValidator(environment).Validate(null, options).Succeeded);
    }

    [Fact]
    public void EnsureAllowedIn_BypassSwitchOff_AllowedInProduction()
    {
        TeamsOptionsValidation.EnsureAllowedIn(new TeamsOptions(), new HostingEnvironment { EnvironmentName = "Production" });
    }
}
