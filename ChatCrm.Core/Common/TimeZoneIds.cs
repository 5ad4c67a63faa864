using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace ChatCrm.Core.Common;

/// <summary>
/// The IANA time zone ids an account may hold ("Europe/Lisbon", "America/New_York", "UTC"), as this server's zone
/// database (tzdata, which .NET reads on Linux) knows them. Ids come from browsers and forms, so they are checked
/// before they are looked up or stored; a Windows id ("Pacific Standard Time") is refused, it is no IANA name.
/// </summary>
public static partial class TimeZoneIds
{
    /// <summary>Room for every IANA id (the longest is about 32 characters).</summary>
    public const int Max = 64;

    private static readonly Lazy<IReadOnlyList<string>> Known = new(() =>
    {
        var ids = TimeZoneInfo.GetSystemTimeZones(skipSorting: true).Where(z => z.HasIanaId).Select(z => z.Id)
            .Where(id => id != TimeZoneInfo.Utc.Id).Order(StringComparer.Ordinal).ToList();
        ids.Insert(0, TimeZoneInfo.Utc.Id);
        return ids;
    });

    // The listed ids by any spelling: the zone files' names are case-sensitive on Linux, people's typing is not.
    private static readonly Lazy<Dictionary<string, string>> Spelling = new(() => Known.Value.ToDictionary(id => id, StringComparer.OrdinalIgnoreCase));

    /// <summary>The zones to choose from, "UTC" first and then by id.</summary>
    public static IReadOnlyList<string> All => Known.Value;

    /// <summary>
    /// Finds the zone; the id is matched ignoring case and <paramref name="zone"/> carries its proper spelling. Besides
    /// the listed zones, an IANA alias with a region ("Asia/Calcutta", which some browsers report) is accepted; bare
    /// file names of the zone database that are no place ("Factory", "posixrules", "localtime") are not.
    /// </summary>
    public static bool TryFind(string? id, [NotNullWhen(true)] out TimeZoneInfo? zone)
    {
        zone = null;
        id = id?.Trim();
        if (string.IsNullOrEmpty(id) || id.Length > Max || !Shape().IsMatch(id)) return false;
        if (Spelling.Value.TryGetValue(id, out var listed)) id = listed;
        else if (!id.Contains('/', StringComparison.Ordinal)) return false;
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(id, out var found) || !found.HasIanaId) return false;
        zone = found;
        return true;
    }

    /// <summary>Why the id cannot be an account's zone, or null when it can.</summary>
    public static string? Problem(string? id) =>
        string.IsNullOrWhiteSpace(id) ? "Choose a time zone."
        : TryFind(id, out _) ? null
        : $"“{Clip(id.Trim())}” is not a time zone ChatCrm knows. Choose one from the list, such as Europe/Lisbon or America/New_York.";

    private static string Clip(string id) => id.Length <= Max ? id : id[..Max] + "…";

    // Region/City, Region/Sub/City, or one word ("UTC", "EST5EDT"): never a path or anything else a file lookup could
    // be tricked with.
    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_+\-]*(/[A-Za-z0-9_+\-]+){0,2}$")]
    private static partial Regex Shape();
}
