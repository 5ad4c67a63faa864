using System.Globalization;
using ChatCrm.Core.Common;

namespace ChatCrm.Tests.Unit.Common;

/// <summary>
/// The one time formatter, in real IANA zones of this machine's zone database (expected values worked out
/// independently with Python's zoneinfo): the formats, the conversions across daylight-saving changes, and the reader's
/// wall-clock input read back to instants at gaps and overlaps.
/// </summary>
public sealed class ReaderTimeTests
{
    private static readonly DateTimeOffset Winter = Utc(2026, 12, 3, 14, 5);
    private static readonly DateTimeOffset Summer = Utc(2026, 7, 1, 14, 5);

    [Theory]
    [InlineData("UTC", "3 Dec 2026, 14:05", "Thursday 3 December 2026, 14:05 (UTC)", "1 Jul 2026, 14:05")]
    [InlineData("Europe/Lisbon", "3 Dec 2026, 14:05", "Thursday 3 December 2026, 14:05 (Europe/Lisbon)", "1 Jul 2026, 15:05")]
    [InlineData("America/New_York", "3 Dec 2026, 09:05", "Thursday 3 December 2026, 09:05 (America/New_York)", "1 Jul 2026, 10:05")]
    [InlineData("Asia/Kolkata", "3 Dec 2026, 19:35", "Thursday 3 December 2026, 19:35 (Asia/Kolkata)", "1 Jul 2026, 19:35")]
    [InlineData("Pacific/Chatham", "4 Dec 2026, 03:50", "Friday 4 December 2026, 03:50 (Pacific/Chatham)", "2 Jul 2026, 02:50")]
    public void ShortAndLongReadInTheZoneWithSummerTimeWhereItApplies(string zone, string winterShort, string winterLong, string summerShort)
    {
        var time = ReaderTime.For(zone);

        Assert.Equal(winterShort, time.Short(Winter));
        Assert.Equal(winterLong, time.Long(Winter));
        Assert.Equal(summerShort, time.Short(Summer));
        Assert.Equal(zone, time.ZoneName);
    }

    [Theory]
    [InlineData("UTC", "3 Dec 2026", "Thursday 3 December 2026", "14:05")]
    [InlineData("Asia/Kolkata", "3 Dec 2026", "Thursday 3 December 2026", "19:35")]
    [InlineData("Pacific/Chatham", "4 Dec 2026", "Friday 4 December 2026", "03:50")]
    public void DatesAndTheTimeOfDayAreTheZonesOwn(string zone, string shortDate, string longDate, string timeOfDay)
    {
        var time = ReaderTime.For(zone);

        Assert.Equal(shortDate, time.ShortDate(Winter));
        Assert.Equal(longDate, time.LongDate(Winter));
        Assert.Equal(timeOfDay, time.TimeOfDay(Winter));
        Assert.Equal(DateOnly.ParseExact(shortDate, "d MMM yyyy", CultureInfo.InvariantCulture), time.Day(Winter));
    }

