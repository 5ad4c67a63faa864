using ChatCrm.Core.Chat;
using ChatCrm.Core.Cluster;
using ChatCrm.Tests.Fixtures;
using ChatCrm.Tests.Integration.Chat;

namespace ChatCrm.Tests.Integration.SeveralServers;

/// <summary>
/// Two servers on one PostgreSQL database and one Redis, each with its own open pages (subscriptions): what happens
/// on one reaches the pages on the other, once, and an outage of Redis ends with every page told to read again.
/// </summary>
[Collection(SeveralServersGroup.Name)]
public sealed class LiveEventsAcrossServersTests(PostgresFixture postgres, RedisFixture redis) : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private ChatHarness _one = null!;
    private ChatHarness _two = null!;

    public async Task InitializeAsync()
    {
        var settings = await postgres.SettingsAsync(redis.Settings(Guid.NewGuid().ToString("N")[..8]));
        _one = await ChatHarness.StartAsync(settings);
        _two = await ChatHarness.StartAsync(settings);
    }

    public async Task DisposeAsync()
    {
        await _two.DisposeAsync();
        await _one.DisposeAsync();
    }

    [Fact]
    public async Task AMessageSentOnOneServerReachesAnOpenPageOnTheOtherOnceAndInOrder()
    {
        var (ann, bob, chat) = await AnnAndBobAsync(_one);
        using var bobOnTwo = _two.Listen(bob);
        using var annOnOne = _one.Listen(ann);

        var sent = new List<MessageView>();
        for (var i = 1; i <= 20; i++) sent.Add(await _one.SayAsync(ann, chat, $"Hello {i}"));

        await Eventually(() => Assert.Equal(sent.Select(m => m.Id), bobOnTwo.Posted(chat).Select(m => m.Id)));
        await Eventually(() => Assert.Equal(sent.Select(m => m.Id), annOnOne.Posted(chat).Select(m => m.Id)));
        // Nothing arrives twice, late: the sending server skipped its own relayed copies.
        await Task.Delay(500);
        Assert.Equal(20, bobOnTwo.Posted(chat).Count);
        Assert.Equal(20, annOnOne.Posted(chat).Count);
    }

    [Fact]
    public async Task AFileSentThroughOneServerOpensThroughTheOtherForThoseInTheChatOnly()
    {
        var ann = await _one.PersonAsync("Ann");
        var bob = await _one.PersonAsync("Bob");
        var eve = await _one.PersonAsync("Eve");
        var chat = await _one.DirectAsync(ann, bob);

        var sent = await _one.SendPngAsync(ann, chat);

        var opened = await _two.Messages.OpenAttachmentAsync(bob.Actor, sent.Id);
        Assert.NotNull(opened);
        Assert.Equal(ChatHarness.Png, await File.ReadAllBytesAsync(opened.Value.Path));
        Assert.Null(await _two.Messages.OpenAttachmentAsync(eve.Actor, sent.Id));
    }

    [Fact]
    public async Task TypingAndReadMarksCrossToo()
    {
        var (ann, bob, chat) = await AnnAndBobAsync(_one);
        var hello = await _one.SayAsync(ann, chat, "Hello");
        using var annOnOne = _one.Listen(ann);

        await _two.Messages.SetTypingAsync(bob.Actor, chat, true);
        await _two.Messages.MarkReadAsync(bob.Actor, chat, hello.Seq);

        await Eventually(() => Assert.Contains(annOnOne.Of<TypingChanged>(chat), t => t.UserId == bob.Id && t.IsTyping));
        await Eventually(() => Assert.Contains(annOnOne.Of<ReadAdvanced>(chat), r => r.ReaderId == bob.Id && r.Seq == hello.Seq));
    }

    [Fact]
    public async Task AReactionAPinAndATicketReplyCrossToo()
    {
        var (ann, bob, chat) = await AnnAndBobAsync(_one);
        var hello = await _one.SayAsync(ann, chat, "Hello");
        var client = await _one.PersonAsync("Cleo", Core.Accounts.Roles.Client);
        var ticket = await _one.Core.Get<Core.Tickets.TicketService>().CreateAsync(client.Actor, new Core.Tickets.TicketDraft { Subject = "Help", Description = "Please." });
        using var annOnOne = _one.Listen(ann);
        using var cleoOnOne = _one.Listen(client);

        await _two.Core.Get<ReactionService>().ToggleAsync(bob.Actor, hello.Id, "👍");
        await _two.Core.Get<PinService>().SetPinnedAsync(bob.Actor, hello.Id, pinned: true);
        await _two.Core.Get<Core.Tickets.TicketService>().CommentAsync(bob.Actor, ticket.Id, "On it.");

        await Eventually(() => Assert.Contains(annOnOne.Of<MessageChanged>(chat), c => c.Message.Pinned && c.Message.ReactionList.Single().UserIds.Single() == bob.Id));
        await Eventually(() => Assert.Contains(cleoOnOne.All.OfType<TicketChanged>(), t => t.TicketId == ticket.Id));
    }

    [Fact]
    public async Task APersonOnlineOnOneServerIsOnlineOnTheOtherUntilTheirLastPageAnywhereCloses()
    {
        var ann = await _one.PersonAsync("Ann");
        var bob = await _one.PersonAsync("Bob");
        await _one.DirectAsync(ann, bob);
        using var bobOnTwo = _two.Listen(bob);
        var presenceOne = _one.Core.Get<PresenceTracker>();
        var presenceTwo = _two.Core.Get<PresenceTracker>();

        await Opened(_one, ann);
        await Eventually(() => Assert.True(presenceTwo.IsOnline(ann.Id)));
        Assert.Contains(bobOnTwo.All.OfType<PresenceChanged>(), p => p.UserId == ann.Id && p.IsOnline);

        // A second tab on the other server, then the first closes: still online, nobody is told otherwise.
        await Opened(_two, ann);
        await Closed(_one, ann);
        Assert.True(presenceOne.IsOnline(ann.Id) || presenceTwo.IsOnline(ann.Id));
        Assert.DoesNotContain(bobOnTwo.All.OfType<PresenceChanged>(), p => p.UserId == ann.Id && !p.IsOnline);

        await Closed(_two, ann);
        await Eventually(() => Assert.False(presenceOne.IsOnline(ann.Id)));
        Assert.False(presenceTwo.IsOnline(ann.Id));
        Assert.Contains(bobOnTwo.All.OfType<PresenceChanged>(), p => p.UserId == ann.Id && !p.IsOnline && p.LastSeenAt is not null);
    }

    [Fact]
    public async Task ThePeopleOfAServerThatStoppedGoOfflineForTheOthersWhenTheirPresenceRunsOut()
    {
        var settings = await postgres.SettingsAsync(redis.Settings(Guid.NewGuid().ToString("N")[..8]));
        settings = new Dictionary<string, string?>(settings) { ["ChatCrm:Cluster:PresenceTimeoutSeconds"] = "2" };
        var doomed = await ChatHarness.StartAsync(settings);
        await using var survivor = await ChatHarness.StartAsync(settings);
        var ann = await doomed.PersonAsync("Ann");
        var bob = await doomed.PersonAsync("Bob");
        await doomed.DirectAsync(ann, bob);
        using var bobOnSurvivor = survivor.Listen(bob);
        await Opened(doomed, ann);
        await Eventually(() => Assert.True(survivor.Core.Get<PresenceTracker>().IsOnline(ann.Id)));

        // The server stops renewing (it crashed): no goodbye, only the timeout.
        await doomed.DisposeAsync();
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        await Eventually(async () =>
        {
            foreach (var person in await survivor.Core.Get<RedisPresence>().SweepAsync())
                await survivor.Core.Get<PresenceAnnouncer>().WentOfflineAsync(person);
            Assert.False(survivor.Core.Get<PresenceTracker>().IsOnline(ann.Id));
        });
        Assert.Contains(bobOnSurvivor.All.OfType<PresenceChanged>(), p => p.UserId == ann.Id && !p.IsOnline);
    }

    [Fact]
    public async Task APersonSweptOfflineWhileTheirServersHeartbeatWasLateIsAnnouncedOnlineAgainByIt()
    {
        var settings = new Dictionary<string, string?>(await postgres.SettingsAsync(redis.Settings(Guid.NewGuid().ToString("N")[..8])))
        {
            ["ChatCrm:Cluster:PresenceTimeoutSeconds"] = "2",
        };
        await using var late = await ChatHarness.StartAsync(settings);
        await using var other = await ChatHarness.StartAsync(settings);
        var (ann, bob, _) = await AnnAndBobAsync(late);
        using var bobOnOther = other.Listen(bob);
        await Opened(late, ann);
        await Eventually(() => Assert.True(other.Core.Get<PresenceTracker>().IsOnline(ann.Id)));

        // Her server misses its heartbeats past the timeout (a busy machine): the other server sweeps her offline.
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        foreach (var person in await other.Core.Get<RedisPresence>().SweepAsync()) await other.Core.Get<PresenceAnnouncer>().WentOfflineAsync(person);
        await Eventually(() => Assert.False(other.Core.Get<PresenceTracker>().IsOnline(ann.Id)));

        // Its next heartbeat finds her entry gone and says she is online after all.
        foreach (var person in await late.Core.Get<RedisPresence>().HeartbeatAsync()) await late.Core.Get<PresenceAnnouncer>().CameOnlineAsync(person);
        await Eventually(() => Assert.True(other.Core.Get<PresenceTracker>().IsOnline(ann.Id)));
        Assert.Equal([true, false, true], bobOnOther.All.OfType<PresenceChanged>().Where(p => p.UserId == ann.Id).Select(p => p.IsOnline));
    }

    [Fact]
    public async Task WhenRedisComesBackEveryOpenPageOnEveryServerIsToldToReadAgain()
    {
        var (ann, bob, chat) = await AnnAndBobAsync(_one);
        using var annOnOne = _one.Listen(ann);
        using var bobOnTwo = _two.Listen(bob);

        await redis.StopAsync();
        try
        {
            // Sent while Redis is away: stored, and on the sender's own server's pages at once.
            var during = await _one.SayAsync(ann, chat, "While Redis is away");
            Assert.Contains(annOnOne.Posted(chat), m => m.Id == during.Id);
        }
        finally
        {
            await redis.StartAsync();
        }

        await Eventually(() => Assert.NotEmpty(bobOnTwo.All.OfType<EventsMissed>()), TimeSpan.FromSeconds(20));
        await Eventually(() => Assert.NotEmpty(annOnOne.All.OfType<EventsMissed>()), TimeSpan.FromSeconds(20));
        // What a page reads again has the message: nothing was lost.
        Assert.Contains(await _two.WholeHistoryAsync(bob, chat), m => m.Text == "While Redis is away");
        // And live events cross again.
        var after = await _one.SayAsync(ann, chat, "Redis is back");
        await Eventually(() => Assert.Contains(bobOnTwo.Posted(chat), m => m.Id == after.Id));
    }

    /// <summary>Two people and their one-to-one chat, arranged through one server.</summary>
    private static async Task<(Person Ann, Person Bob, Guid Chat)> AnnAndBobAsync(ChatHarness server)
    {
        var ann = await server.PersonAsync("Ann");
        var bob = await server.PersonAsync("Bob");
        return (ann, bob, await server.DirectAsync(ann, bob));
    }

    private static Task Opened(ChatHarness server, Person person) => OpenedOrClosed(server, person, true);

    private static Task Closed(ChatHarness server, Person person) => OpenedOrClosed(server, person, false);

    // What the circuit handler does when a page's connection comes up or goes down.
    private static async Task OpenedOrClosed(ChatHarness server, Person person, bool opened)
    {
        var presence = server.Core.Get<PresenceTracker>();
        var announcer = server.Core.Get<PresenceAnnouncer>();
        if (opened && await presence.CircuitOpenedAsync(person.Id)) await announcer.CameOnlineAsync(person.Id);
        if (!opened && await presence.CircuitClosedAsync(person.Id)) await announcer.WentOfflineAsync(person.Id);
    }

    private static Task Eventually(Action assertion, TimeSpan? within = null) => Eventually(() =>
    {
        assertion();
        return Task.CompletedTask;
    }, within);

    private static async Task Eventually(Func<Task> assertion, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? Wait);
        while (true)
        {
            try
            {
                await assertion();
                return;
            }
            catch (Exception) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }
        }
    }
}
