using System.Net;
using ChatCrm.Web.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatCrm.Tests.Unit.Infrastructure;

/// <summary>
/// ChatCrm:Proxy (ProxySettings) through the framework's forwarded-headers middleware: whose X-Forwarded-For the app
/// believes decides the address every per-IP limit counts.
/// </summary>
public sealed class ProxySettingsTests
{
    private const string Person = "203.0.113.5";

    [Fact]
    public async Task UnsetOnlyAProxyOnThisMachineIsBelieved()
    {
        var options = Options();

        Assert.Equal(Person, await AddressSeenAsync(options, from: "127.0.0.1"));
        Assert.Equal("10.0.0.7", await AddressSeenAsync(options, from: "10.0.0.7"));
    }

    [Fact]
    public async Task AConfiguredBalancerIsBelievedAndNothingElseIs()
    {
        var options = Options(("ChatCrm:Proxy:KnownProxies:0", "10.0.0.7"), ("ChatCrm:Proxy:KnownNetworks:0", "192.168.10.0/24"));

        Assert.Equal(Person, await AddressSeenAsync(options, from: "10.0.0.7"));
        Assert.Equal(Person, await AddressSeenAsync(options, from: "192.168.10.20"));
        // Someone else sending the header, even from this machine, is taken at their own address.
        Assert.Equal("10.0.0.8", await AddressSeenAsync(options, from: "10.0.0.8"));
        Assert.Equal("127.0.0.1", await AddressSeenAsync(options, from: "127.0.0.1"));
    }

    [Theory]
    [InlineData("ChatCrm:Proxy:KnownProxies:0", "balancer.local", "is not an IP address")]
    [InlineData("ChatCrm:Proxy:KnownNetworks:0", "10.0.0.0/99", "is not a network")]
    public void ABadEntryStopsTheStartNamingIt(string key, string value, string problem)
    {
        var failure = Assert.Throws<OptionsValidationException>(() => Options((key, value)));

        Assert.Contains("ChatCrm:Proxy:", failure.Message, StringComparison.Ordinal);
        Assert.Contains(problem, failure.Message, StringComparison.Ordinal);
    }

    private static ForwardedHeadersOptions Options(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings.ToDictionary(s => s.Key, s => (string?)s.Value)).Build();
        var services = new ServiceCollection().AddChatCrmProxies(configuration).BuildServiceProvider();
        return services.GetRequiredService<IOptions<ForwardedHeadersOptions>>().Value;
    }

    private static async Task<string?> AddressSeenAsync(ForwardedHeadersOptions options, string from)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(from);
        context.Request.Headers["X-Forwarded-For"] = Person;
        string? seen = null;
        var middleware = new ForwardedHeadersMiddleware(_ =>
        {
            seen = context.Connection.RemoteIpAddress?.ToString();
            return Task.CompletedTask;
        }, NullLoggerFactory.Instance, Microsoft.Extensions.Options.Options.Create(options));
        await middleware.Invoke(context);
        return seen;
    }
}
