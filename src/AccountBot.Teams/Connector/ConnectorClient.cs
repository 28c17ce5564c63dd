using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using AccountBot.Adapters.Buffers;
using AccountBot.Adapters.Http;
using AccountBot.Teams.Cards;
using AccountBot.Teams.Protocol;
using Microsoft.Extensions.Logging;

namespace AccountBot.Teams.Connector;

/// <summary>
/// Calls the Bot Connector REST API at an activity's <c>serviceUrl</c> (a typed HttpClient whose
/// pipeline retries throttling, see <see cref="AccountBot.Adapters.Http.ApiRetryPolicy"/>). Only pass a serviceUrl
/// that came with an authenticated request (or a reference stored from one): the bot's token goes
/// there.
/// </summary>
public sealed class ConnectorClient
{
    private const string MessageWritesBlocked = "MessageWritesBlocked";

    private readonly HttpClient _http;
    private readonly IBotTokenProvider _tokens;
    private readonly IBlockedConversations _blocked;
    private readonly TimeProvider _time;
    private readonly ILogger<ConnectorClient> _logger;

    public ConnectorClient(HttpClient http, IBotTokenProvider tokens, IBlockedConversations blocked, TimeProvider time, ILogger<ConnectorClient> logger)
    {
        _http = http;
        _tokens = tokens;
        _blocked = blocked;
        _time = time;
        _logger = logger;
    }

