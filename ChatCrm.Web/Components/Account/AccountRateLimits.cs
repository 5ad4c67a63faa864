using System.Threading.RateLimiting;
using ChatCrm.Core.Accounts;
using ChatCrm.Core.Cluster;
using Microsoft.AspNetCore.RateLimiting;

namespace ChatCrm.Web.Components.Account;

/// <summary>
/// Form posts to the account pages (sign-in, sign-up, codes, reset) are limited per IP address (once for all servers,
/// through Redis, behind several), on top of the per-address code limits in <see cref="ICodeSendThrottle"/> and
/// Identity's lockout. Page views (GET) are not limited.
/// </summary>
internal static class AccountRateLimits
{
    public const string Policy = "account-posts";

    public static IServiceCollection AddAccountRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var perMinute = configuration.GetSection(AccountOptions.Section).Get<AccountOptions>()?.AccountPostsPerIpPerMinute
            ?? new AccountOptions().AccountPostsPerIpPerMinute;
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                await context.HttpContext.Response.WriteAsync("Too many attempts from your network. Wait a minute, then try again.", cancellationToken);
            };
            limiter.AddPolicy(Policy, http =>
            {
                if (!HttpMethods.IsPost(http.Request.Method)) return RateLimitPartition.GetNoLimiter("reads");
                var ip = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                // Several servers count one limit together in Redis; one server counts its own.
                return http.RequestServices.GetService<RedisLink>() is { } redis
                    ? RateLimitPartition.Get(ip, key => new RedisWindowLimiter(redis, key, perMinute, TimeSpan.FromMinutes(1)))
                    : RateLimitPartition.GetFixedWindowLimiter(ip,
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
            });
        });
        return services;
    }
}
