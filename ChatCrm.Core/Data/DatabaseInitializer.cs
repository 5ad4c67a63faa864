using ChatCrm.Core.Accounts;
using ChatCrm.Core.Common;
using ChatCrm.Core.Demo;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatCrm.Core.Data;

/// <summary>Start-up: apply migrations, make sure the roles exist, and give an empty database a way to its first Admin.</summary>
public sealed partial class DatabaseInitializer(
    IDbContextFactory<ChatCrmDbContext> dbFactory,
    IServiceScopeFactory scopes,
    IOptions<ChatCrmOptions> options,
    FirstAdminSetup setup,
    DemoDataSeeder demo,
    DataDirectory data,
    TimeProvider clock,
    ILogger<DatabaseInitializer> logger)
{
    /// <summary>The setup token printed at this start, if the database has no admin yet.</summary>
    public string? SetupToken { get; private set; }

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            await db.Database.MigrateAsync(cancellationToken);
            await DatabaseProviders.RefreshStatisticsAsync(db, cancellationToken);
            await FolderKeys.ImportAsync(db, data, cancellationToken);
        }

        await using var scope = scopes.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<AppRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new AppRole(role));
        }

        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if ((await users.GetUsersInRoleAsync(Roles.Admin)).Count == 0)
        {
            await OpenFirstAdminPathAsync();
        }
        else
        {
            await setup.CloseAsync(cancellationToken);
        }
        if (options.Value.DemoData) await demo.SeedAsync(cancellationToken);
    }

    private async Task OpenFirstAdminPathAsync()
    {
        var bootstrap = options.Value.Bootstrap;
        if (!string.IsNullOrWhiteSpace(bootstrap.AdminEmail) && !string.IsNullOrEmpty(bootstrap.AdminPassword))
        {
            var created = await FirstAdminSetup.CreateAdminAsync(scopes, clock, "Administrator", bootstrap.AdminEmail, bootstrap.AdminPassword);
            if (!created.Succeeded)
            {
                throw new OptionsValidationException(ChatCrmOptions.Section, typeof(BootstrapOptions),
                    [$"ChatCrm:Bootstrap could not create the first admin: {created.Error}"]);
            }
            LogBootstrapAdmin(bootstrap.AdminEmail);
            return;
        }
        SetupToken = await setup.OpenWithNewTokenAsync();
        LogSetupLink(SetupToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the first admin {Email} from ChatCrm:Bootstrap.")]
    private partial void LogBootstrapAdmin(string email);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No admin exists yet. Create one at /setup?token={Token} (valid until used; a restart prints a new link).")]
    private partial void LogSetupLink(string token);
}
