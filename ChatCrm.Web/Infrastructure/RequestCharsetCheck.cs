using Microsoft.Net.Http.Headers;

namespace ChatCrm.Web.Infrastructure;

/// <summary>
/// A request body in a character set .NET refuses to decode (UTF-7, disabled since .NET 5 because it smuggles
/// markup past filters) answers 415 before anything reads it. Without this the anti-forgery check, which reads every
/// posted form, throws NotSupportedException and the post answers 500; the error page, re-running the same post
/// through anti-forgery, fails as well. Unknown charset names need nothing here: ASP.NET Core reads those as UTF-8.
/// </summary>
internal static class RequestCharsetCheck
{
    public static IApplicationBuilder UseRequestCharsetCheck(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (IsRefused(context.Request.ContentType))
        {
            context.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync("This request's character set is not supported; send UTF-8.", context.RequestAborted);
            return;
        }
        await next(context);
    });

    private static bool IsRefused(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var type) || type.Charset.Length == 0) return false;
        try
        {
            _ = type.Encoding; // null for a name it does not know; throws for one it knows and refuses
            return false;
        }
        catch (NotSupportedException)
        {
            return true;
        }
    }
}
