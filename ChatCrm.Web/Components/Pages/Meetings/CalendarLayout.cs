namespace ChatCrm.Web.Components.Pages.Meetings;

/// <summary>
/// A meeting as a day column draws it. <see cref="Top"/> and <see cref="Height"/> are fractions of the drawn hours;
/// the meeting takes column <see cref="Column"/> of <see cref="Columns"/> side by side with those it overlaps.
/// <see cref="Earlier"/> / <see cref="Later"/>: it starts before or ends after the drawn hours (it is clamped to them).
/// </summary>
public sealed record PlacedMeeting(CalendarItem Item, double Top, double Height, int Column, int Columns, bool Earlier, bool Later)
{
    public double Left => (double)Column / Columns;

    public double Width => 1.0 / Columns;
}

/// <summary>
/// Lays out one day of the day and week views as calendars do: each meeting is clamped to the drawn hours (so one
/// before 07:00 or after 20:00, or the part of one that crosses midnight, still shows at the edge) and given at least
/// <c>minLength</c> of height to stay readable; then meetings that overlap on screen, directly or through a chain, form
/// a cluster, share its columns (each takes the first column free at its start) and are each 1/columns wide.
/// Back-to-back meetings do not overlap.
/// </summary>
public static class CalendarLayout
{
    public static IReadOnlyList<PlacedMeeting> Place(IEnumerable<CalendarItem> items, DateTime day, TimeSpan from, TimeSpan to, TimeSpan minLength)
    {
        var windowStart = day.Date + from;
        var windowEnd = day.Date + to;
        var total = (windowEnd - windowStart).Ticks;
        if (total <= 0) return [];
        if (minLength > windowEnd - windowStart) minLength = windowEnd - windowStart;

        var shown = new List<(CalendarItem Item, DateTime Start, DateTime End)>();
        foreach (var item in On(items, day))
        {
            var start = Clamp(item.Start, windowStart, windowEnd);
            var end = Clamp(item.End, windowStart, windowEnd);
            if (end - start < minLength)
            {
                // Too short to read (or wholly outside the hours): grow it downwards, or upwards at the bottom edge.
                if (start + minLength <= windowEnd) end = start + minLength;
                else (start, end) = (windowEnd - minLength, windowEnd);
            }
            shown.Add((item, start, end));
        }
        // Earlier first; of two starting together the longer one takes the left column, as calendars draw it.
        shown.Sort((a, b) =>
        {
            var order = a.Start.CompareTo(b.Start);
            if (order == 0) order = b.End.CompareTo(a.End);
            if (order == 0) order = a.Item.Start.CompareTo(b.Item.Start);
            return order != 0 ? order : a.Item.Id.CompareTo(b.Item.Id);
        });

        var placed = new List<PlacedMeeting>(shown.Count);
        var cluster = new List<(int Index, int Column)>();
        var columnEnds = new List<DateTime>();
        var clusterEnd = DateTime.MinValue;
        for (var i = 0; i < shown.Count; i++)
        {
            var (item, start, end) = shown[i];
            if (start >= clusterEnd) Close();
            var column = columnEnds.FindIndex(columnEnd => columnEnd <= start);
            if (column < 0)
            {
                column = columnEnds.Count;
                columnEnds.Add(end);
            }
            else
            {
                columnEnds[column] = end;
            }
            cluster.Add((i, column));
            if (end > clusterEnd) clusterEnd = end;
        }
        Close();
        return placed;

        void Close()
        {
            foreach (var (index, column) in cluster)
            {
                var (item, start, end) = shown[index];
                placed.Add(new PlacedMeeting(item, (double)(start - windowStart).Ticks / total, (double)(end - start).Ticks / total,
                    column, columnEnds.Count, item.Start < windowStart, item.End > windowEnd));
            }
            cluster.Clear();
            columnEnds.Clear();
        }
    }

    /// <summary>The meetings that take up some of the calendar day (one ending at its midnight does not), by start.</summary>
    public static IEnumerable<CalendarItem> On(IEnumerable<CalendarItem> items, DateTime day)
    {
        var start = day.Date;
        var end = start.AddDays(1);
        return items.Where(i => i.Start < end && Later(i) > start).OrderBy(i => i.Start).ThenBy(i => i.End);

        // A meeting without length still belongs to the day it starts in.
        static DateTime Later(CalendarItem item) => item.End > item.Start ? item.End : item.Start.AddTicks(1);
    }

    private static DateTime Clamp(DateTime at, DateTime min, DateTime max) => at < min ? min : at > max ? max : at;
}
