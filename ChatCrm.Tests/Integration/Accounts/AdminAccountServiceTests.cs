using ChatCrm.Core.Accounts;
using ChatCrm.Core.Common;
using ChatCrm.Tests.Fixtures;

namespace ChatCrm.Tests.Integration.Accounts;

[Collection(SmtpServerGroup.Name)]
public sealed class AdminAccountServiceTests(SmtpServerFixture smtp) : IAsyncLifetime
{
    private static readonly string Password = TestPasswords.New();
    private const string Ip = "192.0.2.50";

    private CoreServices _core = null!;
    private AppUser _admin = null!;

    private AdminAccountService Admin => _core.Get<AdminAccountService>();

    private Actor AsAdmin => new(_admin.Id, Roles.Admin);

    public async Task InitializeAsync()
    {
        _core = await CoreServices.StartAsync(smtp);
        _admin = await _core.CreateUserAsync("Ada Admin", TestAddresses.New("ada"), Password, Roles.Admin);
    }

    public async Task DisposeAsync() => await _core.DisposeAsync();

    [Fact]
    public async Task AnInvitationCodeWorksEvenWhenSomeoneAskedForAResetBeforeTheAccountExisted()
    {
        var email = TestAddresses.New("later");
        var flows = _core.Get<AccountFlows>();
        // An unknown address gets a stand-in code (the reply must not say the account is missing).
        await flows.RequestPasswordResetAsync(email, Ip);

        Assert.True((await Admin.CreateAsync(AsAdmin, "Lena Later", email, Roles.Client)).Succeeded);
        var code = await smtp.Mailbox.WaitForCodeAsync(email, "new ChatCrm account");

        var reset = await flows.ResetPasswordAsync(email, code, TestPasswords.New());
        Assert.True(reset.Succeeded, reset.Error);
    }

    [Theory]
    [InlineData(Roles.Agent)]
    [InlineData(Roles.Client)]
    public async Task SomeoneWhoIsNotAnAdminIsForbiddenEverything(string role)
    {
        var target = await _core.CreateUserAsync("Tom Target", TestAddresses.New("tom"), Password);
        var actor = new Actor(target.Id, role);
        var newcomer = TestAddresses.New("sneaky");

        var attempts = new Dictionary<string, Func<Task>>
        {
            ["List"] = () => Admin.ListAsync(actor, new PageRequest(0, 10)),
            ["Create"] = () => Admin.CreateAsync(actor, "Sneaky", newcomer, Roles.Admin),
            ["SetRole"] = () => Admin.SetRoleAsync(actor, target.Id, Roles.Admin),
            ["Lock"] = () => Admin.LockAsync(actor, _admin.Id),
            ["Unlock"] = () => Admin.UnlockAsync(actor, target.Id),
            ["EndSessions"] = () => Admin.EndSessionsAsync(actor, _admin.Id),
            ["Delete"] = () => Admin.DeleteAsync(actor, _admin.Id),
        };
        foreach (var (name, attempt) in attempts)
        {
            var thrown = await Record.ExceptionAsync(attempt);
            Assert.True(thrown is ForbiddenException, $"{name} as {role}: expected ForbiddenException, got {thrown?.GetType().Name ?? "no exception"}.");
        }

        Assert.Equal([Roles.Client], await _core.WithUsersAsync(users => users.GetRolesAsync(target)));
        Assert.Null(await _core.WithUsersAsync(users => users.FindByEmailAsync(newcomer)));
        Assert.False(await _core.WithUsersAsync(async users => await users.IsLockedOutAsync((await users.FindByIdAsync(_admin.Id.ToString()))!)));
        await _core.DeliverQueuedMailAsync();
        Assert.Empty(smtp.Mailbox.MailTo(newcomer));
    }

    [Fact]
    public async Task TheLastAdminCannotStepDown()
    {
        var result = await Admin.SetRoleAsync(AsAdmin, _admin.Id, Roles.Agent);

        Assert.False(result.Succeeded);
        Assert.Contains("last admin", result.Error, StringComparison.Ordinal);
        Assert.Equal([Roles.Admin], await _core.WithUsersAsync(users => users.GetRolesAsync(_admin)));
    }

    [Fact]
    public async Task TheLastAdminCannotBeDemotedLockedOrDeletedEvenByAStaleAdminPage()
    {
        // An admin page opened before its owner was made an Agent still acts as Admin until its next check; the
        // service must not let that page remove the only real admin.
        var former = await _core.CreateUserAsync("Fred Former", TestAddresses.New("fred"), Password, Roles.Agent);
        var stale = new Actor(former.Id, Roles.Admin);

        var demoted = await Admin.SetRoleAsync(stale, _admin.Id, Roles.Client);
        var locked = await Admin.LockAsync(stale, _admin.Id);
        var deleted = await Admin.DeleteAsync(stale, _admin.Id);

        foreach (var result in new[] { demoted, locked, deleted })
        {
            Assert.False(result.Succeeded);
            Assert.Contains("last admin", result.Error, StringComparison.Ordinal);
        }
        var admin = await _core.FindUserAsync(_admin.Email!);
        Assert.Equal([Roles.Admin], await _core.WithUsersAsync(users => users.GetRolesAsync(admin)));
        Assert.False(await _core.WithUsersAsync(users => users.IsLockedOutAsync(admin)));
    }

    [Fact]
    public async Task WithASecondAdminOneMayStepDown()
    {
        await _core.CreateUserAsync("Bo Second", TestAddresses.New("bo"), Password, Roles.Admin);

        var result = await Admin.SetRoleAsync(AsAdmin, _admin.Id, Roles.Agent);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal([Roles.Agent], await _core.WithUsersAsync(users => users.GetRolesAsync(_admin)));
    }

