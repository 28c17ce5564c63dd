namespace AccountBot.Teams.Telemetry;

/// <summary>
/// Names a Bot Connector request for metrics and spans by its route, with the conversation, activity and member ids
/// left out: <c>v3/conversations/{id}/activities/{id}</c>. The connector's routes alternate a collection and an id.
/// </summary>
public static class ConnectorOperation
{
    /// <summary>A request whose path has no <c>v3</c> segment (not a connector call).</summary>
    public const string Other = "other";

    public static string Of(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (!uri.IsAbsoluteUri)
            return Other;

        // The service URL may have a path of its own (…/emea/, …/teams/): the route starts at v3.
        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var v3 = Array.IndexOf(segments, "v3");
        if (v3 < 0)
            return Other;

        return string.Join('/', segments.Skip(v3).Select((segment, i) => i == 0 || i % 2 == 1 ? segment : "{id}"));
    }
}
