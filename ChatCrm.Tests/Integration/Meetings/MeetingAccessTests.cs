using ChatCrm.Core.Accounts;
using ChatCrm.Core.Common;
using ChatCrm.Core.Meetings;

namespace ChatCrm.Tests.Integration.Meetings;

/// <summary>Who may see and change which meeting: staff everything, a Client only what they are in, read-only.</summary>
public sealed class MeetingAccessTests : MeetingTestBase
{
    [Fact]
    public async Task ClientSeesOnlyMeetingsTheyAreIn()
    {
        var theirs = await BookAsync("Onboarding", At(10), At(11), Person(Client));
        await BookAsync("Other client's review", At(12), At(13), Person(OtherClient));

        var range = await Meetings.RangeAsync(Client, Day, Day.AddDays(1));
        var list = await Meetings.ListAsync(Client, new PageRequest(0, 20));

        Assert.Equal([theirs], range.Select(m => m.Id));
        Assert.Equal([theirs], list.Items.Select(m => m.Id));
        Assert.Equal(1, list.TotalCount);
        var details = await Meetings.GetAsync(Client, theirs);
        Assert.NotNull(details);
        Assert.False(details.CanEdit);
    }

    [Fact]
    public async Task ClientWhoGuessesAnotherMeetingsIdGetsNothingAsIfMissing()
    {
        var others = await BookAsync("Other client's review", At(12), At(13), Person(OtherClient));

        Assert.Null(await Meetings.GetAsync(Client, others));
        Assert.Null(await Meetings.GetAsync(Client, Guid.CreateVersion7()));
    }

    [Fact]
    public async Task ClientCannotCreateEditOrDeleteEvenTheirOwnMeeting()
    {
        var theirs = await BookAsync("Onboarding", At(10), At(11), Person(Client));
        var input = Input("Mine now", At(10), At(11), Person(Client));

        await Assert.ThrowsAsync<ForbiddenException>(() => Meetings.CreateAsync(Client, input));
        await Assert.ThrowsAsync<ForbiddenException>(() => Meetings.UpdateAsync(Client, theirs, input, 0));
        await Assert.ThrowsAsync<ForbiddenException>(() => Meetings.DeleteAsync(Client, theirs, 0));
        await Assert.ThrowsAsync<ForbiddenException>(() => Meetings.FindConflictsAsync(Client, At(10), At(11), [Client.UserId]));
        await Assert.ThrowsAsync<ForbiddenException>(() => Meetings.PeopleSearchAsync(Client, "a"));
        Assert.Equal("Onboarding", (await Meetings.GetAsync(Client, theirs))!.Title);
    }

    [Theory]
    [InlineData(Roles.Agent)]
    [InlineData(Roles.Admin)]
    public async Task StaffSeeAndManageEveryMeetingWhoeverOrganizedIt(string role)
    {
        var actor = role == Roles.Admin ? Admin : OtherAgent;
        var id = await BookAsync("Agent's meeting", At(10), At(11), Person(Client));

        Assert.Single(await Meetings.RangeAsync(actor, Day, Day.AddDays(1)));
        var loaded = await Meetings.GetAsync(actor, id);
        Assert.NotNull(loaded);
        Assert.True(loaded.CanEdit);
        var updated = await Meetings.UpdateAsync(actor, id, Input("Renamed", At(10), At(11), Person(Client)), loaded.Version);
        Assert.True(updated.Succeeded);
        var deleted = await Meetings.DeleteAsync(actor, id, updated.Version);
        Assert.True(deleted.Succeeded);
        Assert.Null(await Meetings.GetAsync(actor, id));
    }

    [Fact]
    public async Task CreatedMeetingKeepsOrganizerParticipantsAndTrimmedFields()
    {
        var lead = await AddLeadAsync("Lara Lead", "lara@example.test", "Acme");
        var saved = await Meetings.CreateAsync(Agent, new MeetingInput("  Kick-off  ", At(9), At(10), "  ", " Agenda ", [Person(Client), LeadRef(lead)]));

        var meeting = await Meetings.GetAsync(Agent, saved.MeetingId!.Value);
        Assert.NotNull(meeting);
        Assert.Equal("Kick-off", meeting.Title);
        Assert.Null(meeting.Location);
        Assert.Equal("Agenda", meeting.Notes);
        Assert.Equal(Agent.UserId, meeting.OrganizerId);
        Assert.Equal("Alex Agent", meeting.OrganizerName);
        Assert.Equal(["Cleo Client", "Lara Lead"], meeting.Participants.Select(p => p.Name));
        Assert.Equal(TimeSpan.Zero, meeting.StartAt.Offset);
    }

    [Fact]
    public async Task StaleEditOrDeleteIsAConflictAndOverwritesNothing()
    {
        var id = await BookAsync("Review", At(10), At(11), Person(Client));
        var loaded = (await Meetings.GetAsync(Agent, id))!;
        var first = await Meetings.UpdateAsync(OtherAgent, id, Input("Olga's title", At(10), At(11), Person(Client)), loaded.Version);
        Assert.True(first.Succeeded);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            Meetings.UpdateAsync(Agent, id, Input("Alex's title", At(10), At(11), Person(Client)), loaded.Version));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Meetings.DeleteAsync(Agent, id, loaded.Version));
        Assert.Equal("Olga's title", (await Meetings.GetAsync(Agent, id))!.Title);
    }

    [Fact]
    public async Task EditingAMissingMeetingSaysItIsGone()
    {
        var result = await Meetings.UpdateAsync(Agent, Guid.CreateVersion7(), Input("Ghost", At(10), At(11), Person(Client)), 0);

        Assert.False(result.Succeeded);
        Assert.Contains("no longer exists", result.Errors[MeetingFields.Form], StringComparison.Ordinal);
    }
}
