using ChatCrm.Core.Common;
using ChatCrm.Core.Leads;

namespace ChatCrm.Tests.Integration.Leads;

public sealed class LeadListTests : LeadTestBase
{
    private async Task<List<string>> NamesAsync(LeadFilter filter, LeadSort sort = LeadSort.Name, bool descending = false) =>
        (await Leads.ListAsync(Agent, filter, sort, descending, 0, 100)).Items.Select(r => r.Name).ToList();

    [Fact]
    public async Task PagesOnTheServerNewestUpdatedFirstByDefault()
    {
        for (var i = 0; i < 7; i++)
        {
            await AddAsync($"Lead {i}");
            Clock.Advance(TimeSpan.FromMinutes(1));
        }

        var first = await Leads.ListAsync(Agent, new LeadFilter(), skip: 0, take: 3);
        var third = await Leads.ListAsync(Agent, new LeadFilter(), skip: 6, take: 3);

        Assert.Equal(7, first.TotalCount);
        Assert.Equal(["Lead 6", "Lead 5", "Lead 4"], first.Items.Select(r => r.Name));
        Assert.Equal(["Lead 0"], third.Items.Select(r => r.Name));
    }

    [Fact]
    public async Task SortsByNameCompanyStatusAndCreatedBothWays()
    {
        await AddAsync("Bea", company: "Zeta", status: LeadStatus.Won);
        Clock.Advance(TimeSpan.FromMinutes(1));
        await AddAsync("Cal", company: "Alpha", status: LeadStatus.New);
        Clock.Advance(TimeSpan.FromMinutes(1));
        await AddAsync("Abe", company: "Mid", status: LeadStatus.Qualified);

        Assert.Equal(["Abe", "Bea", "Cal"], await NamesAsync(new LeadFilter(), LeadSort.Name));
        Assert.Equal(["Cal", "Bea", "Abe"], await NamesAsync(new LeadFilter(), LeadSort.Name, descending: true));
        Assert.Equal(["Cal", "Abe", "Bea"], await NamesAsync(new LeadFilter(), LeadSort.Company));
        // Pipeline order, not alphabetical: New, Qualified, Won.
        Assert.Equal(["Cal", "Abe", "Bea"], await NamesAsync(new LeadFilter(), LeadSort.Status));
        Assert.Equal(["Bea", "Abe", "Cal"], await NamesAsync(new LeadFilter(), LeadSort.Status, descending: true));
        Assert.Equal(["Bea", "Cal", "Abe"], await NamesAsync(new LeadFilter(), LeadSort.Created));
        Assert.Equal(["Abe", "Cal", "Bea"], await NamesAsync(new LeadFilter(), LeadSort.Updated, descending: true));
    }

    [Fact]
    public async Task SearchFindsNameEmailCompanyAndPhoneAndTakesWildcardsLiterally()
    {
        await AddAsync(Input("Percy Fifty", "percy@example.test", "100% Juice", "+1 555 0100"));
        await AddAsync(Input("Under Score", "under_score@example.test", "Plain Co"));
        await AddAsync(Input("Other Person", "underscore@example.test", "Another", "+44 20 7946 0958"));

        Assert.Equal(["Percy Fifty"], await NamesAsync(new LeadFilter { Search = "100%" }));
        Assert.Empty(await NamesAsync(new LeadFilter { Search = "1%0" }));
        Assert.Equal(["Under Score"], await NamesAsync(new LeadFilter { Search = "under_" }));
        Assert.Equal(["Percy Fifty"], await NamesAsync(new LeadFilter { Search = "PERCY" }));
        Assert.Equal(["Other Person"], await NamesAsync(new LeadFilter { Search = "7946" }));
        Assert.Equal(["Other Person"], await NamesAsync(new LeadFilter { Search = "another" }));
        Assert.Equal(["Other Person", "Under Score"], await NamesAsync(new LeadFilter { Search = "score@" }));
    }

    [Fact]
    public async Task FiltersByStatusOwnerUnassignedSourceAndTag()
    {
        await AddAsync(Input("Mine New", status: LeadStatus.New, source: "Website", owner: Agent.UserId, tags: ["vip"]));
        await AddAsync(Input("Hers Won", status: LeadStatus.Won, source: "Referral", owner: OtherAgent.UserId, tags: ["vip", "smb"]));
        await AddAsync(Input("Nobody Lost", status: LeadStatus.Lost, source: "Website"));

        Assert.Equal(["Hers Won", "Nobody Lost"], await NamesAsync(new LeadFilter { Statuses = [LeadStatus.Won, LeadStatus.Lost] }));
        Assert.Equal(["Mine New"], await NamesAsync(new LeadFilter { OwnerId = Agent.UserId }));
        Assert.Equal(["Nobody Lost"], await NamesAsync(new LeadFilter { OnlyUnassigned = true }));
        Assert.Equal(["Mine New", "Nobody Lost"], await NamesAsync(new LeadFilter { Source = "Website" }));
        Assert.Equal(["Hers Won", "Mine New"], await NamesAsync(new LeadFilter { Tag = "vip" }));
        Assert.Equal(["Hers Won"], await NamesAsync(LeadFilter.Parse("?tag=SMB&status=Won")));
        Assert.Equal(["Referral", "Website"], await Leads.SourcesAsync(Agent));
        Assert.Equal(["smb", "vip"], await Leads.TagsAsync(Agent));
    }

