using ChatCrm.Core.Chat;
using ChatCrm.Core.Data;
using ChatCrm.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ChatCrm.Tests.Integration.Chat;

/// <summary>SQLite's message text index (an FTS5 trigram table kept by triggers, migration 0012) stays true to the messages.</summary>
public sealed class MessageTextIndexTests() : ChatTestBase(new Dictionary<string, string?> { ["ChatCrm:Chat:SearchScanMax"] = "0" })
{
    [Fact]
    public async Task TheIndexMatchesTheMessagesAfterSendingEditingDeletingAndAVacuum()
    {
        var direct = await Chat.DirectAsync(Ann, Bob);
        var ids = new List<Guid>();
        for (var i = 0; i < 12; i++) ids.Add((await Chat.SayAsync(Ann, direct, $"note {i:00} marker{i:00}x")).Id);
        for (var i = 0; i < 12; i += 3) await Chat.Messages.EditAsync(Ann.Actor, ids[i], $"edited {i:00} marker{i:00}y");
        for (var i = 1; i < 12; i += 3) await Chat.Messages.DeleteAsync(Ann.Actor, ids[i]);
        await using (var db = await Chat.Core.Get<IDbContextFactory<ChatCrmDbContext>>().CreateDbContextAsync())
        {
            await db.Database.ExecuteSqlRawAsync("VACUUM");
            // FTS5's own check, against the messages table too (rank 1): it fails on any entry that differs.
            await db.Database.ExecuteSqlRawAsync("""INSERT INTO "message_search"("message_search", rank) VALUES ('integrity-check', 1)""");
        }

        for (var i = 0; i < 12; i++)
        {
            var found = (await Chat.Messages.SearchAsync(Bob.Actor, $"marker{i:00}")).Select(h => h.Snippet);
            Assert.Equal((i % 3) switch { 0 => [$"edited {i:00} marker{i:00}y"], 1 => [], _ => [$"note {i:00} marker{i:00}x"] }, found);
        }
    }

    [Fact]
    public async Task MigratingADatabaseThatHasMessagesIndexesThem()
    {
        using var file = new TestDatabase();
        await using var db = file.CreateContext();
        await db.GetService<IMigrator>().MigrateAsync("20261204000011_ConversationTools");
        var chat = new Conversation { Kind = ConversationKind.Group, Name = "Old", CreatedAt = DateTimeOffset.UnixEpoch, LastActivityAt = DateTimeOffset.UnixEpoch, LastSeq = 1 };
        db.Conversations.Add(chat);
        db.Messages.Add(new Message { ConversationId = chat.Id, Seq = 1, Kind = MessageKind.Text, Text = "Written before the index", CreatedAt = DateTimeOffset.UnixEpoch });
        await db.SaveChangesAsync();

        await db.Database.MigrateAsync();

        Assert.Equal(1, await db.Database.SqlQueryRaw<long>("""SELECT rowid AS "Value" FROM "message_search" WHERE "message_search" MATCH '"before the"'""").CountAsync());
    }
}
