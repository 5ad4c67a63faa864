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
}
