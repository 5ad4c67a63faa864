using Microsoft.AspNetCore.Components;

namespace ChatCrm.Web.Components.Account;

/// <summary>Redirects from the static account pages, refusing anything that is not a local path (no open redirect).</summary>
internal sealed class AccountRedirectManager(NavigationManager navigation)
{
    public const string StatusCookieName = "ChatCrm.Status";

    public void RedirectTo(string? uri)
    {
        navigation.NavigateTo(SafeLocal(uri));
    }

    public void RedirectToWithStatus(string uri, string message, HttpContext context)
    {
        context.Response.Cookies.Append(StatusCookieName, message, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            IsEssential = true,
            MaxAge = TimeSpan.FromSeconds(30),
            Secure = context.Request.IsHttps,
        });
        RedirectTo(uri);
    }

    public static string SafeLocal(string? uri) =>
        string.IsNullOrEmpty(uri) || !uri.StartsWith('/') || uri.StartsWith("//", StringComparison.Ordinal) || uri.StartsWith("/\\", StringComparison.Ordinal)
            ? "/"
            : uri;
}
