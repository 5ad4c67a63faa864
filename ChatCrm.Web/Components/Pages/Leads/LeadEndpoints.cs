using System.Globalization;
using ChatCrm.Core.Accounts;
using ChatCrm.Core.Leads;
using ChatCrm.Core.Leads.Import;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ChatCrm.Web.Components.Pages.Leads;

internal static class LeadEndpoints
{
    public static void MapLeadEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // The lead list's current view as CSV: the query string is the list's own filter (LeadFilter), so the list
        // links here with its query unchanged. A file download is a plain HTTP response, not a circuit message, so the
        // export cannot block anyone's page and the browser shows its own download progress.
        endpoints.MapGet("/leads/export.csv", (HttpContext http, [FromServices] LeadCsvExport export, [FromServices] TimeProvider clock) =>
        {
            if (Actor.FromPrincipal(http.User) is not { } actor) return Results.Unauthorized();
            var filter = LeadFilter.Parse(http.Request.QueryString.Value);
            var fileName = $"leads-{clock.GetUtcNow().ToString("yyyyMMdd", CultureInfo.InvariantCulture)}.csv";
            http.Response.Headers.CacheControl = "no-store";
            return Results.Stream(stream => export.WriteAsync(actor, filter, stream, http.RequestAborted), "text/csv; charset=utf-8", fileName);
        }).RequireAuthorization(new AuthorizeAttribute { Roles = Roles.Staff });
    }
}
