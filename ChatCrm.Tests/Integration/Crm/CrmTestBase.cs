using ChatCrm.Core.Accounts;
using ChatCrm.Tests.Fixtures;

namespace ChatCrm.Tests.Integration.Crm;

/// <summary>
/// A fresh Core container on its own SQLite file for each test, with one person of each kind the CRM rules tell
/// apart: an admin, two agents and two clients. Mail goes to the outbox folder (<see cref="Outbox"/>) unless a test
/// class passes the shared SMTP server.
/// </summary>
public abstract class CrmTestBase(IReadOnlyDictionary<string, string?>? settings = null, SmtpServerFixture? smtp = null) : IAsyncLifetime
{
    protected CoreServices Core { get; private set; } = null!;

    protected ShiftableClock Clock => Core.Clock;

    /// <summary>The pickup folder's mail, when no SMTP server is passed.</summary>
    protected Outbox Outbox { get; private set; } = null!;

    protected Actor Admin { get; private set; } = null!;

    protected Actor Agent { get; private set; } = null!;

    protected Actor OtherAgent { get; private set; } = null!;

    protected Actor Client { get; private set; } = null!;

    protected Actor OtherClient { get; private set; } = null!;

    /// <summary>Each person's email: "&lt;role-word&gt;-&lt;random&gt;@example.test".</summary>
    protected IReadOnlyDictionary<Guid, string> Emails => _emails;

    private readonly Dictionary<Guid, string> _emails = [];

    protected T Get<T>() where T : notnull => Core.Get<T>();

    /// <summary>The settings Core starts with; a class that reruns its base's tests elsewhere (PostgreSQL) gives its own.</summary>
    protected virtual Task<IReadOnlyDictionary<string, string?>?> SettingsAsync() => Task.FromResult(settings);

    public virtual async Task InitializeAsync()
    {
        Core = await CoreServices.StartAsync(smtp, await SettingsAsync());
        Outbox = new Outbox(Path.Combine(Core.DataFolder, "outbox"));
        Admin = await PersonAsync("Ada Admin", Roles.Admin);
        Agent = await PersonAsync("Alex Agent", Roles.Agent);
        OtherAgent = await PersonAsync("Olga Agent", Roles.Agent);
        Client = await PersonAsync("Cleo Client", Roles.Client);
        OtherClient = await PersonAsync("Otto Client", Roles.Client);
    }

    public virtual async Task DisposeAsync() => await Core.DisposeAsync();

    /// <summary>One more confirmed account of the role.</summary>
    protected async Task<Actor> PersonAsync(string name, string role)
    {
        var email = $"{name.Split(' ')[0].ToLowerInvariant()}-{Guid.NewGuid():N}"[..20] + "@example.test";
        var user = await Core.CreateUserAsync(name, email, password: null, role);
        _emails[user.Id] = email;
        return new Actor(user.Id, role);
    }
}
