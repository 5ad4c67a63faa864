using ChatCrm.Core.Accounts;
using ChatCrm.Core.Common;
using ChatCrm.Core.Meetings;

namespace ChatCrm.Tests.Integration.Meetings;

/// <summary>Validation, the calendar window, the list, conflicts, the participant picker and account deletion.</summary>
public sealed class MeetingRulesTests : MeetingTestBase
{
    public static TheoryData<string, string> BadInputs => new()
    {
        { "no title", MeetingFields.Title },
        { "long title", MeetingFields.Title },
        { "end before start", MeetingFields.EndAt },
        { "end equals start", MeetingFields.EndAt },
        { "over a day", MeetingFields.EndAt },
        { "long location", MeetingFields.Location },
        { "long notes", MeetingFields.Notes },
        { "nobody", MeetingFields.Participants },
        { "too many", MeetingFields.Participants },
        { "unknown person", MeetingFields.Participants },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task BadInputIsRefusedWithAMessageForItsField(string problem, string field)
    {
        var good = Input("Review", At(10), At(11), Person(Client));
        var input = problem switch
        {
            "no title" => good with { Title = "   " },
            "long title" => good with { Title = new string('t', Meeting.TitleMax + 1) },
            "end before start" => good with { EndAt = At(9) },
            "end equals start" => good with { EndAt = At(10) },
            "over a day" => good with { EndAt = At(10).AddHours(24).AddMinutes(1) },
            "long location" => good with { Location = new string('l', Meeting.LocationMax + 1) },
            "long notes" => good with { Notes = new string('n', Meeting.NotesMax + 1) },
            "nobody" => good with { Participants = [] },
            "too many" => good with { Participants = Enumerable.Range(0, Meeting.MaxParticipants + 1).Select(_ => new ParticipantRef(Guid.CreateVersion7(), ParticipantKind.User)).ToList() },
            _ => good with { Participants = [Person(Client), new ParticipantRef(Guid.CreateVersion7(), ParticipantKind.Lead)] },
        };

        var result = await Meetings.CreateAsync(Agent, input);

        Assert.False(result.Succeeded);
        Assert.True(result.Errors.ContainsKey(field), $"{problem}: expected an error for {field}, got {string.Join("; ", result.Errors)}");
        Assert.Empty((await Meetings.ListAsync(Agent, new PageRequest(0, 10))).Items);
    }

    [Fact]
    public async Task RangeReturnsMeetingsOverlappingTheWindowOnly()
    {
        var before = await BookAsync("Before", At(8), At(9), Person(Client));
        var overlapsStart = await BookAsync("Overlaps start", At(9, 30), At(10, 30), Person(Client));
        var inside = await BookAsync("Inside", At(11), At(12), Person(Client));
        var after = await BookAsync("After", At(14), At(15), Person(Client));
        var longOne = await BookAsync("Long", At(0).AddHours(-12), At(12), Person(OtherClient));

        var rows = await Meetings.RangeAsync(Agent, At(10), At(14));

        Assert.Equal([longOne, overlapsStart, inside], rows.Select(r => r.Id));
        Assert.DoesNotContain(before, rows.Select(r => r.Id));
        Assert.DoesNotContain(after, rows.Select(r => r.Id));
        Assert.Equal("Cleo Client", rows[1].Participants);
    }

    [Fact]
    public async Task ListShowsUpcomingSoonestFirstAndPastSeparatelyAndSearches()
    {
        var later = await BookAsync("Quarterly review", At(15), At(16), Person(Client));
        var sooner = await BookAsync("Pricing call", At(9), At(10), Person(OtherClient));
        Clock.Advance(At(12) - Clock.GetUtcNow());
        var past = await BookAsync("Pricing retro", At(-120), At(-119), Person(Client));

        var upcoming = await Meetings.ListAsync(Agent, new PageRequest(0, 10), MeetingWhen.Upcoming);
        var pastPage = await Meetings.ListAsync(Agent, new PageRequest(0, 10), MeetingWhen.Past);
        var search = await Meetings.ListAsync(Agent, new PageRequest(0, 10, "PRICING"), MeetingWhen.All);
        var byPerson = await Meetings.ListAsync(Agent, new PageRequest(0, 10, "otto"), MeetingWhen.All);
        var paged = await Meetings.ListAsync(Agent, new PageRequest(1, 1), MeetingWhen.All);

        Assert.Equal([later], upcoming.Items.Select(m => m.Id));
        Assert.Equal([sooner, past], pastPage.Items.Select(m => m.Id));
        Assert.Equal([sooner, past], search.Items.Select(m => m.Id));
        Assert.Equal([sooner], byPerson.Items.Select(m => m.Id));
        Assert.Equal(3, paged.TotalCount);
        Assert.Single(paged.Items);
    }

    [Fact]
    public async Task ConflictsNameWhoIsBookedAndWhereButNotTouchingMeetings()
    {
        var review = await BookAsync("Review", At(10), At(11), Person(Client), Person(OtherAgent));
        await BookAsync("Touching", At(11), At(12), Person(OtherClient));

        var overlap = await Meetings.FindConflictsAsync(Agent, At(10, 30), At(11, 30), [Client.UserId, OtherClient.UserId, Admin.UserId]);
        var touching = await Meetings.FindConflictsAsync(Agent, At(9), At(10), [Client.UserId, OtherAgent.UserId]);

        var conflict = Assert.Single(overlap, c => c.ParticipantId == Client.UserId);
        Assert.Equal(("Cleo Client", review, "Review"), (conflict.ParticipantName, conflict.MeetingId, conflict.MeetingTitle));
        Assert.Equal([Client.UserId, OtherClient.UserId], overlap.Select(c => c.ParticipantId).Order());
        Assert.Empty(touching);
    }

    [Fact]
    public async Task EditingAMeetingDoesNotConflictWithItselfAndMovesTheBookingCopies()
    {
        var review = await BookAsync("Review", At(10), At(11), Person(Client));

        Assert.Empty(await Meetings.FindConflictsAsync(Agent, At(10), At(11), [Client.UserId], excludeMeetingId: review));
        var loaded = (await Meetings.GetAsync(Agent, review))!;
        var moved = await Meetings.UpdateAsync(Agent, review, Input("Review", At(14), At(15), Person(Client)), loaded.Version);
        Assert.True(moved.Succeeded);

        Assert.Empty(await Meetings.FindConflictsAsync(Agent, At(10), At(11), [Client.UserId]));
        Assert.Single(await Meetings.FindConflictsAsync(Agent, At(14, 30), At(16), [Client.UserId]));
        Assert.Single(await Meetings.RangeAsync(Client, At(14), At(15)));
    }

    [Fact]
    public async Task PeopleSearchFindsAccountsOfEveryRoleAndLeads()
    {
        var lead = await AddLeadAsync("Cleopatra Prospect", "cleo.p@example.test", "Nile Ltd");

        var found = await Meetings.PeopleSearchAsync(Agent, "cleo");

        Assert.Contains(found, p => p.Id == Client.UserId && p.Kind == ParticipantKind.User && p.Detail == Roles.Client);
        Assert.Contains(found, p => p.Id == lead.Id && p.Kind == ParticipantKind.Lead && p.Detail == "Lead · Nile Ltd");
        Assert.Contains(await Meetings.PeopleSearchAsync(Admin, "olga"), p => p.Id == OtherAgent.UserId && p.Detail == Roles.Agent);
        Assert.Empty(await Meetings.PeopleSearchAsync(Agent, "  "));
    }

    [Fact]
    public async Task DeletingAnAccountHandsOrganizedMeetingsToTheAdminAndRemovesThemAsParticipant()
    {
        var organizer = await PersonAsync("Gone Agent", Roles.Agent);
        var saved = await Meetings.CreateAsync(organizer, Input("Review", At(10), At(11), Person(Client), Person(OtherClient)));
        var accounts = Get<AdminAccountService>();

        Assert.True((await accounts.DeleteAsync(Admin, organizer.UserId)).Succeeded);
        Assert.True((await accounts.DeleteAsync(Admin, OtherClient.UserId)).Succeeded);

        var meeting = (await Meetings.GetAsync(Agent, saved.MeetingId!.Value))!;
        Assert.Equal(Admin.UserId, meeting.OrganizerId);
        Assert.Equal(["Cleo Client"], meeting.Participants.Select(p => p.Name));
        Assert.Empty(await Meetings.FindConflictsAsync(Agent, At(10), At(11), [OtherClient.UserId]));
    }
}
