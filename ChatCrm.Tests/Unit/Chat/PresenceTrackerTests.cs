using ChatCrm.Core.Chat;
using ChatCrm.Tests.Fixtures;

namespace ChatCrm.Tests.Unit.Chat;

/// <summary>Online from the circuits: several tabs count as one person, the last one closing sets "last seen".</summary>
public sealed class PresenceTrackerTests
{
    private readonly ShiftableClock _clock = new();

    [Fact]
    public async Task SeveralTabsCountAsOnePersonUntilTheLastCloses()
    {
        var presence = new PresenceTracker(_clock, new ThisServerOnly());
        var ann = Guid.NewGuid();

        Assert.True(await presence.CircuitOpenedAsync(ann));
        Assert.False(await presence.CircuitOpenedAsync(ann));
        Assert.False(await presence.CircuitClosedAsync(ann));
        Assert.True(presence.IsOnline(ann));
        Assert.Null(presence.LastSeen(ann));

        _clock.Advance(TimeSpan.FromMinutes(3));
        Assert.True(await presence.CircuitClosedAsync(ann));

        Assert.False(presence.IsOnline(ann));
        Assert.Equal(_clock.GetUtcNow(), presence.LastSeen(ann)!.Value, TimeSpan.FromSeconds(5));
        Assert.True(await presence.CircuitOpenedAsync(ann));
    }

    [Fact]
    public async Task ACloseWithoutAnOpenDoesNotGoBelowNobody()
    {
        var presence = new PresenceTracker(_clock, new ThisServerOnly());
        var ann = Guid.NewGuid();

        await presence.CircuitClosedAsync(ann);

        Assert.False(presence.IsOnline(ann));
        Assert.True(await presence.CircuitOpenedAsync(ann));
        Assert.True(presence.IsOnline(ann));
    }

    [Fact]
    public async Task TabsOpeningAndClosingAtOnceLeaveTheRightCount()
    {
        var presence = new PresenceTracker(_clock, new ThisServerOnly());
        var ann = Guid.NewGuid();
        await presence.CircuitOpenedAsync(ann);

        await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => Task.Run(async () =>
        {
            await presence.CircuitOpenedAsync(ann);
            await presence.CircuitClosedAsync(ann);
        })));

        Assert.True(presence.IsOnline(ann));
        Assert.True(await presence.CircuitClosedAsync(ann));
        Assert.False(presence.IsOnline(ann));
    }
}
