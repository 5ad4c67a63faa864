using System.Text.RegularExpressions;

namespace ChatCrm.Web.Components.Shared;

/// <summary>
/// The browser's time zone for this tab (scoped), asked once through JS: message times, day separators and "last seen"
/// read in the person's own clock. Until it is known, times are UTC.
/// </summary>
internal sealed partial class BrowserTime
{
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    public bool Known { get; private set; }

    /// <param name="ianaId">From Intl.DateTimeFormat; untrusted, so only a plain zone name is looked up.</param>
    /// <param name="offsetMinutes">Date.getTimezoneOffset(): minutes to add to local time to get UTC.</param>
    public void Set(string? ianaId, int offsetMinutes)
    {
        Known = true;
        if (ianaId is { Length: <= 64 } && ZoneName().IsMatch(ianaId))
        {
            try
            {
                Zone = TimeZoneInfo.FindSystemTimeZoneById(ianaId);
                return;
            }
            catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
            {
                // Not in this server's zone database: the fixed offset below is right until the next clock change.
            }
        }
        var offset = TimeSpan.FromMinutes(-Math.Clamp(offsetMinutes, -14 * 60, 14 * 60));
        Zone = TimeZoneInfo.CreateCustomTimeZone("browser", offset, "Browser", "Browser");
    }

    public DateTime Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Zone).DateTime;

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_+\-]*(/[A-Za-z0-9_+\-]+){0,2}$")]
    private static partial Regex ZoneName();
}
