using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace AccountBot.Operations;

/// <summary>The CLI's side of the admin endpoint: reads <see cref="AdminEndpointFile"/> and sends one request.</summary>
internal static class AdminClient
{
    // Long enough for run-now to send every digest due; the bot bounds each send itself (Reminders:SendTimeout).
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(30);

    /// <summary>The answer, or null when the bot left no admin file (Admin:Enabled false, or another program holds the file).</summary>
    public static async Task<AdminAnswer?> SendAsync(string databasePath, HttpMethod method, string relative, string? body, CancellationToken cancellationToken)
    {
        if (AdminEndpointFile.Read(databasePath) is not { } endpoint)
        {
            return null;
        }

        using var http = new HttpClient { Timeout = Timeout };
        using var request = new HttpRequestMessage(method, new Uri(endpoint.Address, relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", endpoint.Token);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "text/plain");
        }

        try
        {
            using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            return new AdminAnswer(response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
        }
        catch (HttpRequestException ex)
        {
            return new AdminAnswer(HttpStatusCode.ServiceUnavailable, $"the running bot's admin endpoint at {endpoint.Address} does not answer ({ex.Message}).");
        }
    }
}
