using ChatCrm.Core.Common;
using ChatCrm.Web.Components.Shared;

namespace ChatCrm.Web.Components.Pages.Profile;

/// <summary>
/// The account's time zone: every zone the server knows, found by any part of its name and shown with its offset now,
/// so a city is easy to tell from its neighbour. Saving it switches this page's clock at once.
/// </summary>
public sealed partial class TimeZoneSetting
{
    // Enough to browse a region's cities; typing a few letters narrows hundreds of zones to a handful.
    private const int MaxShown = 30;

    private IReadOnlyList<string> _zones = [];
    private string? _zone;
    private string? _status;

    protected override async Task OnInitializedAsync()
    {
        try
        {
            var actor = await GetActorAsync();
            var stored = await Profiles.GetTimeZoneAsync(actor.UserId);
            _zone = stored ?? TimeZoneInfo.Utc.Id;
            // An alias the account holds (a browser may report one) stays in the list so it shows as chosen.
            _zones = TimeZoneIds.All.Contains(_zone) ? TimeZoneIds.All : [.. TimeZoneIds.All, _zone];
            _status = stored is null ? $"No zone chosen yet: times show in UTC, now {Time.Short(Time.Now)}." : ZoneNow();
        }
        catch (Exception ex)
        {
            Report(ex, "load time zone");
        }
    }

    private Task<IEnumerable<string>> Search(string? text, CancellationToken _)
    {
        var term = text?.Trim();
        // The box shows the chosen zone's description when it opens; that text lists every zone, not just itself.
        var matches = string.IsNullOrEmpty(term) || term == Describe(_zone)
            ? _zones
            : _zones.Where(id => Describe(id).Contains(term, StringComparison.OrdinalIgnoreCase));
        return Task.FromResult(matches);
    }

    private async Task SaveAsync()
    {
        var zone = _zone;
        if (await RunAsync("save time zone", actor => Profiles.SetTimeZoneAsync(actor, zone), "Time zone saved."))
        {
            var actor = await GetActorAsync();
            // This tab reads the new zone at once; other open tabs take it at their next page load.
            Time.Use(actor.UserId, await Profiles.GetTimeZoneAsync(actor.UserId));
            _status = $"Time zone saved. {ZoneNow()}";
        }
    }

    private string ZoneNow() => $"Times show in {Time.ZoneName}: it is now {Time.Short(Time.Now)} there.";

    private string Describe(string? id)
    {
        if (id is null) return "";
        if (!TimeZoneIds.TryFind(id, out var zone)) return id;
        var offset = zone.GetUtcOffset(Time.Now);
        return $"{id} (UTC{(offset < TimeSpan.Zero ? "-" : "+")}{offset.Duration():hh\\:mm})";
    }
}
