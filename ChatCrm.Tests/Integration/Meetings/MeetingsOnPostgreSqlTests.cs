using ChatCrm.Core.Accounts;
using ChatCrm.Core.Common;
using ChatCrm.Core.Meetings;
using ChatCrm.Tests.Fixtures;

namespace ChatCrm.Tests.Integration.Meetings;

/// <summary>
/// The meeting queries on PostgreSQL: case-insensitive search, the participant-name projection, the range and
/// conflict queries over UTC timestamps, and the account hand-over's bulk update are all translated differently there.
/// </summary>
[Collection(PostgresClusterGroup.Name)]
public sealed class MeetingsOnPostgreSqlTests(PostgresFixture postgres) : IAsyncLifetime
{
    private CoreServices _core = null!;
    private Actor _admin = null!;
    private Actor _agent = null!;
    private Actor _client = null!;

    private MeetingService Meetings => _core.Get<MeetingService>();

    private DateTimeOffset Day { get; set; }

    public async Task InitializeAsync()
    {
        _core = await CoreServices.StartAsync(settings: await postgres.SettingsAsync());
        _admin = await PersonAsync("Ada Admin", Roles.Admin);
        _agent = await PersonAsync("Alex Agent", Roles.Agent);
        _client = await PersonAsync("Cleo Client", Roles.Client);
        Day = new DateTimeOffset(_core.Clock.GetUtcNow().UtcDateTime.Date, TimeSpan.Zero).AddDays(7);
    }

    public async Task DisposeAsync() => await _core.DisposeAsync();

    [Fact]
    public async Task RangeListConflictsAndSearchWorkOnPostgreSql()
    {
        var other = await PersonAsync("Otto Client", Roles.Client);
        var review = await BookAsync("Quarterly Review", 10, 11, _client, other);
        await BookAsync("Pricing call", 14, 15, other);

        Assert.Equal([review], (await Meetings.RangeAsync(_client, Day, Day.AddDays(1))).Select(r => r.Id));
        Assert.Equal(2, (await Meetings.RangeAsync(_agent, Day, Day.AddDays(1))).Count);
        var found = await Meetings.ListAsync(_agent, new PageRequest(0, 10, "quarterly"));
        var row = Assert.Single(found.Items);
        Assert.Equal(("Cleo Client, Otto Client", 2), (row.Participants, row.ParticipantCount));
        Assert.Single((await Meetings.ListAsync(_client, new PageRequest(0, 10, "CLIENT"))).Items);
        Assert.Equal([_client.UserId, other.UserId],
            (await Meetings.FindConflictsAsync(_agent, Day.AddHours(10.5), Day.AddHours(14.5), [_client.UserId, other.UserId]))
                .Where(c => c.MeetingId == review).Select(c => c.ParticipantId).Order());
        Assert.Empty(await Meetings.FindConflictsAsync(_agent, Day.AddHours(11), Day.AddHours(12), [_client.UserId]));
        Assert.Contains(await Meetings.PeopleSearchAsync(_agent, "cleo"), p => p.Id == _client.UserId && p.Detail == Roles.Client);
    }

    [Fact]
    public async Task EditDeleteAndAccountHandOverWorkOnPostgreSql()
    {
        var organizer = await PersonAsync("Gone Agent", Roles.Agent);
        var saved = await Meetings.CreateAsync(organizer, Input("Review", 10, 11, _client));
        var id = saved.MeetingId!.Value;
        var moved = await Meetings.UpdateAsync(_agent, id, Input("Review", 15, 16, _client), saved.Version);
        Assert.True(moved.Succeeded);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Meetings.UpdateAsync(_agent, id, Input("Stale", 15, 16, _client), saved.Version));

        Assert.True((await _core.Get<AdminAccountService>().DeleteAsync(_admin, organizer.UserId)).Succeeded);

        var meeting = (await Meetings.GetAsync(_client, id))!;
        Assert.Equal((_admin.UserId, Day.AddHours(15)), (meeting.OrganizerId, meeting.StartAt));
        Assert.Single(await Meetings.FindConflictsAsync(_agent, Day.AddHours(15), Day.AddHours(16), [_client.UserId]));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Meetings.DeleteAsync(_agent, id, moved.Version));
        Assert.True((await Meetings.DeleteAsync(_agent, id, meeting.Version)).Succeeded);
        Assert.Null(await Meetings.GetAsync(_agent, id));
    }

    private MeetingInput Input(string title, int fromHour, int toHour, params Actor[] people) =>
        new(title, Day.AddHours(fromHour), Day.AddHours(toHour), null, null, people.Select(p => new ParticipantRef(p.UserId, ParticipantKind.User)).ToList());

    private async Task<Guid> BookAsync(string title, int fromHour, int toHour, params Actor[] people)
    {
        var saved = await Meetings.CreateAsync(_agent, Input(title, fromHour, toHour, people));
        Assert.True(saved.Succeeded, string.Join("; ", saved.Errors.Values));
        return saved.MeetingId!.Value;
    }

    private async Task<Actor> PersonAsync(string name, string role)
    {
        var user = await _core.CreateUserAsync(name, TestAddresses.New(name.Split(' ')[0].ToLowerInvariant()), password: null, role);
        return new Actor(user.Id, role);
    }
}
