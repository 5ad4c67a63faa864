using ChatCrm.Core.Accounts;
using ChatCrm.Core.Common;
using ChatCrm.Tests.Fixtures;

namespace ChatCrm.Tests.Integration.Accounts;

/// <summary>A person's own profile over a real SQLite file; no mail involved.</summary>
public sealed class ProfileServiceTests : IAsyncLifetime
{
    private CoreServices _core = null!;
    private AppUser _user = null!;

    private ProfileService Profiles => _core.Get<ProfileService>();

    private Actor Self => new(_user.Id, Roles.Client);

    public async Task InitializeAsync()
    {
        _core = await CoreServices.StartAsync();
        _user = await _core.CreateUserAsync("Abe Quist", TestAddresses.New("abe"), null);
    }

    public async Task DisposeAsync() => await _core.DisposeAsync();

    [Fact]
    public async Task SavingChangesTheProfile()
    {
        var form = (await Profiles.GetFormAsync(Self))!;
        form.DisplayName = "  Abe Q. ";
        form.UserName = "Abe.Quist";
        form.StatusText = "On leave";

        var saved = await Profiles.SaveAsync(Self, form);

        Assert.True(saved.Succeeded, saved.Error);
        var view = (await Profiles.GetViewAsync(_user.Id))!;
        Assert.Equal("Abe Q.", view.DisplayName);
        Assert.Equal("abe.quist", view.UserName);
        Assert.Equal(Roles.Client, view.Role);
        // The form carries the new version, so the same tab can save again.
        form.Bio = "Second edit";
        Assert.True((await Profiles.SaveAsync(Self, form)).Succeeded);
    }

    [Fact]
    public async Task AUserNameSomeoneElseHasIsRefused()
    {
        var other = await _core.CreateUserAsync("Bea Rask", TestAddresses.New("bea"), null);
        var form = (await Profiles.GetFormAsync(Self))!;
        form.UserName = other.UserName!.ToUpperInvariant();

        var saved = await Profiles.SaveAsync(Self, form);

        Assert.False(saved.Succeeded);
        Assert.Contains("taken", saved.Error, StringComparison.Ordinal);
        Assert.Equal(_user.UserName, (await Profiles.GetViewAsync(_user.Id))!.UserName);
    }

    [Fact]
    public async Task AStaleFormGetsAConflictInsteadOfOverwriting()
    {
        var firstTab = (await Profiles.GetFormAsync(Self))!;
        var secondTab = (await Profiles.GetFormAsync(Self))!;
        firstTab.DisplayName = "From the first tab";
        Assert.True((await Profiles.SaveAsync(Self, firstTab)).Succeeded);

        secondTab.DisplayName = "From the second tab";
        var stale = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Profiles.SaveAsync(Self, secondTab));

        Assert.Contains("changed elsewhere", stale.Message, StringComparison.Ordinal);
        Assert.Equal("From the first tab", (await Profiles.GetViewAsync(_user.Id))!.DisplayName);
    }

    [Fact]
    public async Task AnAvatarMustBeARealPicture()
    {
        var png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

        var refused = await Profiles.SetAvatarAsync(Self, new MemoryStream("GIF? no, text"u8.ToArray()));
        var accepted = await Profiles.SetAvatarAsync(Self, new MemoryStream(png));

        Assert.False(refused.Succeeded);
        Assert.True(accepted.Succeeded, accepted.Error);
        var file = (await Profiles.GetViewAsync(_user.Id))!.AvatarFile;
        Assert.NotNull(_core.Get<AvatarStore>().Open(file));
    }
}
