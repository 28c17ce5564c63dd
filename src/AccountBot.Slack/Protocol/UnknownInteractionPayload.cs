namespace AccountBot.Slack.Protocol;

/// <summary>An interaction type this adapter does not model (shortcuts, message actions…); acknowledged and ignored.</summary>
public sealed record UnknownInteractionPayload : InteractionPayload;
