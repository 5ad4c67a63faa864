using Bunit;
using ChatCrm.Core.Tickets;
using ChatCrm.Tests.Integration.Crm;
using ChatCrm.Tests.Integration.Tickets;
using ChatCrm.Web.Components.Pages.Tickets;

namespace ChatCrm.Tests.Components.Tickets;

/// <summary>
/// The ticket list's rows, which TicketList.razor.css draws as cards at phone width: each carries the ticket's key
/// fields and its action, and the filters fold behind one button there.
/// </summary>
public sealed class TicketListTests : CrmTestBase
{
    [Fact]
    public async Task EachRowCarriesWhatItsPhoneCardShows()
    {
        await Get<TicketService>().OpenTicketAsync(Client, "Printer is on fire", TicketPriority.Urgent);
        await using var context = new BunitContext();
        var list = context.UseScreenOf(Core, Agent).Render<TicketList>();

        list.WaitForAssertion(() => Assert.Single(list.FindAll("tr.ticket-row")));
        var card = list.Find("tr.ticket-row");
        var subject = card.QuerySelector(".cell-subject a")!;
        Assert.Contains("Printer is on fire", subject.TextContent);
        // The number rides with the subject on a card (its own column is hidden there).
        Assert.StartsWith("#", subject.QuerySelector(".card-only")!.TextContent);
        Assert.Equal("Urgent", card.QuerySelector(".cell-priority .app-badge")!.TextContent.Trim());
        Assert.Equal("Open", card.QuerySelector(".cell-status .app-badge")!.TextContent.Trim());
        Assert.Equal("Due", card.QuerySelector(".cell-due")!.GetAttribute("data-label"));
        Assert.StartsWith("in ", card.QuerySelector(".cell-due .due-text")!.TextContent.Trim());
        var requester = card.QuerySelectorAll(".cell-person").Single(c => c.GetAttribute("data-label") == "Requester");
        Assert.Equal("Cleo Client", requester.TextContent.Trim());
        var open = card.QuerySelector(".cell-actions a")!;
        Assert.Equal("Open", open.TextContent.Trim());
        Assert.Equal(subject.GetAttribute("href"), open.GetAttribute("href"));
        // Plain markup: the row holds no component of its own besides MudTable's row.
        Assert.Empty(card.QuerySelectorAll(".mud-chip, .mud-button-root, .mud-tooltip-root"));
    }

    [Fact]
    public async Task AnOverdueTicketIsMarkedOnItsCard()
    {
        await Get<TicketService>().OpenTicketAsync(Client, "Late one", TicketPriority.Urgent);
        Clock.Advance(TimeSpan.FromDays(1));
        await using var context = new BunitContext();
        var list = context.UseScreenOf(Core, Agent).Render<TicketList>();

        list.WaitForAssertion(() => Assert.Single(list.FindAll("tr.ticket-overdue")));
        Assert.Equal("Overdue", list.Find("tr.ticket-overdue .cell-due .app-badge").TextContent.Trim());
    }

    [Fact]
    public async Task TheFiltersFoldBehindOneButton()
    {
        await using var context = new BunitContext();
        var list = context.UseScreenOf(Core, Agent).Render<TicketList>();

        // One labelled field per filter (a MudSelect draws more than one element with its class, so count by label).
        list.WaitForAssertion(() => Assert.Subset(
            list.FindAll("#ticket-filters .mud-input-control label").Select(l => l.TextContent.Trim()).ToHashSet(),
            new HashSet<string> { "Status", "Priority", "Assignee" }));
        var toggle = list.Find("button.filters-toggle");
        Assert.Equal("false", toggle.GetAttribute("aria-expanded"));
        var panel = list.Find($"#{toggle.GetAttribute("aria-controls")}");
        Assert.DoesNotContain("filter-panel-open", panel.ClassName);
        // Status, priority, assignee and "overdue only" all live in the folded panel; the search stays out.
        Assert.NotNull(panel.QuerySelector("input[type=checkbox]"));
        Assert.Null(panel.QuerySelector("input[type=search]"));

        await toggle.ClickAsync();

        Assert.Equal("true", list.Find("button.filters-toggle").GetAttribute("aria-expanded"));
        Assert.Contains("filter-panel-open", list.Find("#ticket-filters").ClassName);
    }

    [Fact]
    public async Task AClientSeesOnlyTheirOwnTicketsAndNoRequesterColumn()
    {
        var tickets = Get<TicketService>();
        await tickets.OpenTicketAsync(Client, "Mine");
        await tickets.OpenTicketAsync(OtherClient, "Not mine");
        await using var context = new BunitContext();
        var list = context.UseScreenOf(Core, Client).Render<TicketList>();

        list.WaitForAssertion(() => Assert.Single(list.FindAll("tr.ticket-row")));
        Assert.Contains("Mine", list.Find("tr.ticket-row .cell-subject").TextContent);
        Assert.DoesNotContain("Not mine", list.Markup);
        Assert.Empty(list.FindAll("[data-label=Requester]"));
    }
}