    /// <summary><c>POST /v3/conversations/{conv}/activities/{activityId}</c>: a reply in the thread of <paramref name="activityId"/>.</summary>
    public Task<ResourceResponse> ReplyToActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(activityId);
        return SendActivityAsync(HttpMethod.Post, serviceUrl, conversationId, ["v3", "conversations", conversationId, "activities", activityId], activity, cancellationToken);
    }

    /// <summary>
    /// A reply (or, without <paramref name="replyToId"/>, a message) to a request the bot declines: a 403
    /// MessageWritesBlocked is not recorded as a blocked conversation, so nothing is stored for it.
    /// </summary>
    public Task<ResourceResponse> SendNoticeAsync(string serviceUrl, string conversationId, string? replyToId, Activity activity, CancellationToken cancellationToken) =>
        SendActivityAsync(
            HttpMethod.Post,
            serviceUrl,
            conversationId,
            string.IsNullOrEmpty(replyToId) ? ["v3", "conversations", conversationId, "activities"] : ["v3", "conversations", conversationId, "activities", replyToId],
            activity,
            cancellationToken,
            recordBlocked: false);

    /// <summary><c>POST /v3/conversations/{conv}/activities</c>.</summary>
    public Task<ResourceResponse> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken) =>
        SendActivityAsync(HttpMethod.Post, serviceUrl, conversationId, ["v3", "conversations", conversationId, "activities"], activity, cancellationToken);

    /// <summary><c>PUT /v3/conversations/{conv}/activities/{id}</c> with the full new activity (e.g. a refreshed card).</summary>
    public Task<ResourceResponse> UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(activityId);
        ArgumentNullException.ThrowIfNull(activity);
        return SendActivityAsync(HttpMethod.Put, serviceUrl, conversationId, ["v3", "conversations", conversationId, "activities", activityId], activity with { Id = activityId }, cancellationToken);
    }

    /// <summary><c>POST /v3/conversations</c>.</summary>
    public async Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (parameters.Activity is { } first)
            MessageSize.EnsureWithinLimit(first);
        var body = Serialize(parameters, TeamsJsonContext.Default.ConversationParameters);
        return await SendAsync(HttpMethod.Post, BuildUri(serviceUrl, ["v3", "conversations"]), body, TeamsJsonContext.Default.ConversationResourceResponse, null, null, cancellationToken)
            ?? new ConversationResourceResponse(null, null);
    }

    /// <summary>
    /// Starts a new thread in a Teams channel: <c>POST /v3/conversations</c> with
    /// <c>{isGroup:true, channelData:{channel:{id}}, activity}</c>. The answer's id is the thread's
    /// conversation id; its activityId is the first message's id.
    /// </summary>
    public async Task<ConversationResourceResponse> CreateChannelThreadAsync(string serviceUrl, string channelId, string? tenantId, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(channelId);
        await ThrowIfBlockedAsync(channelId, cancellationToken);
        var parameters = new ConversationParameters
        {
            IsGroup = true,
            TenantId = tenantId,
            ChannelData = new TeamsChannelData
            {
                Channel = new ChannelInfo { Id = channelId },
                Tenant = tenantId is null ? null : new TenantInfo { Id = tenantId },
            },
            Activity = activity,
        };
        try
        {
            return await CreateConversationAsync(serviceUrl, parameters, cancellationToken);
        }
        catch (ConnectorException ex) when (ex.ErrorCode == MessageWritesBlocked)
        {
            throw await BlockAsync(channelId, tenantId, cancellationToken);
        }
    }

    /// <summary>A new thread in the channel of a stored reference (from a channel message or the bot being added to a team).</summary>
    public Task<ConversationResourceResponse> CreateChannelThreadAsync(ConversationReference reference, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var channelId = reference.Conversation.Id ?? throw new ArgumentException("The reference has no conversation id.", nameof(reference));
        return CreateChannelThreadAsync(reference.ServiceUrl, ConversationKey.Of(channelId), reference.TenantId, activity, cancellationToken);
    }

    /// <summary>
    /// Sends to a stored conversation (a digest, a reminder): the activity is addressed from the
    /// bot into the reference's conversation; in a channel thread reference it lands in that thread.
    /// </summary>
    public Task<ResourceResponse> SendProactiveAsync(ConversationReference reference, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(activity);
        var conversationId = reference.Conversation.Id ?? throw new ArgumentException("The reference has no conversation id.", nameof(reference));
        var addressed = activity with
        {
            From = activity.From ?? reference.Bot,
            Conversation = activity.Conversation ?? reference.Conversation,
            ChannelId = activity.ChannelId ?? reference.ChannelId,
            ServiceUrl = activity.ServiceUrl ?? reference.ServiceUrl,
            Locale = activity.Locale ?? reference.Locale,
            // Teams wants the tenant on a proactive message; it also keys the record if the conversation turns out blocked.
            ChannelData = activity.ChannelData ?? (reference.TenantId is { Length: > 0 } tenantId ? new TeamsChannelData { Tenant = new TenantInfo { Id = tenantId } } : null),
        };
        return SendToConversationAsync(reference.ServiceUrl, conversationId, addressed, cancellationToken);
    }

    /// <summary><c>GET /v3/conversations/{id}/pagedmembers</c>: one page of members.</summary>
    public async Task<PagedMembersResult> GetPagedMembersAsync(string serviceUrl, string conversationId, int? pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        var uri = BuildUri(serviceUrl, ["v3", "conversations", conversationId, "pagedmembers"]);
        var query = new List<string>();
        if (pageSize is { } size)
            query.Add("pageSize=" + size.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (!string.IsNullOrEmpty(continuationToken))
            query.Add("continuationToken=" + Uri.EscapeDataString(continuationToken));
        if (query.Count > 0)
            uri = new Uri(uri + "?" + string.Join('&', query));
        return await SendAsync(HttpMethod.Get, uri, null, TeamsJsonContext.Default.PagedMembersResult, conversationId, null, cancellationToken)
            ?? new PagedMembersResult();
    }

    /// <summary>
    /// <c>GET /v3/conversations/{id}/members/{userId}</c>: one member with their tenant and role. Teams answers 404
    /// for someone who is not in the conversation.
    /// </summary>
    public async Task<TeamsChannelAccount> GetMemberAsync(string serviceUrl, string conversationId, string userId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentException.ThrowIfNullOrEmpty(userId);
        var uri = BuildUri(serviceUrl, ["v3", "conversations", conversationId, "members", userId]);
        return await SendAsync(HttpMethod.Get, uri, null, TeamsJsonContext.Default.TeamsChannelAccount, null, null, cancellationToken)
            ?? new TeamsChannelAccount { Id = userId };
    }

    /// <summary>
    /// <c>{serviceUrl}/seg/seg…</c>: a trailing slash of the serviceUrl is trimmed and every
    /// segment escaped, because Teams ids contain <c>: @ ; =</c>.
    /// </summary>
    public static Uri BuildUri(string serviceUrl, IEnumerable<string> segments)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceUrl);
        ArgumentNullException.ThrowIfNull(segments);
        var builder = new StringBuilder(serviceUrl.TrimEnd('/'));
        foreach (var segment in segments)
            builder.Append('/').Append(Uri.EscapeDataString(segment));
        return new Uri(builder.ToString(), UriKind.Absolute);
    }

    /// <param name="recordBlocked">False: a 403 MessageWritesBlocked fails the call without blocking the conversation.</param>
    private async Task<ResourceResponse> SendActivityAsync(
        HttpMethod method, string serviceUrl, string conversationId, string[] segments, Activity activity, CancellationToken cancellationToken, bool recordBlocked = true)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentNullException.ThrowIfNull(activity);
        await ThrowIfBlockedAsync(conversationId, cancellationToken);

        var body = Serialize(activity, TeamsJsonContext.Default.Activity);
        try
        {
            MessageSize.EnsureWithinLimit(body.Length);
        }
        catch (MessageTooLargeException)
        {
            body.Dispose();
            throw;
        }

        return await SendAsync(method, BuildUri(serviceUrl, segments), body, TeamsJsonContext.Default.ResourceResponse, recordBlocked ? conversationId : null, activity.GetTenantId(), cancellationToken)
            ?? new ResourceResponse(null);
    }

    /// <summary>The JSON of <paramref name="value"/> in a pooled buffer (a reply is sent for every message; its card is ~20 KB).</summary>
    private static PooledBuffer Serialize<T>(T value, JsonTypeInfo<T> typeInfo)
    {
        var buffer = new PooledBuffer();
        try
        {
            using var writer = new Utf8JsonWriter(buffer);
            JsonSerializer.Serialize(writer, value, typeInfo);
            return buffer;
        }
        catch
        {
            buffer.Dispose();
            throw;
        }
    }

    /// <summary>A 403 MessageWritesBlocked blocks <paramref name="conversationId"/> (when given), noting <paramref name="tenantId"/>.</summary>
    /// <param name="body">Sent as the request's JSON, then given back to the pool (ownership passes to this method).</param>
    private async Task<T?> SendAsync<T>(
        HttpMethod method, Uri uri, PooledBuffer? body, JsonTypeInfo<T> responseType, string? conversationId, string? tenantId, CancellationToken cancellationToken)
        where T : class
    {
        using var request = new HttpRequestMessage(method, uri);
        if (body is not null)
            request.Content = new PooledContent(body, new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" });

        if (await _tokens.GetTokenAsync(cancellationToken) is { Length: > 0 } token)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);

        using var response = await _http.SendAsync(request, cancellationToken);
        var content = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        if (response.IsSuccessStatusCode)
            return content.Length == 0 ? null : JsonSerializer.Deserialize(content, responseType);

        var error = TryReadError(content);
        var errorCode = error?.Code;
        if (response.StatusCode == HttpStatusCode.Forbidden &&
            (errorCode == MessageWritesBlocked || Encoding.UTF8.GetString(content).Contains(MessageWritesBlocked, StringComparison.Ordinal)))
        {
            if (conversationId is not null)
                throw await BlockAsync(conversationId, tenantId, cancellationToken);
            errorCode = MessageWritesBlocked;
        }

        Log.ConnectorFailed(_logger, (int)response.StatusCode, errorCode, method.Method, uri.AbsolutePath);
        throw new ConnectorException(response.StatusCode, errorCode, error?.Message, RetryAfterHeader.Read(response, _time));
    }

    private static ErrorDetail? TryReadError(byte[] content)
    {
        if (content.Length == 0)
            return null;
        try
        {
            return JsonSerializer.Deserialize(content, TeamsJsonContext.Default.ErrorResponse)?.Error;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private async Task ThrowIfBlockedAsync(string conversationId, CancellationToken cancellationToken)
    {
        if (await _blocked.IsBlockedAsync(conversationId, cancellationToken))
        {
            Log.SkippedBlocked(_logger, conversationId);
            throw new ConversationBlockedException(conversationId);
        }
    }

    private async Task<ConversationBlockedException> BlockAsync(string conversationId, string? tenantId, CancellationToken cancellationToken)
    {
        Log.ConversationBlocked(_logger, conversationId);
        await _blocked.BlockAsync(conversationId, tenantId, cancellationToken);
        return new ConversationBlockedException(conversationId);
    }
}
