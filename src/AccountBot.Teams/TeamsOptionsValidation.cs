using Microsoft.Extensions.Hosting;

namespace AccountBot.Teams;

/// <summary>The rule the host enforces on the development-only auth bypass.</summary>
public static class TeamsOptionsValidation
{
    public const string BypassKey = "Teams:DangerouslyAllowUnauthenticatedRequests";

    /// <summary>Null when the options may run in <paramref name="environment"/>, else the reason.</summary>
    public static string? GetEnvironmentError(TeamsOptions options, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        return options.DangerouslyAllowUnauthenticatedRequests && !environment.IsDevelopment()
            ? $"{BypassKey} is only allowed in the Development environment (this is {environment.EnvironmentName})."
            : null;
    }

    /// <exception cref="InvalidOperationException">The bypass is on outside Development.</exception>
    public static void EnsureAllowedIn(TeamsOptions options, IHostEnvironment environment)
    {
        var error = GetEnvironmentError(options, environment);
        if (error is not null)
            throw new InvalidOperationException(error);
    }
}
