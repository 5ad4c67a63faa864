using ChatCrm.Core.Common;
using ChatCrm.Core.Tickets;
using ChatCrm.Tests.Integration.Crm;

namespace ChatCrm.Tests.Integration.Tickets;

/// <summary>Who sees and does what with a ticket: a Client only their own, staff everything, Admins alone delete.</summary>
public sealed class TicketAccessTests : CrmTestBase
{
    private TicketService Tickets => Get<TicketService>();

    [Fact]
    public async Task ClientCannotOpenAnotherClientsTicket()
    {
        var theirs = await Tickets.OpenTicketAsync(OtherClient, "My private problem");
        await Tickets.CommentAsync(Agent, theirs.Id, "We are on it.");
        var before = await Tickets.ReadAsync(Agent, theirs.Id);

        Assert.Null(await Tickets.GetAsync(Client, theirs.Id));
        Assert.Null(await Tickets.CommentsAsync(Client, theirs.Id));
        var comment = await Tickets.CommentAsync(Client, theirs.Id, "Let me in");
        var update = await Tickets.UpdateAsync(Client, theirs.Id, new TicketUpdate(TicketStatus.Closed, before.Priority, null), before.Version);

        // The same answer as for an id that does not exist at all: guessing learns nothing.
        var missing = await Tickets.CommentAsync(Client, Guid.NewGuid(), "Anyone?");
        Assert.Null(await Tickets.GetAsync(Client, Guid.NewGuid()));
        Assert.False(comment.Succeeded);
        Assert.False(update.Succeeded);
        Assert.Equal(missing.Error, comment.Error);
        Assert.Equal(missing.Error, update.Error);

        var after = await Tickets.ReadAsync(Agent, theirs.Id);
        Assert.Equal(before, after);
        Assert.Single((await Tickets.CommentsAsync(Agent, theirs.Id))!);
    }

    [Fact]
    public async Task ClientListsOnlyTheirOwnTickets()
    {
        var mine = await Tickets.OpenTicketAsync(Client, "Mine");
        await Tickets.OpenTicketAsync(OtherClient, "Theirs");
        await Tickets.OpenTicketAsync(OtherClient, "Theirs too");

        var rows = await Tickets.AllAsync(Client);
        Assert.Equal([mine.Id], rows.Select(r => r.Id));
        // Staff filters do not widen a client's view either.
        Assert.Equal([mine.Id], (await Tickets.AllAsync(Client, new TicketFilter { Assignee = TicketAssigneeFilter.Unassigned })).Select(r => r.Id));
        Assert.Equal(0, (await Tickets.ListAsync(Client, new TicketFilter { Search = "Theirs" }, new PageRequest(0, 10))).TotalCount);
    }

    [Fact]
    public async Task AgentSeesAndWorksEveryTicket()
    {
        var first = await Tickets.OpenTicketAsync(Client, "First");
        var second = await Tickets.OpenTicketAsync(OtherClient, "Second");

        Assert.Equal(2, (await Tickets.AllAsync(Agent)).Count);
        Assert.Equal(2, (await Tickets.AllAsync(Admin)).Count);
        var loaded = await Tickets.ReadAsync(Agent, second.Id);
        var saved = await Tickets.UpdateAsync(Agent, second.Id, new TicketUpdate(TicketStatus.Waiting, TicketPriority.High, OtherAgent.UserId), loaded.Version);
        Assert.True(saved.Succeeded, saved.Error);

        var after = await Tickets.ReadAsync(OtherClient, second.Id);
        Assert.Equal((TicketStatus.Waiting, TicketPriority.High, OtherAgent.UserId), (after.Status, after.Priority, after.AssigneeId));
        Assert.Equal("Olga Agent", after.AssigneeName);
        Assert.Equal([second.Id], (await Tickets.AllAsync(OtherAgent, new TicketFilter { Assignee = TicketAssigneeFilter.Mine })).Select(r => r.Id));
        Assert.Equal([first.Id], (await Tickets.AllAsync(Agent, new TicketFilter { Assignee = TicketAssigneeFilter.Unassigned })).Select(r => r.Id));
    }

