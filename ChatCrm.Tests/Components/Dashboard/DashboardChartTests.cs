using AngleSharp.Dom;
using Bunit;
using ChatCrm.Core.Campaigns;
using ChatCrm.Core.Dashboard;
using ChatCrm.Core.Leads;
using ChatCrm.Core.Tickets;
using ChatCrm.Web.Components.Pages.Dashboard;
using MudBlazor;

namespace ChatCrm.Tests.Components.Dashboard;

/// <summary>How the dashboard's numbers become its charts, and what the charts then draw.</summary>
public sealed class DashboardChartTests
{
    [Fact]
    public async Task AMonthOfZeroOrOneNewLeadsADayReadsOnWholeNumberTicks()
    {
        await using var context = new BunitContext();
        context.UseMudBlazor();
        var leads = Leads(perDay: day => day % 3 == 0 ? 1 : 0);

        var panel = context.Render<LeadTrendChart>(p => p.Add(c => c.Leads, leads));
        Assert.Equal("10 new in the last 30 days", panel.Find(".dashboard-chart-note").TextContent);
        Assert.Equal("New leads per day: 10 new leads in 30 days, at most 1 a day", panel.Find("[role=img]").GetAttribute("aria-label"));

        // What MudChart draws with the panel's own series and options (the panel sizes it to its box in the browser).
        var input = DashboardCharts.NewLeads(leads);
        var chart = Draw(context, ChartType.Bar, input, DashboardCharts.NewLeadsOptions(input));
        Assert.Equal(["0", "1", "2", "3"], AxisLabels(chart.FindAll(".mud-charts-yaxis text")));
        // A bar a day, a date a week along the axis.
        Assert.Equal(30, input.Labels.Length);
        Assert.Equal(["4 Nov", "11 Nov", "18 Nov", "25 Nov", "2 Dec"], AxisLabels(chart.FindAll(".mud-charts-xaxis text")));
    }

    [Fact]
    public async Task AMonthWithoutNewLeadsSaysSoInsteadOfDrawingAnEmptyChart()
    {
        await using var context = new BunitContext();
        context.UseMudBlazor();

        var chart = context.Render<LeadTrendChart>(p => p.Add(c => c.Leads, Leads(perDay: _ => 0)));

        Assert.Empty(chart.FindAll(".mud-chart"));
        Assert.Contains("No new leads in the last 30 days.", chart.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EachStatusIsOneBarInItsOwnColourLostInTheThemesNeutralOne()
    {
        var leads = Leads(perDay: _ => 0, byStatus: [18, 12, 12, 12, 6]);

        var shaped = DashboardCharts.LeadFunnel(leads);

        Assert.Equal(["New", "Contacted", "Qualified", "Won", "Lost"], shaped.Labels);
        // A series per status with its count at its own place only, so the stacked bars stand one to a column.
        Assert.Equal([18.0, 0, 0, 0, 0], shaped.Series[0].Data.Values);
        Assert.Equal([0.0, 0, 0, 0, 6], shaped.Series[4].Data.Values);
        Assert.Equal("var(--mud-palette-text-secondary)", shaped.Palette[4]);
        Assert.Equal((5, 20), (shaped.Axis.Step, shaped.Axis.Top));

        await using var context = new BunitContext();
        context.UseMudBlazor();
        var panel = context.Render<LeadStatusChart>(p => p.Add(c => c.Leads, leads));
        Assert.Equal("Leads by status: New 18, Contacted 12, Qualified 12, Won 12, Lost 6", panel.Find("[role=img]").GetAttribute("aria-label"));
        Assert.Equal(["New 18", "Contacted 12", "Qualified 12", "Won 12", "Lost 6"],
            panel.FindAll(".dashboard-chips a").Select(a => string.Join(' ', a.TextContent.Split(' ', StringSplitOptions.RemoveEmptyEntries))));

        // Drawn: five bars (thick strokes), each in its status's colour, on whole-number ticks.
        var chart = Draw(context, ChartType.StackedBar, shaped, DashboardCharts.LeadFunnelOptions(shaped));
        var bars = chart.FindAll("path.mud-chart-bar");
        Assert.Equal(5, bars.Count);
        Assert.Equal(shaped.Palette, bars.Select(b => b.GetAttribute("stroke")));
        Assert.Equal(["0", "5", "10", "15", "20"], AxisLabels(chart.FindAll(".mud-charts-yaxis text")));
    }

    [Fact]
    public void OpenTicketsAreASliceAPriorityAndCampaignsTheirFunnelsSideBySide()
    {
        var tickets = new TicketSummary(
            Enum.GetValues<TicketStatus>().ToDictionary(s => s, _ => 0),
            new Dictionary<TicketPriority, int> { [TicketPriority.Low] = 2, [TicketPriority.Medium] = 5, [TicketPriority.High] = 3, [TicketPriority.Urgent] = 2 },
            Overdue: 7, Latest: []);

        var slices = DashboardCharts.OpenTickets(tickets);

        Assert.Equal(["Low", "Medium", "High", "Urgent"], slices.Labels);
        Assert.Equal([2.0, 5, 3, 2], Assert.Single(slices.Series).Data.Values);
        Assert.Equal("var(--mud-palette-error)", slices.Palette[3]);

        var funnels = DashboardCharts.CampaignFunnels(
        [
            new CampaignResult(Guid.NewGuid(), "Spring product update", CampaignChannel.Email, CampaignStatus.Completed, 412, 398, 187, 41, 12),
            new CampaignResult(Guid.NewGuid(), "Trial", CampaignChannel.Sms, CampaignStatus.Running, 64, 61, 48, 15, 3),
        ]);

        Assert.Equal(["Spring prod…", "Trial"], funnels.Labels);
        Assert.Equal(["Sent", "Opened", "Replied", "Converted"], funnels.Series.Select(s => s.Name));
        Assert.Equal([412.0, 64], funnels.Series[0].Data.Values);
        Assert.Equal([12.0, 3], funnels.Series[3].Data.Values);
        Assert.Equal((100, 500), (funnels.Axis.Step, funnels.Axis.Top));
    }

    private static LeadSummary Leads(Func<int, int> perDay, int[]? byStatus = null)
    {
        var first = new DateOnly(2026, 11, 4);
        var days = Enumerable.Range(0, DashboardService.TrendDays).Select(i => new DayCount(first.AddDays(i), perDay(i))).ToList();
        var statuses = Enum.GetValues<LeadStatus>().Select((s, i) => (s, byStatus?[i] ?? 1)).ToDictionary(x => x.s, x => x.Item2);
        return new LeadSummary(statuses, days, days.TakeLast(7).Sum(d => d.Count));
    }

    private static IRenderedComponent<MudChart<double>> Draw(BunitContext context, ChartType type, ChartInput input, MudBlazor.Charts.IChartOptions options) =>
        context.Render<MudChart<double>>(p => p
            .Add(c => c.ChartType, type)
            .Add(c => c.ChartLabels, input.Labels)
            .Add(c => c.ChartSeries, input.Series)
            .Add(c => c.ChartOptions, options)
            .Add(c => c.Width, "650px")
            .Add(c => c.Height, "350px"));

    private static List<string> AxisLabels(IEnumerable<IElement> texts) =>
        texts.Select(t => t.TextContent.Trim()).Where(t => t.Length > 0).ToList();
}
