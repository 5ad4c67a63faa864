using ChatCrm.Core.Campaigns;
using ChatCrm.Core.Dashboard;
using ChatCrm.Core.Leads;
using ChatCrm.Core.Tickets;
using MudBlazor;

namespace ChatCrm.Web.Components.Pages.Dashboard;

/// <summary>What a MudChart draws: the category labels, the series, a colour per series (or per slice) and the value axis.</summary>
internal sealed record ChartInput(string[] Labels, List<ChartSeries<double>> Series, string[] Palette, CountAxis Axis)
{
    /// <summary>The figures in words, for the chart's accessible name ("New 4, Contacted 2, …").</summary>
    public string Summary { get; init; } = "";
}

/// <summary>The dashboard's numbers shaped for its charts; kept apart from the markup so the shaping is tested alone.</summary>
internal static class DashboardCharts
{
    public static readonly IReadOnlyList<LeadStatus> LeadStatuses = Enum.GetValues<LeadStatus>();

    public static readonly IReadOnlyList<TicketPriority> Priorities = Enum.GetValues<TicketPriority>();

    /// <summary>
    /// One bar per status in the status's own colour. A chart colours by series, so each status is a series holding its
    /// count at its own position and zero at the others, and the bars are stacked so each stands alone in its column.
    /// </summary>
    public static ChartInput LeadFunnel(LeadSummary leads)
    {
        var labels = LeadStatuses.Select(DashboardFormat.Status).ToArray();
        var series = LeadStatuses.Select((status, i) => new ChartSeries<double>
        {
            Name = DashboardFormat.Status(status),
            Data = LeadStatuses.Select((_, j) => j == i ? (double)leads.ByStatus[status] : 0).ToArray(),
        }).ToList();
        return new ChartInput(labels, series, LeadStatuses.Select(DashboardFormat.Colour).ToArray(), CountAxis.For(leads.ByStatus.Values.DefaultIfEmpty().Max()))
        {
            Summary = string.Join(", ", LeadStatuses.Select(s => $"{DashboardFormat.Status(s)} {leads.ByStatus[s]}")),
        };
    }

    /// <summary>New leads per day, oldest first; every day is a point (and a label, of which the axis shows every seventh).</summary>
    public static ChartInput NewLeads(LeadSummary leads)
    {
        var labels = leads.NewPerDay.Select(d => DashboardFormat.Day(d.Day)).ToArray();
        var series = new List<ChartSeries<double>>
        {
            new() { Name = "New leads", Data = leads.NewPerDay.Select(d => (double)d.Count).ToArray() },
        };
        var total = leads.NewPerDay.Sum(d => d.Count);
        return new ChartInput(labels, series, ["var(--mud-palette-primary)"], CountAxis.For(leads.NewPerDay.Select(d => d.Count).DefaultIfEmpty().Max()))
        {
            Summary = $"{total} new leads in {leads.NewPerDay.Count} days, at most {leads.NewPerDay.Select(d => d.Count).DefaultIfEmpty().Max()} a day",
        };
    }

    /// <summary>Open tickets by priority, Low to Urgent, one slice each (a priority with none draws no slice).</summary>
    public static ChartInput OpenTickets(TicketSummary tickets)
    {
        var labels = Priorities.Select(p => p.ToString()).ToArray();
        var series = new List<ChartSeries<double>>
        {
            new() { Name = "Open tickets", Data = Priorities.Select(p => (double)tickets.OpenByPriority[p]).ToArray() },
        };
        return new ChartInput(labels, series, Priorities.Select(DashboardFormat.Colour).ToArray(), CountAxis.For(tickets.Open))
        {
            Summary = string.Join(", ", Priorities.Reverse().Select(p => $"{p} {tickets.OpenByPriority[p]}")),
        };
    }

    /// <summary>Each campaign's funnel as bars side by side: sent, opened, replied, converted.</summary>
    public static ChartInput CampaignFunnels(IReadOnlyList<CampaignResult> campaigns)
    {
        (string Name, Func<CampaignResult, int> Count, string Colour)[] steps =
        [
            ("Sent", c => c.Sent, "var(--mud-palette-text-secondary)"),
            ("Opened", c => c.Opened, "var(--mud-palette-info)"),
            ("Replied", c => c.Replied, "var(--mud-palette-primary)"),
            ("Converted", c => c.Converted, "var(--mud-palette-success)"),
        ];
        var labels = campaigns.Select(c => Shorten(c.Name)).ToArray();
        var series = steps.Select(s => new ChartSeries<double> { Name = s.Name, Data = campaigns.Select(c => (double)s.Count(c)).ToArray() }).ToList();
        return new ChartInput(labels, series, steps.Select(s => s.Colour).ToArray(), CountAxis.For(campaigns.Select(c => c.Sent).DefaultIfEmpty().Max()))
        {
            Summary = string.Join("; ", campaigns.Select(c => $"{c.Name}: sent {c.Sent}, opened {c.Opened}, replied {c.Replied}, converted {c.Converted}")),
        };
    }

    /// <summary>The bar options every count chart shares: whole-number ticks from the axis, no fractions.</summary>
    public static T WithCountAxis<T>(T options, ChartInput input) where T : MudBlazor.Charts.DefaultAxisChartOptions
    {
        options.YAxisTicks = input.Axis.Step;
        options.YAxisSuggestedMax = input.Axis.Top;
        options.MaxNumYAxisTicks = 10;
        options.YAxisFormat = "0";
        return options;
    }

    // A label under a bar has the room of a few words.
    private static string Shorten(string name) => name.Length <= 18 ? name : name[..17].TrimEnd() + "…";
}