    [Fact]
    public async Task ClientCannotAssignOrChangePriorityButClosesAndReopensTheirOwn()
    {
        var mine = await Tickets.OpenTicketAsync(Client);
        var loaded = await Tickets.ReadAsync(Client, mine.Id);

        await Assert.ThrowsAsync<ForbiddenException>(() =>
            Tickets.UpdateAsync(Client, mine.Id, new TicketUpdate(loaded.Status, TicketPriority.Urgent, null), loaded.Version));
        await Assert.ThrowsAsync<ForbiddenException>(() =>
            Tickets.UpdateAsync(Client, mine.Id, new TicketUpdate(loaded.Status, loaded.Priority, Agent.UserId), loaded.Version));
        await Assert.ThrowsAsync<ForbiddenException>(() =>
            Tickets.UpdateAsync(Client, mine.Id, new TicketUpdate(TicketStatus.InProgress, loaded.Priority, null), loaded.Version));
        await Assert.ThrowsAsync<ForbiddenException>(() => Tickets.AssigneesAsync(Client));
        Assert.Equal(loaded, await Tickets.ReadAsync(Client, mine.Id));

        Assert.True((await Tickets.UpdateAsync(Client, mine.Id, new TicketUpdate(TicketStatus.Closed, loaded.Priority, null), loaded.Version)).Succeeded);
        var closed = await Tickets.ReadAsync(Client, mine.Id);
        Assert.Equal(TicketStatus.Closed, closed.Status);
        Assert.NotNull(closed.ResolvedAt);

        Assert.True((await Tickets.UpdateAsync(Client, mine.Id, new TicketUpdate(TicketStatus.Open, loaded.Priority, null), closed.Version)).Succeeded);
        var reopened = await Tickets.ReadAsync(Client, mine.Id);
        Assert.Equal(TicketStatus.Open, reopened.Status);
        Assert.Null(reopened.ResolvedAt);
    }

    [Fact]
    public async Task AssigneeMustBeAnAgentOrAdmin()
    {
        var ticket = await Tickets.OpenTicketAsync(Client);
        var loaded = await Tickets.ReadAsync(Agent, ticket.Id);

        var toClient = await Tickets.UpdateAsync(Agent, ticket.Id, new TicketUpdate(loaded.Status, loaded.Priority, OtherClient.UserId), loaded.Version);
        var toNobody = await Tickets.UpdateAsync(Agent, ticket.Id, new TicketUpdate(loaded.Status, loaded.Priority, Guid.NewGuid()), loaded.Version);

        Assert.False(toClient.Succeeded);
        Assert.False(toNobody.Succeeded);
        Assert.Null((await Tickets.ReadAsync(Agent, ticket.Id)).AssigneeId);
        Assert.Equal(["Ada Admin", "Alex Agent", "Olga Agent"], (await Tickets.AssigneesAsync(Agent)).Select(a => a.Name));
    }

    [Fact]
    public async Task StaleUpdateIsAConflictAndChangesNothing()
    {
        var ticket = await Tickets.OpenTicketAsync(Client);
        var loaded = await Tickets.ReadAsync(Agent, ticket.Id);
        Assert.True((await Tickets.UpdateAsync(OtherAgent, ticket.Id, new TicketUpdate(TicketStatus.InProgress, TicketPriority.High, OtherAgent.UserId), loaded.Version)).Succeeded);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            Tickets.UpdateAsync(Agent, ticket.Id, new TicketUpdate(TicketStatus.Closed, TicketPriority.Low, Agent.UserId), loaded.Version));

