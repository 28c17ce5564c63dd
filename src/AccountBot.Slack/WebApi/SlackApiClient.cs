using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using AccountBot.Adapters.Http;
using AccountBot.Slack.Blocks;
using AccountBot.Slack.Installations;
using Microsoft.Extensions.Logging;

namespace AccountBot.Slack.WebApi;

/// <summary>
/// Slack's Web API (<c>Slack:ApiBaseUrl</c>, by default <c>https://slack.com/api/</c>). Calls are made with the bot
/// token of the workspace named by a <see cref="SlackTeamKey"/>; <c>ok:false</c> becomes a
/// <see cref="SlackApiException"/>; 429, 502 and 504 are retried by the HttpClient's <see cref="ApiRetryPolicy"/> (<c>Slack:ApiRetry</c>); posts
/// are paced to one per second per channel.
/// </summary>
public sealed partial class SlackApiClient(
    HttpClient http,
    ISlackInstallationStore installations,
    SlackChannelPacer pacer,
    TimeProvider timeProvider,
    ILogger<SlackApiClient> logger)
{
    private static readonly MediaTypeHeaderValue JsonUtf8 = new("application/json") { CharSet = "utf-8" };
    private readonly SlackJsonContext _json = SlackJsonContext.Default;

    public Task<ChatMessageResponse> PostMessageAsync(SlackTeamKey team, string channel, SlackMessage message, CancellationToken cancellationToken) =>
        PostMessageAsync(team, channel, message, null, RateLimitHandling.Wait, cancellationToken);

    /// <summary>chat.postMessage, paced to one per second per channel.</summary>
    /// <param name="metadata">Message metadata to post with it (found again with <see cref="ConversationsHistoryAsync"/>).</param>
    /// <param name="rateLimits">Whether a 429 is waited out here or thrown at once with its Retry-After.</param>
    public async Task<ChatMessageResponse> PostMessageAsync(
        SlackTeamKey team, string channel, SlackMessage message, SlackMessageMetadata? metadata, RateLimitHandling rateLimits, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(channel);
        ArgumentNullException.ThrowIfNull(message);
        await pacer.WaitTurnAsync(team, channel, cancellationToken);
        return await CallAsync("chat.postMessage", team, new ChatPostMessageRequest(channel, message.Text, message.Blocks, message.ThreadTs, metadata),
            _json.ChatPostMessageRequest, _json.ChatMessageResponse, cancellationToken, rateLimits);
    }

    public async Task<ChatEphemeralResponse> PostEphemeralAsync(SlackTeamKey team, string channel, string user, SlackMessage message, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(channel);
        ArgumentException.ThrowIfNullOrEmpty(user);
        ArgumentNullException.ThrowIfNull(message);
        await pacer.WaitTurnAsync(team, channel, cancellationToken);
        return await CallAsync("chat.postEphemeral", team, new ChatPostEphemeralRequest(channel, user, message.Text, message.Blocks, message.ThreadTs),
            _json.ChatPostEphemeralRequest, _json.ChatEphemeralResponse, cancellationToken);
    }

    public Task<ChatMessageResponse> UpdateMessageAsync(SlackTeamKey team, string channel, string ts, SlackMessage message, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(channel);
        ArgumentException.ThrowIfNullOrEmpty(ts);
        ArgumentNullException.ThrowIfNull(message);
        return CallAsync("chat.update", team, new ChatUpdateRequest(channel, ts, message.Text, message.Blocks),
            _json.ChatUpdateRequest, _json.ChatMessageResponse, cancellationToken);
    }

    /// <summary>Opens a modal. Call it before any slow work: the trigger id expires 3 s after the user's action, so a 429 is not waited out.</summary>
    public Task<ViewResponse> OpenViewAsync(SlackTeamKey team, string triggerId, ModalView view, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(triggerId);
        ArgumentNullException.ThrowIfNull(view);
        // The trigger id dies 3 s after the click: a 429 is thrown at once, never waited out.
        return CallAsync("views.open", team, new ViewsOpenRequest(triggerId, view), _json.ViewsOpenRequest, _json.ViewResponse, cancellationToken, RateLimitHandling.Throw);
    }

    /// <summary>Stacks a modal on the open one (Slack allows 3).</summary>
    public Task<ViewResponse> PushViewAsync(SlackTeamKey team, string triggerId, ModalView view, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(triggerId);
        ArgumentNullException.ThrowIfNull(view);
        return CallAsync("views.push", team, new ViewsOpenRequest(triggerId, view), _json.ViewsOpenRequest, _json.ViewResponse, cancellationToken, RateLimitHandling.Throw);
    }

    /// <summary>Replaces an open view; pass the <paramref name="hash"/> Slack gave to avoid overwriting a newer state.</summary>
    public Task<ViewResponse> UpdateViewAsync(SlackTeamKey team, string viewId, ModalView view, string? hash, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(viewId);
        ArgumentNullException.ThrowIfNull(view);
        return CallAsync("views.update", team, new ViewsUpdateRequest(viewId, view, hash), _json.ViewsUpdateRequest, _json.ViewResponse, cancellationToken);
    }

    /// <summary>
    /// Shares a file in <paramref name="channel"/> with Slack's external upload flow: files.getUploadURLExternal
    /// (name, length) → POST the bytes to the returned <c>upload_url</c> → files.completeUploadExternal. Needs the
    /// <c>files:write</c> scope. Any step failing throws <see cref="SlackApiException"/> and nothing is shared.
    /// </summary>
    public async Task<CompleteUploadResponse> UploadFileAsync(
        SlackTeamKey team, string channel, string fileName, byte[] content, string title, string? initialComment, string? threadTs, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(channel);
        ArgumentException.ThrowIfNullOrEmpty(fileName);
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrEmpty(title);
        var target = await CallFormAsync("files.getUploadURLExternal", team, new Dictionary<string, string>
        {
            ["filename"] = fileName,
            ["length"] = content.Length.ToString(CultureInfo.InvariantCulture),
        }, _json.UploadUrlResponse, cancellationToken);
        if (!Uri.TryCreate(target.UploadUrl, UriKind.Absolute, out var uploadUrl) || uploadUrl.Scheme != Uri.UriSchemeHttps && uploadUrl.Scheme != Uri.UriSchemeHttp
            || target.FileId is not { Length: > 0 } fileId)
        {
            throw new SlackApiException("files.getUploadURLExternal", "invalid_response", []);
        }

        await UploadBytesAsync(uploadUrl, content, cancellationToken);

        var fields = new Dictionary<string, string>
        {
            ["files"] = JsonSerializer.Serialize<IReadOnlyList<UploadedFile>>([new UploadedFile(fileId, title)], _json.IReadOnlyListUploadedFile),
            ["channel_id"] = channel,
        };
        if (initialComment is { Length: > 0 })
            fields["initial_comment"] = initialComment;
        if (threadTs is { Length: > 0 })
            fields["thread_ts"] = threadTs;
        await pacer.WaitTurnAsync(team, channel, cancellationToken);
        return await CallFormAsync("files.completeUploadExternal", team, fields, _json.CompleteUploadResponse, cancellationToken);
    }

    /// <summary>users.info (scope <c>users:read</c>): a member's names.</summary>
    public Task<UsersInfoResponse> GetUserAsync(SlackTeamKey team, string userId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        return CallFormAsync("users.info", team, new Dictionary<string, string> { ["user"] = userId }, _json.UsersInfoResponse, cancellationToken);
    }

    /// <summary>chat.getPermalink: a link to the message <paramref name="ts"/> in <paramref name="channel"/>.</summary>
    public Task<PermalinkResponse> GetPermalinkAsync(SlackTeamKey team, string channel, string ts, CancellationToken cancellationToken) =>
        CallFormAsync("chat.getPermalink", team, new Dictionary<string, string> { ["channel"] = channel, ["message_ts"] = ts }, _json.PermalinkResponse, cancellationToken);

    public Task<AuthTestResponse> AuthTestAsync(SlackTeamKey team, CancellationToken cancellationToken) =>
        CallAsync("auth.test", team, new Dictionary<string, string>(), _json.DictionaryStringString, _json.AuthTestResponse, cancellationToken);

    /// <summary>Exchanges an OAuth code for the installation's token (client credentials in the form, no bearer).</summary>
    public Task<OAuthV2AccessResponse> OAuthV2AccessAsync(string clientId, string clientSecret, string code, Uri? redirectUri, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(clientId);
        ArgumentException.ThrowIfNullOrEmpty(clientSecret);
        ArgumentException.ThrowIfNullOrEmpty(code);
        var fields = new Dictionary<string, string> { ["client_id"] = clientId, ["client_secret"] = clientSecret, ["code"] = code };
        if (redirectUri is not null)
            fields["redirect_uri"] = redirectUri.AbsoluteUri;
        return SendAsync("oauth.v2.access", new Uri("oauth.v2.access", UriKind.Relative), () => new FormUrlEncodedContent(fields), token: null,
            _json.OAuthV2AccessResponse, cancellationToken);
    }

    /// <summary>
    /// Posts to an interaction's <c>response_url</c> (no token needed; Slack allows 5 posts within 30 minutes).
    /// Use <see cref="SlackMessage.ReplaceOriginal"/> / <see cref="SlackMessage.ResponseType"/> to choose the effect.
    /// </summary>
    public Task PostToResponseUrlAsync(string responseUrl, SlackMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return PostToResponseUrlAsync(responseUrl, JsonSerializer.SerializeToUtf8Bytes(message, _json.SlackMessage), cancellationToken);
    }

    /// <summary>Like <see cref="PostToResponseUrlAsync(string, SlackMessage, CancellationToken)"/>, the message already as JSON (a stored answer).</summary>
    public Task PostToResponseUrlAsync(string responseUrl, byte[] message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!Uri.TryCreate(responseUrl, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
            throw new ArgumentException("response_url must be an absolute http(s) URL.", nameof(responseUrl));
        return SendAsync("response_url", url, () => JsonContent(message), token: null, _json.SlackApiResponse, cancellationToken);
    }

    private async Task<TResponse> CallAsync<TRequest, TResponse>(
        string method, SlackTeamKey team, TRequest body, JsonTypeInfo<TRequest> requestInfo, JsonTypeInfo<TResponse> responseInfo, CancellationToken cancellationToken,
        RateLimitHandling rateLimits = RateLimitHandling.Wait)
        where TResponse : SlackApiResponse
    {
        var installation = await installations.FindAsync(team, cancellationToken);
        if (installation is null)
        {
            Log.NoInstallation(logger, method, team.ToString());
            throw new SlackApiException(method, "not_installed", [$"no installation for {team}"]);
        }

        var bytes = JsonSerializer.SerializeToUtf8Bytes(body, requestInfo);
        return await SendAsync(method, new Uri(method, UriKind.Relative), () => JsonContent(bytes), installation.BotToken, responseInfo, cancellationToken, rateLimits);
    }

    /// <summary>The files.* and users.* methods take form fields (a list such as <c>files</c> is a JSON string), not a JSON body.</summary>
    private async Task<TResponse> CallFormAsync<TResponse>(
        string method, SlackTeamKey team, Dictionary<string, string> fields, JsonTypeInfo<TResponse> responseInfo, CancellationToken cancellationToken,
        RateLimitHandling rateLimits = RateLimitHandling.Wait)
        where TResponse : SlackApiResponse
    {
        var installation = await installations.FindAsync(team, cancellationToken);
        if (installation is null)
        {
            Log.NoInstallation(logger, method, team.ToString());
            throw new SlackApiException(method, "not_installed", [$"no installation for {team}"]);
        }

        return await SendAsync(method, new Uri(method, UriKind.Relative), () => new FormUrlEncodedContent(fields), installation.BotToken, responseInfo, cancellationToken, rateLimits);
    }

    /// <summary>The upload URL is pre-signed: no token goes with it, and it answers plain text (<c>OK - {length}</c>).</summary>
    private async Task UploadBytesAsync(Uri uploadUrl, byte[] content, CancellationToken cancellationToken)
    {
        const string method = "upload_url";
        using var body = new ByteArrayContent(content);
        body.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var request = new HttpRequestMessage(HttpMethod.Post, uploadUrl) { Content = body };
        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            Log.HttpFailure(logger, method, (int)response.StatusCode);
            throw new SlackApiException(method, $"http_{(int)response.StatusCode}", []);
        }
    }

    private static ByteArrayContent JsonContent(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = JsonUtf8;
        return content;
    }

    private async Task<TResponse> SendAsync<TResponse>(
        string method, Uri uri, Func<HttpContent> content, string? token, JsonTypeInfo<TResponse> responseInfo, CancellationToken cancellationToken,
        RateLimitHandling rateLimits = RateLimitHandling.Wait)
        where TResponse : SlackApiResponse
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = content() };
        if (token is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (rateLimits == RateLimitHandling.Throw)
            ApiRetryPolicy.LimitWait(request, TimeSpan.Zero);

        // Retries (429 after its Retry-After, 502, 504) happen in the HttpClient's ApiRetryPolicy; what reaches here is final.
        using var response = await http.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            // Slack always sends Retry-After with a 429; a second is its documented minimum otherwise.
            var retryAfter = RetryAfterHeader.Read(response, timeProvider) ?? TimeSpan.FromSeconds(1);
            Log.RateLimitExhausted(logger, method, retryAfter.TotalSeconds);
            throw new SlackApiException(method, "ratelimited", []) { RetryAfter = retryAfter };
        }

        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            Log.HttpFailure(logger, method, (int)response.StatusCode);
            throw new SlackApiException(method, $"http_{(int)response.StatusCode}", []);
        }

        // A response_url answers a bare "ok" rather than JSON.
        if (!text.TrimStart().StartsWith('{'))
        {
            return typeof(TResponse) == typeof(SlackApiResponse)
                ? (TResponse)new SlackApiResponse { Ok = true }
                : throw new SlackApiException(method, "invalid_response", []);
        }

        TResponse result;
        try
        {
            result = JsonSerializer.Deserialize(text, responseInfo) ?? throw new SlackApiException(method, "invalid_response", []);
        }
        catch (JsonException e)
        {
            throw new SlackApiException($"{method} answered JSON that could not be read", e);
        }

        if (!result.Ok)
        {
            var messages = result.ResponseMetadata?.Messages ?? [];
            Log.ApiError(logger, method, result.Error ?? "unknown_error", string.Join("; ", messages));
            throw new SlackApiException(method, result.Error ?? "unknown_error", messages);
        }

        if (result.Warning is not null)
            Log.ApiWarning(logger, method, result.Warning);
        return result;
    }
}
