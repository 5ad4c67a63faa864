using System.Security.Claims;
using AngleSharp.Dom;
using Bunit;
using ChatCrm.Core.Accounts;
using ChatCrm.Tests.Fixtures;
using ChatCrm.Web.Components.Account;
using ChatCrm.Web.Components.Shared;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
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
        context.Services.AddScoped<ReaderClock>();
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

    /// <summary>An account screen of <paramref name="me"/>'s, with the session id the auth cookie carries.</summary>
    public static void AddScreenServices(this BunitContext context, CoreServices core, AppUser me, string role, Guid? sessionId = null)
    {
        context.UseMudBlazor();
        context.Services.AddScoped<CurrentActor>();
        context.Services.AddSingleton<TimeProvider>(core.Clock);
        context.Services.AddSingleton(core.Get<AdminAccountService>());
        context.Services.AddSingleton(core.Get<ProfileService>());
        context.Services.AddSingleton(core.Get<SessionService>());
        context.Services.AddSingleton(core.Get<AvatarStore>());
        context.Services.AddSingleton(core.Get<Core.Email.MailOutboxAdmin>());
        context.Services.AddSingleton(core.Get<Core.Chat.AlertService>());
        context.Services.AddSingleton(core.Get<Core.Chat.ReactionService>());
        context.Services.AddSingleton(core.Get<Core.Chat.PinService>());
        context.Services.AddSingleton(core.Get<Core.Chat.Mentions>());
        context.Services.AddSingleton(core.Get<Core.Chat.PersonCards>());
        context.Services.AddSingleton(core.Get<Core.Contacts.ChatContacts>());
        context.Services.AddSingleton(core.Get<Microsoft.Extensions.Options.IOptions<Core.Chat.ChatOptions>>());
        // The profile's notification settings ask alerts.js what this browser allows.
        context.JSInterop.SetupModule().Setup<string>("permission").SetResult("granted");

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

    /// <summary>What the snackbars (Outcomes) said so far, newest last.</summary>
    public static IReadOnlyList<string> Outcomes(this BunitContext context) =>
        context.Services.GetRequiredService<ISnackbar>().ShownSnackbars.Select(s => s.Message ?? "").ToList();

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
