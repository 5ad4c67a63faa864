using Bunit;
using ChatCrm.Web.Components.Pages.Dashboard;
using Microsoft.Extensions.DependencyInjection;

namespace ChatCrm.Tests.Components.Dashboard;

/// <summary>Only staff plan meetings (MeetingService refuses a client), so only staff are offered to.</summary>
public sealed class UpcomingMeetingsTests
{
    [Theory]
    [InlineData(true, 1)]
    [InlineData(false, 0)]
    public async Task AnEmptyCalendarOffersToPlanAMeetingOnlyToThoseWhoMay(bool canPlan, int links)
    {
        await using var context = new BunitContext();
        context.UseMudBlazor();
        context.Services.AddSingleton(TimeProvider.System);

        var panel = context.Render<UpcomingMeetings>(p => p.Add(m => m.Meetings, []).Add(m => m.CanPlan, canPlan));

        Assert.StartsWith("Nothing scheduled.", panel.Find(".empty-note p").TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal(links, panel.FindAll("a").Count(a => a.TextContent == "Plan a meeting"));
    }
}
