using ChatCrm.Core.Accounts;
using ChatCrm.Core.Common;
using ChatCrm.Tests.Fixtures;

namespace ChatCrm.Tests.Integration.Accounts;

/// <summary>
/// The zone kept on the account (users.TimeZone) on a real SQLite file; <see cref="AccountTimeZoneOnPostgreSqlTests"/>
/// runs the same on PostgreSQL.
/// </summary>
public class AccountTimeZoneTests : IAsyncLifetime
{
    private CoreServices _core = null!;
    private AppUser _user = null!;

    /// <summary>The settings Core starts with: the defaults (SQLite) here.</summary>
    protected virtual Task<IReadOnlyDictionary<string, string?>?> SettingsAsync() => Task.FromResult<IReadOnlyDictionary<string, string?>?>(null);

    private ProfileService Profiles => _core.Get<ProfileService>();

    private Actor Self => new(_user.Id, Roles.Client);

    public virtual async Task InitializeAsync()
    {
        _core = await CoreServices.StartAsync(settings: await SettingsAsync());
        _user = await _core.CreateUserAsync("Ines Prado", TestAddresses.New("ines"), null);
    }

    public virtual async Task DisposeAsync() => await _core.DisposeAsync();

    [Fact]
    public async Task ANewAccountHasNoZoneAndReadsUtc()
    {
        Assert.Null(await Profiles.GetTimeZoneAsync(_user.Id));
        Assert.Equal("UTC", ReaderTime.For(await Profiles.GetTimeZoneAsync(_user.Id)).ZoneName);
    }

    [Fact]
    public async Task AChosenZoneIsSavedOnTheAccountInItsProperSpelling()
    {
        var saved = await Profiles.SetTimeZoneAsync(Self, " europe/lisbon ");

        Assert.True(saved.Succeeded, saved.Error);
        Assert.Equal("Europe/Lisbon", await Profiles.GetTimeZoneAsync(_user.Id));
        Assert.Equal("Europe/Lisbon", (await _core.FindUserAsync(_user.Email!)).TimeZone);
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("Pacific Standard Time")]
    [InlineData("../../etc/passwd")]
    [InlineData("posixrules")]
    [InlineData("")]
    public async Task AnUnknownZoneIsRefusedWithAMessageAndNothingChanges(string zone)
    {
        Assert.True((await Profiles.SetTimeZoneAsync(Self, "Asia/Kolkata")).Succeeded);

        var refused = await Profiles.SetTimeZoneAsync(Self, zone);

        Assert.False(refused.Succeeded);
        Assert.Matches(zone.Length == 0 ? "^Choose a time zone\\.$" : "is not a time zone ChatCrm knows", refused.Error!);
        Assert.Equal("Asia/Kolkata", await Profiles.GetTimeZoneAsync(_user.Id));
    }

    [Fact]
    public async Task TheBrowsersZoneIsKeptOnlyWhileTheAccountHasNone()
    {
        Assert.Equal("America/New_York", await Profiles.AdoptBrowserTimeZoneAsync(_user.Id, "America/New_York"));

        // A second tab, or another device, reporting a different zone later changes nothing.
        Assert.Equal("America/New_York", await Profiles.AdoptBrowserTimeZoneAsync(_user.Id, "Asia/Tokyo"));

        // A zone the person chose wins over what any browser says afterwards.
        Assert.True((await Profiles.SetTimeZoneAsync(Self, "Pacific/Chatham")).Succeeded);
        Assert.Equal("Pacific/Chatham", await Profiles.AdoptBrowserTimeZoneAsync(_user.Id, "Europe/Lisbon"));
    }

    [Fact]
    public async Task ABrowserZoneThisServerDoesNotKnowIsIgnored()
    {
        Assert.Null(await Profiles.AdoptBrowserTimeZoneAsync(_user.Id, "Nowhere/Special"));
        Assert.Null(await Profiles.AdoptBrowserTimeZoneAsync(_user.Id, null));
        Assert.Null(await Profiles.GetTimeZoneAsync(_user.Id));
    }

    [Fact]
    public async Task SavingTheProfileFormKeepsTheZoneAndAZoneChangeKeepsTheFormSaveable()
    {
        var form = (await Profiles.GetFormAsync(Self))!;
        Assert.True((await Profiles.SetTimeZoneAsync(Self, "Asia/Kolkata")).Succeeded);
        form.StatusText = "Back Monday";

        var saved = await Profiles.SaveAsync(Self, form);

        Assert.True(saved.Succeeded, saved.Error);
        Assert.Equal("Asia/Kolkata", await Profiles.GetTimeZoneAsync(_user.Id));
    }
}

/// <summary>The account's zone on PostgreSQL (a character varying(64) column there).</summary>
[Collection(PostgresClusterGroup.Name)]
public sealed class AccountTimeZoneOnPostgreSqlTests(PostgresFixture postgres) : AccountTimeZoneTests
{
    protected override async Task<IReadOnlyDictionary<string, string?>?> SettingsAsync() => await postgres.SettingsAsync();
}
