using System.Text.Json.Serialization;
using AccountBot.Slack.Blocks;
using AccountBot.Slack.Protocol;
using AccountBot.Slack.WebApi;

namespace AccountBot.Slack;

/// <summary>
/// The one source-generated serializer context for everything the adapter reads or writes:
/// snake_case names, nulls left out, nullable annotations enforced on read.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    RespectNullableAnnotations = true,
    AllowOutOfOrderMetadataProperties = true)]
[JsonSerializable(typeof(BlockActionsPayload))]
[JsonSerializable(typeof(ViewSubmissionPayload))]
[JsonSerializable(typeof(ViewClosedPayload))]
[JsonSerializable(typeof(BlockSuggestionPayload))]
[JsonSerializable(typeof(MessageActionPayload))]
[JsonSerializable(typeof(UnknownInteractionPayload))]
[JsonSerializable(typeof(UrlVerificationEnvelope))]
[JsonSerializable(typeof(EventCallbackEnvelope))]
[JsonSerializable(typeof(UnknownEventEnvelope))]
[JsonSerializable(typeof(AppMentionEvent))]
[JsonSerializable(typeof(AppHomeOpenedEvent))]
[JsonSerializable(typeof(AppUninstalledEvent))]
[JsonSerializable(typeof(TokensRevokedEvent))]
[JsonSerializable(typeof(ChannelSharingEvent))]
[JsonSerializable(typeof(UnknownSlackEvent))]
[JsonSerializable(typeof(SlackMessage))]
[JsonSerializable(typeof(AccountBot.Slack.Bot.SlackAnnouncement))]
[JsonSerializable(typeof(WebApi.SlackResponseUrlPost))]
[JsonSerializable(typeof(ModalView))]
[JsonSerializable(typeof(ViewSubmissionResponse))]
[JsonSerializable(typeof(OptionsResponse))]
[JsonSerializable(typeof(IReadOnlyList<Block>))]
[JsonSerializable(typeof(ChatPostMessageRequest))]
[JsonSerializable(typeof(ChatPostEphemeralRequest))]
[JsonSerializable(typeof(ChatUpdateRequest))]
[JsonSerializable(typeof(ViewsOpenRequest))]
[JsonSerializable(typeof(ViewsUpdateRequest))]
[JsonSerializable(typeof(ViewsPublishRequest))]
[JsonSerializable(typeof(HomeTabView))]
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(SlackApiResponse))]
[JsonSerializable(typeof(Rendering.FormMetadata))]
[JsonSerializable(typeof(ChatMessageResponse))]
[JsonSerializable(typeof(ConversationsHistoryResponse))]
[JsonSerializable(typeof(ConversationsInfoResponse))]
[JsonSerializable(typeof(ChatEphemeralResponse))]
[JsonSerializable(typeof(ViewResponse))]
[JsonSerializable(typeof(AuthTestResponse))]
[JsonSerializable(typeof(UsersInfoResponse))]
[JsonSerializable(typeof(PermalinkResponse))]
[JsonSerializable(typeof(OAuthV2AccessResponse))]
[JsonSerializable(typeof(UploadUrlResponse))]
[JsonSerializable(typeof(CompleteUploadResponse))]
[JsonSerializable(typeof(IReadOnlyList<UploadedFile>))]
[JsonSerializable(typeof(Rendering.ImportMetadata))]
public sealed partial class SlackJsonContext : JsonSerializerContext;
