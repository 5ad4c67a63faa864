using ChatCrm.Core.Accounts;
using ChatCrm.Core.Campaigns;
using ChatCrm.Core.Leads;
using ChatCrm.Core.Meetings;
using ChatCrm.Core.Search;
using ChatCrm.Core.Tickets;
using ChatCrm.Tests.Integration.Chat;

namespace ChatCrm.Tests.Integration.Search;

/// <summary>
/// The one search over everything (Core/Search/GlobalSearch): every kind for staff, and for a client only what is theirs
/// (their tickets, their meetings, their chats and messages, staff as people), never leads or campaigns.
/// </summary>
public sealed class GlobalSearchTests : ChatTestBase
{
    [Fact]
    public async Task StaffFindEveryKindAndAClientOnlyWhatIsTheirs()
    {
        var cleo = await Chat.PersonAsync("Cleo", Roles.Client);
        var dora = await Chat.PersonAsync("Dora", Roles.Client);
        var tickets = Chat.Core.Get<TicketService>();
        var cleosTicket = await tickets.CreateAsync(cleo.Actor, new TicketDraft { Subject = "Invoice export broken", Description = "No file." });
        var dorasTicket = await tickets.CreateAsync(dora.Actor, new TicketDraft { Subject = "Invoice for Dora is wrong", Description = "Twice." });
        var start = Chat.Clock.GetUtcNow().AddDays(2);
        var meetings = Chat.Core.Get<MeetingService>();
        var withCleo = await meetings.CreateAsync(Ann.Actor, new MeetingInput("Invoice review", start, start.AddHours(1), null, null, [new ParticipantRef(cleo.Id, ParticipantKind.User)]));
        var withDora = await meetings.CreateAsync(Ann.Actor, new MeetingInput("Invoice review with Dora", start, start.AddHours(1), null, null, [new ParticipantRef(dora.Id, ParticipantKind.User)]));
        var lead = await Chat.Core.Get<LeadService>().CreateAsync(Ann.Actor, new LeadInput { Name = "Invoice Partners", Email = "hello@invoice-partners.example" });
        var (_, campaign) = await Chat.Core.Get<CampaignService>().CreateAsync(Ann.Actor, new CampaignInput { Name = "Invoice reminders" });
        var cleosChat = await Chat.DirectAsync(Ann, cleo);
        var cleosMessage = await Chat.SayAsync(cleo, cleosChat, "Where is my invoice?");
        var dorasChat = await Chat.DirectAsync(Bob, dora);
        await Chat.SayAsync(dora, dorasChat, "My invoice is late");
        var group = await Chat.GroupAsync(Ann, "Invoices team", Bob);
        var search = Chat.Core.Get<GlobalSearch>();

        var forAnn = await search.SearchAsync(Ann.Actor, "invoice");
        Assert.Equal([SearchKind.Chat, SearchKind.Message, SearchKind.Ticket, SearchKind.Meeting, SearchKind.Lead, SearchKind.Campaign],
            forAnn.Select(h => h.Kind).Distinct());
        Assert.Contains(forAnn, h => h.Kind == SearchKind.Ticket && h.Id == dorasTicket.Id);
        Assert.Contains(forAnn, h => h.Kind == SearchKind.Lead && h.Id == lead.Id && h.Href == $"/leads/{lead.Id}");
        Assert.Contains(forAnn, h => h.Kind == SearchKind.Campaign && h.Id == campaign);
        Assert.Contains(forAnn, h => h.Kind == SearchKind.Chat && h.Id == group);
        Assert.Contains(forAnn, h => h.Kind == SearchKind.Message && h.Href == $"/chat/{cleosChat}?at={cleosMessage.Seq}");

        var forCleo = await search.SearchAsync(cleo.Actor, "invoice");
        Assert.Equal([cleosTicket.Id], forCleo.Where(h => h.Kind == SearchKind.Ticket).Select(h => h.Id));
        Assert.Equal([withCleo.MeetingId!.Value], forCleo.Where(h => h.Kind == SearchKind.Meeting).Select(h => h.Id));
        Assert.Equal([cleosMessage.Id], forCleo.Where(h => h.Kind == SearchKind.Message).Select(h => h.Id));
        Assert.DoesNotContain(forCleo, h => h.Kind is SearchKind.Lead or SearchKind.Campaign or SearchKind.Chat);
        Assert.DoesNotContain(forCleo, h => h.Id == withDora.MeetingId || h.Id == dorasTicket.Id);

        // People: a client finds staff, never another client; staff find anyone.
        Assert.DoesNotContain(await search.SearchAsync(cleo.Actor, "Dora"), h => h.Kind == SearchKind.Person);
        Assert.Contains(await search.SearchAsync(cleo.Actor, "Bob"), h => h.Kind == SearchKind.Person && h.Id == Bob.Id && h.Href == $"/chat?with={Bob.Id}");
        Assert.Contains(await search.SearchAsync(Ann.Actor, "Dora"), h => h.Kind == SearchKind.Person && h.Id == dora.Id);
        Assert.Empty(await search.SearchAsync(Ann.Actor, "i"));
    }

    [Fact]
    public async Task TwoLettersFindChatsAndPeopleAndAThirdEverythingElseToo()
    {
        var ticket = await Chat.Core.Get<TicketService>().CreateAsync(Ann.Actor, new TicketDraft { Subject = "Bob's printer", Description = "Jammed." });
        var direct = await Chat.DirectAsync(Ann, Bob);
        var message = await Chat.SayAsync(Ann, direct, "Bob, are you there?");
        var search = Chat.Core.Get<GlobalSearch>();

        var two = await search.SearchAsync(Ann.Actor, "bo");
        Assert.Contains(two, h => h.Kind == SearchKind.Person && h.Id == Bob.Id);
        Assert.Contains(two, h => h.Kind == SearchKind.Chat && h.Id == direct);
        Assert.DoesNotContain(two, h => h.Kind is not (SearchKind.Person or SearchKind.Chat));

        var three = await search.SearchAsync(Ann.Actor, "bob");
        Assert.Contains(three, h => h.Kind == SearchKind.Ticket && h.Id == ticket.Id);
        Assert.Contains(three, h => h.Kind == SearchKind.Message && h.Id == message.Id);
    }
}
