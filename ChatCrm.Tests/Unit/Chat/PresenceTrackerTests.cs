using ChatCrm.Core.Chat;
using ChatCrm.Tests.Fixtures;

namespace ChatCrm.Tests.Unit.Chat;

/// <summary>Online from the circuits: several tabs count as one person, the last one closing sets "last seen".</summary>
public sealed class PresenceTrackerTests
{
    private readonly ShiftableClock _clock = new();

    [Fact]
    public void SeveralTabsCountAsOnePersonUntilTheLastCloses()
    {
        var presence = new PresenceTracker(_clock);
        var ann = Guid.NewGuid();

        Assert.True(presence.CircuitOpened(ann));
        Assert.False(presence.CircuitOpened(ann));
        Assert.False(presence.CircuitClosed(ann));
        Assert.True(presence.IsOnline(ann));
        Assert.Null(presence.LastSeen(ann));

        _clock.Advance(TimeSpan.FromMinutes(3));
        Assert.True(presence.CircuitClosed(ann));

        Assert.False(presence.IsOnline(ann));
        Assert.Equal(_clock.GetUtcNow(), presence.LastSeen(ann)!.Value, TimeSpan.FromSeconds(5));
        Assert.True(presence.CircuitOpened(ann));
    }

    [Fact]
    public void ACloseWithoutAnOpenDoesNotGoBelowNobody()
    {
        var presence = new PresenceTracker(_clock);
        var ann = Guid.NewGuid();

        presence.CircuitClosed(ann);

        Assert.False(presence.IsOnline(ann));
        Assert.True(presence.CircuitOpened(ann));
        Assert.True(presence.IsOnline(ann));
    }

    [Fact]
    public async Task TabsOpeningAndClosingAtOnceLeaveTheRightCount()
    {
        var presence = new PresenceTracker(_clock);
        var ann = Guid.NewGuid();
        presence.CircuitOpened(ann);

        await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => Task.Run(() =>
        {
            presence.CircuitOpened(ann);
            presence.CircuitClosed(ann);
        })));

        Assert.True(presence.IsOnline(ann));
        Assert.True(presence.CircuitClosed(ann));
        Assert.False(presence.IsOnline(ann));
    }
}
