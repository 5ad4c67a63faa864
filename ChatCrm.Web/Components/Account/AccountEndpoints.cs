using ChatCrm.Core.Accounts;
using ChatCrm.Core.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Web.Components.Account;

internal static class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // Sign-out is a POST: a link or image elsewhere cannot sign anyone out. Anti-forgery is checked by the middleware.
        endpoints.MapPost("/account/logout", async (HttpContext http, [FromServices] AccountSignIn signIn, [FromForm] string? returnUrl) =>
        {
            await signIn.SignOutAsync(http);
            return TypedResults.LocalRedirect(returnUrl is { Length: > 0 } ? AccountRedirectManager.SafeLocal(returnUrl) : "/account/login");
        }).RequireAuthorization();

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
