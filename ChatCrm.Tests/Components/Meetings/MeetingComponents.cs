using System.Security.Claims;
using Bunit;
using ChatCrm.Core.Accounts;
using ChatCrm.Core.Meetings;
using ChatCrm.Web.Components.Account;
using ChatCrm.Web.Components.Shared;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace ChatCrm.Tests.Components.Meetings;

/// <summary>A bUnit context for the meeting screens: MudBlazor, the signed-in person, and Core's real MeetingService.</summary>
internal static class MeetingComponents
{
    public static BunitContext NewContext(IServiceProvider core, Actor actor)
    {
        var context = new BunitContext();
        context.Services.AddMudServices();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        var authorization = context.AddAuthorization();
        authorization.SetAuthorized(actor.UserId.ToString());
        // Roles first: setting them starts the principal afresh, without the claims.
        authorization.SetRoles(actor.Role);
        authorization.SetClaims(new Claim(ClaimTypes.NameIdentifier, actor.UserId.ToString()));
        context.Services.AddScoped<CurrentActor>();
        // The reader's clock reads UTC until a test gives it a zone (ReaderClock.Use), as for an account without one.
        context.Services.AddSingleton(core.GetRequiredService<TimeProvider>());
        context.Services.AddScoped<ReaderClock>();
        context.Services.AddScoped<Outcomes>();
        context.Services.AddScoped<Confirmations>();
        context.Services.AddSingleton(core.GetRequiredService<MeetingService>());
        return context;
    }
}
