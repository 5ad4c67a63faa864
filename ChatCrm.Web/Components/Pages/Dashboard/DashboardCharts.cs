using ChatCrm.Core.Common;
using ChatCrm.Core.Campaigns;
using ChatCrm.Core.Dashboard;
using ChatCrm.Core.Leads;
using ChatCrm.Core.Tickets;
using ChatCrm.Web.Components.Pages.Leads;
using ChatCrm.Web.Components.Pages.Tickets;
using ChatCrm.Web.Components.Shared;
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
        var labels = LeadStatuses.Select(s => s.ToString()).ToArray();
        var series = LeadStatuses.Select((status, i) => new ChartSeries<double>
        {
            Name = status.ToString(),
            Data = LeadStatuses.Select((_, j) => j == i ? (double)leads.ByStatus[status] : 0).ToArray(),
        }).ToList();
        return new ChartInput(labels, series, LeadStatuses.Select(s => LeadFormat.StatusTone(s).Colour()).ToArray(), CountAxis.For(leads.ByStatus.Values.DefaultIfEmpty().Max()))
        {
            Summary = string.Join(", ", LeadStatuses.Select(s => $"{s} {leads.ByStatus[s]}")),
        };
    }

    /// <summary>New leads per day, oldest first; every day is a point (and a label, of which the axis shows every seventh).</summary>
    public static ChartInput NewLeads(LeadSummary leads)
    {
        var labels = leads.NewPerDay.Select(d => ReaderTime.AxisDay(d.Day)).ToArray();
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
        return new ChartInput(labels, series, Priorities.Select(p => TicketFormat.PriorityTone(p).Colour()).ToArray(), CountAxis.For(tickets.Open))
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

    /// <summary>The funnel's bars, stacked (see <see cref="LeadFunnel"/>), each in its status's colour.</summary>
    public static StackedBarChartOptions LeadFunnelOptions(ChartInput input) => WithCountAxis(new StackedBarChartOptions
    {
        ChartPalette = input.Palette,
        ShowLegend = false,
        ShowZeroValues = false,
        BarWidthRatio = 0.6,
    }, input);

    /// <summary>
    /// A bar a day: it reads plainly when most days bring none or one new lead, where a line would zigzag between 0 and
    /// 1. The axis labels a date a week; thirty side by side would overlap.
    /// </summary>
    public static BarChartOptions NewLeadsOptions(ChartInput input) => WithCountAxis(new BarChartOptions
    {
        ChartPalette = input.Palette,
        ShowLegend = false,
        BarWidthRatio = 0.7,
        XAxisLabelInterval = 7,
    }, input);

    public static DonutChartOptions OpenTicketsOptions(ChartInput input) => new() { ChartPalette = input.Palette, ShowLegend = false };

    /// <summary>The four steps side by side, named in the legend.</summary>
    public static BarChartOptions CampaignFunnelOptions(ChartInput input) =>
        WithCountAxis(new BarChartOptions { ChartPalette = input.Palette, ShowLegend = true }, input);

    /// <summary>What every count chart shares: whole-number ticks from <see cref="CountAxis"/>, never a fraction.</summary>
    private static T WithCountAxis<T>(T options, ChartInput input) where T : MudBlazor.Charts.DefaultAxisChartOptions
    {
        options.YAxisTicks = input.Axis.Step;
        options.YAxisSuggestedMax = input.Axis.Top;
        options.MaxNumYAxisTicks = 10;
        options.YAxisFormat = "0";
        return options;
    }

    // A label under a group of bars has the room of a word or two on a phone; the table below has the whole name.
    internal static string Shorten(string name) => name.Length <= 12 ? name : name[..11].TrimEnd() + "…";
}
