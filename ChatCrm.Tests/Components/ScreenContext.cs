using System.Security.Claims;
using Bunit;
using ChatCrm.Core.Accounts;
using ChatCrm.Tests.Fixtures;
using ChatCrm.Web.Components.Account;
using ChatCrm.Web.Components.Shared;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace ChatCrm.Tests.Components;

/// <summary>
/// What a screen needs in a bUnit test: MudBlazor's services, the kit's (Outcomes, Confirmations), the signed-in person
/// and, behind them, the real Core services of the test's own SQLite database.
/// </summary>
internal static class ScreenContext
{
    public static BunitContext UseMudBlazor(this BunitContext context)
    {
        // MudBlazor's components call their scripts (sizes, popovers); bUnit answers every call with a default.
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Services.AddMudServices();
        context.Services.AddScoped<Outcomes>();
        context.Services.AddScoped<Confirmations>();
        return context;
    }

    /// <summary>A screen of <paramref name="actor"/>'s over <paramref name="core"/>'s services.</summary>
    public static BunitContext UseScreenOf(this BunitContext context, CoreServices core, Actor actor, string name = "Alex Agent")
    {
        context.UseMudBlazor();
        context.Services.AddScoped<CurrentActor>();
        var authorization = context.AddAuthorization();
        authorization.SetAuthorized(name);
        authorization.SetRoles(actor.Role);
        authorization.SetClaims(new Claim(ClaimTypes.NameIdentifier, actor.UserId.ToString()));
        context.Services.AddFallbackServiceProvider(core.Services);
        return context;
    }
}
