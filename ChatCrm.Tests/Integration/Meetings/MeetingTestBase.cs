using ChatCrm.Core.Accounts;
using ChatCrm.Core.Data;
using ChatCrm.Core.Leads;
using ChatCrm.Core.Meetings;
using ChatCrm.Tests.Fixtures;
using ChatCrm.Tests.Integration.Crm;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Tests.Integration.Meetings;

/// <summary>The CRM people plus helpers to book meetings at whole hours of a day next week.</summary>
public abstract class MeetingTestBase(SmtpServerFixture? smtp = null, IReadOnlyDictionary<string, string?>? settings = null)
    : CrmTestBase(settings, smtp)
{
    protected MeetingService Meetings => Get<MeetingService>();

    /// <summary>Next week, 00:00 UTC: far enough ahead that "upcoming" holds for every test.</summary>
    protected DateTimeOffset Day => _day ??= new DateTimeOffset(Clock.GetUtcNow().UtcDateTime.Date, TimeSpan.Zero).AddDays(7);

    // Fixed at first use, so moving the clock later does not move the meetings already booked.
    private DateTimeOffset? _day;

    protected DateTimeOffset At(int hour, int minute = 0) => Day.AddHours(hour).AddMinutes(minute);

    protected static ParticipantRef Person(Actor actor) => new(actor.UserId, ParticipantKind.User);

    protected static ParticipantRef LeadRef(Lead lead) => new(lead.Id, ParticipantKind.Lead);

    protected static MeetingInput Input(string title, DateTimeOffset start, DateTimeOffset end, params ParticipantRef[] people) =>
        new(title, start, end, "Room Atlas", "Bring the numbers.", people);

    /// <summary>Books a meeting as the agent and returns its id; fails the test when the save is refused.</summary>
    protected async Task<Guid> BookAsync(string title, DateTimeOffset start, DateTimeOffset end, params ParticipantRef[] people)
    {
        var saved = await Meetings.CreateAsync(Agent, Input(title, start, end, people));
        Assert.True(saved.Succeeded, string.Join("; ", saved.Errors.Values));
        return saved.MeetingId!.Value;
    }

    /// <summary>A lead written straight to the database (the leads feature has its own service).</summary>
    protected async Task<Lead> AddLeadAsync(string name, string email, string? company = null)
    {
        await using var db = await Get<IDbContextFactory<ChatCrmDbContext>>().CreateDbContextAsync();
        var lead = new Lead { Name = name, Email = email, Company = company, CreatedAt = Clock.GetUtcNow(), UpdatedAt = Clock.GetUtcNow() };
        lead.RefreshDerived();
        db.Leads.Add(lead);
        await db.SaveChangesAsync();
        return lead;
    }
}
