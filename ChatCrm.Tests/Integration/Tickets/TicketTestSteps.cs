using ChatCrm.Core.Accounts;
using ChatCrm.Core.Common;
using ChatCrm.Core.Tickets;

namespace ChatCrm.Tests.Integration.Tickets;

/// <summary>The steps ticket tests share: open a ticket as someone, read it back as someone.</summary>
internal static class TicketTestSteps
{
    public static async Task<TicketCreation> OpenTicketAsync(this TicketService tickets, Actor requester, string subject = "Printer is on fire",
        TicketPriority priority = TicketPriority.Medium, string description = "Smoke everywhere.")
    {
        var created = await tickets.CreateAsync(requester, new TicketDraft { Subject = subject, Description = description, Priority = priority });
        Assert.True(created.Succeeded, created.Error);
        return created;
    }

    public static async Task<TicketDetails> ReadAsync(this TicketService tickets, Actor actor, Guid id) =>
        await tickets.GetAsync(actor, id) ?? throw new InvalidOperationException($"Ticket {id} is not visible to {actor.Role}.");

    public static async Task<IReadOnlyList<TicketRow>> AllAsync(this TicketService tickets, Actor actor, TicketFilter? filter = null) =>
        (await tickets.ListAsync(actor, filter ?? new TicketFilter(), new PageRequest(0, PageRequest.MaxTake))).Items;
}
