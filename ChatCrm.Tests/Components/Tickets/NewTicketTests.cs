using Bunit;
using ChatCrm.Core.Common;
using ChatCrm.Core.Tickets;
using ChatCrm.Tests.Integration.Crm;
using ChatCrm.Tests.Integration.Tickets;
using ChatCrm.Web.Components.Pages.Tickets;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace ChatCrm.Tests.Components.Tickets;

/// <summary>The new-ticket form: Core's rules beside each field, and a good draft opens the ticket.</summary>
public sealed class NewTicketTests : CrmTestBase
{
    [Fact]
    public async Task AnEmptyDraftShowsCoresMessagesBesideTheFieldsAndOpensNothing()
    {
        await using var context = new BunitContext();
        var form = context.UseScreenOf(Core, Client).Render<NewTicket>();

        await form.Find("form").SubmitAsync();

        Assert.Equal("Enter a subject.", form.FieldMessage("Subject"));
        Assert.Equal("Describe the problem.", form.FieldMessage("Description"));
        Assert.Empty(await Get<TicketService>().AllAsync(Client));
    }

    [Fact]
    public async Task ASubjectOverCoresLimitIsRefusedBesideIt()
    {
        await using var context = new BunitContext();
        var form = context.UseScreenOf(Core, Client).Render<NewTicket>();

        await form.TypeAsync("Subject", new string('x', Ticket.SubjectMax + 1));

        Assert.Equal($"Keep the subject to {Ticket.SubjectMax} characters.", form.FieldMessage("Subject"));
        // The page takes the limit from Core rather than repeating it.
        Assert.Equal(Ticket.SubjectMax.ToString(), form.Field("Subject").QuerySelector("input")!.GetAttribute("maxlength"));
    }

    [Fact]
    public async Task AGoodDraftOpensTheTicketAndGoesToIt()
    {
        await using var context = new BunitContext();
        var form = context.UseScreenOf(Core, Client).Render<NewTicket>();

        await form.TypeAsync("Subject", "Printer is on fire");
        await form.TypeAsync("Description", "Smoke everywhere.");
        Assert.Equal("We aim to solve medium tickets within 3 days.", form.FieldMessage("Priority"));
        await form.Find("form").SubmitAsync();

        // Nothing beside the fields; the one outcome is the success below.
        Assert.Equal("", form.FieldMessage("Subject") + form.FieldMessage("Description"));
        var ticket = Assert.Single(await Get<TicketService>().AllAsync(Client));
        Assert.Equal("Printer is on fire", ticket.Subject);
        Assert.EndsWith($"/tickets/{ticket.Id}", context.Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal);
        Assert.Equal([$"Ticket #{ticket.Number} is open."], context.Outcomes());
    }
}
