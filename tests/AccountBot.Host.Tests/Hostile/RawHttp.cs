using System.Globalization;
using System.Text;

namespace AccountBot.Host.Tests.Hostile;

/// <summary>HTTP/1.1 requests as bytes, for what <see cref="HttpClient"/> refuses to send (a lying Content-Length, bad header bytes).</summary>
internal static class RawHttp
{
    public static byte[] Request(string method, string target, byte[] body, long? contentLength = null, params (string Name, string Value)[] headers)
    {
        var head = new StringBuilder();
        head.Append(CultureInfo.InvariantCulture, $"{method} {target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
        foreach (var (name, value) in headers)
            head.Append(CultureInfo.InvariantCulture, $"{name}: {value}\r\n");
        head.Append(CultureInfo.InvariantCulture, $"Content-Length: {contentLength ?? body.Length}\r\n\r\n");
        return [.. Encoding.Latin1.GetBytes(head.ToString()), .. body];
    }
}
