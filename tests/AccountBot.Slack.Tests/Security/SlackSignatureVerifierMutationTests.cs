using System.Globalization;
using System.Text;
using AccountBot.Slack.Security;

namespace AccountBot.Slack.Tests.Security;

/// <summary>
/// Signatures that are almost right. Each one is refused only if the whole signature is compared: a verifier that
/// compared a prefix, ignored the length or stopped at the first differing byte would accept it (issue #18).
/// </summary>
public sealed partial class SlackSignatureVerifierTests
{
    private string Signature => _signer.Sign(Now, Body);

    private SlackSignatureStatus Verify(string signature) =>
        _verifier.Verify(Secret, Now, signature, Encoding.UTF8.GetBytes(Body)).Status;

    /// <summary>The signature with the hex digit at <paramref name="index"/> replaced by another hex digit.</summary>
    private static string FlipDigit(string signature, int index)
    {
        var digit = signature[index] == '0' ? '1' : '0';
        return string.Concat(signature.AsSpan(0, index), digit.ToString(), signature.AsSpan(index + 1));
    }

    [Fact]
    public void Verify_LastHexDigitFlipped_IsMismatch()
    {
        Assert.Equal(SlackSignatureStatus.Mismatch, Verify(FlipDigit(Signature, Signature.Length - 1)));
    }

    [Fact]
    public void Verify_FirstHexDigitFlipped_IsMismatch()
    {
        Assert.Equal(SlackSignatureStatus.Mismatch, Verify(FlipDigit(Signature, SlackSignatureVerifier.VersionPrefix.Length)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(32)]
    [InlineData(63)]
    public void Verify_TruncatedSignature_IsMismatch(int digitsKept)
    {
        Assert.Equal(SlackSignatureStatus.Mismatch, Verify(Signature[..(SlackSignatureVerifier.VersionPrefix.Length + digitsKept)]));
    }

    [Fact]
    public void Verify_PrefixOnly_IsMismatch()
    {
        Assert.Equal(SlackSignatureStatus.Mismatch, Verify(SlackSignatureVerifier.VersionPrefix));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("00")]
    [InlineData(" ")]
    public void Verify_OverLongSignature_IsMismatch(string tail)
    {
        Assert.Equal(SlackSignatureStatus.Mismatch, Verify(Signature + tail));
    }

    [Fact]
    public void Verify_SignatureTwice_IsMismatch()
    {
        Assert.Equal(SlackSignatureStatus.Mismatch, Verify(Signature + Signature[SlackSignatureVerifier.VersionPrefix.Length..]));
    }

    [Fact]
    public void Verify_ValidSignatureOfAnotherTimestamp_IsMismatch()
    {
        // The timestamp is part of what is signed: a signature cannot be moved to a fresher timestamp.
        var earlier = (_signer.NowSeconds - 1).ToString(CultureInfo.InvariantCulture);
        Assert.Equal(SlackSignatureStatus.Mismatch, Verify(_signer.Sign(earlier, Body)));
    }

    [Fact]
    public void Verify_EmptySigningSecret_Throws()
    {
        // A missing secret is a configuration error, never "every signature is fine".
        Assert.ThrowsAny<ArgumentException>(() => _verifier.Verify(string.Empty, Now, Signature, Encoding.UTF8.GetBytes(Body)));
    }
}
