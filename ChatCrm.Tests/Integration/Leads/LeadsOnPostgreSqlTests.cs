using ChatCrm.Core.Accounts;
using ChatCrm.Core.Leads;
using ChatCrm.Tests.Fixtures;

namespace ChatCrm.Tests.Integration.Leads;

/// <summary>The lead list's query (search, filters, sort, paging) on PostgreSQL, where text comparison and LIKE differ from SQLite.</summary>
[Collection(PostgresClusterGroup.Name)]
public sealed class LeadsOnPostgreSqlTests(PostgresFixture postgres) : IAsyncLifetime
{
    private CoreServices _core = null!;

    public async Task InitializeAsync() => _core = await CoreServices.StartAsync(settings: await postgres.SettingsAsync());

    public async Task DisposeAsync() => await _core.DisposeAsync();

    [Fact]
    public async Task ListSearchesFiltersSortsAndPagesOnPostgreSql()
    {
        var agentUser = await _core.CreateUserAsync("Pat Agent", "pat-agent@example.test", password: null, Roles.Agent);
        var agent = new Actor(agentUser.Id, Roles.Agent);
        var leads = _core.Get<LeadService>();
        for (var i = 0; i < 6; i++)
        {
            var saved = await leads.CreateAsync(agent, new LeadInput
            {
                Name = $"Lead {i}",
                Email = $"lead{i}@example.test",
                Company = i % 2 == 0 ? "100% Juice" : "1000 Juice",
                Status = i < 4 ? LeadStatus.Qualified : LeadStatus.Lost,
                OwnerId = i % 3 == 0 ? null : agent.UserId,
                Tags = i % 2 == 0 ? ["VIP"] : [],
            });
            Assert.True(saved.Succeeded);
            _core.Clock.Advance(TimeSpan.FromMinutes(1));
        }
        var client = new Actor((await _core.CreateUserAsync("Cy Client", "cy@example.test", password: null)).Id, Roles.Client);

        var page = await leads.ListAsync(agent, LeadFilter.Parse($"q=100%25&status=Qualified&tag=vip&owner={agent.UserId}"), LeadSort.Name, true, 0, 1);
        var unassigned = await leads.ListAsync(agent, LeadFilter.Parse("owner=none"), LeadSort.Updated, false, 1, 5);

        Assert.Equal(1, page.TotalCount);
        Assert.Equal(["Lead 2"], page.Items.Select(r => r.Name));
        Assert.Equal("Pat Agent", page.Items[0].OwnerName);
        Assert.Equal(["vip"], page.Items[0].Tags);
        Assert.Equal(2, unassigned.TotalCount);
        Assert.Equal(["Lead 3"], unassigned.Items.Select(r => r.Name));
        await Assert.ThrowsAsync<Core.Common.ForbiddenException>(() => leads.ListAsync(client, new LeadFilter()));
    }
}
