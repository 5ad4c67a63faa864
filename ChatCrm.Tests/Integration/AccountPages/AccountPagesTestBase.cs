using ChatCrm.Core.Accounts;
using ChatCrm.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace ChatCrm.Tests.Integration.AccountPages;

/// <summary>
/// One app per test class, with generous per-IP limits (every in-memory request comes from one "IP"), so that the
/// tests about limits set their own.
/// </summary>
public abstract class AccountPagesTestBase : IDisposable
{
    protected AccountPagesTestBase(SmtpServerFixture smtp, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var merged = new Dictionary<string, string?>
        {
            ["ChatCrm:Accounts:AccountPostsPerIpPerMinute"] = "10000",
            ["ChatCrm:Accounts:CodesPerIpPerHour"] = "10000",
            ["ChatCrm:Accounts:ResendCooldownSeconds"] = "1",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) merged[key] = value;
        App = new ChatCrmAppFactory(smtp, merged);
    }

    protected ChatCrmAppFactory App { get; }

    protected Mailbox Mailbox => App.Mailbox;

    /// <summary>The id of the app's first admin (<see cref="ChatCrmAppFactory.AdminEmail"/>).</summary>
    protected async Task<Guid> AdminIdAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>();
        return (await users.FindByEmailAsync(App.AdminEmail))!.Id;
    }

    protected static string UniqueEmail(string who) => $"{who}-{Guid.NewGuid():N}"[..(who.Length + 13)] + "@example.test";

    protected static readonly string GoodPassword = TestPasswords.New();

    /// <summary>Asks for a code for the pending address (email me a code), as the page does.</summary>
    protected static Task<PageResponse> RequestSignInCodeAsync(FormClient client, string email) =>
        client.SubmitAsync("/account/login/email", "login-email", new() { ["Input.Email"] = email });

    /// <summary>A person with an account, a browser of theirs that asked for a sign-in code, and the code from the mail.</summary>
    protected async Task<(FormClient Client, string Email, string Code)> AskedForSignInCodeAsync(string who)
    {
        var email = UniqueEmail(who);
        await App.CreateUserAsync(who, email, GoodPassword);
        var client = App.CreateFormClient();
        await RequestSignInCodeAsync(client, email);
        return (client, email, await Mailbox.WaitForCodeAsync(email, "sign-in code"));
    }

    /// <summary>The app's first admin (made from the bootstrap settings), as Core services take a caller.</summary>
    protected async Task<Core.Accounts.Actor> AdminActorAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Core.Accounts.AppUser>>();
        var admin = await users.FindByEmailAsync(App.AdminEmail) ?? throw new InvalidOperationException("No bootstrap admin.");
        return new Core.Accounts.Actor(admin.Id, Core.Accounts.Roles.Admin);
    }

    /// <summary>A well-formed code that is not the given one.</summary>
    protected static string OtherCode(string code) => code == "000000" ? "111111" : "000000";

    protected static Task<PageResponse> EnterSignInCodeAsync(FormClient client, string code) =>
        client.SubmitAsync("/account/login/code", "login-code", new() { ["Input.Code"] = code });

    public void Dispose()
    {
        App.Dispose();
        GC.SuppressFinalize(this);
    }
}

/// <summary>The page tests get their own SMTP server, so they run beside the service tests, not after them.</summary>
[CollectionDefinition(Name)]
public sealed class AccountPagesGroup : ICollectionFixture<SmtpServerFixture>
{
    public const string Name = "Account pages";
}