        var after = await Tickets.ReadAsync(Agent, ticket.Id);
        Assert.Equal((TicketStatus.InProgress, TicketPriority.High, OtherAgent.UserId), (after.Status, after.Priority, after.AssigneeId));
    }

    [Fact]
    public async Task OnlyAnAdminDeletesATicketAndItsThread()
    {
        var ticket = await Tickets.OpenTicketAsync(Client);
        await Tickets.CommentAsync(Agent, ticket.Id, "Looking into it.");

        await Assert.ThrowsAsync<ForbiddenException>(() => Tickets.DeleteAsync(Agent, ticket.Id));
        await Assert.ThrowsAsync<ForbiddenException>(() => Tickets.DeleteAsync(Client, ticket.Id));
        Assert.NotNull(await Tickets.GetAsync(Agent, ticket.Id));

        Assert.True((await Tickets.DeleteAsync(Admin, ticket.Id)).Succeeded);
        Assert.Null(await Tickets.GetAsync(Admin, ticket.Id));
        Assert.Null(await Tickets.CommentsAsync(Admin, ticket.Id));
        Assert.False((await Tickets.DeleteAsync(Admin, ticket.Id)).Succeeded);
    }

    [Fact]
    public async Task CommentsShowTheirAuthorsAndMoveTheStatus()
    {
        var ticket = await Tickets.OpenTicketAsync(Client);

        Assert.True((await Tickets.CommentAsync(Client, ticket.Id, "Any news?")).Succeeded);
        Assert.Equal(TicketStatus.Open, (await Tickets.ReadAsync(Client, ticket.Id)).Status);
        Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.True((await Tickets.CommentAsync(Agent, ticket.Id, "On it.")).Succeeded);
        var answered = await Tickets.ReadAsync(Client, ticket.Id);
        Assert.Equal(TicketStatus.InProgress, answered.Status);
        Assert.Equal(Clock.GetUtcNow().UtcDateTime, answered.UpdatedAt.UtcDateTime, TimeSpan.FromSeconds(5));

        var thread = (await Tickets.CommentsAsync(Client, ticket.Id))!;
        Assert.Equal([("Cleo Client", true, "Any news?"), ("Alex Agent", false, "On it.")], thread.Select(c => (c.AuthorName, c.ByRequester, c.Body)));
    }

    [Theory]
    [InlineData("", "Described.", "Enter a subject.")]
    [InlineData("   ", "Described.", "Enter a subject.")]
    [InlineData("Subject", "", "Describe the problem.")]
    public async Task OpeningATicketValidatesItsFields(string subject, string description, string error)
    {
        var created = await Tickets.CreateAsync(Client, new TicketDraft { Subject = subject, Description = description });
        Assert.False(created.Succeeded);
        Assert.Equal(error, created.Error);
        Assert.Empty(await Tickets.AllAsync(Admin));
    }

    [Fact]
    public async Task TooLongFieldsAndUnknownPrioritiesAreRefused()
    {
        var tooLongSubject = await Tickets.CreateAsync(Client, new TicketDraft { Subject = new string('s', Ticket.SubjectMax + 1), Description = "d" });
        var tooLongDescription = await Tickets.CreateAsync(Client, new TicketDraft { Subject = "s", Description = new string('d', Ticket.DescriptionMax + 1) });
        var badPriority = await Tickets.CreateAsync(Client, new TicketDraft { Subject = "s", Description = "d", Priority = (TicketPriority)99 });
        var ticket = await Tickets.OpenTicketAsync(Client);
        var emptyComment = await Tickets.CommentAsync(Client, ticket.Id, "  ");
        var longComment = await Tickets.CommentAsync(Client, ticket.Id, new string('c', TicketComment.BodyMax + 1));

        Assert.All([tooLongSubject.Succeeded, tooLongDescription.Succeeded, badPriority.Succeeded, emptyComment.Succeeded, longComment.Succeeded], Assert.False);
        Assert.True((await Tickets.CreateAsync(Client, new TicketDraft { Subject = new string('s', Ticket.SubjectMax), Description = "d" })).Succeeded);
        Assert.Empty((await Tickets.CommentsAsync(Client, ticket.Id))!);
    }
}
