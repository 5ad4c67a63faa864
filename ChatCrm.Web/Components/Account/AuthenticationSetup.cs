using ChatCrm.Core.Accounts;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;

namespace ChatCrm.Web.Components.Account;

internal static class AuthenticationSetup
{
    public static IServiceCollection AddChatCrmAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, SessionRevalidatingAuthenticationStateProvider>();
        services.AddAuthorization();
        services.AddAuthentication(o =>
        {
            o.DefaultScheme = IdentityConstants.ApplicationScheme;
            o.DefaultSignInScheme = IdentityConstants.ApplicationScheme;
        }).AddIdentityCookies();
        // Cookie sign-in belongs to the web host; Core registers Identity without it.
        new IdentityBuilder(typeof(AppUser), typeof(AppRole), services).AddSignInManager();

        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = "ChatCrm.Auth";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest; // Secure whenever served over HTTPS
            cookie.SlidingExpiration = true;
            cookie.ExpireTimeSpan = TimeSpan.FromDays(14);
            cookie.LoginPath = "/account/login";
            cookie.LogoutPath = "/account/logout";
            cookie.AccessDeniedPath = "/account/access-denied";
            var events = new CookieAuthenticationEvents
            {
                OnValidatePrincipal = SessionCookieValidator.ValidateAsync,
                // A signed-in person without the role gets a plain 403, rendered by the status-code page.
                OnRedirectToAccessDenied = context =>
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return Task.CompletedTask;
                },
            };
            // A browser whose cookie was just refused is told why on the sign-in page (SignedOutReasons).
            var redirectToLogin = events.OnRedirectToLogin;
            events.OnRedirectToLogin = context =>
            {
                context.RedirectUri = SignedOutReasons.AddTo(context.RedirectUri, context.HttpContext);
                return redirectToLogin(context);
            };
            cookie.Events = events;
        });

        // The session id claim must survive Identity's periodic principal refresh.
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = TimeSpan.FromMinutes(1);
            o.OnRefreshingPrincipal = context =>
            {
                var sid = context.CurrentPrincipal?.FindFirst(SessionClaims.SessionId);
                if (sid is not null && context.NewPrincipal?.Identity is System.Security.Claims.ClaimsIdentity identity)
                {
                    identity.AddClaim(new System.Security.Claims.Claim(SessionClaims.SessionId, sid.Value));
                }
                return Task.CompletedTask;
            };
        });
        return services;
    }
}
