using ChatCrm.Core.Common;
using ChatCrm.Core.Leads;
using ChatCrm.Web.Components.Pages.Leads;

namespace ChatCrm.Tests.Unit.Leads;

public sealed class LeadListViewTests
{
    [Fact]
    public void AViewRoundTripsThroughTheUrl()
    {
        var owner = Guid.NewGuid();
        var view = new LeadListView(new LeadFilter
        {
            Search = "100% & co",
            Statuses = [LeadStatus.Won, LeadStatus.New],
            OwnerId = owner,
            Tag = "vip",
            CreatedFrom = new DateOnly(2026, 1, 2),
        }, LeadSort.Name, Descending: false, Page: 3);

        var query = view.ToQueryString();
        var parsed = LeadListView.Parse("?" + query);

        Assert.Equal($"q=100%25%20%26%20co&status=New%2CWon&owner={owner}&tag=vip&from=2026-01-02&sort=name&dir=asc&page=3", query);
        Assert.True(parsed.SameAs(view));
        Assert.Equal(("100% & co", LeadSort.Name, false, 3), (parsed.Filter.Search, parsed.Sort, parsed.Descending, parsed.Page));
    }

    [Fact]
    public void DefaultsStayOutOfTheUrlAndBadValuesFallBackToThem()
    {
        Assert.Equal("", new LeadListView(new LeadFilter()).ToQueryString());

        var parsed = LeadListView.Parse("?sort=bogus&dir=sideways&page=-4&status=Nope");

        Assert.Equal((LeadSort.Updated, true, 1), (parsed.Sort, parsed.Descending, parsed.Page));
        Assert.True(parsed.Filter.IsEmpty);
        Assert.Equal("owner=none", LeadListView.Parse("owner=NONE").ToQueryString());
    }

    [Fact]
    public void TheDatesCarryTheirZoneThroughTheUrlAndAZoneWithoutDatesStaysOut()
    {
        var filter = new LeadFilter { CreatedFrom = new DateOnly(2026, 3, 29) }.WithDaysOf(ReaderTime.For("Europe/Lisbon"));

        Assert.Equal("from=2026-03-29&tz=Europe%2FLisbon", filter.ToQueryString());
        Assert.Equal("Europe/Lisbon", LeadFilter.Parse("?from=2026-03-29&tz=europe%2Flisbon").TimeZone);
        Assert.Equal("", (filter with { CreatedFrom = null }).ToQueryString());
        // UTC days are the default and need no mark; an unknown zone is dropped rather than trusted.
        Assert.Equal("from=2026-03-29", new LeadFilter { CreatedFrom = new DateOnly(2026, 3, 29) }.WithDaysOf(ReaderTime.Utc).ToQueryString());
        Assert.Null(LeadFilter.Parse("?from=2026-03-29&tz=Mars%2FBase").TimeZone);
    }
}
