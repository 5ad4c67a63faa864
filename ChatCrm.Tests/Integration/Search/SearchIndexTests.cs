using ChatCrm.Core.Accounts;
using ChatCrm.Core.Common;
using ChatCrm.Core.Data;
using ChatCrm.Core.Meetings;
using ChatCrm.Core.Tickets;
using ChatCrm.Tests.Integration.Chat;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Tests.Integration.Search;

/// <summary>
/// SQLite's text indexes for tickets and meetings (migration 0012): the searches go through them, follow every change
/// to what they index, ignore case beyond ASCII, and a term under three characters still scans.
/// </summary>
public sealed class SearchIndexTests : ChatTestBase
{
    private TicketService Tickets => Chat.Core.Get<TicketService>();

    private MeetingService Meetings => Chat.Core.Get<MeetingService>();

    private async Task<List<Guid>> TicketsFoundAsync(string term) =>
        [.. (await Tickets.ListAsync(Ann.Actor, new TicketFilter { Search = term }, new PageRequest(0, 50))).Items.Select(t => t.Id)];

    private async Task<List<Guid>> MeetingsFoundAsync(string term) =>
        [.. (await Meetings.ListAsync(Ann.Actor, new PageRequest(0, 50, term), MeetingWhen.All)).Items.Select(m => m.Id)];

    private bool AskedTheIndex(string index) => Chat.Core.Sql.Commands.Any(c => c.Contains($"\"{index}\" MATCH", StringComparison.Ordinal));

    [Fact]
    public async Task TicketSubjectsAreFoundThroughTheIndexIgnoringCaseBeyondAscii()
    {
        var printer = (await Tickets.CreateAsync(Bob.Actor, new TicketDraft { Subject = "Drucker im BÜRO streikt", Description = "Seit Montag." })).Id;
        var (_, _, other, otherNumber) = await Tickets.CreateAsync(Bob.Actor, new TicketDraft { Subject = "Login broken", Description = "Again." });

        Chat.Core.Sql.Clear();
        Assert.Equal([printer], await TicketsFoundAsync("büro"));
        Assert.True(AskedTheIndex("ticket_search"));
        Assert.Equal([other], await TicketsFoundAsync($"#{otherNumber}"));
        Assert.Empty(await TicketsFoundAsync("nothing like it"));

        // Two characters have no trigram: the list reads the subjects instead, folding case the same way.
        Chat.Core.Sql.Clear();
        Assert.Equal([printer], await TicketsFoundAsync("Ür"));
        Assert.False(AskedTheIndex("ticket_search"));

        var admin = await Chat.PersonAsync("Ada", Roles.Admin);
        Assert.True((await Tickets.DeleteAsync(admin.Actor, printer)).Succeeded);
        Assert.Empty(await TicketsFoundAsync("büro"));
        await IndexesAgreeWithTheirTablesAsync();
    }

    [Fact]
    public async Task MeetingsAreFoundByTitlePlaceOrPersonAndFollowEveryChange()
    {
        var start = Chat.Clock.GetUtcNow().AddDays(1);
        var saved = await Meetings.CreateAsync(Ann.Actor, new MeetingInput("Quarterly ÉTAT review", start, start.AddHours(1), "Room Zürich", null,
            [new ParticipantRef(Cy.Id, ParticipantKind.User)]));
        var id = saved.MeetingId!.Value;

        Chat.Core.Sql.Clear();
        Assert.Equal([id], await MeetingsFoundAsync("état"));
        Assert.True(AskedTheIndex("meeting_search"));
        Assert.Equal([id], await MeetingsFoundAsync("zürich"));
        Assert.Equal([id], await MeetingsFoundAsync(Cy.Name));

        var moved = await Meetings.UpdateAsync(Ann.Actor, id, new MeetingInput("Budget talk", start, start.AddHours(1), "Room Oslo", null,
            [new ParticipantRef(Bob.Id, ParticipantKind.User)]), saved.Version);
        Assert.True(moved.Succeeded);
        Assert.Empty(await MeetingsFoundAsync("état"));
        Assert.Empty(await MeetingsFoundAsync("zürich"));
        Assert.Empty(await MeetingsFoundAsync(Cy.Name));
        Assert.Equal([id], await MeetingsFoundAsync("budget"));
        Assert.Equal([id], await MeetingsFoundAsync("oslo"));
        Assert.Equal([id], await MeetingsFoundAsync(Bob.Name));
        await IndexesAgreeWithTheirTablesAsync();

        Assert.True((await Meetings.DeleteAsync(Ann.Actor, id, moved.Version)).Succeeded);
        Assert.Empty(await MeetingsFoundAsync("budget"));
        Assert.Empty(await MeetingsFoundAsync(Bob.Name));
        await IndexesAgreeWithTheirTablesAsync();
    }

    // FTS5's own check, against the indexed tables too (rank 1): it fails on any entry that differs from its row.
    private async Task IndexesAgreeWithTheirTablesAsync()
    {
        await using var db = await Chat.Core.Get<IDbContextFactory<ChatCrmDbContext>>().CreateDbContextAsync();
        await db.Database.ExecuteSqlRawAsync("""INSERT INTO "ticket_search"("ticket_search", rank) VALUES ('integrity-check', 1)""");
        await db.Database.ExecuteSqlRawAsync("""INSERT INTO "meeting_search"("meeting_search", rank) VALUES ('integrity-check', 1)""");
        await db.Database.ExecuteSqlRawAsync("""INSERT INTO "meeting_participant_search"("meeting_participant_search", rank) VALUES ('integrity-check', 1)""");
    }
}
