namespace ChatCrm.Web.Components.Layout;

/// <summary>
/// Light or dark. The choice lives in a plain cookie (written by wwwroot/js/theme.js) rather than localStorage so that
/// the server renders the right stylesheet in the first response: no flash of the wrong theme on load, and the static
/// account pages follow it too.
/// </summary>
public static class AppTheme
{
    public const string CookieName = "ChatCrm.Theme";
    public const string Light = "material";
    public const string Dark = "material-dark";

    public static string FromRequest(HttpContext? http) =>
        http?.Request.Cookies[CookieName] == "dark" ? Dark : Light;

    /// <summary>The value of <c>data-theme</c> on the html element, which app.css keys a few colours on.</summary>
    public static string Mode(string? radzenTheme) => radzenTheme == Dark ? "dark" : "light";
}
