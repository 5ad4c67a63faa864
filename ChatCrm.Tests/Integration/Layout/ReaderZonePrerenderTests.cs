using System.Net;
using ChatCrm.Core.Accounts;
using ChatCrm.Tests.Fixtures;
using ChatCrm.Tests.Integration.AccountPages;

namespace ChatCrm.Tests.Integration.Layout;

/// <summary>
/// The page the server sends first (prerendered, before the live circuit) and the reader's zone (Shared/ReaderZone): an
/// account that has no zone yet gets no page drawn in UTC, only a wait for the live page that asks the browser; an
/// account with a zone gets its page drawn in it at once.
/// </summary>
[Collection(AccountPagesGroup.Name)]
public sealed class ReaderZonePrerenderTests(SmtpServerFixture smtp) : AccountPagesTestBase(smtp)
{
    [Fact]
    public async Task AnAccountWithoutAZoneIsSentNoTimesUntilItsBrowserHasSaidWhereItIs()
    {
        var adminId = await AdminIdAsync();
        Assert.Null(await App.Get<ProfileService>().GetTimeZoneAsync(adminId)); // else this test proves nothing
        using var admin = await App.SignedInClientAsync(App.AdminEmail, ChatCrmAppFactory.AdminPassword);

        var first = await admin.GetAsync("/meetings");
        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Contains("reader-zone-wait", first.Html);
        Assert.DoesNotContain("Times are in", first.Text);
        Assert.DoesNotContain("UTC", first.Text);

        // What the live page does once the browser has answered.
        await App.Get<ProfileService>().AdoptBrowserTimeZoneAsync(adminId, "Europe/Lisbon");
        var next = await admin.GetAsync("/meetings");
        Assert.Contains("Times are in Europe/Lisbon.", next.Text);
        Assert.DoesNotContain("reader-zone-wait", next.Html);
    }
}
