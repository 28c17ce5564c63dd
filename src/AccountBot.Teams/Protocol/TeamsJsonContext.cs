using System.Text.Json;
using System.Text.Json.Serialization;
using AccountBot.Teams.Cards;

namespace AccountBot.Teams.Protocol;

/// <summary>
/// The one serializer context for everything Teams: camelCase, nulls left out when writing,
/// polymorphic card types with <c>type</c> first.
/// </summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = false,
    AllowOutOfOrderMetadataProperties = true)]
[JsonSerializable(typeof(Activity))]
[JsonSerializable(typeof(AdaptiveCardInvokeValue))]
[JsonSerializable(typeof(AdaptiveCardInvokeResponse))]
[JsonSerializable(typeof(InvokeError))]
[JsonSerializable(typeof(ConversationReference))]
[JsonSerializable(typeof(ConversationParameters))]
[JsonSerializable(typeof(ConversationResourceResponse))]
[JsonSerializable(typeof(ResourceResponse))]
[JsonSerializable(typeof(PagedMembersResult))]
[JsonSerializable(typeof(TeamsChannelAccount))]
[JsonSerializable(typeof(ErrorResponse))]
[JsonSerializable(typeof(AdaptiveCard))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(Routing.TeamsStoredReply))]
public sealed partial class TeamsJsonContext : JsonSerializerContext;
