using Bunit;
using ChatCrm.Core.Tickets;
using ChatCrm.Tests.Integration.Crm;
using ChatCrm.Tests.Integration.Tickets;
using ChatCrm.Web.Components.Pages.Tickets;

namespace ChatCrm.Tests.Components.Tickets;

/// <summary>The reply box under a ticket: Core's rule beside it, and a sent reply lands in the thread.</summary>
public sealed class TicketReplyFormTests : CrmTestBase
{
    private IRenderedComponent<TicketReplyForm> RenderForm(BunitContext context, Guid ticketId, Action onSent) =>
        context.UseScreenOf(Core, Agent).Render<TicketReplyForm>(p => p
            .Add(f => f.TicketId, ticketId)
            .Add(f => f.OnSent, onSent));

    [Fact]
    public async Task AnEmptyReplyShowsCoresMessageBesideTheBoxAndSendsNothing()
    {
        var tickets = Get<TicketService>();
        var ticket = await tickets.OpenTicketAsync(Client);
        await using var context = new BunitContext();
        var sent = 0;
        var form = RenderForm(context, ticket.Id, () => sent++);

        await form.TypeAsync("Your reply", "   ");
        await form.Find("form").SubmitAsync();

        Assert.Equal("Write a reply first.", form.FieldMessage("Your reply"));
        Assert.Equal(0, sent);
        Assert.Empty((await tickets.CommentsAsync(Agent, ticket.Id))!);
    }

    [Fact]
    public async Task ASentReplyIsSavedReportedAndTheBoxEmpties()
    {
        var tickets = Get<TicketService>();
        var ticket = await tickets.OpenTicketAsync(Client);
        await using var context = new BunitContext();
        var sent = 0;
        var form = RenderForm(context, ticket.Id, () => sent++);

        await form.TypeAsync("Your reply", "We are on it.");
        await form.Find("form").SubmitAsync();

        Assert.Equal(1, sent);
        Assert.Equal("We are on it.", Assert.Single((await tickets.CommentsAsync(Agent, ticket.Id))!).Body);
        Assert.Contains("Your reply is sent.", context.Outcomes());
        Assert.Equal("", form.Field("Your reply").QuerySelector("textarea")!.GetAttribute("value") ?? "");
    }
}
