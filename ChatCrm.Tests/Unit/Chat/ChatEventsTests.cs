using ChatCrm.Core.Chat;

namespace ChatCrm.Tests.Unit.Chat;

/// <summary>The in-process hub between services and open pages.</summary>
public sealed class ChatEventsTests
{
    private static readonly ChatEvent Changed = new ConversationChanged(Guid.NewGuid());

    [Fact]
    public async Task EveryOpenPageOfEachNamedPersonIsToldOnce()
    {
        var events = new ChatEvents(new NoRelay());
        var (ann, bob, cy) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var told = new List<string>();
        using var annTab1 = events.Subscribe(ann, _ => Record(told, "ann 1"));
        using var annTab2 = events.Subscribe(ann, _ => Record(told, "ann 2"));
        using var bobTab = events.Subscribe(bob, _ => Record(told, "bob"));
        using var cyTab = events.Subscribe(cy, _ => Record(told, "cy"));

        await events.PublishAsync([ann, bob, ann], Changed);

        Assert.Equal(["ann 1", "ann 2", "bob"], told.Order(StringComparer.Ordinal));
        Assert.Equal(2, events.SubscriberCount(ann));
    }

    [Fact]
    public async Task AClosedPageIsToldNothingMore()
    {
        var events = new ChatEvents(new NoRelay());
        var ann = Guid.NewGuid();
        var told = new List<string>();
        var tab = events.Subscribe(ann, _ => Record(told, "tab"));
        await events.PublishAsync([ann], Changed);

        tab.Dispose();
        tab.Dispose();
        await events.PublishAsync([ann], Changed);

        Assert.Equal(["tab"], told);
        Assert.Equal(0, events.SubscriberCount(ann));
    }

    [Fact]
    public async Task ABrokenPageDoesNotStopTheOthers()
    {
        var events = new ChatEvents(new NoRelay());
        var (ann, bob) = (Guid.NewGuid(), Guid.NewGuid());
        var told = new List<string>();
        using var broken = events.Subscribe(ann, _ => throw new InvalidOperationException("circuit gone"));
        using var brokenLater = events.Subscribe(ann, async _ =>
        {
            await Task.Yield();
            throw new InvalidOperationException("render failed");
        });
        using var fine = events.Subscribe(bob, _ => Record(told, "bob"));

        await events.PublishAsync([ann, bob], Changed);

        Assert.Equal(["bob"], told);
    }

    [Fact]
    public async Task SubscribingAndPublishingFromManyThreadsLosesNothing()
    {
        var events = new ChatEvents(new NoRelay());
        var people = Enumerable.Range(0, 8).Select(_ => Guid.NewGuid()).ToList();
        var counts = new int[people.Count];
        var subscriptions = people.Select((id, i) => events.Subscribe(id, _ =>
        {
            Interlocked.Increment(ref counts[i]);
            return Task.CompletedTask;
        })).ToList();

        // Pages come and go for other people while messages are published.
        var churn = Task.Run(() =>
        {
            for (var i = 0; i < 500; i++) events.Subscribe(Guid.NewGuid(), _ => Task.CompletedTask).Dispose();
        });
        await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => Task.Run(() => events.PublishAsync(people, Changed))).Append(churn));

        Assert.All(counts, c => Assert.Equal(200, c));
        subscriptions.ForEach(s => s.Dispose());
    }

    private static Task Record(List<string> told, string who)
    {
        lock (told) told.Add(who);
        return Task.CompletedTask;
    }
}
