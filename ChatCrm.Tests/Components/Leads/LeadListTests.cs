using Bunit;
using ChatCrm.Core.Leads;
using ChatCrm.Tests.Integration.Crm;
using ChatCrm.Web.Components.Pages.Leads;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace ChatCrm.Tests.Components.Leads;

/// <summary>
/// The lead list over the real lead service: each row is plain markup that the phone layout draws as a card (name,
/// company, status, owner, the contact actions and the tick box), and nothing in a row is a component of its own.
/// </summary>
public sealed class LeadListTests : CrmTestBase
{
    [Fact]
    public async Task EachLeadIsOneRowOfPlainCellsThatACardIsDrawnFrom()
    {
        var leads = Get<LeadService>();
        await leads.CreateAsync(Agent, new LeadInput { Name = "Olivia Meyer", Email = "olivia@example.test", Company = "Northwind", Phone = "+44 20 7946 0001", OwnerId = Agent.UserId, Status = LeadStatus.Qualified });
        await leads.CreateAsync(Agent, new LeadInput { Name = "Noah Moreau", Email = "noah@example.test" });
        await using var context = new BunitContext();
        context.UseScreenOf(Core, Agent);

        var list = context.Render<LeadList>();
        list.WaitForAssertion(() => Assert.Equal(2, list.FindAll("tr.lead-row").Count), TimeSpan.FromSeconds(10));

        var olivia = list.FindAll("tr.lead-row").Single(r => r.TextContent.Contains("Olivia Meyer", StringComparison.Ordinal));
        var name = olivia.QuerySelector(".lead-cell-name a.lead-name")!;
        Assert.Equal("Olivia Meyer", name.TextContent);
        Assert.Matches("^leads/[0-9a-f-]{36}$", name.GetAttribute("href"));
        Assert.Equal("Northwind", olivia.QuerySelector(".lead-cell-company")!.TextContent);
        Assert.Equal("app-badge app-badge-warning", olivia.QuerySelector(".lead-cell-status span")!.ClassName);
        Assert.Equal("Qualified", olivia.QuerySelector(".lead-cell-status span")!.TextContent);
        Assert.Equal("Alex Agent", olivia.QuerySelector(".lead-cell-owner")!.TextContent);
        Assert.Equal("Select Olivia Meyer", olivia.QuerySelector(".lead-cell-select input[type=checkbox]")!.GetAttribute("aria-label"));
        Assert.Equal("mailto:olivia@example.test", olivia.QuerySelector("a[aria-label='Email Olivia Meyer']")!.GetAttribute("href"));
        Assert.Equal("tel:+44 20 7946 0001", olivia.QuerySelector("a[aria-label='Call Olivia Meyer']")!.GetAttribute("href"));

        // Without a phone there is nothing to call; without an owner the card says so; without a company its line stays
        // empty (the phone layout hides an empty cell).
        var noah = list.FindAll("tr.lead-row").Single(r => r.TextContent.Contains("Noah Moreau", StringComparison.Ordinal));
        Assert.Null(noah.QuerySelector("a[aria-label='Call Noah Moreau']"));
        Assert.Equal("Unassigned", noah.QuerySelector(".lead-cell-owner")!.TextContent);
        Assert.Equal("", noah.QuerySelector(".lead-cell-company")!.InnerHtml);

        // A row is one MudTr and plain markup: no cell, tick box, label or icon is a component of its own.
        Assert.Equal(2, list.FindComponents<MudTr>().Count);
        Assert.Empty(list.FindComponents<MudTd>());
        Assert.Empty(list.FindComponents<MudCheckBox<bool>>());
        Assert.Empty(list.FindComponents<MudChip<string>>());
    }

    [Fact]
    public async Task TickingLeadsShowsTheBulkBarAndTheHeaderTickSelectsTheWholePage()
    {
        var leads = Get<LeadService>();
        foreach (var name in new[] { "Ada One", "Bea Two", "Cid Three" })
            await leads.CreateAsync(Agent, new LeadInput { Name = name, Email = $"{name.Split(' ')[0].ToLowerInvariant()}@example.test" });
        await using var context = new BunitContext();
        context.UseScreenOf(Core, Agent);
        context.Render<MudPopoverProvider>();

        var list = context.Render<LeadList>();
        list.WaitForAssertion(() => Assert.Equal(3, list.FindAll("tr.lead-row").Count), TimeSpan.FromSeconds(10));
        Assert.Empty(list.FindAll("[aria-label='Bulk actions']"));

        list.Find("input[aria-label='Select Bea Two']").Change(true);
        Assert.Equal("1 selected", list.Find(".lead-bulk-count").TextContent);

        list.Find("input[aria-label='Select all leads on this page']").Change(true);
        Assert.Equal("3 selected", list.Find(".lead-bulk-count").TextContent);
        Assert.All(list.FindAll("tr.lead-row input[type=checkbox]"), box => Assert.True(box.HasAttribute("checked")));
    }

    [Fact]
    public async Task OnAPhoneTheFiltersFoldBehindOneButtonThatSaysHowManyAreSet()
    {
        await using var context = new BunitContext();
        context.UseMudBlazor();
        context.Render<MudPopoverProvider>();

        var bar = context.Render<LeadFilterBar>(p => p
            .Add(b => b.Filter, new LeadFilter { Statuses = [LeadStatus.New], Tag = "vip" })
            .Add(b => b.FilterChanged, EventCallback.Factory.Create<LeadFilter>(new object(), _ => { })));

        var toggle = bar.Find("button.filters-toggle");
        Assert.Equal("Filters (2)", toggle.TextContent.Trim());
        Assert.Equal("false", toggle.GetAttribute("aria-expanded"));
        Assert.DoesNotContain("filter-panel-open", bar.Find("#lead-filter-fields").ClassName);
        // The search stays out of the fold.
        Assert.Null(bar.Find("#lead-filter-fields").QuerySelector("input[type=search]"));

        toggle.Click();

        Assert.Equal("true", bar.Find("button.filters-toggle").GetAttribute("aria-expanded"));
        Assert.Contains("filter-panel-open", bar.Find("#lead-filter-fields").ClassName);
    }
}
