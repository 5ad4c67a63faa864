namespace ChatCrm.Web.Components.Shared;

/// <summary>
/// What a state says at a glance: each feature maps its states to a tone once (LeadFormat.StatusTone,
/// TicketFormat.PriorityTone, ...), and the badge (app.css .app-badge) and chart colour both come from it, so a status
/// reads the same in a list, on the board and on the dashboard's charts.
/// </summary>
public enum Tone
{
    Neutral,
    Primary,
    Info,
    Success,
    Warning,
    Error,
}

public static class ToneStyle
{
    /// <summary>The badge's classes (app.css "Badges").</summary>
    public static string Badge(this Tone tone) => tone switch
    {
        Tone.Primary => "app-badge app-badge-primary",
        Tone.Info => "app-badge app-badge-info",
        Tone.Success => "app-badge app-badge-success",
        Tone.Warning => "app-badge app-badge-warning",
        Tone.Error => "app-badge app-badge-error",
        _ => "app-badge app-badge-neutral",
    };

    /// <summary>
    /// A theme colour (a CSS variable, which SVG fills accept), so charts follow the light and dark theme. Neutral is
    /// the theme's secondary text colour: grey on white, light grey on the dark surface.
    /// </summary>
    public static string Colour(this Tone tone) => tone switch
    {
        Tone.Primary => "var(--mud-palette-primary)",
        Tone.Info => "var(--mud-palette-info)",
        Tone.Success => "var(--mud-palette-success)",
        Tone.Warning => "var(--mud-palette-warning)",
        Tone.Error => "var(--mud-palette-error)",
        _ => "var(--mud-palette-text-secondary)",
    };
}
