using ChatCrm.Core.Accounts;
using ChatCrm.Core.Chat;
using ChatCrm.Core.Tickets;
using ChatCrm.Tests.Integration.Chat;

namespace ChatCrm.Tests.Integration.Tickets;

/// <summary>
/// Live tickets (Core/Tickets/TicketLive): each save tells the open pages of the requester and of all staff, through
/// the chat's hub, and nobody else's.
/// </summary>
public sealed class TicketLiveTests : ChatTestBase
{
    [Fact]
    public async Task OpeningAnsweringChangingAndDeletingATicketReachTheRequesterAndStaffOnly()
    {
        var client = await Chat.PersonAsync("Cleo", Roles.Client);
        var otherClient = await Chat.PersonAsync("Dora", Roles.Client);
        var admin = await Chat.PersonAsync("Ada", Roles.Admin);
        var (cleosPage, annsPage, adasPage, dorasPage) = (Chat.Listen(client), Chat.Listen(Ann), Chat.Listen(admin), Chat.Listen(otherClient));
        var tickets = Chat.Core.Get<TicketService>();

        var created = await tickets.CreateAsync(client.Actor, new TicketDraft { Subject = "Export broken", Description = "No file comes." });
        await tickets.CommentAsync(Ann.Actor, created.Id, "Looking into it.");
        var version = (await tickets.GetAsync(Ann.Actor, created.Id))!.Version;
        await tickets.UpdateAsync(Ann.Actor, created.Id, new TicketUpdate(TicketStatus.Waiting, TicketPriority.High, Ann.Id), version);
        await tickets.DeleteAsync(admin.Actor, created.Id);

        foreach (var page in new[] { cleosPage, annsPage, adasPage })
            Assert.Equal(4, page.All.OfType<TicketChanged>().Count(e => e.TicketId == created.Id));
        Assert.Empty(dorasPage.All.OfType<TicketChanged>());
        // A refused change tells nobody.
        Assert.False((await tickets.CommentAsync(otherClient.Actor, created.Id, "Hi")).Succeeded);
        Assert.Equal(4, cleosPage.All.OfType<TicketChanged>().Count());
    }
}
