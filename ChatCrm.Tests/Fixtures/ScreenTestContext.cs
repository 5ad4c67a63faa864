using System.Security.Claims;
using AngleSharp.Dom;
using Bunit;
using ChatCrm.Core.Accounts;
using ChatCrm.Web.Components.Account;
using ChatCrm.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace ChatCrm.Tests.Fixtures;

/// <summary>
/// bUnit for a whole screen: MudBlazor's services, the kit (Outcomes, Confirmations, the current person) and the app's
/// real Core services over their SQLite file, signed in as <c>actor</c>. Render <see cref="MudDialogProvider"/> first
/// (<see cref="RenderDialogs"/>) when the screen asks for a confirmation.
/// </summary>
internal static class ScreenTestContext
{
    public static BunitContext ForScreens(this BunitContext context, CoreServices core, Actor actor)
    {
        context.Services.AddMudServices();
        context.Services.AddScoped<Outcomes>();
        context.Services.AddScoped<Confirmations>();
        context.Services.AddScoped<CurrentActor>();
        // The reader's clock on the tests' own clock; it reads UTC until a test gives it a zone (ReaderClock.Use).
        context.Services.AddSingleton(core.Services.GetRequiredService<TimeProvider>());
        context.Services.AddScoped<ReaderClock>();
        context.Services.AddFallbackServiceProvider(core.Services);
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        // Roles before claims: setting the roles starts the principal afresh, without the claims set before.
        context.AddAuthorization()
            .SetAuthorized(actor.UserId.ToString())
            .SetRoles(actor.Role)
            .SetClaims(new Claim(ClaimTypes.NameIdentifier, actor.UserId.ToString()));
        return context;
    }

    /// <summary>The hosts a confirmation dialog (and its popovers) render into.</summary>
    public static IRenderedComponent<MudDialogProvider> RenderDialogs(this BunitContext context)
    {
        context.Render<MudPopoverProvider>();
        return context.Render<MudDialogProvider>();
    }

    /// <summary>What the snackbars (Outcomes) said so far.</summary>
    public static IReadOnlyList<string> Outcomes(this BunitContext context) =>
        context.Services.GetRequiredService<ISnackbar>().ShownSnackbars.Select(s => s.Message ?? "").ToList();

    /// <summary>The MudBlazor field whose label reads <paramref name="label"/>.</summary>
    public static IElement Field<T>(this IRenderedComponent<T> screen, string label) where T : IComponent =>
        screen.FindAll(".mud-input-control").Single(c => c.QuerySelector("label")?.TextContent.Trim() == label);

    /// <summary>The message shown under a field (its error, or its helper text when it has none).</summary>
    public static string FieldMessage<T>(this IRenderedComponent<T> screen, string label) where T : IComponent
    {
        var field = screen.Field(label);
        return (field.QuerySelector(".mud-input-helper-text")?.TextContent ?? "").Trim();
    }

    /// <summary>Types into a field the way a browser reports it when the field is left.</summary>
    public static Task TypeAsync<T>(this IRenderedComponent<T> screen, string label, string text) where T : IComponent =>
        screen.Field(label).QuerySelector("input, textarea")!.ChangeAsync(new ChangeEventArgs { Value = text });

    /// <summary>A button by its words.</summary>
    public static IElement Button<T>(this IRenderedComponent<T> screen, string text) where T : IComponent =>
        screen.FindAll("button").Single(b => b.TextContent.Trim() == text);
}
