using ChatCrm.Core.Accounts;
using ChatCrm.Core.Chat;
using Microsoft.AspNetCore.Mvc;

namespace ChatCrm.Web.Components.Pages.Chat;

internal static class ChatEndpoints
{
    /// <summary>
    /// Chat files, served only to people who may see the message (a guessed id gets the same 404 as a missing one).
    /// Images and videos show inline; anything else downloads, and nosniff (on every answer, Infrastructure/SecurityHeaders)
    /// keeps a browser from running it.
    /// </summary>
    public static void MapChatEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/files/chat/{messageId:guid}", async (Guid messageId, HttpContext http, [FromServices] MessageService messages, CancellationToken cancellationToken) =>
        {
            if (Actor.FromPrincipal(http.User) is not { } actor) return Results.Unauthorized();
            if (await messages.OpenAttachmentAsync(actor, messageId, cancellationToken) is not { } file) return Results.NotFound();
            http.Response.Headers.CacheControl = "private, max-age=86400";
            var inline = file.Attachment.ContentType.StartsWith("image/", StringComparison.Ordinal) || file.Attachment.ContentType.StartsWith("video/", StringComparison.Ordinal);
            return Results.File(file.Path, file.Attachment.ContentType, inline ? null : file.Attachment.FileName, enableRangeProcessing: true);
        }).RequireAuthorization();

        endpoints.MapGet("/files/groups/{conversationId:guid}", async (Guid conversationId, HttpContext http, [FromServices] ConversationService chats,
            [FromServices] AvatarStore avatars, CancellationToken cancellationToken) =>
        {
            if (Actor.FromPrincipal(http.User) is not { } actor) return Results.Unauthorized();
            return avatars.Open(await chats.GroupAvatarAsync(actor, conversationId, cancellationToken)) is { } found
                ? Results.File(found.Path, found.ContentType)
                : Results.NotFound();
        }).RequireAuthorization();
    }
}
