using System.ComponentModel.DataAnnotations;

namespace ChatCrm.Core.Cluster;

/// <summary>
/// Several servers (README "Several servers"): set <c>ConnectionStrings:Redis</c> on every server of one ChatCrm and
/// they share live events, presence and limits through it. Unset, the app is one server and never connects to Redis.
/// </summary>
public sealed class ClusterOptions
{
    public const string Section = "ChatCrm:Cluster";

    /// <summary>Every key and channel starts with this, so several ChatCrms (or test runs) can share one Redis.</summary>
    [Required, RegularExpression("^[A-Za-z0-9:_-]{1,64}$")]
    public string KeyPrefix { get; set; } = "chatcrm:";

    /// <summary>How often a server renews its people's presence.</summary>
    [Range(1, 300)]
    public int HeartbeatSeconds { get; set; } = 10;

    /// <summary>
    /// How long presence outlives the last heartbeat: the people of a server that stopped without saying so go offline
    /// within this (plus one sweep).
    /// </summary>
    [Range(2, 900)]
    public int PresenceTimeoutSeconds { get; set; } = 30;

    /// <summary>How often each server looks for presence whose server stopped renewing it.</summary>
    [Range(1, 300)]
    public int SweepSeconds { get; set; } = 5;
}
