using System.ComponentModel.DataAnnotations;

namespace AccountBot.Core.FollowUps;

/// <summary>How the follow-up queue behaves when the host stops (section <c>FollowUps</c>).</summary>
public sealed class FollowUpOptions
{
    public const string Section = "FollowUps";

    /// <summary>
    /// On SIGTERM / host stop, how long queued and running follow-up work (replies already promised to users) may
    /// still be sent before what is left is abandoned and counted in the log. Between 1 s and 5 min: a container
    /// runtime kills a process that takes longer than its grace period anyway.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan DrainTimeout { get; set; } = TimeSpan.FromSeconds(20);
}
