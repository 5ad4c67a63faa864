using ChatCrm.Core.Accounts;
using ChatCrm.Tests.Fixtures;

namespace ChatCrm.Tests.Integration.SeveralServers;

/// <summary>
/// Two servers on one PostgreSQL database with no admin yet: the setup link is in the database, so the link one
/// server printed works through the other, once.
/// </summary>
[Collection(PostgresClusterGroup.Name)]
public sealed class SetupLinkOnSeveralServersTests(PostgresFixture postgres)
{
    [Fact]
    public async Task TheLinkOneServerPrintedCreatesTheAdminThroughTheOtherAndThenWorksNowhere()
    {
        var settings = await postgres.SettingsAsync();
        await using var first = await CoreServices.StartAsync(settings: settings);
        await using var second = await CoreServices.StartAsync(settings: settings);
        var token = await first.Get<FirstAdminSetup>().OpenWithNewTokenAsync();

        Assert.True(await second.Get<FirstAdminSetup>().AcceptsAsync(token));
        var created = await second.Get<FirstAdminSetup>().CreateAdminAsync(token, "Ada Admin", TestAddresses.New("ada"), TestPasswords.New());

        Assert.True(created.Succeeded, created.Error);
        Assert.False(await first.Get<FirstAdminSetup>().IsOpenAsync());
        Assert.False((await first.Get<FirstAdminSetup>().CreateAdminAsync(token, "Eve", TestAddresses.New("eve"), TestPasswords.New())).Succeeded);
    }

    [Fact]
    public async Task ARefusedPasswordLeavesTheLinkUsableOnEveryServer()
    {
        var settings = await postgres.SettingsAsync();
        await using var first = await CoreServices.StartAsync(settings: settings);
        await using var second = await CoreServices.StartAsync(settings: settings);
        var token = await first.Get<FirstAdminSetup>().OpenWithNewTokenAsync();

        var weak = await second.Get<FirstAdminSetup>().CreateAdminAsync(token, "Ada Admin", TestAddresses.New("ada"), "short");

        Assert.False(weak.Succeeded);
        Assert.True(await first.Get<FirstAdminSetup>().AcceptsAsync(token));
    }
}
