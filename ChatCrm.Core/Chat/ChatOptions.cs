using System.ComponentModel.DataAnnotations;

namespace ChatCrm.Core.Chat;

/// <summary><c>ChatCrm:Chat</c>: limits for messages and attachments.</summary>
public sealed class ChatOptions
{
    public const string Section = "ChatCrm:Chat";

    [Range(1, 500)]
    public int PageSize { get; set; } = 50;

    /// <summary>How long after sending a person may still delete a message for everyone.</summary>
    [Range(1, 10080)]
    public int DeleteForEveryoneMinutes { get; set; } = 60;

    [Range(1024, 2L * 1024 * 1024 * 1024)]
    public long ImageMaxBytes { get; set; } = 10 * 1024 * 1024;

    [Range(1024, 2L * 1024 * 1024 * 1024)]
    public long VideoMaxBytes { get; set; } = 100 * 1024 * 1024;

    [Range(1024, 2L * 1024 * 1024 * 1024)]
    public long FileMaxBytes { get; set; } = 25 * 1024 * 1024;

    /// <summary>File name endings refused outright (things a browser or desktop might run).</summary>
    public string[] BlockedExtensions { get; set; } = [".exe", ".bat", ".cmd", ".com", ".msi", ".ps1", ".sh", ".js", ".vbs", ".scr", ".jar", ".html", ".htm", ".svg"];

    [Range(2, 500)]
    public int GroupMaxMembers { get; set; } = 100;

    /// <summary>How many files one choice (or paste) may attach; they upload one after another.</summary>
    [Range(1, 100)]
    public int FilesAtOnceMax { get; set; } = 10;

    /// <summary>
    /// A message search for someone who may see at most this many messages reads them one by one (a few ms); beyond
    /// it, SQLite searches through its text index (Data/MessageTextIndex).
    /// </summary>
    [Range(0, 1_000_000)]
    public int SearchScanMax { get; set; } = 5_000;

    /// <summary>A message unread this long goes into the person's next digest mail (ChatDigest).</summary>
    [Range(1, 10080)]
    public int DigestDelayMinutes { get; set; } = 15;

    /// <summary>At most one digest mail per person in this time.</summary>
    [Range(1, 10080)]
    public int DigestIntervalMinutes { get; set; } = 60;

    /// <summary>How often each server looks for digests due.</summary>
    [Range(5, 3600)]
    public int DigestPollSeconds { get; set; } = 60;
}
