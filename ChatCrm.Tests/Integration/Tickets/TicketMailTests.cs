using ChatCrm.Core.Tickets;
using Microsoft.EntityFrameworkCore;
using ChatCrm.Tests.Fixtures;
using ChatCrm.Tests.Integration.Crm;

namespace ChatCrm.Tests.Integration.Tickets;

/// <summary>The requester hears about status changes and staff replies through the real SMTP server; never about their own words.</summary>
[Collection(SmtpServerGroup.Name)]
public sealed class TicketMailTests(SmtpServerFixture smtp) : CrmTestBase(
    new Dictionary<string, string?> { ["ChatCrm:Email:PublicBaseUrl"] = "https://crm.example.test/" }, smtp)
{
    private readonly Mailbox _mailbox = smtp.Mailbox;

    private TicketService Tickets => Get<TicketService>();

    [Fact]
    public async Task StatusChangeMailsTheRequesterWithALinkToTheTicket()
    {
        var ticket = await Tickets.OpenTicketAsync(Client, "Printer is on fire");
        var loaded = await Tickets.ReadAsync(Agent, ticket.Id);

        Assert.True((await Tickets.UpdateAsync(Agent, ticket.Id, new TicketUpdate(TicketStatus.Resolved, loaded.Priority, Agent.UserId), loaded.Version)).Succeeded);

        var mail = await _mailbox.WaitForMailAsync(Emails[Client.UserId], $"#{ticket.Number}");
        Assert.Contains("Resolved", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("Printer is on fire", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("Alex Agent set your ticket", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains($"https://crm.example.test/tickets/{ticket.Id}", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StaffReplyMailsTheRequesterTheReplyButTheirOwnReplyDoesNot()
    {
        var ticket = await Tickets.OpenTicketAsync(Client, "Cannot sign in");

        Assert.True((await Tickets.CommentAsync(Client, ticket.Id, "It still fails this morning.")).Succeeded);
        Assert.True((await Tickets.CommentAsync(Agent, ticket.Id, "Please try again now:\nthe code lifetime was fixed.")).Succeeded);

        var mail = await _mailbox.WaitForMailAsync(Emails[Client.UserId], "New reply");
        Assert.Contains($"#{ticket.Number}", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("Alex Agent replied", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("the code lifetime was fixed.", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("In progress", mail.TextBody, StringComparison.Ordinal);
        // The agent's reply is the only mail the requester got: their own reply and the opening sent nothing.
        await Core.DeliverQueuedMailAsync();
        Assert.Single(_mailbox.MailTo(Emails[Client.UserId]));
    }

    [Fact]
    public async Task RequesterReplyMailsTheAssignee()
    {
        var ticket = await Tickets.OpenTicketAsync(Client, "Export broken");
        var loaded = await Tickets.ReadAsync(Agent, ticket.Id);
        await Tickets.UpdateAsync(Agent, ticket.Id, new TicketUpdate(loaded.Status, loaded.Priority, OtherAgent.UserId), loaded.Version);

        await Tickets.CommentAsync(Client, ticket.Id, "Here is the file you asked for.");

        var mail = await _mailbox.WaitForMailAsync(Emails[OtherAgent.UserId], "New reply");
        Assert.Contains("Cleo Client replied", mail.TextBody, StringComparison.Ordinal);
        await Core.DeliverQueuedMailAsync();
        Assert.Empty(_mailbox.MailTo(Emails[Client.UserId]));
    }

    [Fact]
    public async Task AClientClosingTheirOwnTicketGetsNoMail()
    {
        var ticket = await Tickets.OpenTicketAsync(Client);
        var loaded = await Tickets.ReadAsync(Client, ticket.Id);

        Assert.True((await Tickets.UpdateAsync(Client, ticket.Id, new TicketUpdate(TicketStatus.Closed, loaded.Priority, null), loaded.Version)).Succeeded);

        await Core.DeliverQueuedMailAsync();
        Assert.Empty(_mailbox.MailTo(Emails[Client.UserId]));
    }

    [Fact]
    public async Task AStatusChangeThatLosesToSomeoneElsesSaveQueuesNoMail()
    {
        var ticket = await Tickets.OpenTicketAsync(Client, "Two agents at once");
        var loaded = await Tickets.ReadAsync(Agent, ticket.Id);
        Assert.True((await Tickets.UpdateAsync(OtherAgent, ticket.Id, new TicketUpdate(loaded.Status, loaded.Priority, OtherAgent.UserId), loaded.Version)).Succeeded);

        // The mail is queued in the save's transaction: a save refused as stale leaves no mail behind.
        await Assert.ThrowsAsync<ChatCrm.Core.Common.ConcurrencyConflictException>(() =>
            Tickets.UpdateAsync(Agent, ticket.Id, new TicketUpdate(TicketStatus.Resolved, loaded.Priority, Agent.UserId), loaded.Version));

        Assert.Equal(0, await Core.WithDbAsync(db => db.OutboxMails.CountAsync()));
        Assert.Equal(TicketStatus.Open, (await Tickets.ReadAsync(Client, ticket.Id)).Status);
    }
}

/// <summary>A mail server that is down must not undo the change the mail was about.</summary>
public sealed class TicketMailFailureTests() : CrmTestBase(new Dictionary<string, string?>
{
    // Nothing listens on port 9 (discard) here; the sender fails fast with a refused connection.
    ["ChatCrm:Email:Smtp:Host"] = "127.0.0.1",
    ["ChatCrm:Email:Smtp:Port"] = "9",
    ["ChatCrm:Email:Smtp:StartTls"] = "false",
    ["ChatCrm:Email:Smtp:TimeoutSeconds"] = "5",
})
{
    [Fact]
    public async Task MailFailureDoesNotUndoTheSave()
    {
        var tickets = Get<TicketService>();
        var ticket = await tickets.OpenTicketAsync(Client);
        var loaded = await tickets.ReadAsync(Agent, ticket.Id);

        Assert.True((await tickets.UpdateAsync(Agent, ticket.Id, new TicketUpdate(TicketStatus.Waiting, loaded.Priority, null), loaded.Version)).Succeeded);
        Assert.True((await tickets.CommentAsync(Agent, ticket.Id, "Still there?")).Succeeded);

        Assert.Equal(TicketStatus.Waiting, (await tickets.ReadAsync(Client, ticket.Id)).Status);
        Assert.Single((await tickets.CommentsAsync(Client, ticket.Id))!);
    }
}