    [Fact]
    public async Task LockingAnAccountEndsItsSessionsAndKeepsItOut()
    {
        var user = await _core.CreateUserAsync("Cal Locke", TestAddresses.New("cal"), Password);
        var sessions = _core.Get<SessionService>();
        var laptop = await sessions.StartAsync(user.Id, Ip, "laptop");
        var phone = await sessions.StartAsync(user.Id, Ip, "phone");

        var locked = await Admin.LockAsync(AsAdmin, user.Id);

        Assert.True(locked.Succeeded, locked.Error);
        Assert.False(await sessions.ValidateAsync(laptop, user.Id, Ip));
        Assert.False(await sessions.ValidateAsync(phone, user.Id, Ip));
        var signIn = await _core.Get<AccountFlows>().BeginPasswordSignInAsync(user.Email!, Password, Ip);
        Assert.Equal(SignInStatus.LockedOut, signIn.Status);
        Assert.Equal(_core.Get<AccountFlows>().SignInFailedReply, signIn.Message);
        await _core.DeliverQueuedMailAsync();
        Assert.Empty(smtp.Mailbox.MailTo(user.Email!));

        Assert.True((await Admin.UnlockAsync(AsAdmin, user.Id)).Succeeded);
        Assert.Equal(SignInStatus.CodeSent, (await _core.Get<AccountFlows>().BeginPasswordSignInAsync(user.Email!, Password, Ip)).Status);
    }

    [Fact]
    public async Task AnAdminCannotLockOrDeleteThemselves()
    {
        Assert.False((await Admin.LockAsync(AsAdmin, _admin.Id)).Succeeded);
        Assert.False((await Admin.DeleteAsync(AsAdmin, _admin.Id)).Succeeded);
        Assert.NotNull(await _core.WithUsersAsync(users => users.FindByIdAsync(_admin.Id.ToString())));
    }

    [Fact]
    public async Task CreatingAnAccountMailsACodeToChooseAPassword()
    {
        var email = TestAddresses.New("dee");

        var created = await Admin.CreateAsync(AsAdmin, "Dee Agent", email, Roles.Agent);
        var code = await smtp.Mailbox.WaitForCodeAsync(email, "Your new ChatCrm account");
        var chosen = await _core.Get<AccountFlows>().ResetPasswordAsync(email, code, "orange ferry hums past noon");

        Assert.True(created.Succeeded, created.Error);
        Assert.True(chosen.Succeeded, chosen.Error);
        var user = await _core.FindUserAsync(email);
        Assert.True(user.EmailConfirmed);
        Assert.Equal([Roles.Agent], await _core.WithUsersAsync(users => users.GetRolesAsync(user)));
        Assert.Equal(SignInStatus.CodeSent, (await _core.Get<AccountFlows>().BeginPasswordSignInAsync(email, "orange ferry hums past noon", Ip)).Status);
    }

    [Fact]
    public async Task DeletingAnAccountRemovesItAndItsSessions()
    {
        var user = await _core.CreateUserAsync("Eve Gone", TestAddresses.New("eve"), Password);
        var session = await _core.Get<SessionService>().StartAsync(user.Id, Ip, "laptop");

        var deleted = await Admin.DeleteAsync(AsAdmin, user.Id);

        Assert.True(deleted.Succeeded, deleted.Error);
        Assert.Null(await _core.WithUsersAsync(users => users.FindByIdAsync(user.Id.ToString())));
        Assert.False(await _core.Get<SessionService>().ValidateAsync(session, user.Id, Ip));
    }

    [Fact]
    public async Task TheListPagesSortsAndSearchesInTheDatabase()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        foreach (var name in new[] { "Cora", "Abel", "Elif", "Dana", "Bram" })
        {
            await _core.CreateUserAsync($"{name} {tag}", TestAddresses.New(name.ToLowerInvariant()), null, name == "Dana" ? Roles.Agent : Roles.Client);
        }
        await _core.CreateUserAsync("Not Matching", TestAddresses.New("other"), null);
        _core.Sql.Clear();

        var firstPage = await Admin.ListAsync(AsAdmin, new PageRequest(0, 2, Search: tag.ToUpperInvariant(), SortBy: "DisplayName"));
        var lastPage = await Admin.ListAsync(AsAdmin, new PageRequest(4, 2, Search: tag, SortBy: "DisplayName"));
        var agents = await Admin.ListAsync(AsAdmin, new PageRequest(0, 10, Search: tag), Roles.Agent);

        Assert.Equal(5, firstPage.TotalCount);
        Assert.Equal([$"Abel {tag}", $"Bram {tag}"], firstPage.Items.Select(r => r.DisplayName));
        Assert.Equal([$"Elif {tag}"], lastPage.Items.Select(r => r.DisplayName));
        Assert.Equal([$"Dana {tag}"], agents.Items.Select(r => r.DisplayName));
        // Paging and the search term are in the SQL: the database does the work, not the web server's memory.
        var queries = _core.Sql.Commands.Where(c => c.Contains("FROM \"users\"", StringComparison.Ordinal)).ToList();
        Assert.Contains(queries, q => q.Contains("LIMIT", StringComparison.Ordinal) && q.Contains("OFFSET", StringComparison.Ordinal));
        Assert.Contains(queries, q => q.Contains("instr(", StringComparison.OrdinalIgnoreCase) || q.Contains("LIKE", StringComparison.Ordinal));
    }
}
