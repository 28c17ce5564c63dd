using System.Text.Json.Serialization;

namespace AccountBot.Slack.Blocks;

/// <summary>
/// The HTTP answer to a view_submission (<c>response_action</c>). To simply close the modal, ack with no
/// response at all (an empty 200).
/// </summary>
[JsonPolymorphic]
[JsonDerivedType(typeof(ViewErrorsResponse))]
[JsonDerivedType(typeof(ViewUpdateResponse))]
[JsonDerivedType(typeof(ViewPushResponse))]
[JsonDerivedType(typeof(ViewClearResponse))]
public abstract record ViewSubmissionResponse
{
    [JsonPropertyOrder(-2)]
    public abstract string ResponseAction { get; }

    /// <summary>Keep the modal open and show <paramref name="errors"/> (block_id → message) under the inputs.</summary>
    public static ViewErrorsResponse Errors(IReadOnlyDictionary<string, string> errors) => new(errors);

    /// <summary>Replace the current modal.</summary>
    public static ViewUpdateResponse Update(ModalView view) => new(view);

    /// <summary>Stack a new modal on top (Slack allows 3 in a stack).</summary>
    public static ViewPushResponse Push(ModalView view) => new(view);

    /// <summary>Close every modal in the stack.</summary>
    public static ViewClearResponse Clear() => new();
}
