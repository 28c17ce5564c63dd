using System.Globalization;
using System.Text;
using System.Text.Json;
using AccountBot.Slack.Security;
using AccountBot.Testing.Slack;
using Microsoft.Extensions.Time.Testing;

namespace AccountBot.Slack.Tests.Security;

public sealed partial class SlackSignatureVerifierTests
{
    private const string Secret = "8f742231b10e8888abcd99yyyzzz85a5";
    private const string Body = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&command=%2Fmap&text=Acme+Corp";

    private readonly FakeTimeProvider _time = new(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000));
    private readonly SlackSignatureVerifier _verifier;
    private readonly SlackRequestSigner _signer;

    public SlackSignatureVerifierTests()
    {
        _verifier = new SlackSignatureVerifier(_time);
        _signer = new SlackRequestSigner(Secret, _time);
    }

    private string Now => _signer.NowSeconds.ToString(CultureInfo.InvariantCulture);

    private SlackSignatureResult Verify(string? timestamp, string? signature, string body = Body) =>
        _verifier.Verify(Secret, timestamp, signature, Encoding.UTF8.GetBytes(body));

    [Fact]
    public void Verify_SignedLikeSlack_IsValid()
    {
        Assert.Equal(SlackSignatureStatus.Valid, Verify(Now, _signer.Sign(Now, Body)).Status);
    }

    [Fact]
    public void Verify_KnownSlackDocumentationVector_IsValid()
    {
        // The worked example from Slack's "Verifying requests from Slack" page.
        var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1531420618));
        const string body = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
        var result = new SlackSignatureVerifier(time).Verify(
            "8f742231b10e8888abcd99yyyzzz85a5", "1531420618",
            "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503", Encoding.UTF8.GetBytes(body));
        Assert.True(result.IsValid);
    }

    [Fact]
    public void Verify_SignedWithAnotherSecret_IsMismatch()
    {
        var other = new SlackRequestSigner("another-secret", _time);
        Assert.Equal(SlackSignatureStatus.Mismatch, Verify(Now, other.Sign(Now, Body)).Status);
    }

    [Fact]
    public void Verify_TamperedBody_IsMismatch()
    {
        var signature = _signer.Sign(Now, Body);
        Assert.Equal(SlackSignatureStatus.Mismatch, Verify(Now, signature, Body.Replace("Acme", "Evil", StringComparison.Ordinal)).Status);
    }

    [Fact]
    public void Verify_UppercaseHex_IsMismatch()
    {
        // Slack writes lowercase hex and bolt compares strings; accepting other spellings would disagree with bolt.
        var signature = "v0=" + _signer.Sign(Now, Body)[3..].ToUpperInvariant();
        Assert.Equal(SlackSignatureStatus.Mismatch, Verify(Now, signature).Status);
    }

    [Theory]
    [InlineData(-301, SlackSignatureStatus.StaleTimestamp)]
    [InlineData(-300, SlackSignatureStatus.Valid)]
    [InlineData(300, SlackSignatureStatus.Valid)]
    [InlineData(301, SlackSignatureStatus.FutureTimestamp)]
    [InlineData(-86_400, SlackSignatureStatus.StaleTimestamp)]
    public void Verify_TimestampOffsetFromNow_AcceptsOnlyWithinFiveMinutes(int offsetSeconds, SlackSignatureStatus expected)
    {
        var ts = (_signer.NowSeconds + offsetSeconds).ToString(CultureInfo.InvariantCulture);
        Assert.Equal(expected, Verify(ts, _signer.Sign(ts, Body)).Status);
    }

    [Theory]
    [InlineData(null, "v0=abc")]
    [InlineData("", "v0=abc")]
    [InlineData("1700000000", null)]
    [InlineData("1700000000", "")]
    public void Verify_MissingHeaders_IsMissingHeaders(string? timestamp, string? signature)
    {
        Assert.Equal(SlackSignatureStatus.MissingHeaders, Verify(timestamp, signature).Status);
    }

    [Fact]
    public void Verify_WrongVersionPrefix_IsUnsupportedVersion()
    {
        var signature = "v1=" + _signer.Sign(Now, Body)[3..];
        Assert.Equal(SlackSignatureStatus.UnsupportedVersion, Verify(Now, signature).Status);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("1.7e9")]
    [InlineData("-1700000000")]
    [InlineData(" 1700000000")]
    [InlineData("99999999999999999999999")]
    public void Verify_NonNumericTimestamp_IsInvalidTimestamp(string timestamp)
    {
        Assert.Equal(SlackSignatureStatus.InvalidTimestamp, Verify(timestamp, _signer.Sign(timestamp, Body)).Status);
    }

    [Fact]
    public void Verify_NonAsciiBody_IsValid()
    {
        const string body = "{\"text\":\"Grüße — 日本 🚀\"}";
        Assert.True(Verify(Now, _signer.Sign(Now, body), body).IsValid);
    }

    [Fact]
    public async Task Verify_CasesFromOurSignerAndVerifier_BoltsVerifierAgrees()
    {
        // Each case: our signer produced the signature and our verifier judged it; bolt must reach the same verdict.
        // A future timestamp is left out on purpose: bolt only rejects stale ones (see SlackSignatureVerifier).
        var now = _signer.NowSeconds;
        var ts = now.ToString(CultureInfo.InvariantCulture);
        var stale = (now - 301).ToString(CultureInfo.InvariantCulture);
        var cases = new (string Name, string Timestamp, string Body, string Signature)[]
        {
            ("valid-form", ts, Body, _signer.Sign(ts, Body)),
            ("valid-json-unicode", ts, "{\"type\":\"event_callback\",\"text\":\"Grüße 🚀\"}", _signer.Sign(ts, "{\"type\":\"event_callback\",\"text\":\"Grüße 🚀\"}")),
            ("valid-edge-of-window", (now - 300).ToString(CultureInfo.InvariantCulture), Body, _signer.Sign((now - 300).ToString(CultureInfo.InvariantCulture), Body)),
            ("tampered", ts, Body + "x", _signer.Sign(ts, Body)),
            ("wrong-secret", ts, Body, new SlackRequestSigner("nope", _time).Sign(ts, Body)),
            ("stale", stale, Body, _signer.Sign(stale, Body)),
            ("wrong-version", ts, Body, "v1=" + _signer.Sign(ts, Body)[3..]),
        };

        var dir = Directory.CreateTempSubdirectory("slack-signature-");
        try
        {
            var files = new List<string>();
            foreach (var (name, timestamp, body, signature) in cases)
            {
                var ours = Verify(timestamp, signature, body);
                var path = Path.Combine(dir.FullName, name + ".json");
                await File.WriteAllTextAsync(path, JsonSerializer.Serialize(new Dictionary<string, object>
                {
                    ["signingSecret"] = Secret,
                    ["timestamp"] = timestamp,
                    ["body"] = body,
                    ["signature"] = signature,
                    ["expectValid"] = ours.IsValid,
                    ["nowSeconds"] = now,
                }));
                files.Add(path);
            }

            Assert.Equal(3, cases.Count(c => Verify(c.Timestamp, c.Signature, c.Body).IsValid));
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
            var result = await SlackContractCheck.RunAsync("slack-signature", files, timeout.Token);
            Assert.True(result.ExitCode == 0, result.Output);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Verify_WrongSignatureClaimedValid_BoltsVerifierDisagrees()
    {
        // Proves the cross-check can fail: a case that calls a signature made with another secret valid.
        var dir = Directory.CreateTempSubdirectory("slack-signature-");
        try
        {
            var path = Path.Combine(dir.FullName, "wrong-claimed-valid.json");
            await File.WriteAllTextAsync(path, JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["signingSecret"] = Secret,
                ["timestamp"] = Now,
                ["body"] = Body,
                ["signature"] = new SlackRequestSigner("another-secret", _time).Sign(Now, Body),
                ["expectValid"] = true,
            }));

            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
            var result = await SlackContractCheck.RunAsync("slack-signature", [path], timeout.Token);

            Assert.NotEqual(0, result.ExitCode);
            Assert.Contains("FAIL " + path, result.Output, StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
