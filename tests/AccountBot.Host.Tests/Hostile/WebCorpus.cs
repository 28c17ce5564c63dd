using System.Text;
using AccountBot.Core.Abstractions;
using AccountBot.Core.Commands;
using AccountBot.Pictures;
using AccountBot.Slack.Endpoints;
using AccountBot.Testing.Builders;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.AspNetCore.WebUtilities;
using static AccountBot.Host.Tests.Hostile.HostileHost;

namespace AccountBot.Host.Tests.Hostile;

/// <summary>Hostile inputs for the GET endpoints: Slack install and OAuth callback, picture and export links, health.</summary>
internal static class WebCorpus
{
    public const string Install = "/slack/install";
    public const string Callback = "/slack/oauth/callback";
    public const string Pictures = "/maps/{token}.png";
    public const string Exports = "/exports/{token}.csv";
    public const string Health = "/healthz, /readyz";

    public static IReadOnlyList<HostileCase> OAuthCases()
    {
        var cases = new List<HostileCase>();
        cases.AddRange(Corpus.Cases("hostile query", Queries, 10, q => Get(Install, "hostile query", q, "/slack/install?" + q)));
        cases.AddRange(Corpus.Cases("forged state", States, 40, s => new HostileCase(Callback, "forged state", s.Label, SlackT1, host =>
        {
            var (state, cookie) = s.Make(host);
            var request = new HttpRequestMessage(HttpMethod.Get, "/slack/oauth/callback?" + s.Query.Replace("STATE", Uri.EscapeDataString(state), StringComparison.Ordinal));
            if (cookie is not null)
                request.Headers.TryAddWithoutValidation("Cookie", $"{SlackOAuthState.CookieName}={cookie}");
            return request;
        })));
        cases.AddRange(Corpus.Cases("hostile query", Queries, 15, q => Get(Callback, "hostile query", q, "/slack/oauth/callback?" + q)));
        return cases;
    }

    public static IReadOnlyList<HostileCase> LinkCases()
    {
        var cases = new List<HostileCase>();
        cases.AddRange(Corpus.Cases("forged token", Tokens, 70, t => new HostileCase(t.Export ? Exports : Pictures, "forged token", t.Label, t.Owner ?? SlackT1,
            host => new HttpRequestMessage(HttpMethod.Get, (t.Export ? "/exports/" : "/maps/") + t.Make(host) + (t.Export ? ".csv" : ".png")))));
        cases.AddRange(Corpus.Cases("hostile path", JsonFuzz.Pick(["/maps/.png", "/maps/..%2F..%2Fetc%2Fpasswd.png", "/maps/%00.png", "/maps/%FF%FE.png", "/maps/" + new string('A', 6000) + ".png",
            "/maps/a.png.png", "/exports/%C0%AF.csv", "/exports/" + new string('-', 300) + ".csv", "/maps/AAAA.png?x=" + new string('y', 4000), "/maps/%E2%82.png"]), 10,
            p => Get(p.StartsWith("/maps", StringComparison.Ordinal) ? Pictures : Exports, "hostile path", p[..Math.Min(p.Length, 60)], p)));
        return cases;
    }

