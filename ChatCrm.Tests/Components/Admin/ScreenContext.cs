using System.Security.Claims;
using AngleSharp.Dom;
using Bunit;
using ChatCrm.Core.Accounts;
using ChatCrm.Tests.Fixtures;
using ChatCrm.Web.Components.Account;
using ChatCrm.Web.Components.Shared;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace ChatCrm.Tests.Components.Admin;

/// <summary>
/// What an account screen needs in bUnit: MudBlazor's services and hosts, the kit (Outcomes, Confirmations,
/// CurrentActor), Core's real services over SQLite, and a signed-in person (claims as the auth cookie carries them).
/// </summary>
internal static class ScreenContext
{
    public static void AddScreenServices(this BunitContext context, CoreServices core, AppUser me, string role, Guid? sessionId = null)
    {
        context.Services.AddMudServices();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Services.AddScoped<Outcomes>();
        context.Services.AddScoped<Confirmations>();
        context.Services.AddScoped<CurrentActor>();
        context.Services.AddSingleton<TimeProvider>(core.Clock);
        context.Services.AddScoped<ReaderClock>();
        context.Services.AddSingleton(core.Get<AdminAccountService>());
        context.Services.AddSingleton(core.Get<ProfileService>());
        context.Services.AddSingleton(core.Get<SessionService>());
        context.Services.AddSingleton(core.Get<AvatarStore>());
        context.Services.AddSingleton(core.Get<Core.Email.MailOutboxAdmin>());

        var auth = context.AddAuthorization();
        auth.SetAuthorized(me.DisplayName);
        auth.SetRoles(role);
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, me.Id.ToString()) };
        if (sessionId is { } sid) claims.Add(new Claim(SessionClaims.SessionId, sid.ToString()));
        auth.SetClaims([.. claims]);
    }

    /// <summary>The dialog and snackbar hosts, rendered beside the screen as MainLayout does.</summary>
    public static (IRenderedComponent<MudDialogProvider> Dialogs, IRenderedComponent<MudSnackbarProvider> Snackbars) RenderHosts(this BunitContext context)
    {
        context.Render<MudPopoverProvider>();
        return (context.Render<MudDialogProvider>(), context.Render<MudSnackbarProvider>());
    }

    /// <summary>The input a MudBlazor field's label names.</summary>
    public static IElement FieldIn(IElement root, string label)
    {
        var labelElement = root.QuerySelectorAll("label").Single(l => l.TextContent.Trim() == label);
        var control = labelElement.Closest(".mud-input-control") ?? throw new InvalidOperationException($"No field around the label {label}.");
        return control.QuerySelector("input, textarea") ?? throw new InvalidOperationException($"No input for {label}.");
    }

    /// <summary>The messages shown beside the fields, top to bottom.</summary>
    public static List<string> FieldMessages(IElement root) =>
        root.QuerySelectorAll(".mud-input-helper-text.mud-input-error, .mud-input-error .mud-input-helper-text")
            .Select(e => e.TextContent.Trim()).Where(t => t.Length > 0).Distinct().ToList();

    public static IElement Button(IElement root, string text) =>
        root.QuerySelectorAll("button").Single(b => b.TextContent.Trim() == text);
}