    [Fact]
    public async Task FiltersByCreatedRangeIncludingTheLastDay()
    {
        await AddAsync("Old");
        Clock.Advance(TimeSpan.FromDays(10));
        await AddAsync("Recent");
        var today = DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);

        Assert.Equal(["Recent"], await NamesAsync(new LeadFilter { CreatedFrom = today.AddDays(-1) }));
        Assert.Equal(["Old"], await NamesAsync(new LeadFilter { CreatedTo = today.AddDays(-10) }));
        Assert.Equal(["Old", "Recent"], await NamesAsync(new LeadFilter { CreatedFrom = today.AddDays(-10), CreatedTo = today }));
        Assert.Empty(await NamesAsync(new LeadFilter { CreatedFrom = today.AddDays(-8), CreatedTo = today.AddDays(-2) }));
    }

    [Fact]
    public async Task CreatedDatesAreDaysOfTheZoneTheFilterNames()
    {
        // 20:00 UTC is 01:30 the next day in Kolkata (+05:30).
        var now = Clock.GetUtcNow();
        Clock.Advance(new DateTimeOffset(now.UtcDateTime.Date.AddDays(1).AddHours(20), TimeSpan.Zero) - now);
        await AddAsync("Evening");
        var utcDay = DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);
        var kolkataDay = utcDay.AddDays(1);
        var day = (DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(["Evening"], await NamesAsync(new LeadFilter { CreatedFrom = utcDay, CreatedTo = utcDay }));
        Assert.Empty(await NamesAsync(new LeadFilter { CreatedFrom = kolkataDay, CreatedTo = kolkataDay }));
        Assert.Equal(["Evening"], await NamesAsync(LeadFilter.Parse($"?from={day(kolkataDay)}&to={day(kolkataDay)}&tz=Asia%2FKolkata")));
        Assert.Empty(await NamesAsync(LeadFilter.Parse($"?from={day(utcDay)}&to={day(utcDay)}&tz=Asia%2FKolkata")));
        Assert.Equal(["Evening"], await NamesAsync(new LeadFilter { CreatedTo = kolkataDay }.WithDaysOf(ReaderTime.For("Asia/Kolkata"))));
    }

    [Fact]
    public async Task RowsCarryOwnerNameTagsAndTimes()
    {
        var id = await AddAsync(Input("Ann", "ann@example.test", "Acme", "+1 555 0100", LeadStatus.Qualified, "Website", OtherAgent.UserId, "b", "a"));

        var row = Assert.Single((await Leads.ListAsync(Agent, new LeadFilter())).Items);

        Assert.Equal((id, "ann@example.test", "+1 555 0100", "Acme", LeadStatus.Qualified, "Website"), (row.Id, row.Email, row.Phone, row.Company, row.Status, row.Source));
        Assert.Equal((OtherAgent.UserId, "Olga Agent"), (row.OwnerId, row.OwnerName));
        Assert.Equal(["a", "b"], row.Tags);
        Assert.Equal(row.CreatedAt, row.UpdatedAt);
    }

    [Fact]
    public async Task OwnersAreAgentsAndAdminsOnly()
    {
        var owners = await Leads.OwnersAsync(Agent);

        Assert.Equal(["Ada Admin", "Alex Agent", "Olga Agent"], owners.Select(o => o.Name));
    }

    [Fact]
    public async Task BoardCountsEveryStatusAndShowsTheNewestCardsFirst()
    {
        for (var i = 0; i < 4; i++)
        {
            await AddAsync($"New {i}", company: "Acme", owner: Agent.UserId);
            Clock.Advance(TimeSpan.FromMinutes(1));
        }
        await AddAsync("Won one", status: LeadStatus.Won);

        var board = await Leads.BoardAsync(Agent, new LeadFilter(), perColumn: 2);

        Assert.Equal(Enum.GetValues<LeadStatus>(), board.Select(c => c.Status));
        var fresh = board.Single(c => c.Status == LeadStatus.New);
        Assert.Equal(4, fresh.Count);
        Assert.Equal(["New 3", "New 2"], fresh.Cards.Select(c => c.Name));
        Assert.Equal(("Acme", "Alex Agent"), (fresh.Cards[0].Company, fresh.Cards[0].OwnerName));
        Assert.Equal(1, board.Single(c => c.Status == LeadStatus.Won).Count);
        Assert.Equal(0, board.Single(c => c.Status == LeadStatus.Lost).Count);
        var filtered = await Leads.BoardAsync(Agent, new LeadFilter { Statuses = [LeadStatus.Won], Search = "won" });
        Assert.Equal(["Won one"], filtered.Single().Cards.Select(c => c.Name));
    }
}