    [Fact]
    public void TheWordsAreEnglishWhateverTheServersCulture()
    {
        var before = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("fr-FR");
            Assert.Equal("Thursday 3 December 2026, 14:05 (Europe/Lisbon)", ReaderTime.For("Europe/Lisbon").Long(Winter));
            Assert.Equal("3 Dec 2026", ReaderTime.ShortDate(new DateOnly(2026, 12, 3)));
        }
        finally
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = before;
        }
    }

    [Fact]
    public void LisbonsClocksGoForwardAndBackAsTheyDo()
    {
        var lisbon = ReaderTime.For("Europe/Lisbon");

        // 29 March 2026, 01:00 UTC: 01:00 WET becomes 02:00 WEST. An hour of real time reads as two.
        Assert.Equal("29 Mar 2026, 00:30", lisbon.Short(Utc(2026, 3, 29, 0, 30)));
        Assert.Equal("29 Mar 2026, 02:30", lisbon.Short(Utc(2026, 3, 29, 1, 30)));
        Assert.Equal("29 Mar 2026, 00:30–02:30", lisbon.ShortRange(Utc(2026, 3, 29, 0, 30), Utc(2026, 3, 29, 1, 30)));
        // 25 October 2026, 01:00 UTC: 02:00 WEST becomes 01:00 WET; 01:30 happens twice.
        Assert.Equal("25 Oct 2026, 01:30", lisbon.Short(Utc(2026, 10, 25, 0, 30)));
        Assert.Equal("25 Oct 2026, 01:30", lisbon.Short(Utc(2026, 10, 25, 1, 30)));
    }

    [Theory]
    [InlineData("Europe/Lisbon", 2026, 3, 29, 23)]
    [InlineData("Europe/Lisbon", 2026, 10, 25, 25)]
    [InlineData("America/New_York", 2026, 3, 8, 23)]
    [InlineData("America/New_York", 2026, 11, 1, 25)]
    [InlineData("Pacific/Chatham", 2026, 9, 27, 23)]
    [InlineData("Asia/Kolkata", 2026, 3, 29, 24)]
    public void ADayWithAClockChangeIsAsLongAsItReallyIs(string zone, int year, int month, int day, int hours)
    {
        var time = ReaderTime.For(zone);
        var date = new DateOnly(year, month, day);

        Assert.Equal(TimeSpan.FromHours(hours), time.StartOfDay(date.AddDays(1)) - time.StartOfDay(date));
        Assert.Equal("00:00", time.TimeOfDay(time.StartOfDay(date)));
    }

    [Theory]
    // Plain times: one instant each.
    [InlineData("UTC", "2026-12-03 14:05", "2026-12-03T14:05Z", LocalTimeKind.Normal)]
    [InlineData("Europe/Lisbon", "2026-06-01 10:00", "2026-06-01T09:00Z", LocalTimeKind.Normal)]
    [InlineData("Asia/Kolkata", "2026-12-03 19:35", "2026-12-03T14:05Z", LocalTimeKind.Normal)]
    [InlineData("Pacific/Chatham", "2026-12-04 03:50", "2026-12-03T14:05Z", LocalTimeKind.Normal)]
    // Gaps (spring forward): read with the offset from before the jump, so it lands one gap later on the clock.
    [InlineData("Europe/Lisbon", "2026-03-29 01:30", "2026-03-29T01:30Z", LocalTimeKind.Skipped)]
    [InlineData("America/New_York", "2026-03-08 02:30", "2026-03-08T07:30Z", LocalTimeKind.Skipped)]
    [InlineData("Pacific/Chatham", "2026-09-27 03:00", "2026-09-26T14:15Z", LocalTimeKind.Skipped)]
    // Overlaps (fall back): the first of the two, still on summer time.
    [InlineData("Europe/Lisbon", "2026-10-25 01:30", "2026-10-25T00:30Z", LocalTimeKind.Repeated)]
    [InlineData("America/New_York", "2026-11-01 01:30", "2026-11-01T05:30Z", LocalTimeKind.Repeated)]
    [InlineData("Pacific/Chatham", "2026-04-05 03:00", "2026-04-04T13:15Z", LocalTimeKind.Repeated)]
    // Just either side of a change.
    [InlineData("Pacific/Chatham", "2026-09-27 02:00", "2026-09-26T13:15Z", LocalTimeKind.Normal)]
    [InlineData("Pacific/Chatham", "2026-09-27 04:00", "2026-09-26T14:15Z", LocalTimeKind.Normal)]
    public void WallClockInputIsReadBackToTheInstantItMeans(string zone, string local, string expectedUtc, LocalTimeKind expectedKind)
    {
        var time = ReaderTime.For(zone);
        var wall = DateTime.ParseExact(local, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

        var instant = time.ToUtc(wall, out var kind);

        Assert.Equal(DateTimeOffset.Parse(expectedUtc, CultureInfo.InvariantCulture), instant);
        Assert.Equal(TimeSpan.Zero, instant.Offset);
        Assert.Equal(expectedKind, kind);
        if (kind == LocalTimeKind.Normal) Assert.Equal(wall, time.Local(instant));
    }

    [Fact]
    public void ASkippedTimeShowsWhereItLandedAndARepeatedOneShowsItself()
    {
        var lisbon = ReaderTime.For("Europe/Lisbon");

        Assert.Equal("29 Mar 2026, 02:30", lisbon.Short(lisbon.ToUtc(new DateTime(2026, 3, 29, 1, 30, 0))));
        Assert.Equal("25 Oct 2026, 01:30", lisbon.Short(lisbon.ToUtc(new DateTime(2026, 10, 25, 1, 30, 0))));
        // The kind of the DateTime a picker hands over does not matter: it is the reader's wall clock.
        Assert.Equal(Utc(2026, 6, 1, 9, 0), lisbon.ToUtc(new DateTime(2026, 6, 1, 10, 0, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public void RecentFormsDependOnTheReadersDay()
    {
        // 01:00 UTC on 4 December: 06:30 in Kolkata, 20:00 on the 3rd in New York.
        var now = Utc(2026, 12, 4, 1, 0);
        var at = Utc(2026, 12, 3, 23, 0);

        Assert.Equal("Yesterday", ReaderTime.Utc.Recent(at, now));
        Assert.Equal("04:30", ReaderTime.For("Asia/Kolkata").Recent(at, now));
        Assert.Equal("18:00", ReaderTime.For("America/New_York").Recent(at, now));
        Assert.Equal("1 Dec 2026", ReaderTime.Utc.Recent(Utc(2026, 12, 1, 9, 0), now));
        Assert.Equal("Today, 23:00", ReaderTime.For("America/New_York").NearShort(Utc(2026, 12, 4, 4, 0), now));
        Assert.Equal("Tomorrow, 09:00", ReaderTime.Utc.NearShort(Utc(2026, 12, 5, 9, 0), now));
        Assert.Equal("Yesterday, 23:00", ReaderTime.Utc.NearShort(at, now));
        Assert.Equal("7 Dec 2026, 09:00", ReaderTime.Utc.NearShort(Utc(2026, 12, 7, 9, 0), now));
        Assert.Equal("just now", ReaderTime.Utc.SeenAt(now.AddSeconds(-20), now));
        Assert.Equal("today at 00:30", ReaderTime.Utc.SeenAt(now.AddMinutes(-30), now));
        Assert.Equal("yesterday at 23:00", ReaderTime.Utc.SeenAt(at, now));
        Assert.Equal("on 1 Dec 2026", ReaderTime.Utc.SeenAt(Utc(2026, 12, 1, 9, 0), now));
    }

    [Fact]
    public void DayHeadingsNameTodayAndYesterdayAndOtherwiseTheLongDate()
    {
        var today = new DateOnly(2026, 12, 3);

        Assert.Equal("Today", ReaderTime.DayHeading(today, today));
        Assert.Equal("Yesterday", ReaderTime.DayHeading(today.AddDays(-1), today));
        Assert.Equal("Monday 30 November 2026", ReaderTime.DayHeading(today.AddDays(-3), today));
    }

    [Fact]
    public void RangesAcrossMidnightNameBothDays()
    {
        var kolkata = ReaderTime.For("Asia/Kolkata");

        Assert.Equal("3 Dec 2026, 19:35–20:35", kolkata.ShortRange(Winter, Winter.AddHours(1)));
        Assert.Equal("3 Dec 2026, 23:30 – 4 Dec 2026, 00:30", kolkata.ShortRange(Utc(2026, 12, 3, 18, 0), Utc(2026, 12, 3, 19, 0)));
        Assert.Equal("Thursday 3 December 2026, 23:30 – Friday 4 December 2026, 00:30 (Asia/Kolkata)",
            kolkata.LongRange(Utc(2026, 12, 3, 18, 0), Utc(2026, 12, 3, 19, 0)));
        Assert.Equal(("4", "Dec"), ReaderTime.For("Pacific/Chatham").Leaf(Winter));
    }

    [Fact]
    public void AnAccountWithoutAKnownZoneReadsUtc()
    {
        Assert.Same(ReaderTime.Utc, ReaderTime.For(null));
        Assert.Same(ReaderTime.Utc, ReaderTime.For("Nowhere/At_All"));
        Assert.Equal("Thursday 3 December 2026, 14:05 (UTC)", ReaderTime.For(null).Long(Winter));
    }

    private static DateTimeOffset Utc(int year, int month, int day, int hour, int minute) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);
}
