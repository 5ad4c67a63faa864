using ChatCrm.Core.Accounts;
using Microsoft.AspNetCore.Hosting;
using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace ChatCrm.Tests.Fixtures;

/// <summary>
/// The real app in memory (WebApplicationFactory) on its own SQLite file, sending mail to the real SMTP server, with a
/// clock a test can move forward. One factory per test class keeps rate limits and lockouts from leaking between tests.
/// </summary>
public sealed class ChatCrmAppFactory : WebApplicationFactory<Program>
{
    /// <summary>
    /// This app's own first admin: the apps of a test collection share one SMTP mailbox, and with one shared address a
    /// code mail one test left untaken would be read as the next test's code.
    /// </summary>
    public string AdminEmail { get; } = TestAddresses.New("admin");
    public static readonly string AdminPassword = TestPasswords.New();

    private readonly TempFolder _data = new("app");
    private readonly SmtpServerFixture _smtp;
    private readonly IReadOnlyDictionary<string, string?> _settings;

    public ChatCrmAppFactory(SmtpServerFixture smtp, IReadOnlyDictionary<string, string?>? settings = null)
    {
        _smtp = smtp;
        _settings = settings ?? new Dictionary<string, string?>();
    }

    public ShiftableClock Clock { get; } = new();

    public Mailbox Mailbox => _smtp.Mailbox;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        var settings = new Dictionary<string, string?>(_smtp.Settings)
        {
            ["ChatCrm:DataDirectory"] = _data.Path,
            ["ChatCrm:Bootstrap:AdminEmail"] = AdminEmail,
            ["ChatCrm:Bootstrap:AdminPassword"] = AdminPassword,
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in _settings) settings[key] = value;
        // UseSetting reaches the configuration before Program reads it (AddChatCrmCore resolves the data folder early).
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    /// <summary>A browser-like client: keeps cookies, does not follow redirects (tests look at them).</summary>
    /// <param name="baseAddress">Where the browser thinks the app is; http://localhost unless a test needs HTTPS or a host name.</param>
    public FormClient CreateFormClient(CookieContainer? cookies = null, Uri? baseAddress = null)
    {
        cookies ??= new CookieContainer();
        return new FormClient(CreateDefaultClient(baseAddress ?? new Uri("http://localhost"), new CookieContainerHandler(cookies)), cookies);
    }

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <inheritdoc cref="QueuedMail.DeliverAsync"/>
    public Task DeliverQueuedMailAsync(TimeSpan? timeout = null) => QueuedMail.DeliverAsync(Services, timeout);

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) _data.Dispose();
    }

    /// <summary>Signs a person in through the pages: password, then the code from the mailbox.</summary>
    /// Moves the test clock past the resend cooldown first, as a person signing in on a second device a moment later.
    public async Task<FormClient> SignedInClientAsync(string email, string password)
    {
        Clock.Advance(TimeSpan.FromSeconds(2));
        var client = CreateFormClient();
        var step = await client.SubmitAsync("/account/login", "login", new() { ["Input.Email"] = email, ["Input.Password"] = password });
        Assert.True(step.RedirectPath == "/account/login/code", $"Password step did not go on: {step}");
        var code = await Mailbox.WaitForCodeAsync(email, "sign-in code");
        var done = await client.SubmitAsync("/account/login/code", "login-code", new() { ["Input.Code"] = code });
        Assert.Equal("/", done.RedirectPath);
        return client;
    }

    public async Task<AppUser> CreateUserAsync(string name, string email, string password, string role = Roles.Client)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>();
        var user = new AppUser { DisplayName = name, Email = email, UserName = email.Split('@')[0], EmailConfirmed = true, CreatedAt = Clock.GetUtcNow() };
        var created = await users.CreateAsync(user, password);
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, role);
        return user;
    }
}
