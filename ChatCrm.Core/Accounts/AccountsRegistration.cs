using ChatCrm.Core.Accounts.Passwords;
using ChatCrm.Core.Data;
using ChatCrm.Core.Demo;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChatCrm.Core.Accounts;

internal static class AccountsRegistration
{
    public static IServiceCollection AddAccounts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AccountOptions>().Bind(configuration.GetSection(AccountOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<UploadOptions>().Bind(configuration.GetSection(UploadOptions.Section)).ValidateDataAnnotations().ValidateOnStart();

        // Identity's token providers (reset and email-change tokens) and the web host's cookies need data protection:
        // one key ring for every server, in the database (the web host may also encrypt it with a certificate).
        services.AddDataProtection().SetApplicationName("ChatCrm").PersistKeysToDbContext<ChatCrmDbContext>();
        services.AddIdentityCore<AppUser>()
            .AddRoles<AppRole>()
            .AddEntityFrameworkStores<ChatCrmDbContext>()
            .AddDefaultTokenProviders()
            .AddPasswordValidator<CommonPasswordValidator>();
        services.AddOptions<IdentityOptions>().Configure<IOptions<AccountOptions>>((identity, accounts) =>
        {
            // NIST 800-63B: length and a blocklist, not character-class rules.
            identity.Password.RequiredLength = 12;
            identity.Password.RequireDigit = false;
            identity.Password.RequireLowercase = false;
            identity.Password.RequireUppercase = false;
            identity.Password.RequireNonAlphanumeric = false;
            identity.Password.RequiredUniqueChars = 4;
            identity.User.RequireUniqueEmail = true;
            identity.User.AllowedUserNameCharacters = UserNames.AllowedCharacters;
            identity.SignIn.RequireConfirmedEmail = true;
            // Counting and lock times are AccountLockout's (conditional updates, from AccountOptions); Identity only
            // marks new accounts as lockable.
            identity.Lockout.AllowedForNewUsers = true;
        });

        // Shared by all requests and circuits; safe for concurrent use.
        services.AddSingleton<CodeHasher>();
        // In memory on one server; behind several, the cluster puts Redis-backed ones in their place.
        services.AddSingleton<ICodeSendThrottle, CodeSendThrottle>();
        services.AddSingleton<ICodeDecoys, CodeDecoys>();
        services.AddSingleton<ReplyPacing>();
        services.AddSingleton<FirstAdminSetup>();
        services.AddSingleton<AvatarStore>();

        // Stateless services that open a context (or a scope for UserManager) per operation.
        services.AddSingleton<EmailCodeService>();
        services.AddSingleton<AccountLockout>();
        services.AddSingleton<SessionService>();
        services.AddSingleton<AccountFlows>();
        services.AddSingleton<AccountChanges>();
        services.AddSingleton<AdminAccountService>();
        services.AddSingleton<ProfileService>();
        services.AddSingleton<DemoDataSeeder>();
        services.AddScoped<DatabaseInitializer>();
        return services;
    }
}
