namespace ChatCrm.Web.Infrastructure;

/// <summary>
/// The response headers every answer carries: pages, files, /health, error and status-code pages, and answers cut
/// short by the rate limiter or anti-forgery. Set when the response starts rather than when the request comes in, so
/// that the exception handler clearing the response for the error page does not clear them too.
/// </summary>
internal static class SecurityHeaders
{
    /// <summary>
    /// Scripts come only from this app (blazor.web.js, MudBlazor's script, wwwroot/js); no page has an inline script,
    /// so neither 'unsafe-inline' nor a nonce is needed for scripts, and nothing needs eval.
    /// Styles need 'unsafe-inline': MudBlazor renders style attributes (widths, positions, colours) and Blazor writes
    /// them while patching the page; a hash or nonce cannot cover attributes that change at run time.
    /// connect-src 'self' covers the circuit's same-origin WebSocket (ws: and wss: to this host count as 'self' in
    /// CSP 3, which Chromium follows). Pictures and videos are the app's own (avatars, chat files, the logo).
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self'; media-src 'self'; " +
        "font-src 'self'; connect-src 'self'; frame-ancestors 'self'; object-src 'none'; base-uri 'self'; form-action 'self'";

    /// <summary>
    /// Full address within the app, nothing to other sites: chat messages link to outside pages, which need not learn
    /// the CRM's (often internal) host name or the page a person was on, such as a lead search or a setup link.
    /// </summary>
    public const string ReferrerPolicy = "same-origin";

    /// <summary>
    /// Device features ChatCrm never uses are off for it and anything it embeds. Fullscreen and picture-in-picture stay
    /// (the chat's video player offers them); notifications and the clipboard paste the composer reads are not
    /// Permissions-Policy features.
    /// </summary>
    public const string PermissionsPolicy =
        "accelerometer=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), hid=(), magnetometer=(), " +
        "microphone=(), midi=(), payment=(), screen-wake-lock=(), serial=(), usb=(), xr-spatial-tracking=()";

    /// <summary>First in the pipeline (before routing, so short-circuited endpoints such as the Blazor script get them).</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(static state =>
        {
            var headers = ((HttpResponse)state).Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers["Referrer-Policy"] = ReferrerPolicy;
            headers["Permissions-Policy"] = PermissionsPolicy;
            return Task.CompletedTask;
        }, context.Response);
        return next(context);
    });
}
