using ChatCrm.Core.Leads;
using Microsoft.AspNetCore.WebUtilities;

namespace ChatCrm.Web.Components.Pages.Leads;

/// <summary>
/// Everything the lead list shows, as it sits in the address bar: the filter (<see cref="LeadFilter"/>'s keys) plus
/// <c>sort</c>, <c>dir</c> and <c>page</c>. The URL is the only place this state lives, so a bookmark, a shared link,
/// a reload and back/forward all show the same view.
/// </summary>
public sealed record LeadListView(LeadFilter Filter, LeadSort Sort = LeadSort.Updated, bool Descending = true, int Page = 1)
{
    public static LeadListView Parse(string? query)
    {
        var values = QueryHelpers.ParseQuery(query);
        var sort = values.TryGetValue("sort", out var s) && Enum.TryParse<LeadSort>(s.ToString(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
            ? parsed : LeadSort.Updated;
        var descending = !values.TryGetValue("dir", out var d) || !string.Equals(d.ToString(), "asc", StringComparison.OrdinalIgnoreCase);
        var page = values.TryGetValue("page", out var p) && int.TryParse(p.ToString(), out var number) && number is > 0 and < 1_000_000 ? number : 1;
        return new LeadListView(LeadFilter.Parse(query), sort, descending, page);
    }

    /// <summary>The query without "?"; the defaults (newest updated first, page 1) are left out to keep links short.</summary>
    public string ToQueryString()
    {
        var parts = new List<string>();
        if (Filter.ToQueryString() is { Length: > 0 } filter) parts.Add(filter);
        if (Sort != LeadSort.Updated || !Descending)
        {
            parts.Add("sort=" + Sort.ToString().ToLowerInvariant());
            parts.Add("dir=" + (Descending ? "desc" : "asc"));
        }
        if (Page > 1) parts.Add("page=" + Page.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return string.Join('&', parts);
    }

    /// <summary>Same view, compared by what the URL says (the filter's lists compare by content this way).</summary>
    public bool SameAs(LeadListView? other) => other is not null && other.ToQueryString() == ToQueryString();

    public static string Url(string path, string query) => query.Length == 0 ? path : $"{path}?{query}";
}
