using ChatCrm.Tests.Fixtures;

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

    protected static string UniqueEmail(string who) => $"{who}-{Guid.NewGuid():N}"[..(who.Length + 13)] + "@example.test";

    protected static readonly string GoodPassword = TestPasswords.New();

    /// <summary>Asks for a code for the pending address (email me a code), as the page does.</summary>
    protected static Task<PageResponse> RequestSignInCodeAsync(FormClient client, string email) =>
        client.SubmitAsync("/account/login/email", "login-email", new() { ["Input.Email"] = email });

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
