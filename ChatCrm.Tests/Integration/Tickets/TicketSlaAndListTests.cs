using ChatCrm.Core.Accounts;
using ChatCrm.Core.Common;
using ChatCrm.Core.Demo;
using ChatCrm.Core.Tickets;
using ChatCrm.Tests.Integration.Crm;

namespace ChatCrm.Tests.Integration.Tickets;

/// <summary>Due times from the SLA, the overdue filter on a moving clock, the list's filters and sorts, numbering.</summary>
public sealed class TicketSlaAndListTests : CrmTestBase
{
    private TicketService Tickets => Get<TicketService>();

    [Theory]
    [InlineData(TicketPriority.Urgent, 4)]
    [InlineData(TicketPriority.High, 24)]
    [InlineData(TicketPriority.Medium, 72)]
    [InlineData(TicketPriority.Low, 168)]
    public async Task DueTimeFollowsThePriority(TicketPriority priority, int hours)
    {
        var ticket = await Tickets.OpenTicketAsync(Client, priority: priority);
        var read = await Tickets.ReadAsync(Client, ticket.Id);
        Assert.Equal(TimeSpan.FromHours(hours), read.DueAt - read.CreatedAt);
    }

    [Fact]
    public async Task ChangingThePriorityMovesTheDueTimeFromCreation()
    {
        var ticket = await Tickets.OpenTicketAsync(Client, priority: TicketPriority.Low);
        Clock.Advance(TimeSpan.FromHours(2));
        var loaded = await Tickets.ReadAsync(Agent, ticket.Id);

        Assert.True((await Tickets.UpdateAsync(Agent, ticket.Id, new TicketUpdate(loaded.Status, TicketPriority.Urgent, null), loaded.Version)).Succeeded);

        var urgent = await Tickets.ReadAsync(Agent, ticket.Id);
        Assert.Equal(loaded.CreatedAt.AddHours(4), urgent.DueAt);
    }

    [Fact]
    public async Task OverdueFilterShowsOpenTicketsPastTheirDueTime()
    {
        var urgent = await Tickets.OpenTicketAsync(Client, "Urgent", TicketPriority.Urgent);
        var urgentButResolved = await Tickets.OpenTicketAsync(Client, "Urgent, resolved", TicketPriority.Urgent);
        await Tickets.OpenTicketAsync(Client, "High", TicketPriority.High);
        var resolvedLoad = await Tickets.ReadAsync(Agent, urgentButResolved.Id);
        await Tickets.UpdateAsync(Agent, urgentButResolved.Id, new TicketUpdate(TicketStatus.Resolved, resolvedLoad.Priority, null), resolvedLoad.Version);
        var overdue = new TicketFilter { OverdueOnly = true };

        Assert.Empty(await Tickets.AllAsync(Agent, overdue));
        Clock.Advance(TimeSpan.FromHours(5));

        var rows = await Tickets.AllAsync(Agent, overdue);
        Assert.Equal([urgent.Id], rows.Select(r => r.Id));
        Assert.True(rows[0].IsOverdue);
        Assert.True((await Tickets.ReadAsync(Client, urgent.Id)).IsOverdue);
        Assert.False((await Tickets.ReadAsync(Client, urgentButResolved.Id)).IsOverdue);
        Assert.Equal([urgent.Id], (await Tickets.AllAsync(Client, overdue)).Select(r => r.Id));
        Assert.Empty(await Tickets.AllAsync(OtherClient, overdue));

        Clock.Advance(TimeSpan.FromHours(20));
        Assert.Equal(2, (await Tickets.AllAsync(Agent, overdue)).Count);
    }

