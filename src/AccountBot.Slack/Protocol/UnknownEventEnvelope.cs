namespace AccountBot.Slack.Protocol;

/// <summary>An envelope type this adapter does not model (e.g. <c>app_rate_limited</c>); acknowledged and ignored.</summary>
public sealed record UnknownEventEnvelope : SlackEventEnvelope;
