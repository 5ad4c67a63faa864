using ChatCrm.Core;
using ChatCrm.Core.Accounts;
using ChatCrm.Core.Cluster;
using ChatCrm.Core.Data;
using ChatCrm.Tests.Fixtures;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChatCrm.Benchmarks;

/// <summary>The real Core services over a data folder, as the app builds them: used to seed, and to time services directly.</summary>
internal sealed class CoreHost : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    private CoreHost(ServiceProvider provider) => _provider = provider;

    public T Get<T>() where T : notnull => _provider.GetRequiredService<T>();

    public static async Task<CoreHost> StartAsync(string dataFolder, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var values = new Dictionary<string, string?> { ["ChatCrm:DataDirectory"] = dataFolder };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) values[key] = value;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddChatCrmCore(configuration, new TestHostEnvironment(dataFolder));
        var provider = services.BuildServiceProvider();
        await using (var scope = provider.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None);
        }
        // One of several servers: linked to Redis and hearing the others, as in the app.
        if (provider.GetService<RedisLink>() is { } link)
        {
            await link.StartAsync(CancellationToken.None);
            await provider.GetRequiredService<RedisEventListener>().StartAsync(CancellationToken.None);
        }
        return new CoreHost(provider);
    }

    /// <summary>Creates confirmed people with one password, returning their actors.</summary>
    /// <param name="password">Null for people who only sign in by email code (much faster to create in bulk).</param>
    public async Task<List<(Actor Actor, string Email)>> CreatePeopleAsync(string prefix, int count, string? password, string role = Roles.Agent)
    {
        var people = new List<(Actor, string)>();
        await using var scope = _provider.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        for (var i = 0; i < count; i++)
        {
            var email = $"{prefix}{i}@bench.test";
            var user = new AppUser { DisplayName = $"{prefix} {i}", Email = email, UserName = $"{prefix}{i}", EmailConfirmed = true, CreatedAt = DateTimeOffset.UtcNow };
            var created = password is null ? await users.CreateAsync(user) : await users.CreateAsync(user, password);
            if (!created.Succeeded) throw new InvalidOperationException(string.Join(" ", created.Errors.Select(e => e.Description)));
            await users.AddToRoleAsync(user, role);
            people.Add((new Actor(user.Id, role), email));
        }
        return people;
    }

    public ValueTask DisposeAsync() => _provider.DisposeAsync();
}
