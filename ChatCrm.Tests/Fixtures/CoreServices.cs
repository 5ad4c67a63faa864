using ChatCrm.Core;
using ChatCrm.Core.Accounts;
using ChatCrm.Core.Common;
using ChatCrm.Core.Data;
using ChatCrm.Core.Email;
using Microsoft.EntityFrameworkCore;
using ChatCrm.Core.Cluster;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatCrm.Tests.Fixtures;

/// <summary>
/// The real Core service container over a fresh SQLite file, as the app builds it (AddChatCrmCore, validated options,
/// migrations, roles), with mail going to the test SMTP server and a clock the test can move forward.
/// </summary>
public sealed class CoreServices : IAsyncDisposable
{
    private readonly TempFolder _folder;
    private readonly ServiceProvider _provider;

    private CoreServices(TempFolder folder, ServiceProvider provider, ShiftableClock clock, SqlCommandLog sql)
    {
        _folder = folder;
        _provider = provider;
        Clock = clock;
        Sql = sql;
    }

    public IServiceProvider Services => _provider;

    public ShiftableClock Clock { get; }

    /// <summary>The SQL every service sent, in order.</summary>
    public SqlCommandLog Sql { get; }

    public string DataFolder => Get<DataDirectory>().Root;

    public T Get<T>() where T : notnull => _provider.GetRequiredService<T>();

    /// <param name="smtp">Where mail goes; without it, mail lands in the outbox folder as the app does with no server.</param>
    /// <param name="settings">Extra or overriding configuration, e.g. <c>["ChatCrm:Accounts:MaxFailedAccessAttempts"] = "3"</c>.</param>
    /// <param name="configureServices">Additions or replacements after Core's registrations.</param>
    public static async Task<CoreServices> StartAsync(SmtpServerFixture? smtp = null, IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configureServices = null)
    {
        var folder = new TempFolder("core");
        var sql = new SqlCommandLog();
        ServiceProvider provider;
        ShiftableClock clock;
        try
        {
            provider = Build(folder, smtp, settings, configureServices, sql, out clock);
        }
        catch
        {
            // A registration that does not build must not leave its temp folder behind.
            sql.Dispose();
            folder.Dispose();
            throw;
        }

        var core = new CoreServices(folder, provider, clock, sql);
        try
        {
            provider.GetService<IStartupValidator>()?.Validate();
            await using var scope = provider.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None);
            // The mail queue's sender runs as in the app, so mail arrives without a test driving it. The campaign
            // sender does not: campaign tests run its passes themselves.
            await provider.GetRequiredService<MailDeliveryWorker>().StartAsync(CancellationToken.None);
            // One of several servers: linked to Redis and hearing the others, as in the app. Presence upkeep does not
            // run by itself: tests renew and sweep when they mean to.
            if (provider.GetService<RedisLink>() is { } link)
            {
                await link.StartAsync(CancellationToken.None);
                await provider.GetRequiredService<RedisEventListener>().StartAsync(CancellationToken.None);
            }
            return core;
        }
        catch
        {
            await core.DisposeAsync();
            throw;
        }
    }

    private static ServiceProvider Build(TempFolder folder, SmtpServerFixture? smtp, IReadOnlyDictionary<string, string?>? settings,
        Action<IServiceCollection>? configureServices, SqlCommandLog sql, out ShiftableClock clock)
    {
        var values = new Dictionary<string, string?> { ["ChatCrm:DataDirectory"] = folder.Combine("data") };
        foreach (var (key, value) in smtp?.Settings ?? new Dictionary<string, string?>()) values[key] = value;
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) values[key] = value;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();

        clock = new ShiftableClock();
        var services = new ServiceCollection();
        services.AddLogging(log => log.AddProvider(sql));
        services.AddChatCrmCore(configuration, new TestHostEnvironment(folder.Path));
        // Keys in memory suffice: every Identity token here is made and used within one test.
        services.AddDataProtection().UseEphemeralDataProtectionProvider();
        services.RemoveAll<TimeProvider>();
        services.AddSingleton<TimeProvider>(clock);
        configureServices?.Invoke(services);

        // The same checks the host makes: lifetimes that fit together, and options that pass their validation.
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }

    /// <summary>Arranges an account directly through Identity (tests that need a person, not the sign-up path).</summary>
    public async Task<AppUser> CreateUserAsync(string displayName, string email, string? password, string role = Roles.Client, bool confirmed = true)
    {
        await using var scope = _provider.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser
        {
            DisplayName = displayName,
            Email = email,
            EmailConfirmed = confirmed,
            UserName = await UserNames.FreeUserNameAsync(users, email),
            CreatedAt = Clock.GetUtcNow(),
        };
        var created = password is null ? await users.CreateAsync(user) : await users.CreateAsync(user, password);
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        return user;
    }

    /// <summary>Runs something against a UserManager of its own scope, to read back what a service did.</summary>
    public async Task<T> WithUsersAsync<T>(Func<UserManager<AppUser>, Task<T>> action)
    {
        await using var scope = _provider.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>());
    }

    public async Task<AppUser> FindUserAsync(string email) =>
        await WithUsersAsync(users => users.FindByEmailAsync(email)) ?? throw new InvalidOperationException($"No account has {email}.");

    /// <summary>Reads (or arranges) rows directly, through a context of its own.</summary>
    public async Task<T> WithDbAsync<T>(Func<ChatCrmDbContext, Task<T>> action)
    {
        await using var db = await Get<IDbContextFactory<ChatCrmDbContext>>().CreateDbContextAsync();
        return await action(db);
    }

    /// <inheritdoc cref="QueuedMail.DeliverAsync"/>
    public Task DeliverQueuedMailAsync(TimeSpan? timeout = null) => QueuedMail.DeliverAsync(_provider, timeout);

    public async ValueTask DisposeAsync()
    {
        await Get<MailDeliveryWorker>().StopAsync(CancellationToken.None);
        var database = Get<DataDirectory>().DatabaseFile;
        await _provider.DisposeAsync();
        Sql.Dispose();
        using (var connection = new SqliteConnection($"Data Source={database}")) SqliteConnection.ClearPool(connection);
        _folder.Dispose();
    }
}
