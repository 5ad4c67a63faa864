using ChatCrm.Core.Common;
using Bunit;
using ChatCrm.Tests.Integration.Meetings;
using ChatCrm.Web.Components.Pages.Meetings;
using Microsoft.AspNetCore.Components;

namespace ChatCrm.Tests.Components.Meetings;

/// <summary>
/// The list tab over the real service. Under 600 px each row is drawn as a card (MeetingList.razor.css) from the same
/// cells: title (which opens the meeting), when, where and who.
/// </summary>
public sealed class MeetingListTests : MeetingTestBase
{
    [Fact]
    public async Task EachRowCarriesWhatItsPhoneCardShowsAndItsTitleOpensTheMeeting()
    {
        var lead = await AddLeadAsync("Lena Lead", "lena@example.test", "Acme");
        var id = await BookAsync("Quarterly review", At(10), At(11), Person(Client), Person(OtherClient), Person(OtherAgent), Person(Admin), LeadRef(lead));
        await using var context = MeetingComponents.NewContext(Core.Services, Agent);
        Guid? opened = null;

        var list = context.Render<MeetingList>(p => p.Add(l => l.Open, EventCallback.Factory.Create<Guid>(this, i => opened = i)));

        list.WaitForAssertion(() => Assert.Single(list.FindAll("tr.meeting-row")), TimeSpan.FromSeconds(15));
        var row = list.Find("tr.meeting-row");
        Assert.Equal("Quarterly review", row.QuerySelector(".meeting-cell-title button")!.TextContent.Trim());
        // The reader's short range (UTC here: the account has no zone).
        var day = ReaderTime.ShortDate(DateOnly.FromDateTime(At(10).UtcDateTime));
        Assert.Equal($"{day}, 10:00–11:00", row.QuerySelector(".meeting-cell-when")!.TextContent.Trim());
        Assert.Equal("Room Atlas", row.QuerySelector(".meeting-cell-where")!.TextContent.Trim());
        Assert.EndsWith("and 1 more", row.QuerySelector(".meeting-cell-people")!.TextContent.Trim(), StringComparison.Ordinal);
        // Plain cells: no component (input, chip, menu) inside a row.
        Assert.Empty(row.QuerySelectorAll(".mud-input-control, .mud-chip, .mud-menu"));

        await row.QuerySelector(".meeting-cell-title button")!.ClickAsync();
        Assert.Equal(id, opened);
    }

    [Fact]
    public async Task AClientListsOnlyTheMeetingsTheyAreIn()
    {
        await BookAsync("Theirs", At(10), At(11), Person(Client));
        await BookAsync("Someone else's", At(12), At(13), Person(OtherClient));
        await using var context = MeetingComponents.NewContext(Core.Services, Client);

        var list = context.Render<MeetingList>();

        list.WaitForAssertion(() => Assert.Single(list.FindAll("tr.meeting-row")), TimeSpan.FromSeconds(15));
        Assert.Contains("Theirs", list.Find("tr.meeting-row").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Someone else's", list.Markup, StringComparison.Ordinal);
    }
}
