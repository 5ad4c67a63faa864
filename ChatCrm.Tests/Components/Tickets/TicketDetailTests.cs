using Bunit;
using ChatCrm.Core.Tickets;
using ChatCrm.Tests.Integration.Crm;
using ChatCrm.Tests.Integration.Tickets;
using ChatCrm.Web.Components.Pages.Tickets;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace ChatCrm.Tests.Components.Tickets;

/// <summary>One ticket's page: the admin's delete asks first; what each person may see and do.</summary>
public sealed class TicketDetailTests : CrmTestBase
{
    [Fact]
    public async Task DeletingATicketAsksFirstAndCancelKeepsIt()
    {
        var tickets = Get<TicketService>();
        var ticket = await tickets.OpenTicketAsync(Client, "Printer is on fire");
        await using var context = new BunitContext();
        var (dialogs, _) = context.UseScreenOf(Core, Admin).RenderHosts();
        var page = context.Render<TicketDetail>(p => p.Add(d => d.Id, ticket.Id));
        page.WaitForAssertion(() => page.Button("Delete ticket"));
        var navigation = context.Services.GetRequiredService<NavigationManager>();
        var before = navigation.Uri;

        // The click waits for the answer, so it is awaited after the dialog's button is pressed.
        var asking1 = page.Button("Delete ticket").ClickAsync();
        dialogs.WaitForAssertion(() => Assert.Contains($"Delete ticket #{ticket.Number} \"Printer is on fire\"", dialogs.Markup));
        await dialogs.Button("Cancel").ClickAsync();
        await asking1;

        Assert.NotNull(await tickets.GetAsync(Admin, ticket.Id));
        Assert.Equal(before, navigation.Uri);
    }

    [Fact]
    public async Task ConfirmingTheDeleteRemovesTheTicketAndShowsTheList()
    {
        var tickets = Get<TicketService>();
        var ticket = await tickets.OpenTicketAsync(Client);
        await using var context = new BunitContext();
        var (dialogs, _) = context.UseScreenOf(Core, Admin).RenderHosts();
        var page = context.Render<TicketDetail>(p => p.Add(d => d.Id, ticket.Id));
        page.WaitForAssertion(() => page.Button("Delete ticket"));

        // The click waits for the answer, so it is awaited after the dialog's button is pressed.
        var asking2 = page.Button("Delete ticket").ClickAsync();
        dialogs.WaitForAssertion(() => dialogs.Button("Delete ticket"));
        await dialogs.Button("Delete ticket").ClickAsync();
        await asking2;

        page.WaitForAssertion(() => Assert.EndsWith("/tickets", context.Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal));
        Assert.Null(await tickets.GetAsync(Admin, ticket.Id));
        Assert.Contains($"Ticket #{ticket.Number} is deleted.", context.Outcomes());
    }

    [Fact]
    public async Task AnAgentWorksTheTicketButOnlyAnAdminSeesDelete()
    {
        var ticket = await Get<TicketService>().OpenTicketAsync(Client);
        await using var context = new BunitContext();
        var page = context.UseScreenOf(Core, Agent).Render<TicketDetail>(p => p.Add(d => d.Id, ticket.Id));

        page.WaitForAssertion(() => page.Button("Save changes"));
        Assert.DoesNotContain(page.FindAll("button"), b => b.TextContent.Trim() == "Delete ticket");
        Assert.Equal("Open", page.Field("Status").QuerySelector("input")!.GetAttribute("value"));
    }

    [Fact]
    public async Task TheRequesterCanResolveTheirTicket()
    {
        var tickets = Get<TicketService>();
        var ticket = await tickets.OpenTicketAsync(Client);
        await using var context = new BunitContext();
        var page = context.UseScreenOf(Core, Client).Render<TicketDetail>(p => p.Add(d => d.Id, ticket.Id));
        page.WaitForAssertion(() => page.Button("Mark resolved"));
        Assert.DoesNotContain(page.FindAll("button"), b => b.TextContent.Trim() == "Save changes");

        await page.Button("Mark resolved").ClickAsync();

        Assert.Equal(TicketStatus.Resolved, (await tickets.ReadAsync(Client, ticket.Id)).Status);
        page.WaitForAssertion(() => page.Button("Reopen ticket"));
    }

    [Fact]
    public async Task AnotherClientsTicketReadsAsNotFound()
    {
        var ticket = await Get<TicketService>().OpenTicketAsync(Client, "Secret subject");
        await using var context = new BunitContext();
        var page = context.UseScreenOf(Core, OtherClient).Render<TicketDetail>(p => p.Add(d => d.Id, ticket.Id));

        page.WaitForAssertion(() => Assert.Contains("Ticket not found", page.Find("h1").TextContent));
        Assert.DoesNotContain("Secret subject", page.Markup);
    }
}
