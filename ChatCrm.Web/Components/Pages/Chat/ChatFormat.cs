using System.Globalization;
using ChatCrm.Web.Components.Shared;

namespace ChatCrm.Web.Components.Pages.Chat;

/// <summary>How the chat words presence and sizes; times come from the reader's clock (<see cref="ReaderClock"/>).</summary>
internal static class ChatFormat
{
    private static readonly CultureInfo English = CultureInfo.InvariantCulture;

    /// <summary>A person's presence line: "last seen today at 14:05" and the like, in the reader's zone.</summary>
    public static string LastSeen(DateTimeOffset? seen, ReaderClock time) =>
        seen is { } at ? "last seen " + time.Format.SeenAt(at, time.Now) : "offline";

    public static string Size(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => string.Create(English, $"{bytes / 1024.0:0.#} KB"),
        < 1024L * 1024 * 1024 => string.Create(English, $"{bytes / (1024.0 * 1024):0.#} MB"),
        _ => string.Create(English, $"{bytes / (1024.0 * 1024 * 1024):0.##} GB"),
    };

    public static string Megabytes(long bytes) => string.Create(English, $"{bytes / (1024.0 * 1024):0.#} MB");
}
