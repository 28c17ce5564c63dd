namespace AccountBot.Core.Features.Csv;

/// <summary>
/// The key two profile addresses of the same person share: host without <c>www.</c>, path without trailing slash,
/// both lower case; scheme, query and fragment dropped. <c>HTTP://WWW.LinkedIn.com/in/JaneDoe/?trk=x</c> and
/// <c>https://linkedin.com/in/janedoe</c> give the same key. Null for an empty or unreadable address.
/// </summary>
public static class ProfileUrlKey
{
    public static string? Of(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
            return null;
        var text = url.Trim();
        if (!text.Contains("://", StringComparison.Ordinal))
            text = "https://" + text;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Host.Length == 0)
            return null;
        var host = uri.Host.ToLowerInvariant();
        if (host.StartsWith("www.", StringComparison.Ordinal))
            host = host[4..];
        var path = Uri.UnescapeDataString(uri.AbsolutePath).TrimEnd('/').ToLowerInvariant();
        return host + path;
    }
}
