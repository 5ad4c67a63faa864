using System.Net;
using ChatCrm.Tests.Fixtures;

namespace ChatCrm.Tests.Integration.AccountPages;

[Collection(AccountPagesGroup.Name)]
public sealed class CodeRulesTests(SmtpServerFixture smtp) : AccountPagesTestBase(smtp)
{
    [Fact]
    public async Task WrongCodeThreeTimesKillsTheCode()
    {
        var asked = await AskedForSignInCodeAsync("wanda");
        using var client = asked.Client;
        var code = asked.Code;
        var wrong = OtherCode(code);

        Assert.Contains("not right", (await EnterSignInCodeAsync(client, wrong)).Text, StringComparison.Ordinal);
        Assert.Contains("not right", (await EnterSignInCodeAsync(client, wrong)).Text, StringComparison.Ordinal);
        Assert.Contains("no longer works", (await EnterSignInCodeAsync(client, wrong)).Text, StringComparison.Ordinal);

        var right = await EnterSignInCodeAsync(client, code);
        Assert.Null(right.RedirectPath);
        Assert.Equal(HttpStatusCode.Found, (await client.Http.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task ExpiredCodeFails()
    {
        var asked = await AskedForSignInCodeAsync("ezra");
        using var client = asked.Client;
        var code = asked.Code;

        App.Clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));
        var late = await EnterSignInCodeAsync(client, code);
        Assert.Contains("expired", late.Text, StringComparison.Ordinal);
        Assert.Null(late.RedirectPath);
    }

    [Fact]
    public async Task ResendWithinTheCooldownIsRefusedAndOnlyTheNewestCodeWorks()
    {
        var asked = await AskedForSignInCodeAsync("rhea");
        using var client = asked.Client;
        var email = asked.Email;
        var first = asked.Code;

        // Same second: the cooldown (1 s in these tests) refuses the resend and says how long to wait.
        var tooSoon = await client.SubmitAsync("/account/login/code", "login-resend", new() { ["resend"] = "1" });
        Assert.Contains("Try again in", tooSoon.Text, StringComparison.Ordinal);
        await App.DeliverQueuedMailAsync();
        Assert.Single(Mailbox.MailTo(email));

        App.Clock.Advance(TimeSpan.FromSeconds(2));
        var resent = await client.SubmitAsync("/account/login/code", "login-resend", new() { ["resend"] = "1" });
        Assert.Contains("new code is on its way", resent.Text, StringComparison.Ordinal);
        var second = await Mailbox.WaitForCodeAsync(email, "sign-in code");

        if (first != second) Assert.Contains("not right", (await EnterSignInCodeAsync(client, first)).Text, StringComparison.Ordinal);
        Assert.Equal("/", (await EnterSignInCodeAsync(client, second)).RedirectPath);
    }
}

[Collection(AccountPagesGroup.Name)]
public sealed class CodeRateLimitTests(SmtpServerFixture smtp) : AccountPagesTestBase(smtp, new Dictionary<string, string?>
{
    ["ChatCrm:Accounts:CodesPerAddressPerHour"] = "3",
})
{
    [Fact]
    public async Task FourthCodeWithinAnHourIsRefusedForKnownAndUnknownAddressesAlike()
    {
        var known = UniqueEmail("limited");
        var unknown = UniqueEmail("nobody");
        await App.CreateUserAsync("Lina Limited", known, GoodPassword);

        foreach (var email in new[] { known, unknown })
        {
            using var client = App.CreateFormClient();
            for (var i = 0; i < 3; i++)
            {
                Assert.Equal("/account/login/code", (await RequestSignInCodeAsync(client, email)).RedirectPath);
                App.Clock.Advance(TimeSpan.FromSeconds(2));
            }
            var fourth = await RequestSignInCodeAsync(client, email);
            Assert.Null(fourth.RedirectPath);
            Assert.Contains("Too many codes", fourth.Text, StringComparison.Ordinal);
        }
        await App.DeliverQueuedMailAsync();
        Assert.Equal(3, Mailbox.MailTo(known).Count);
        Assert.Empty(Mailbox.MailTo(unknown));

        App.Clock.Advance(TimeSpan.FromHours(1));
        using var later = App.CreateFormClient();
        Assert.Equal("/account/login/code", (await RequestSignInCodeAsync(later, known)).RedirectPath);
    }
}

[Collection(AccountPagesGroup.Name)]
public sealed class AccountPostRateLimitTests(SmtpServerFixture smtp) : AccountPagesTestBase(smtp, new Dictionary<string, string?>
{
    ["ChatCrm:Accounts:AccountPostsPerIpPerMinute"] = "5",
})
{
    [Fact]
    public async Task TooManySignInPostsFromOneAddressGet429ButPageViewsDoNot()
    {
        using var client = App.CreateFormClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 7; i++)
        {
            var page = await client.SubmitAsync("/account/login", "login", new() { ["Input.Email"] = "x@example.test", ["Input.Password"] = TestPasswords.New() });
            statuses.Add(page.Status);
        }
        Assert.Equal(5, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(2, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/login")).Status);
    }
}

/// <summary>The words after wrong codes and the resend wait agree, with the product's real 60-second wait.</summary>
[Collection(AccountPagesGroup.Name)]
public sealed class CodeWordsAndCooldownTests(SmtpServerFixture smtp) : AccountPagesTestBase(smtp, new Dictionary<string, string?>
{
    ["ChatCrm:Accounts:ResendCooldownSeconds"] = "60",
})
{
    [Fact]
    public async Task ACodeKilledByWrongTriesNoLongerWorksEvenWhenRightAndANewOneCanBeSentAtOnce()
    {
        var asked = await AskedForSignInCodeAsync("kip");
        using var client = asked.Client;
        var email = asked.Email;
        var code = asked.Code;

        for (var i = 0; i < 3; i++) await EnterSignInCodeAsync(client, OtherCode(code));
        var right = await EnterSignInCodeAsync(client, code);
        Assert.Null(right.RedirectPath);
        Assert.Contains("no longer works", right.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("not right", right.Text, StringComparison.Ordinal);

        // "Send a new one", within the 60 s wait: the dead code ended the wait, so the new code goes out now.
        var resent = await client.SubmitAsync("/account/login/code", "login-resend", new() { ["resend"] = "1" });
        Assert.Contains("new code is on its way", resent.Text, StringComparison.Ordinal);
        var fresh = await Mailbox.WaitForCodeAsync(email, "sign-in code");
        Assert.Equal("/", (await EnterSignInCodeAsync(client, fresh)).RedirectPath);
    }

    [Fact]
    public async Task AnUnknownAddressGoesThroughTheSameWordsTheSameWaitAndTheSameLock()
    {
        var known = UniqueEmail("kwords");
        var unknown = UniqueEmail("uwords");
        await App.CreateUserAsync("Wes Words", known, GoodPassword);

        // A wrong guess: for the known address, not its latest code (which may be any six digits), once it has arrived.
        async Task<string> GuessAsync(string email)
        {
            if (email != known) return "000000";
            await App.DeliverQueuedMailAsync();
            return OtherCode(Mailbox.ExtractCode(Mailbox.MailTo(known).Last(m => m.Subject.Contains("sign-in code", StringComparison.Ordinal))));
        }

        async Task<List<string>> StepsAsync(string email)
        {
            using var client = App.CreateFormClient();
            async Task<string> Resend() => (await client.SubmitAsync("/account/login/code", "login-resend", new() { ["resend"] = "1" })).Text;
            async Task<string> Wrong() => (await EnterSignInCodeAsync(client, await GuessAsync(email))).Text;

            var steps = new List<string> { (await RequestSignInCodeAsync(client, email)).RedirectPath ?? "" };
            steps.Add(await Resend());                                  // 1: the wait holds right after a code
            for (var i = 0; i < 4; i++) steps.Add(await Wrong());       // 2-5: not right twice, then no longer works
            steps.Add(await Resend());                                  // 6: the dead code ended the wait
            steps.Add(await Wrong());                                   // 7: the fifth failure locks the known account
            steps.Add(await Wrong());                                   // 8: locked, and the words still come from the code
            steps.Add(await Resend());                                  // 9: a live code keeps its wait
            App.Clock.Advance(TimeSpan.FromSeconds(61));
            steps.Add(await Resend());                                  // 10: locked: no code, the same reply
            steps.Add(await Wrong());                                   // 11
            // The wait is counted in whole seconds from each run's own first code: the two runs may straddle a second.
            return steps.Select(s => System.Text.RegularExpressions.Regex.Replace(s.Replace(email, "{address}", StringComparison.Ordinal),
                @"Try again in \d+ seconds", "Try again in {n} seconds")).ToList();
        }

        var forKnown = await StepsAsync(known);
        var forUnknown = await StepsAsync(unknown);

        Assert.Equal(forKnown, forUnknown);
        Assert.Contains("Try again in", forKnown[1], StringComparison.Ordinal);
        Assert.Contains("not right", forKnown[2], StringComparison.Ordinal);
        Assert.Contains("no longer works", forKnown[4], StringComparison.Ordinal);
        Assert.Contains("no longer works", forKnown[5], StringComparison.Ordinal);
        Assert.Contains("new code is on its way", forKnown[6], StringComparison.Ordinal);
        Assert.Contains("not right", forKnown[8], StringComparison.Ordinal);
        Assert.Contains("Try again in", forKnown[9], StringComparison.Ordinal);
        Assert.Contains("new code is on its way", forKnown[10], StringComparison.Ordinal);
        // Only the mailbox differs: the known address got two codes and the lock notice, the unknown one nothing.
        await App.DeliverQueuedMailAsync();
        Assert.Equal(["sign-in code", "sign-in code", "locked"], Mailbox.MailTo(known).Select(m => m.Subject.Contains("locked", StringComparison.Ordinal) ? "locked" : "sign-in code"));
        Assert.Empty(Mailbox.MailTo(unknown));
    }
}

/// <summary>A code lifetime other than the default: every page and mail that states it says the configured time.</summary>
[Collection(AccountPagesGroup.Name)]
public sealed class CodeLifetimeTests(SmtpServerFixture smtp) : AccountPagesTestBase(smtp, new Dictionary<string, string?>
{
    ["ChatCrm:Accounts:CodeLifetimeMinutes"] = "7",
})
{
    [Fact]
    public async Task PagesAndMailsStateTheConfiguredLifetimeAndTheCodeLivesThatLong()
    {
        var asked = await AskedForSignInCodeAsync("sev");
        using var client = asked.Client;
        var email = asked.Email;
        var code = asked.Code;

        var page = await client.GetAsync("/account/login/code");

        Assert.Contains("It works for 7 minutes.", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("5 minutes", page.Text, StringComparison.Ordinal);
        await App.DeliverQueuedMailAsync();
        Assert.Contains("works for 7 minutes", Assert.Single(Mailbox.MailTo(email)).TextBody, StringComparison.Ordinal);

        App.Clock.Advance(TimeSpan.FromMinutes(6.5));
        Assert.Equal("/", (await EnterSignInCodeAsync(client, code)).RedirectPath);
    }

    [Fact]
    public async Task TheInvitationMailStatesTheConfiguredLifetime()
    {
        var email = UniqueEmail("invited");

        var created = await App.Get<Core.Accounts.AdminAccountService>().CreateAsync(await AdminActorAsync(), "Ivo Invited", email, Core.Accounts.Roles.Agent);

        Assert.True(created.Succeeded, created.Error);
        Assert.Contains("works for 7 minutes", (await Mailbox.WaitForMailAsync(email, "new ChatCrm account")).TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACodeFromTheConfiguredLifetimeExpiresAfterIt()
    {
        var asked = await AskedForSignInCodeAsync("exa");
        using var client = asked.Client;
        var code = asked.Code;

        App.Clock.Advance(TimeSpan.FromMinutes(7) + TimeSpan.FromSeconds(1));

        Assert.Contains("expired and no longer works", (await EnterSignInCodeAsync(client, code)).Text, StringComparison.Ordinal);
    }
}
