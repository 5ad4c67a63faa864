using ChatCrm.Core.Accounts;
using ChatCrm.Core.Chat;
using ChatCrm.Core.Common;
using ChatCrm.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace ChatCrm.Tests.Integration.Chat;

/// <summary>The chat services on PostgreSQL, where several servers share one database and writers really overlap.</summary>
[Collection(PostgresClusterGroup.Name)]
public sealed class ChatOnPostgreSqlTests(PostgresFixture postgres, ITestOutputHelper output) : IAsyncLifetime
{
    private ChatHarness _chat = null!;

    public async Task InitializeAsync() => _chat = await ChatHarness.StartOnPostgreSqlAsync(postgres);

    public async Task DisposeAsync() => await _chat.DisposeAsync();

    [Fact]
    public async Task ConcurrentSendersEachMessageStoredOnceInOneOrderForEveryone()
    {
        var outOfOrder = await ConcurrentSending.AssertEveryMessageStoredOnceInOneOrderForEveryoneAsync(_chat, senders: 8, messagesEach: 25);

        output.WriteLine($"PostgreSQL: events that reached a page out of sequence order: {outOfOrder}.");
    }

    [Fact]
    public async Task AnOutsiderIsRefusedAndARemovedMemberSeesNothingNewer()
    {
        var ann = await _chat.PersonAsync("Ann");
        var bob = await _chat.PersonAsync("Bob");
        var admin = await _chat.PersonAsync("Ada", Roles.Admin);
        var group = await _chat.GroupAsync(ann, "Board", bob);
        var file = await _chat.SendPngAsync(ann, group);
        var bobSees = _chat.Listen(bob);

        foreach (var chat in new[] { group, Guid.NewGuid() })
        {
            var page = await Assert.ThrowsAsync<ForbiddenException>(() => _chat.Messages.GetPageAsync(admin.Actor, chat));
            var send = await Assert.ThrowsAsync<ForbiddenException>(() => _chat.SayAsync(admin, chat, "hello?"));
            var details = await Assert.ThrowsAsync<ForbiddenException>(() => _chat.Chats.GetDetailsAsync(admin.Actor, chat));
            Assert.All(new[] { page, send, details }, e => Assert.Equal(ChatAccess.NotFound, e.Message));
        }
        Assert.Null(await _chat.Messages.OpenAttachmentAsync(admin.Actor, file.Id));
        Assert.Null(await _chat.Messages.OpenAttachmentAsync(bob.Actor, Guid.NewGuid()));

        await _chat.Messages.MarkReadAsync(bob.Actor, group, file.Seq);
        await _chat.Chats.RemoveMemberAsync(ann.Actor, group, bob.Id);
        var line = (await _chat.StoredMessagesAsync(group))[^1];
        _chat.Clock.Advance(TimeSpan.FromMinutes(1));
        await _chat.SayAsync(ann, group, "after bob");

        Assert.Equal(line.Seq, (await _chat.WholeHistoryAsync(bob, group))[^1].Seq);
        Assert.Equal([line.Seq], bobSees.Posted(group).Select(m => m.Seq));
        await Assert.ThrowsAsync<ForbiddenException>(() => _chat.SayAsync(bob, group, "still here?"));
        var listed = Assert.Single(await _chat.Chats.ListAsync(bob.Actor));
        Assert.Equal((null, 0), (listed.Preview, listed.UnreadCount));
        Assert.Equal(line.CreatedAt, listed.LastActivityAt);
        Assert.NotNull(await _chat.Messages.OpenAttachmentAsync(bob.Actor, file.Id));
    }

    [Fact]
    public async Task BothSidesOpeningAtOnceGetTheSameChat()
    {
        for (var round = 0; round < 3; round++)
        {
            var left = await _chat.PersonAsync("Left");
            var right = await _chat.PersonAsync("Right");

            var opened = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() => i % 2 == 0 ? _chat.DirectAsync(left, right) : _chat.DirectAsync(right, left))));

            Assert.Single(opened.Distinct());
            // Listed once written in (a one-to-one chat nobody wrote in stays off the lists), and only once.
            await _chat.SayAsync(left, opened[0], "Hello");
            Assert.Single(await _chat.Chats.ListAsync(right.Actor));
        }
    }

    [Fact]
    public async Task SearchIgnoresCaseAndTakesWildcardsLiterally()
    {
        var ann = await _chat.PersonAsync("Ann");
        var bob = await _chat.PersonAsync("Bob");
        var direct = await _chat.DirectAsync(ann, bob);
        await _chat.SayAsync(ann, direct, "Invoice: 50% off");
        await _chat.SayAsync(ann, direct, "500 units");
        await _chat.SayAsync(ann, direct, "file a_b and axb");

        Assert.Equal(["Invoice: 50% off"], (await _chat.Messages.SearchAsync(bob.Actor, "50%")).Select(h => h.Snippet));
        Assert.Equal(["Invoice: 50% off"], (await _chat.Messages.SearchAsync(bob.Actor, "INVOICE")).Select(h => h.Snippet));
        Assert.Equal(["file a_b and axb"], (await _chat.Messages.SearchAsync(bob.Actor, "a_b")).Select(h => h.Snippet));
        Assert.Empty(await _chat.Messages.SearchAsync(bob.Actor, "%%%"));
    }

    [Fact]
    public async Task UnreadCountsAndHidingWorkTheSame()
    {
        var ann = await _chat.PersonAsync("Ann");
        var bob = await _chat.PersonAsync("Bob");
        var group = await _chat.GroupAsync(ann, "Desk", bob);
        var first = await _chat.SayAsync(ann, group, "one");
        await _chat.SayAsync(ann, group, "two");
        Assert.Equal(2, await _chat.Chats.TotalUnreadAsync(bob.Actor));

        await _chat.Messages.MarkReadAsync(bob.Actor, group, first.Seq);
        Assert.Equal(1, await _chat.Chats.TotalUnreadAsync(bob.Actor));
        await _chat.Chats.HideAsync(bob.Actor, group);
        Assert.Empty(await _chat.Chats.ListAsync(bob.Actor));
        await _chat.SayAsync(ann, group, "three");
        Assert.Equal(1, Assert.Single(await _chat.Chats.ListAsync(bob.Actor)).UnreadCount);
    }

    [Fact]
    public async Task DigestPassesOnTwoServersAtOnceQueueOneMailPerPerson()
    {
        var ann = await _chat.PersonAsync("Ann");
        var readers = new List<Person>();
        for (var i = 0; i < 30; i++) readers.Add(await _chat.PersonAsync($"Reader{i}"));
        var group = await _chat.GroupAsync(ann, "Everyone", [.. readers.Take(20)]);
        await _chat.SayAsync(ann, group, "Read me");
        foreach (var reader in readers.Skip(20)) await _chat.SayAsync(ann, await _chat.DirectAsync(ann, reader), "And me");
        _chat.Clock.Advance(TimeSpan.FromMinutes(20));

        // Two digest passes at the same moment, as two servers would run them, claim each person once between them.
        var digest = _chat.Core.Get<ChatDigest>();
        var queued = await Task.WhenAll(digest.SendDueAsync(), digest.SendDueAsync(), digest.SendDueAsync());

        Assert.Equal(readers.Count, queued.Sum());
        var recipients = await _chat.Core.WithDbAsync(db => db.OutboxMails.Select(m => m.To).ToListAsync());
        Assert.Equal(readers.Count, recipients.Count);
        Assert.Equal(readers.Count, recipients.Distinct().Count());
    }
}