    public static IReadOnlyList<HostileCase> HealthCases()
    {
        var cases = new List<HostileCase>();
        foreach (var path in new[] { "/healthz", "/readyz" })
        {
            cases.AddRange(Corpus.Cases("hostile query", Queries, 5, q => Get(Health, "hostile query", path + "?" + q, path + "?" + q), path));
            foreach (var method in new[] { "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "PROPFIND", "HEAD" })
                cases.Add(new HostileCase(Health, "other method", method + " " + path, SlackT1, _ => new HttpRequestMessage(new HttpMethod(method), path)));
            cases.Add(new HostileCase(Health, "body on a GET", "GET " + path + " with 2 MB body", SlackT1, _ => new HttpRequestMessage(HttpMethod.Get, path) { Content = new ByteArrayContent(new byte[2 * 1024 * 1024]) }));
        }

        cases.AddRange(HeaderLimits("/healthz", Health));
        return cases;
    }

    /// <summary>Header and request-line sizes beyond Kestrel's limits, and bytes in headers that are not text.</summary>
    public static IEnumerable<HostileCase> HeaderLimits(string path, string endpoint)
    {
        yield return Raw(endpoint, "header limits", "one 40 KB header", path, ("X-Big", new string('h', 40 * 1024)));
        yield return Raw(endpoint, "header limits", "150 headers", path, [.. Enumerable.Range(0, 150).Select(i => ($"X-H{i}", "v"))]);
        yield return Raw(endpoint, "header limits", "request line of 10 KB", path + "?q=" + new string('q', 10 * 1024));
        yield return Raw(endpoint, "header limits", "header with a NUL byte", path, ("X-Nul", "a\0b"));
        yield return Raw(endpoint, "header limits", "header with invalid UTF-8 bytes", path, ("X-Bytes", Encoding.Latin1.GetString([0xC3, 0x28, 0xFF])));
        yield return Raw(endpoint, "header limits", "header without a colon", path, ("X-No-Colon-Here", null));
    }

    private static HostileCase Raw(string endpoint, string category, string label, string target, params (string Name, string? Value)[] headers) =>
        new(endpoint, category, label, SlackT1, _ => new HttpRequestMessage())
        {
            Raw = _ =>
            {
                var head = new StringBuilder($"GET {target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
                foreach (var (name, value) in headers)
                    head.Append(value is null ? name : $"{name}: {value}").Append("\r\n");
                return Encoding.Latin1.GetBytes(head.Append("\r\n").ToString());
            },
        };

    private static HostileCase Get(string endpoint, string category, string label, string target) =>
        new(endpoint, category, label, SlackT1, _ => new HttpRequestMessage(HttpMethod.Get, target));

    private static readonly Gen<string> Queries = JsonFuzz.Pick(
    [
        "", "code=", "code=" + new string('c', 4000), "state=&code=x", "error=access_denied", "error=" + new string('e', 2000), "code=%FF%FE&state=%C0%AF",
        "code=a&code=b&state=x&state=y", "%%%%", "=&=&", "code=<script>", "redirect_uri=https://evil.example/", "state=" + Uri.EscapeDataString("1.2.3"),
        "team=" + SlackTwo, "code=x&state=" + new string('9', 30) + ".a.b",
    ]);

    private sealed record StateCase(string Label, string Query, Func<HostileHost, (string State, string? Cookie)> Make);

    private static readonly Gen<StateCase> States =
        from kind in JsonFuzz.Pick(["valid, no cookie", "valid, other cookie", "forged mac", "expired", "not ours", "empty", "huge", "cookie only", "valid, cookie matches, error too", "valid, cookie matches, no code", "three dots"])
        from code in JsonFuzz.Pick(["code=fake-code&", "", "code=" + new string('c', 3000) + "&"])
        select new StateCase($"{kind} ({(code.Length == 0 ? "no code" : code.Length > 100 ? "huge code" : "code")})", code + "state=STATE" + (kind.Contains("error", StringComparison.Ordinal) ? "&error=access_denied" : ""), host =>
        {
            var valid = host.Service<SlackOAuthState>().Create();
            return kind switch
            {
                "valid, no cookie" => (valid, null),
                "valid, other cookie" => (valid, host.Service<SlackOAuthState>().Create()),
                "forged mac" => (valid[..^4] + "AAAA", valid[..^4] + "AAAA"),
                "expired" => ("1." + valid.Split('.')[1] + "." + valid.Split('.')[2], "1." + valid.Split('.')[1] + "." + valid.Split('.')[2]),
                "not ours" => ("abc", "abc"),
                "empty" => (string.Empty, string.Empty),
                "huge" => (new string('s', 3000), new string('s', 3000)),
                "cookie only" => (string.Empty, valid),
                "three dots" => ("...", "..."),
                _ => (valid, valid),
            };
        });

    private sealed record TokenCase(string Label, bool Export, WorkspaceKeyHolder? OwnerHolder, Func<HostileHost, string> Make)
    {
        public Core.Accounts.WorkspaceKey? Owner => OwnerHolder?.Key;
    }

    private sealed record WorkspaceKeyHolder(Core.Accounts.WorkspaceKey Key);

    /// <summary>Links of the other workspace (valid: a link is its own permission), altered, expired, of the wrong kind, or junk.</summary>
    private static readonly Gen<TokenCase> Tokens =
        from export in Gen.Elements(false, true)
        from kind in JsonFuzz.Pick(["valid link of T0TWO", "valid link, stale version", "one byte flipped", "truncated", "extended", "other kind", "expired", "unknown map", "junk", "non-canonical base64", "empty workspace"])
        from position in Gen.Choose(0, 60)
        select new TokenCase($"{(export ? "export" : "picture")}: {kind}", export, kind.StartsWith("valid", StringComparison.Ordinal) ? new WorkspaceKeyHolder(SlackT2) : null, host =>
        {
            var links = host.Service<IPictureLinks>();
            var map = host.Seeds[SlackT2].Maps[0];

            // The links only read the map's workspace, id, version and link epoch (seeded maps are at epoch 0).
            var target = MapBuilder.For(SlackT2).Build() with { Id = map.Id };
            var token = Token(export ? links.ExportUrl(target with { Version = kind.Contains("stale", StringComparison.Ordinal) ? 1 : 99 })! : links.PictureUrl(target with { Version = 1 }, MapPicture.Grid)!);
            var bytes = WebEncoders.Base64UrlDecode(token);
            var codec = host.Service<LinkTokenCodec>();
            return kind switch
            {
                "one byte flipped" => WebEncoders.Base64UrlEncode([.. bytes.Select((b, i) => i == position % bytes.Length ? (byte)(b ^ 0x20) : b)]),
                "truncated" => token[..(position % token.Length)],
                "extended" => token + "AAAA",
                "other kind" => Token(export ? links.PictureUrl(target with { Version = 1 }, MapPicture.Onion)! : links.ExportUrl(target with { Version = 1 })!),
                "expired" => codec.Encode(new LinkToken(SlackT2, map.Id, export ? LinkKind.Export : LinkKind.Grid, 1, 0, DateTimeOffset.UtcNow.AddMinutes(-1))),
                "unknown map" => codec.Encode(new LinkToken(SlackT2, Guid.NewGuid(), export ? LinkKind.Export : LinkKind.Grid, 1, 0, DateTimeOffset.UtcNow.AddDays(1))),
                "junk" => "not-a-token-" + position,
                "non-canonical base64" => token[..^1] + (token[^1] == 'A' ? 'B' : 'A'),
                "empty workspace" => WebEncoders.Base64UrlEncode(bytes[..30]),
                _ => token,
            };
        });

    private static string Token(Uri link) => link.Segments[^1][..link.Segments[^1].LastIndexOf('.')];
}
