using MudBlazor;

namespace ChatCrm.Web.Components.Layout;

/// <summary>
/// Light or dark, and the one MudBlazor theme both are drawn from. The choice lives in a plain cookie (written by
/// wwwroot/js/theme.js) rather than localStorage so that the server renders the right stylesheet in the first
/// response: no flash of the wrong theme on load, and the static account pages follow it too.
/// </summary>
public static class AppTheme
{
    public const string CookieName = "ChatCrm.Theme";
    public const string Light = "light";
    public const string Dark = "dark";

    /// <summary>The person's mode from the theme cookie: <see cref="Light"/> or <see cref="Dark"/>.</summary>
    public static string FromRequest(HttpContext? http) =>
        http?.Request.Cookies[CookieName] == "dark" ? Dark : Light;

    // System fonts: nothing to download (the app runs without internet), and each platform's own reads best there.
    private static readonly string[] SystemFonts = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"];

    /// <summary>The ChatCrm theme: the brand's indigo (the favicon's) on MudBlazor's defaults, in both modes.</summary>
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#4340d2",
            AppbarBackground = "#4340d2",
            Secondary = "#00838f",
            Background = "#f6f7fb",
            DrawerBackground = "#ffffff",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#8f8cff",
            PrimaryContrastText = "#101026",
            AppbarBackground = "#1f1f3a",
            Secondary = "#4dd0e1",
            // MudBlazor's dark error red is too dim to read as a bar or a badge on the dark surface.
            Error = "#ff6e6e",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = SystemFonts },
        },
        LayoutProperties = new LayoutProperties
        {
            DefaultBorderRadius = "6px",
            AppbarHeight = "3.5rem",
        },
    };
}
