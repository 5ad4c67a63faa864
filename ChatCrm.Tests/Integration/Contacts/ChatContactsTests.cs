using ChatCrm.Core.Accounts;
using ChatCrm.Core.Chat;
using ChatCrm.Core.Common;
using ChatCrm.Core.Contacts;
using ChatCrm.Core.Leads;
using ChatCrm.Core.Meetings;
using ChatCrm.Core.Tickets;
using ChatCrm.Tests.Integration.Chat;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Tests.Integration.Contacts;

/// <summary>
/// The chat and the CRM together (Core/Contacts/ChatContacts): a client's open tickets, upcoming meetings and lead
/// beside a staff member's chat with them; a ticket and a meeting started from the chat; nothing of it for a client.
/// </summary>
public sealed class ChatContactsTests : ChatTestBase
{
    private ChatContacts Contacts => Chat.Core.Get<ChatContacts>();

    [Fact]
    public async Task BesideAClientsChatStaffSeeTheirOpenTicketsUpcomingMeetingsAndTheLeadWithTheirAddress()
    {
        var client = await Chat.PersonAsync("Cleo", Roles.Client);
        var email = await EmailOfAsync(client);
        var tickets = Chat.Core.Get<TicketService>();
        var open = await tickets.CreateAsync(client.Actor, new TicketDraft { Subject = "Invoice wrong", Description = "March invoice lists 3 seats." });
        var done = await tickets.CreateAsync(client.Actor, new TicketDraft { Subject = "Old question", Description = "Answered." });
        await Chat.Core.WithDbAsync(db => db.Tickets.Where(t => t.Id == done.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, TicketStatus.Closed)));
        var start = Chat.Clock.GetUtcNow().AddDays(1);
        var meetings = Chat.Core.Get<MeetingService>();
        var next = await meetings.CreateAsync(Ann.Actor, new MeetingInput("Renewal call", start, start.AddMinutes(30), null, null, [new ParticipantRef(client.Id, ParticipantKind.User)]));
        await meetings.CreateAsync(Ann.Actor, new MeetingInput("Without Cleo", start, start.AddMinutes(30), null, null, [new ParticipantRef(Bob.Id, ParticipantKind.User)]));
        var lead = await Chat.Core.Get<LeadService>().CreateAsync(Ann.Actor, new LeadInput { Name = "Cleo at Acme", Email = email.ToUpperInvariant(), Company = "Acme" });
        var chat = await Chat.DirectAsync(Ann, client);

        var panel = await Contacts.PanelAsync(Ann.Actor, chat);

        Assert.NotNull(panel);
        Assert.Equal((client.Id, client.Name), (panel.ClientId, panel.Name));
        Assert.Equal([open.Id], panel.OpenTickets.Select(t => t.Id));
        Assert.Equal([next.MeetingId!.Value], panel.UpcomingMeetings.Select(m => m.Id));
        Assert.Equal((lead.Id, "Acme"), (panel.Lead?.Id, panel.Lead?.Company));

        // The client sees none of it, and neither does staff beside a chat with a colleague.
        Assert.Null(await Contacts.PanelAsync(client.Actor, chat));
        Assert.Null(await Contacts.PanelAsync(Ann.Actor, await Chat.DirectAsync(Ann, Bob)));
        // Nor staff who are not in that chat.
        Assert.Null(await Contacts.PanelAsync(Bob.Actor, chat));
    }

    [Fact]
    public async Task StaffOpenATicketForTheClientFromTheirMessageAndPlanAMeetingWithTheChatsPeople()
    {
        var client = await Chat.PersonAsync("Cleo", Roles.Client);
        var chat = await Chat.DirectAsync(Ann, client);
        var message = await Chat.SayAsync(client, chat, "The export button does nothing\nI click it and no file comes.");

        var (draft, requester) = await Contacts.TicketDraftAsync(Ann.Actor, message.Id);
        Assert.Equal(("The export button does nothing", "The export button does nothing\nI click it and no file comes.", client.Id, client.Name),
            (draft.Subject, draft.Description, draft.RequesterId, requester));
        var created = await Chat.Core.Get<TicketService>().CreateAsync(Ann.Actor, draft);
        Assert.True(created.Succeeded, created.Error);
        Assert.Equal(client.Id, await Chat.Core.WithDbAsync(db => db.Tickets.Where(t => t.Id == created.Id).Select(t => t.RequesterId).FirstAsync()));
        Assert.Equal([client.Id], (await Contacts.MeetingPeopleAsync(Ann.Actor, chat)).Select(p => p.Id));

        // A client cannot start either, nor file a ticket in someone else's name; staff outside the chat cannot read it.
        await Assert.ThrowsAsync<ForbiddenException>(() => Contacts.TicketDraftAsync(client.Actor, message.Id));
        await Assert.ThrowsAsync<ForbiddenException>(() => Contacts.MeetingPeopleAsync(client.Actor, chat));
        await Assert.ThrowsAsync<ForbiddenException>(() => Contacts.TicketDraftAsync(Bob.Actor, message.Id));
        var forged = await Chat.Core.Get<TicketService>().CreateAsync(client.Actor, new TicketDraft { Subject = "Hi", Description = "Hi", RequesterId = Ann.Id });
        Assert.Equal(TicketService.RequesterNotAClient, forged.Error);
        var forStaff = await Chat.Core.Get<TicketService>().CreateAsync(Ann.Actor, new TicketDraft { Subject = "Hi", Description = "Hi", RequesterId = Bob.Id });
        Assert.Equal(TicketService.RequesterNotAClient, forStaff.Error);
        // A colleague's message in a one-to-one chat with a colleague has no client to file for.
        var colleagues = await Chat.DirectAsync(Ann, Bob);
        var note = await Chat.SayAsync(Bob, colleagues, "Lunch?");
        await Assert.ThrowsAsync<ChatRuleException>(() => Contacts.TicketDraftAsync(Ann.Actor, note.Id));
    }

    private async Task<string> EmailOfAsync(Person person) =>
        (await Chat.Core.WithDbAsync(db => db.Users.Where(u => u.Id == person.Id).Select(u => u.Email).FirstAsync()))!;
}
