using ChatCrm.Core.Accounts;
using ChatCrm.Tests.Fixtures;

namespace ChatCrm.Tests.Integration.Accounts;

/// <summary>Sessions over a real SQLite file. No mail is involved, so the default outbox is enough.</summary>
public sealed class SessionServiceTests : IAsyncLifetime
{
    private const string Ip = "198.51.100.40";

    private CoreServices _core = null!;
    private AppUser _user = null!;

    private SessionService Sessions => _core.Get<SessionService>();

    public async Task InitializeAsync()
    {
        _core = await CoreServices.StartAsync();
        _user = await _core.CreateUserAsync("Yara Stone", TestAddresses.New("yara"), null);
    }

    public async Task DisposeAsync() => await _core.DisposeAsync();

    private Actor Self => new(_user.Id, Roles.Client);

    [Fact]
    public async Task EndingOneSessionSignsOutOnlyThatBrowser()
    {
        var laptop = await Sessions.StartAsync(_user.Id, Ip, "laptop");
        var phone = await Sessions.StartAsync(_user.Id, Ip, "phone");

        Assert.True(await Sessions.EndAsync(Self, laptop));

        Assert.False(await Sessions.ValidateAsync(laptop, _user.Id, Ip));
        Assert.True(await Sessions.ValidateAsync(phone, _user.Id, Ip));
        Assert.Equal([phone], (await Sessions.ListActiveAsync(_user.Id)).Select(s => s.Id));
    }

    [Fact]
    public async Task EndingAllButTheCurrentKeepsOnlyTheCurrent()
    {
        var sessions = new List<Guid>();
        for (var i = 0; i < 3; i++) sessions.Add(await Sessions.StartAsync(_user.Id, Ip, $"browser {i}"));

        var ended = await Sessions.EndAllAsync(_user.Id, except: sessions[1]);

        Assert.Equal(2, ended);
        Assert.False(await Sessions.ValidateAsync(sessions[0], _user.Id, Ip));
        Assert.True(await Sessions.ValidateAsync(sessions[1], _user.Id, Ip));
        Assert.False(await Sessions.ValidateAsync(sessions[2], _user.Id, Ip));
    }

    [Fact]
    public async Task AnotherPersonCannotEndMySessionButAnAdminCan()
    {
        var mine = await Sessions.StartAsync(_user.Id, Ip, "laptop");
        var other = await _core.CreateUserAsync("Zane Cho", TestAddresses.New("zane"), null);

        Assert.False(await Sessions.EndAsync(new Actor(other.Id, Roles.Agent), mine));
        Assert.True(await Sessions.ValidateAsync(mine, _user.Id, Ip));

        Assert.True(await Sessions.EndAsync(new Actor(other.Id, Roles.Admin), mine));
        Assert.False(await Sessions.ValidateAsync(mine, _user.Id, Ip));
    }

    [Fact]
    public async Task ASessionDoesNotValidateForAnotherUser()
    {
        var mine = await Sessions.StartAsync(_user.Id, Ip, "laptop");

        Assert.False(await Sessions.ValidateAsync(mine, Guid.NewGuid(), Ip));
        Assert.False(await Sessions.ValidateAsync(Guid.NewGuid(), _user.Id, Ip));
    }

    [Fact]
    public async Task ValidatingAfterAWhileRecordsWhenAndWhereTheBrowserWasLastSeen()
    {
        var session = await Sessions.StartAsync(_user.Id, Ip, "laptop");
        var started = (await Sessions.ListActiveAsync(_user.Id)).Single().LastSeenAt;

        _core.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.True(await Sessions.ValidateAsync(session, _user.Id, "198.51.100.41"));

        var seen = (await Sessions.ListActiveAsync(_user.Id)).Single();
        Assert.True(seen.LastSeenAt >= started + TimeSpan.FromMinutes(2), $"Last seen stayed at {seen.LastSeenAt}.");
        Assert.Equal("198.51.100.41", seen.IpAddress);
    }
}
