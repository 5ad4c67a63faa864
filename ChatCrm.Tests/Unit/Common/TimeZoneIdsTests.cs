using ChatCrm.Core.Common;

namespace ChatCrm.Tests.Unit.Common;

/// <summary>Which zone ids an account may hold: IANA names this server's zone database knows, nothing else.</summary>
public sealed class TimeZoneIdsTests
{
    [Theory]
    [InlineData("UTC", "UTC")]
    [InlineData("Europe/Lisbon", "Europe/Lisbon")]
    [InlineData(" america/new_york ", "America/New_York")]
    [InlineData("Asia/Kolkata", "Asia/Kolkata")]
    [InlineData("Asia/Calcutta", "Asia/Calcutta")] // the old name some browsers still report
    [InlineData("Pacific/Chatham", "Pacific/Chatham")]
    [InlineData("America/Argentina/Buenos_Aires", "America/Argentina/Buenos_Aires")]
    [InlineData("Etc/GMT+5", "Etc/GMT+5")]
    public void KnownIanaIdsAreFoundInTheirProperSpelling(string id, string expected)
    {
        Assert.True(TimeZoneIds.TryFind(id, out var zone));
        Assert.Equal(expected, zone.Id);
        Assert.Null(TimeZoneIds.Problem(id));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("Pacific Standard Time")] // a Windows id, not an IANA one
    [InlineData("../../etc/passwd")]
    [InlineData("/etc/localtime")]
    [InlineData("Europe/../Europe/Lisbon")]
    [InlineData("posixrules")]
    [InlineData("Factory")]
    [InlineData("Local")]
    public void AnythingElseIsRefused(string? id)
    {
        Assert.False(TimeZoneIds.TryFind(id, out _));
        Assert.NotNull(TimeZoneIds.Problem(id));
    }

    [Fact]
    public void AnUnknownIdIsNamedInTheMessage()
    {
        Assert.Equal("“Mars/Olympus_Mons” is not a time zone ChatCrm knows. Choose one from the list, such as Europe/Lisbon or America/New_York.",
            TimeZoneIds.Problem("Mars/Olympus_Mons"));
        Assert.Equal("Choose a time zone.", TimeZoneIds.Problem("  "));
    }

    [Fact]
    public void TheListStartsWithUtcAndHoldsEveryZoneOnce()
    {
        Assert.Equal("UTC", TimeZoneIds.All[0]);
        Assert.Contains("Europe/Lisbon", TimeZoneIds.All);
        Assert.Contains("Pacific/Chatham", TimeZoneIds.All);
        Assert.Equal(TimeZoneIds.All.Count, TimeZoneIds.All.Distinct().Count());
        Assert.True(TimeZoneIds.All.Count > 300, $"Only {TimeZoneIds.All.Count} zones: is tzdata installed?");
        Assert.All(TimeZoneIds.All, id => Assert.True(TimeZoneIds.TryFind(id, out _), id));
    }
}
