using System.ComponentModel.DataAnnotations;

namespace AccountBot.Operations;

/// <summary>
/// The admin endpoint that operator commands use while the bot runs; bound to section <c>Admin</c>. It listens on
/// loopback only (127.0.0.1), on its own port, and answers only requests carrying the token the bot writes at
/// start-up to <c>{database}.admin</c> (0600).
/// </summary>
public sealed class AdminOptions
{
    public const string Section = "Admin";

    /// <summary>Off: <c>reminders</c>, <c>backup</c> and <c>doctor</c> cannot reach a running bot (stop it first).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The loopback port; 0 (the default) lets the OS pick a free one, which the admin file records.</summary>
    [Range(0, 65535)]
    public int Port { get; set; }
}
