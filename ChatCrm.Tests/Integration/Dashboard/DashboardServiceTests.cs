using ChatCrm.Core.Accounts;
using ChatCrm.Core.Campaigns;
using ChatCrm.Core.Chat;
using ChatCrm.Core.Common;
using ChatCrm.Core.Dashboard;
using ChatCrm.Core.Data;
using ChatCrm.Core.Leads;
using ChatCrm.Core.Meetings;
using ChatCrm.Core.Tickets;
using ChatCrm.Tests.Integration.Crm;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Tests.Integration.Dashboard;

/// <summary>The dashboard's counts and lists on SQLite; <see cref="DashboardOnPostgreSqlTests"/> runs the same on PostgreSQL.</summary>
public class DashboardServiceTests : CrmTestBase
{
    private DashboardService Dashboard => Get<DashboardService>();

    private DateTimeOffset Now => Clock.GetUtcNow();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        // Noon UTC of the next day: day edges in the tests cannot slide across midnight while they run.
        var now = Clock.GetUtcNow();
        Clock.Advance(new DateTimeOffset(now.UtcDateTime.Date.AddDays(1).AddHours(12), TimeSpan.Zero) - now);
    }

    [Fact]
    public async Task StaffSeesLeadsCountedByStatusWithEveryStatusPresent()
    {
        await AddAsync(Leads((LeadStatus.New, 3), (LeadStatus.Contacted, 2), (LeadStatus.Won, 1)));

        var view = await Dashboard.GetAsync(Agent);

        Assert.NotNull(view.Leads);
        Assert.Equal(3, view.Leads.ByStatus[LeadStatus.New]);
        Assert.Equal(2, view.Leads.ByStatus[LeadStatus.Contacted]);
        Assert.Equal(0, view.Leads.ByStatus[LeadStatus.Qualified]);
        Assert.Equal(1, view.Leads.ByStatus[LeadStatus.Won]);
        Assert.Equal(0, view.Leads.ByStatus[LeadStatus.Lost]);
        Assert.Equal(6, view.Leads.Total);
    }

    [Fact]
    public async Task NewLeadsPerDayCoverThirtyUtcDaysEndingTodayAndLeaveOlderOnesOut()
    {
        var today = DateOnly.FromDateTime(Now.UtcDateTime);
        var firstDay = today.AddDays(-(DashboardService.TrendDays - 1));
        DateTimeOffset Midnight(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        await AddAsync(
            LeadAt(Midnight(firstDay)),                          // first moment of the window
            LeadAt(Midnight(firstDay).AddTicks(-1)),             // one tick before: excluded
            LeadAt(Midnight(firstDay).AddDays(-10)),             // long ago: excluded
            LeadAt(Midnight(today)),                             // first moment of today
            LeadAt(Midnight(today).AddDays(1).AddTicks(-1)),     // last moment of today (a clock a little ahead)
            LeadAt(Midnight(today).AddTicks(-1)),                // last moment of yesterday
            LeadAt(Midnight(today).AddDays(-6)),                 // 7th day back: still "this week"
            LeadAt(Midnight(today).AddDays(-7)));                // 8th day back: not this week

        var leads = (await Dashboard.GetAsync(Agent)).Leads!;

        Assert.Equal(DashboardService.TrendDays, leads.NewPerDay.Count);
        Assert.Equal(firstDay, leads.NewPerDay[0].Day);
        Assert.Equal(today, leads.NewPerDay[^1].Day);
        Assert.Equal(1, leads.NewPerDay[0].Count);
        Assert.Equal(2, leads.NewPerDay[^1].Count);
        Assert.Equal(1, leads.NewPerDay[^2].Count);
        Assert.Equal(6, leads.NewPerDay.Sum(d => d.Count));
        Assert.Equal(4, leads.NewThisWeek);
    }

    [Fact]
    public async Task OpenTicketsByPriorityAndOverdueFollowTheClock()
    {
        await AddAsync(
            TicketFor(Client, TicketPriority.Urgent, TicketStatus.Open, dueIn: TimeSpan.FromHours(1)),
            TicketFor(Client, TicketPriority.High, TicketStatus.InProgress, dueIn: TimeSpan.FromHours(5)),
            TicketFor(OtherClient, TicketPriority.High, TicketStatus.Waiting, dueIn: TimeSpan.FromMinutes(-1)),
            TicketFor(OtherClient, TicketPriority.Low, TicketStatus.Resolved, dueIn: TimeSpan.FromHours(-9)),
            TicketFor(OtherClient, TicketPriority.Low, TicketStatus.Closed, dueIn: TimeSpan.FromHours(-9)));

        var before = (await Dashboard.GetAsync(Agent)).Tickets;
        Assert.Equal(3, before.Open);
        Assert.Equal(1, before.OpenByPriority[TicketPriority.Urgent]);
        Assert.Equal(2, before.OpenByPriority[TicketPriority.High]);
        Assert.Equal(0, before.OpenByPriority[TicketPriority.Low]);
        Assert.Equal(1, before.ByStatus[TicketStatus.Closed]);
        Assert.Equal(1, before.Overdue); // resolved and closed ones are never overdue

        Clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(2, (await Dashboard.GetAsync(Agent)).Tickets.Overdue);

        Clock.Advance(TimeSpan.FromHours(4));
        Assert.Equal(3, (await Dashboard.GetAsync(Admin)).Tickets.Overdue);
    }

    [Fact]
    public async Task UpcomingMeetingsAreTheActorsOwnSoonestFirstWithTheRunningOneIncluded()
    {
        await AddAsync(
            MeetingAt("Later", TimeSpan.FromDays(3), organizer: Agent),
            MeetingAt("Soon", TimeSpan.FromHours(2), organizer: OtherAgent, Agent),
            MeetingAt("Running now", TimeSpan.FromMinutes(-10), organizer: OtherAgent, Agent),
            MeetingAt("Over", TimeSpan.FromHours(-3), organizer: Agent),
            MeetingAt("Not mine", TimeSpan.FromHours(1), organizer: OtherAgent, Client));
        for (var i = 0; i < 6; i++) await AddAsync(MeetingAt($"Far {i}", TimeSpan.FromDays(10 + i), organizer: Agent));

        var meetings = (await Dashboard.GetAsync(Agent)).Meetings;

        Assert.Equal(["Running now", "Soon", "Later", "Far 0", "Far 1"], meetings.Upcoming.Select(m => m.Title));
        Assert.Equal(2, meetings.Upcoming[1].ParticipantCount);
        Assert.Equal(3, meetings.Today); // noon now: "Over" (09:00), "Running now" and "Soon" start today
    }

    [Fact]
    public async Task MeetingsTodayCountsTheViewersDayInTheirTimeZone()
    {
        // Noon UTC is 23:00 in UTC+11: a meeting at 13:00 UTC is tomorrow there.
        await AddAsync(MeetingAt("Afternoon", TimeSpan.FromHours(1), organizer: Agent));
        var farEast = TimeZoneInfo.CreateCustomTimeZone("plus11", TimeSpan.FromHours(11), "UTC+11", "UTC+11");

        Assert.Equal(1, (await Dashboard.GetAsync(Agent)).Meetings.Today);
        Assert.Equal(0, (await Dashboard.GetAsync(Agent, new ReaderTime(farEast))).Meetings.Today);
    }

    [Fact]
    public async Task NewLeadsPerDayAreCountedInTheViewersDays()
    {
        // Now is noon UTC, 17:30 in Kolkata (+05:30). 18:00 UTC yesterday is 23:30 yesterday there; 20:00 UTC yesterday
        // is already 01:30 today there.
        var midnight = new DateTimeOffset(Now.UtcDateTime.Date, TimeSpan.Zero);
        await AddAsync(LeadAt(midnight.AddHours(-6)), LeadAt(midnight.AddHours(-4)), LeadAt(midnight));
        var kolkata = ReaderTime.For("Asia/Kolkata");

        var utc = (await Dashboard.GetAsync(Agent)).Leads!.NewPerDay;
        var local = (await Dashboard.GetAsync(Agent, kolkata)).Leads!.NewPerDay;

        Assert.Equal((1, 2), (utc[^1].Count, utc[^2].Count));
        Assert.Equal((2, 1), (local[^1].Count, local[^2].Count));
        Assert.Equal(kolkata.Day(Now), local[^1].Day);
    }

    [Fact]
    public async Task ClientSeesOnlyTheirOwnTicketsAndMeetingsAndNothingOfLeadsOrCampaigns()
    {
        await AddAsync(Leads((LeadStatus.New, 4)));
        await AddAsync(new Campaign { Name = "Spring", Status = CampaignStatus.Completed, Sent = 10, CreatedAt = Now, UpdatedAt = Now });
        var mine = TicketFor(Client, TicketPriority.High, TicketStatus.Open, dueIn: TimeSpan.FromHours(-1));
        var older = TicketFor(Client, TicketPriority.Low, TicketStatus.Resolved, dueIn: TimeSpan.FromHours(-1));
        older.UpdatedAt = Now.AddDays(-1);
        await AddAsync(mine, older,
            TicketFor(OtherClient, TicketPriority.Urgent, TicketStatus.Open, dueIn: TimeSpan.FromHours(-1)),
            MeetingAt("My review", TimeSpan.FromDays(1), organizer: Agent, Client),
            MeetingAt("Someone else's", TimeSpan.FromDays(1), organizer: Agent, OtherClient));

        var view = await Dashboard.GetAsync(Client);

        Assert.False(view.IsStaff);
        Assert.Null(view.Leads);
        Assert.Null(view.Campaigns);
        Assert.Equal([mine.Id, older.Id], view.Tickets.Latest.Select(t => t.Id));
        Assert.True(view.Tickets.Latest[0].IsOverdue);
        Assert.False(view.Tickets.Latest[1].IsOverdue); // resolved: late no more
        Assert.Equal(1, view.Tickets.ByStatus[TicketStatus.Open]);
        Assert.Equal(1, view.Tickets.ByStatus[TicketStatus.Resolved]);
        Assert.Equal(1, view.Tickets.Open);
        Assert.Equal(1, view.Tickets.Overdue);
        Assert.Equal(["My review"], view.Meetings.Upcoming.Select(m => m.Title));
    }

    [Fact]
    public async Task StaffSeesTheLatestCampaignResultsWithoutDrafts()
    {
        for (var i = 0; i < 7; i++)
        {
            await AddAsync(new Campaign
            {
                Name = $"Campaign {i}", Status = i == 6 ? CampaignStatus.Draft : CampaignStatus.Completed,
                Sent = 100 + i, Delivered = 90, Opened = 50, Replied = 10, Converted = 2 + i,
                CreatedAt = Now.AddDays(-10), UpdatedAt = Now.AddHours(-10 + i),
            });
        }

        var campaigns = (await Dashboard.GetAsync(Agent)).Campaigns!;

        Assert.Equal(["Campaign 5", "Campaign 4", "Campaign 3", "Campaign 2", "Campaign 1"], campaigns.Select(c => c.Name));
        Assert.Equal(105, campaigns[0].Sent);
        Assert.Equal(7, campaigns[0].Converted);
    }

    [Fact]
    public async Task RecentChatsAreOnlyTheActorsOwnNewestFirst()
    {
        var chat = Get<ConversationService>();
        var messages = Get<MessageService>();
        var withClient = await chat.OpenDirectAsync(Agent, Client.UserId);
        var withAdmin = await chat.OpenDirectAsync(Agent, Admin.UserId);
        var notMine = await chat.OpenDirectAsync(OtherAgent, OtherClient.UserId);
        await messages.SendTextAsync(Agent, withClient, "First hello");
        Clock.Advance(TimeSpan.FromMinutes(1));
        await messages.SendTextAsync(Admin, withAdmin, "Latest news");
        await messages.SendTextAsync(OtherAgent, notMine, "Private");

        var chats = (await Dashboard.GetAsync(Agent)).RecentChats;

        Assert.Equal([withAdmin, withClient], chats.Select(c => c.Id));
        Assert.Equal("Latest news", chats[0].Preview);
        Assert.Equal(["Alex Agent"], (await Dashboard.GetAsync(Client)).RecentChats.Select(c => c.Title));
    }

    [Fact]
    public async Task EmptyDatabaseGivesZerosAndEmptyLists()
    {
        var view = await Dashboard.GetAsync(Admin);

        Assert.Equal(0, view.Leads!.Total);
        Assert.All(view.Leads.NewPerDay, d => Assert.Equal(0, d.Count));
        Assert.Empty(view.Campaigns!);
        Assert.Equal(0, view.Tickets.Open);
        Assert.Empty(view.Meetings.Upcoming);
        Assert.Empty(view.RecentChats);
    }

    private async Task AddAsync(params object[] records)
    {
        await using var db = await Get<IDbContextFactory<ChatCrmDbContext>>().CreateDbContextAsync();
        db.AddRange(records);
        await db.SaveChangesAsync();
    }

    private object[] Leads(params (LeadStatus Status, int Count)[] groups) =>
        groups.SelectMany(g => Enumerable.Range(0, g.Count).Select(_ => (object)NewLead(g.Status, Now.AddDays(-100)))).ToArray();

    private static Lead LeadAt(DateTimeOffset createdAt) => NewLead(LeadStatus.New, createdAt);

    private static Lead NewLead(LeadStatus status, DateTimeOffset createdAt)
    {
        var lead = new Lead { Name = "Lead", Email = $"{Guid.NewGuid():N}@example.test", Status = status, CreatedAt = createdAt, UpdatedAt = createdAt };
        lead.RefreshDerived();
        return lead;
    }

    private static int _ticketNumber = 1000;

    private Ticket TicketFor(Actor requester, TicketPriority priority, TicketStatus status, TimeSpan dueIn) => new()
    {
        Number = Interlocked.Increment(ref _ticketNumber),
        Subject = $"{priority} {status}",
        Description = "Help",
        Priority = priority,
        Status = status,
        RequesterId = requester.UserId,
        DueAt = Now + dueIn,
        CreatedAt = Now.AddDays(-2),
        UpdatedAt = Now,
    };

    private Meeting MeetingAt(string title, TimeSpan startsIn, Actor organizer, params Actor[] participants)
    {
        var start = Now + startsIn;
        var meeting = new Meeting { Title = title, StartAt = start, EndAt = start.AddMinutes(30), OrganizerId = organizer.UserId, CreatedAt = Now, UpdatedAt = Now };
        foreach (var person in participants.Prepend(organizer).Distinct())
        {
            meeting.Participants.Add(new MeetingParticipant
            {
                ParticipantId = person.UserId, Kind = ParticipantKind.User, Name = "Someone", Email = "someone@example.test",
                StartAt = meeting.StartAt, EndAt = meeting.EndAt,
            });
        }
        return meeting;
    }
}
