using ChatCrm.Core.Accounts;
using ChatCrm.Core.Data;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Web.Components.Account;

internal static class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // Sign-out is a POST with an anti-forgery token: a link or image elsewhere cannot sign anyone out. The form is
        // read by hand after the token check, so a forged post gets a plain 400 rather than a binding exception.
        endpoints.MapPost("/account/logout", async (HttpContext http, [FromServices] AccountSignIn signIn) =>
        {
            // A body of its own keeps the status-code page from re-running this POST through anti-forgery again.
            if (http.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: false })
                return Results.Text("This sign-out form has expired. Reload the page and try again.", statusCode: StatusCodes.Status400BadRequest);
            var form = await http.Request.ReadFormAsync();
            await signIn.SignOutAsync(http);
            var returnUrl = form["returnUrl"].ToString();
            return Results.LocalRedirect(returnUrl.Length > 0 ? AccountRedirectManager.SafeLocal(returnUrl) : "/account/login");
        }).RequireAuthorization().WithMetadata(new RequireAntiforgeryTokenAttribute());

        // Avatars are visible to signed-in people only (they find each other by them); the name is random.
        endpoints.MapGet("/files/avatars/{userId:guid}", async (Guid userId, [FromServices] IDbContextFactory<ChatCrmDbContext> dbFactory,
            [FromServices] AvatarStore avatars, CancellationToken cancellationToken) =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var file = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.AvatarFile).FirstOrDefaultAsync(cancellationToken);
            return avatars.Open(file) is { } found
                ? Results.File(found.Path, found.ContentType, enableRangeProcessing: false, lastModified: File.GetLastWriteTimeUtc(found.Path))
                : Results.NotFound();
        }).RequireAuthorization();
    }
}
