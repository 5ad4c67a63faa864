using ChatCrm.Core.Campaigns;
using ChatCrm.Core.Chat;
using ChatCrm.Core.Leads;
using ChatCrm.Core.Tickets;

namespace ChatCrm.Core.Dashboard;

/// <summary>
/// Everything the first page shows one person. <see cref="Leads"/> and <see cref="Campaigns"/> are null for a
/// Client: they are never queried for one, so nothing of them can leak through the page.
/// </summary>
public sealed record DashboardView(
    bool IsStaff,
    LeadSummary? Leads,
    IReadOnlyList<CampaignResult>? Campaigns,
    TicketSummary Tickets,
    MeetingSummary Meetings,
    IReadOnlyList<ChatListItem> RecentChats);

/// <param name="ByStatus">Every status, zero included, so the funnel keeps its shape.</param>
/// <param name="NewPerDay">One entry per day of the viewer's zone, oldest first, ending today (<see cref="DashboardService.TrendDays"/> days).</param>
/// <param name="NewThisWeek">Created in the viewer's last 7 days, today included.</param>
public sealed record LeadSummary(
    IReadOnlyDictionary<LeadStatus, int> ByStatus,
    IReadOnlyList<DayCount> NewPerDay,
    int NewThisWeek)
{
    public int Total => ByStatus.Values.Sum();
}

public sealed record DayCount(DateOnly Day, int Count);

public sealed record CampaignResult(
    Guid Id,
    string Name,
    CampaignChannel Channel,
    CampaignStatus Status,
    int Sent,
    int Delivered,
    int Opened,
    int Replied,
    int Converted);

/// <summary>
/// Tickets in the person's reach: all of them for staff, their own for a Client. <see cref="Latest"/> is filled for
/// a Client only (their own, newest activity first); staff work the whole queue from the ticket list.
/// </summary>
public sealed record TicketSummary(
    IReadOnlyDictionary<TicketStatus, int> ByStatus,
    IReadOnlyDictionary<TicketPriority, int> OpenByPriority,
    int Overdue,
    IReadOnlyList<DashboardTicket> Latest)
{
    public int Open => OpenByPriority.Values.Sum();
}

public sealed record DashboardTicket(
    Guid Id,
    int Number,
    string Subject,
    TicketStatus Status,
    TicketPriority Priority,
    DateTimeOffset DueAt,
    DateTimeOffset UpdatedAt,
    bool IsOverdue);

/// <param name="Upcoming">The person's next meetings (organised or attended), soonest first; one running now counts.</param>
/// <param name="Today">The person's meetings that start today in their time zone.</param>
public sealed record MeetingSummary(IReadOnlyList<DashboardMeeting> Upcoming, int Today);

public sealed record DashboardMeeting(Guid Id, string Title, DateTimeOffset StartAt, DateTimeOffset EndAt, string? Location, int ParticipantCount);
