using System.Globalization;
using System.Text;
using ChatCrm.Core.Common;
using Microsoft.AspNetCore.WebUtilities;

namespace ChatCrm.Core.Leads;

/// <summary>
/// Which leads a view shows. It round-trips through a URL query string, so the lead list can keep it in the address
/// bar (bookmark, share), the CSV export can take the same view, and a campaign can save it as its audience.
/// Dates are whole days of <see cref="TimeZone"/> (UTC when it names none); <see cref="CreatedTo"/> includes its day.
/// The zone travels with the dates, so a bookmark, a shared address or a saved audience means the same leads for
/// everyone who opens it, whatever their own zone.
/// </summary>
public sealed record LeadFilter
{
    public const int SearchMax = 100;

    /// <summary>The <c>owner</c> value meaning "no owner yet".</summary>
    public const string Unassigned = "none";

    public string? Search { get; init; }

    /// <summary><see cref="Search"/> as it is compared with a lead's lower-case search text; null when there is none.</summary>
    public string? SearchTerm => string.IsNullOrWhiteSpace(Search) ? null : Search.Trim().ToLowerInvariant();

    public IReadOnlyList<LeadStatus> Statuses { get; init; } = [];

    public Guid? OwnerId { get; init; }

    public bool OnlyUnassigned { get; init; }

    public string? Source { get; init; }

    public string? Tag { get; init; }

    public DateOnly? CreatedFrom { get; init; }

    public DateOnly? CreatedTo { get; init; }

    /// <summary>The IANA zone whose days <see cref="CreatedFrom"/> and <see cref="CreatedTo"/> are; null is UTC.</summary>
    public string? TimeZone { get; init; }

    /// <summary>The days the filter's dates are counted in.</summary>
    public ReaderTime Days => ReaderTime.For(TimeZone);

    /// <summary>The filter with its dates counted in the reader's days (a person picked them in their own zone).</summary>
    public LeadFilter WithDaysOf(ReaderTime reader) => this with { TimeZone = reader.Zone == TimeZoneInfo.Utc ? null : reader.ZoneName };

    public bool IsEmpty => ToQueryString().Length == 0;

    /// <summary>Reads a query string ("?q=..&amp;status=New,Won"); unknown or malformed values are ignored, never thrown.</summary>
    public static LeadFilter Parse(string? query)
    {
        var values = QueryHelpers.ParseQuery(query);
        string? One(string key) => values.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v.ToString()) ? v.ToString().Trim() : null;
        var owner = One("owner");
        return new LeadFilter
        {
            Search = Clip(One("q"), SearchMax),
            Statuses = (One("status") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(s => Enum.TryParse<LeadStatus>(s, ignoreCase: true, out var status) && Enum.IsDefined(status) ? status : (LeadStatus?)null)
                .OfType<LeadStatus>().Distinct().Order().ToList(),
            OwnerId = Guid.TryParse(owner, out var ownerId) ? ownerId : null,
            OnlyUnassigned = string.Equals(owner, Unassigned, StringComparison.OrdinalIgnoreCase),
            Source = Clip(One("source"), Lead.SourceMax),
            Tag = Clip(One("tag"), LeadTag.ValueMax)?.ToLowerInvariant(),
            CreatedFrom = ParseDate(One("from")),
            CreatedTo = ParseDate(One("to")),
            TimeZone = TimeZoneIds.TryFind(One("tz"), out var zone) && zone != TimeZoneInfo.Utc ? zone.Id : null,
        };
    }

    /// <summary>The query string without "?", keys in a fixed order; empty when nothing is filtered.</summary>
    public string ToQueryString()
    {
        var parts = new List<(string Key, string Value)>();
        if (!string.IsNullOrWhiteSpace(Search)) parts.Add(("q", Search.Trim()));
        if (Statuses.Count > 0) parts.Add(("status", string.Join(',', Statuses.Distinct().Order())));
        if (OnlyUnassigned) parts.Add(("owner", Unassigned));
        else if (OwnerId is { } owner) parts.Add(("owner", owner.ToString()));
        if (!string.IsNullOrWhiteSpace(Source)) parts.Add(("source", Source.Trim()));
        if (!string.IsNullOrWhiteSpace(Tag)) parts.Add(("tag", Tag.Trim()));
        if (CreatedFrom is { } from) parts.Add(("from", from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        if (CreatedTo is { } to) parts.Add(("to", to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        // The zone only matters with a date; without one it would only make two equal views look different.
        if ((CreatedFrom is not null || CreatedTo is not null) && !string.IsNullOrWhiteSpace(TimeZone)) parts.Add(("tz", TimeZone.Trim()));
        var text = new StringBuilder();
        foreach (var (key, value) in parts)
        {
            if (text.Length > 0) text.Append('&');
            text.Append(key).Append('=').Append(Uri.EscapeDataString(value));
        }
        return text.ToString();
    }

    private static string? Clip(string? value, int max) => value is null ? null : value.Length <= max ? value : value[..max];

    private static DateOnly? ParseDate(string? value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}
