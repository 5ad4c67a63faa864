using System.Net;
using ChatCrm.Core.Accounts;
using ChatCrm.Tests.Fixtures;
using ChatCrm.Web.Components.Account;

namespace ChatCrm.Tests.Integration.AccountPages;

/// <summary>
/// A browser whose sign-in was ended for it (an admin ended its sessions, or locked the account) is told why on the
/// sign-in page, in words; a browser that was never signed in is told nothing, and the sentence depends only on the
/// address, never on any account.
/// </summary>
[Collection(AccountPagesGroup.Name)]
public sealed class SignedOutReasonTests(SmtpServerFixture smtp) : AccountPagesTestBase(smtp)
{
    private static readonly string EndedSentence = SignedOutReasons.Describe("ended")!;
    private static readonly string LockedSentence = SignedOutReasons.Describe("locked")!;

    [Fact]
    public async Task SessionsEndedByAnAdminAreExplainedOnTheSignInPage()
    {
        var (person, user) = await SignedInPersonAsync("ended");
        Assert.True((await App.Get<AdminAccountService>().EndSessionsAsync(await AdminActorAsync(), user.Id)).Succeeded);

        var signIn = await FollowToSignInAsync(person, "/leads");

        Assert.Contains("signedOut=ended", signIn.Location, StringComparison.Ordinal);
        Assert.Contains(EndedSentence, signIn.Page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(LockedSentence, signIn.Page.Text, StringComparison.Ordinal);
        // The reason is said once: the cookie is gone, so the next visit is an ordinary sign-in.
        using var again = await person.Http.GetAsync("/leads");
        Assert.DoesNotContain("signedOut", again.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALockedAccountIsExplainedOnTheSignInPage()
    {
        var (person, user) = await SignedInPersonAsync("locked");
        Assert.True((await App.Get<AdminAccountService>().LockAsync(await AdminActorAsync(), user.Id)).Succeeded);

        var signIn = await FollowToSignInAsync(person, "/");

        Assert.Contains("signedOut=locked", signIn.Location, StringComparison.Ordinal);
        Assert.Contains(LockedSentence, signIn.Page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(EndedSentence, signIn.Page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABrowserThatWasNeverSignedInIsToldNothingAndTheSentenceDependsOnlyOnTheAddress()
    {
        using var stranger = App.CreateFormClient();
        using (var response = await stranger.Http.GetAsync("/leads"))
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.DoesNotContain("signedOut", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }
        var plain = await stranger.GetAsync("/account/login");
        Assert.DoesNotContain("You were signed out", plain.Text, StringComparison.Ordinal);

        // Anyone may open the address; the page reads nothing but the word in it, and an unknown word says nothing.
        Assert.Contains(LockedSentence, (await stranger.GetAsync("/account/login?signedOut=locked")).Text, StringComparison.Ordinal);
        var unknown = await stranger.GetAsync("/account/login?signedOut=%3Cb%3Edeleted%3C%2Fb%3E");
        Assert.DoesNotContain("You were signed out", unknown.Text, StringComparison.Ordinal);
        // The word is never shown (the form's own address carries it, escaped, and nothing else does).
        Assert.DoesNotContain("deleted", unknown.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", unknown.Html, StringComparison.Ordinal);
    }

    private async Task<(FormClient Client, AppUser User)> SignedInPersonAsync(string who)
    {
        var email = UniqueEmail(who);
        var user = await App.CreateUserAsync($"Sid {who}", email, GoodPassword);
        var client = await App.SignedInClientAsync(email, GoodPassword);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).Status);
        return (client, user);
    }

    /// <summary>Asks for a page with the refused cookie, then opens the sign-in page the redirect points to.</summary>
    private static async Task<(string Location, PageResponse Page)> FollowToSignInAsync(FormClient client, string path)
    {
        string location;
        using (var response = await client.Http.GetAsync(path))
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            location = response.Headers.Location!.IsAbsoluteUri ? response.Headers.Location.PathAndQuery : response.Headers.Location.OriginalString;
        }
        Assert.StartsWith("/account/login?", location, StringComparison.Ordinal);
        var page = await client.GetAsync(location);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        return (location, page);
    }
}
