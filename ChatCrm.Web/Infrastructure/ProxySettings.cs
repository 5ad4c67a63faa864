using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace ChatCrm.Web.Infrastructure;

/// <summary>
/// Which proxies (a load balancer) may tell the app who the person is (X-Forwarded-For) and how they came
/// (X-Forwarded-Proto). Unset, only a proxy on this machine is believed (the framework's loopback default). Set, only the
/// listed addresses and networks are: then per-IP limits count the person's address, not the balancer's, and nobody
/// else can pick an address by sending the header.
/// </summary>
internal static class ProxySettings
{
    public const string Section = "ChatCrm:Proxy";

    public static IServiceCollection AddChatCrmProxies(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var proxies = section.GetSection("KnownProxies").Get<string[]>() ?? [];
        var networks = section.GetSection("KnownNetworks").Get<string[]>() ?? [];
        var parsedProxies = proxies.Select(p => IPAddress.TryParse(p.Trim(), out var address) ? address : throw Invalid($"KnownProxies: \"{p}\" is not an IP address.")).ToList();
        var parsedNetworks = networks.Select(n => System.Net.IPNetwork.TryParse(n.Trim(), out var network) ? network : throw Invalid($"KnownNetworks: \"{n}\" is not a network such as 10.0.0.0/8.")).ToList();

        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            if (parsedProxies.Count + parsedNetworks.Count == 0) return;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in parsedProxies) o.KnownProxies.Add(proxy);
            foreach (var network in parsedNetworks) o.KnownIPNetworks.Add(network);
        });
        return services;
    }

    private static OptionsValidationException Invalid(string message) =>
        new(Section, typeof(ForwardedHeadersOptions), [$"{Section}:{message}"]);
}