    [Fact]
    public async Task ListFiltersSearchesSortsAndPagesOnTheServer()
    {
        var printer = await Tickets.OpenTicketAsync(Client, "Printer jammed", TicketPriority.Low);
        var invoice = await Tickets.OpenTicketAsync(OtherClient, "Invoice wrong", TicketPriority.Urgent);
        var login = await Tickets.OpenTicketAsync(Client, "Login broken", TicketPriority.High);
        var loaded = await Tickets.ReadAsync(Agent, login.Id);
        await Tickets.UpdateAsync(Agent, login.Id, new TicketUpdate(TicketStatus.Waiting, loaded.Priority, Agent.UserId), loaded.Version);

        Assert.Equal([printer.Id], await IdsAsync(new TicketFilter { Search = "PRINTER" }));
        Assert.Equal([invoice.Id], await IdsAsync(new TicketFilter { Search = $"#{invoice.Number}" }));
        Assert.Equal([login.Id], await IdsAsync(new TicketFilter { Statuses = [TicketStatus.Waiting] }));
        Assert.Equal([invoice.Id], await IdsAsync(new TicketFilter { Priority = TicketPriority.Urgent }));
        Assert.Equal([login.Id], await IdsAsync(new TicketFilter { Assignee = TicketAssigneeFilter.Person, AssigneeId = Agent.UserId }));

        var byPriority = await Tickets.ListAsync(Agent, new TicketFilter(), new PageRequest(0, 2, SortBy: nameof(TicketRow.Priority), Descending: true));
        Assert.Equal(3, byPriority.TotalCount);
        Assert.Equal([invoice.Id, login.Id], byPriority.Items.Select(r => r.Id));
        var secondPage = await Tickets.ListAsync(Agent, new TicketFilter(), new PageRequest(2, 2, SortBy: nameof(TicketRow.Priority), Descending: true));
        Assert.Equal([printer.Id], secondPage.Items.Select(r => r.Id));
        Assert.Equal("Cleo Client", secondPage.Items[0].RequesterName);
    }

    [Fact]
    public async Task NumbersStayUniqueWhenManyOpenTicketsAtOnce()
    {
        var people = new[] { Client, OtherClient, Agent, OtherAgent, Admin };
        var creations = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            Task.Run(() => Tickets.CreateAsync(people[i % people.Length], new TicketDraft { Subject = $"Ticket {i}", Description = "At once." }))));

        Assert.All(creations, c => Assert.True(c.Succeeded, c.Error));
        Assert.Equal(Enumerable.Range(TicketService.FirstNumber, 20), creations.Select(c => c.Number).Order());
    }

    [Fact]
    public async Task DeletingAnAgentHandsTheirTicketsToTheAdminAndKeepsTheRequester()
    {
        var ticket = await Tickets.OpenTicketAsync(Client);
        var loaded = await Tickets.ReadAsync(Agent, ticket.Id);
        await Tickets.UpdateAsync(Agent, ticket.Id, new TicketUpdate(loaded.Status, loaded.Priority, OtherAgent.UserId), loaded.Version);
        await Tickets.CommentAsync(Client, ticket.Id, "Thanks!");

        Assert.True((await Get<AdminAccountService>().DeleteAsync(Admin, OtherAgent.UserId)).Succeeded);
        Assert.True((await Get<AdminAccountService>().DeleteAsync(Admin, Client.UserId)).Succeeded);

        var after = await Tickets.ReadAsync(Agent, ticket.Id);
        Assert.Equal(Admin.UserId, after.AssigneeId);
        Assert.Equal("Ada Admin", after.AssigneeName);
        Assert.Equal(Client.UserId, after.RequesterId);
        Assert.Equal("Deleted user", after.RequesterName);
        Assert.Equal("Deleted user", (await Tickets.CommentsAsync(Agent, ticket.Id))!.Single().AuthorName);
    }

    [Fact]
    public async Task DemoTicketsComeFromClientsWithSomeOverdueAndSomeAnswered()
    {
        var demo = Get<IEnumerable<IDemoRecords>>().Single(r => r.Order == 40);
        var people = new[] { Agent, OtherAgent, Admin, Client, OtherClient }
            .Select((a, i) => new DemoPerson(a, $"Person {i}", $"p{i}@example.test")).ToList();

        await demo.SeedAsync(people, CancellationToken.None);

        var all = await Tickets.AllAsync(Agent);
        Assert.Equal(15, all.Count);
        Assert.All(all, t => Assert.Contains(t.RequesterId, new[] { Client.UserId, OtherClient.UserId }));
        Assert.Contains(all, t => t.IsOverdue);
        Assert.Equal(15, all.Select(t => t.Number).Distinct().Count());
        var answered = 0;
        foreach (var t in all) answered += (await Tickets.CommentsAsync(Agent, t.Id))!.Count(c => !c.ByRequester);
        Assert.True(answered >= 5);
        Assert.Equal(all.Count(t => t.RequesterId == Client.UserId), (await Tickets.AllAsync(Client)).Count);
    }

    private async Task<IReadOnlyList<Guid>> IdsAsync(TicketFilter filter) => (await Tickets.AllAsync(Agent, filter)).Select(r => r.Id).ToList();
}
