using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using AccountBot.Slack.Endpoints;
using AccountBot.Slack.Hosting;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AccountBot.Slack.Tests.Endpoints;

/// <summary>
/// The OAuth state's rules one by one: where it expires to the second, that it is signed exactly as documented
/// (so the key cannot silently change), and that it needs the client secret.
/// </summary>
public sealed class SlackOAuthStateMutationTests
{
    private const string ClientSecret = "client-secret-abc";
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private readonly FakeTimeProvider _time = new(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000));

    private SlackOAuthState State(string? clientSecret = ClientSecret) =>
        new(Options.Create(new SlackOptions { ClientSecret = clientSecret, InstallStateLifetime = Lifetime }), _time);

    /// <summary>A state built by hand from the documented scheme, independent of the production code.</summary>
    private static string SignedByHand(long expires, string nonce, string secret = ClientSecret)
    {
        var payload = expires.ToString(CultureInfo.InvariantCulture) + "." + nonce;
        var key = SHA256.HashData(Encoding.UTF8.GetBytes("accountbot-slack-oauth-state:" + secret));
        return payload + "." + WebEncoders.Base64UrlEncode(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(payload)));
    }

    private long NowSeconds => _time.GetUtcNow().ToUnixTimeSeconds();

    [Fact]
    public void IsValid_AtTheLastSecondOfItsLifetime_IsTrue()
    {
        var state = State();
        var value = state.Create();

        _time.Advance(Lifetime);

        Assert.True(state.IsValid(value, value));
    }

    [Fact]
    public void IsValid_OneSecondAfterItsLifetime_IsFalse()
    {
        var state = State();
        var value = state.Create();

        _time.Advance(Lifetime + TimeSpan.FromSeconds(1));

        Assert.False(state.IsValid(value, value));
    }

    [Fact]
    public void Create_ExpiresOneLifetimeFromNow()
    {
        var value = State().Create();

        Assert.Equal(NowSeconds + (long)Lifetime.TotalSeconds, long.Parse(value.Split('.')[0], CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Create_TwoStates_DifferInTheirNonce()
    {
        var state = State();

        Assert.NotEqual(state.Create().Split('.')[1], state.Create().Split('.')[1]);
    }

    [Fact]
    public void IsValid_StateSignedByHandAsDocumented_IsTrue()
    {
        var value = SignedByHand(NowSeconds + 60, "bm9uY2U");

        Assert.True(State().IsValid(value, value));
        Assert.Equal(value, SignedByHand(NowSeconds + 60, "bm9uY2U"));
    }

    [Fact]
    public void Create_IsSignedAsDocumented()
    {
        var parts = State().Create().Split('.');

        Assert.Equal(3, parts.Length);
        Assert.Equal(
            SignedByHand(long.Parse(parts[0], CultureInfo.InvariantCulture), parts[1]),
            string.Join('.', parts));
    }

    [Fact]
    public void IsValid_SignedWithAnotherClientSecret_IsFalse()
    {
        var value = SignedByHand(NowSeconds + 60, "bm9uY2U", "another-secret");

        Assert.False(State().IsValid(value, value));
    }

    [Fact]
    public void IsValid_NonceChangedAfterSigning_IsFalse()
    {
        var parts = SignedByHand(NowSeconds + 60, "bm9uY2U").Split('.');
        var value = $"{parts[0]}.bm9uY2V.{parts[2]}";

        Assert.False(State().IsValid(value, value));
    }

    [Theory]
    [InlineData("")]
    [InlineData(".extra")]
    public void IsValid_NotThreeParts_IsFalse(string suffix)
    {
        var signed = SignedByHand(NowSeconds + 60, "bm9uY2U");
        var value = suffix.Length == 0 ? signed[..signed.LastIndexOf('.')] : signed + suffix;

        Assert.False(State().IsValid(value, value));
    }

    [Fact]
    public void IsValid_StateButNoCookie_IsFalse()
    {
        var state = State();
        var value = state.Create();

        Assert.False(state.IsValid(value, null));
        Assert.False(state.IsValid(value, string.Empty));
        Assert.False(state.IsValid(null, value));
        Assert.False(state.IsValid(string.Empty, value));
    }

    [Fact]
    public void IsValid_CookieOfAnotherValidState_IsFalse()
    {
        var state = State();

        Assert.False(state.IsValid(state.Create(), state.Create()));
    }

    [Fact]
    public void Create_WithoutClientSecret_Throws()
    {
        // Never a state signed with a key derived from nothing, which anyone could forge.
        var error = Assert.Throws<InvalidOperationException>(() => State(clientSecret: null).Create());
        Assert.Contains("Slack:ClientSecret", error.Message, StringComparison.Ordinal);
    }
}
