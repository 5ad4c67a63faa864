using ChatCrm.Core.Accounts;
using ChatCrm.Core.Campaigns;
using ChatCrm.Core.Common;
using ChatCrm.Core.Data;
using ChatCrm.Web.Components.Account;
using ChatCrm.Web.Components.Layout;
using ChatCrm.Web.Components.Pages.Campaigns;
using ChatCrm.Web.Components.Pages.Chat;
using ChatCrm.Web.Components.Pages.Leads;
using ChatCrm.Web.Components.Shared;
using Microsoft.AspNetCore.Components.Server.Circuits;
using ChatCrm.Web.Infrastructure;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using MudBlazor.Services;

namespace ChatCrm.Web;

public static class DependencyInjection
{
    /// <summary>Registers the web host: Razor components, authentication, rate limits and page services.</summary>
    public static IServiceCollection AddChatCrmWeb(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices(o =>
        {
            // Outcomes (Components/Shared/Outcomes) say what happened in a sentence; they stay long enough to read it.
            o.SnackbarConfiguration.PositionClass = MudBlazor.Defaults.Classes.Position.BottomCenter;
            o.SnackbarConfiguration.VisibleStateDuration = 5000;
            o.SnackbarConfiguration.PreventDuplicates = false;
        });
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        services.AddProblemDetails();

        services.AddChatCrmKeyRing(configuration);

        services.AddChatCrmAuthentication(configuration);
        services.AddAccountRateLimits(configuration);

        services.AddChatCrmProxies(configuration);

        // Per circuit: each browser tab has its own.
        services.AddScoped<AccountRedirectManager>();
        services.AddScoped<AccountSignIn>();
        services.AddScoped<CurrentActor>();
        services.AddScoped<SignOutNavigation>();
        services.AddScoped<CircuitHandler, PresenceCircuitHandler>();
        services.AddScoped<ChatDrafts>();
        services.AddScoped<ChatInView>();
        services.AddScoped<ReaderClock>();
        services.AddScoped<Outcomes>();
        services.AddScoped<Confirmations>();
        return services;
    }

    public static async Task InitializeChatCrmAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(app.Lifetime.ApplicationStopping);
        // Keys are written 0600 when first made; a folder or files from an older version, or copied in by hand, may
        // still be readable by others.
        PrivateFiles.Tighten(app.Services.GetRequiredService<DataDirectory>().Keys);
    }

    public static void UseChatCrmPipeline(this WebApplication app)
    {
        app.UseSecurityHeaders();
        app.UseRequestCharsetCheck();
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler(new ExceptionHandlerOptions
            {
                ExceptionHandlingPath = "/error",
                CreateScopeForErrors = true,
                // The error page tells a database outage (503, "nothing you saved is lost") from a bug (500).
                StatusCodeSelector = e => DatabaseOutage.Is(e) ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status500InternalServerError,
            });
            app.UseHsts();
        }
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        // Routing explicitly here, not first (WebApplication's default): endpoints that short-circuit the pipeline (the
        // Blazor script, the theme) then still pass the security headers, HSTS and the error handler above.
        app.UseRouting();
        // Explicitly after the status-code pages, so a 403 from authorization is re-rendered as the "Not allowed" page.
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseAntiforgery();
    }

    public static void MapChatCrmEndpoints<TApp>(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapThemeStylesheets();
        app.MapHealthChecks("/health").AllowAnonymous();
        app.MapRazorComponents<TApp>().AddInteractiveServerRenderMode();
        app.MapAccountEndpoints();
        app.MapChatEndpoints();
        app.MapLeadEndpoints();
        app.MapCampaignEndpoints();
    }
}
