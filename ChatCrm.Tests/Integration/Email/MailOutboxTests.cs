using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using ChatCrm.Core.Accounts;
using ChatCrm.Core.Email;
using ChatCrm.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace ChatCrm.Tests.Integration.Email;

/// <summary>
/// The mail queue when the mail server is not well: down, slow, refusing for now or for good. Nothing queued is lost,
/// nobody waits on SMTP, and a refusal for good is not retried.
/// </summary>
[Collection(SmtpServerGroup.Name)]
public sealed class MailOutboxTests(SmtpServerFixture smtp, ITestOutputHelper output)
{
    /// <summary>A first retry after 27-33 s of the test clock, which the tests move on by a minute to reach it.</summary>
    private static readonly Dictionary<string, string?> QuickRetries = new()
    {
        ["ChatCrm:Email:Outbox:RetryBaseSeconds"] = "30",
        ["ChatCrm:Email:Outbox:PollSeconds"] = "1",
    };

    [Fact]
    public async Task WhileTheMailServerIsDownCodesWaitInTheQueueAndEachGoesOutOnceWhenItIsBack()
    {
        // A server of this test's own, since it stops it.
        using var server = new SmtpServerFixture();
        await server.InitializeAsync();
        await using var core = await CoreServices.StartAsync(server, QuickRetries);
        var people = new List<AppUser>();
        for (var i = 0; i < 5; i++) people.Add(await core.CreateUserAsync($"Person {i}", TestAddresses.New($"down{i}"), TestPasswords.New()));
        server.Stop();

        var replies = new List<TimeSpan>();
        foreach (var person in people)
        {
            var watch = Stopwatch.StartNew();
            var reply = await core.Get<AccountFlows>().RequestPasswordResetAsync(person.Email!, "203.0.113.40");
            replies.Add(watch.Elapsed);
            Assert.Equal(SignInStatus.CodeSent, reply.Status);
        }
        await core.DeliverQueuedMailAsync();
        var waiting = await core.WithDbAsync(db => db.OutboxMails.AsNoTracking().ToListAsync());
        output.WriteLine($"SMTP down: 5 reset requests answered in {string.Join(", ", replies.Select(r => $"{r.TotalMilliseconds:0} ms"))}; " +
                         $"queue: {string.Join(", ", waiting.Select(m => $"{m.Status}/{m.Attempts} tries"))}; last error: {waiting.First(m => m.LastError is not null).LastError}");
        Assert.All(replies, r => Assert.True(r < TimeSpan.FromSeconds(2), $"A reply waited {r.TotalMilliseconds:0} ms on the mail server."));
        Assert.Equal(5, waiting.Count);
        Assert.All(waiting, m => Assert.Equal(OutboxStatus.Waiting, m.Status));
        Assert.Contains(waiting, m => m.Attempts >= 1 && !string.IsNullOrEmpty(m.LastError));
        Assert.All(people, p => Assert.Empty(server.Mailbox.MailTo(p.Email!)));

        await server.RestartAsync();
        // Past the sender's pause (at most two failed passes: about a minute), within the codes' five minutes.
        core.Clock.Advance(TimeSpan.FromMinutes(2));
        await core.DeliverQueuedMailAsync();

        foreach (var person in people)
        {
            var mail = Assert.Single(server.Mailbox.MailTo(person.Email!));
            var code = Mailbox.ExtractCode(mail);
            Assert.True((await core.Get<AccountFlows>().ResetPasswordAsync(person.Email!, code, TestPasswords.New())).Succeeded);
        }
        var sent = await core.WithDbAsync(db => db.OutboxMails.AsNoTracking().ToListAsync());
        Assert.All(sent, m => Assert.Equal((OutboxStatus.Sent, "", ""), (m.Status, m.TextBody, m.HtmlBody)));
    }

    [Fact]
    public async Task AServerThatNeverAnswersTimesOutAndTheMailIsTriedAgainLater()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var accepted = new List<TcpClient>();
        var accepting = AcceptForeverAsync(silent, accepted);
        var settings = new Dictionary<string, string?>(QuickRetries)
        {
            ["ChatCrm:Email:Smtp:Host"] = "127.0.0.1",
            ["ChatCrm:Email:Smtp:Port"] = ((IPEndPoint)silent.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ChatCrm:Email:Smtp:StartTls"] = "false",
            ["ChatCrm:Email:Smtp:TimeoutSeconds"] = "1",
        };
        await using var core = await CoreServices.StartAsync(settings: settings);
        var to = TestAddresses.New("slow");

        var watch = Stopwatch.StartNew();
        await core.Get<MailOutbox>().SendAsync(EmailTemplates.Build(to, "Slow", "Sam", ["Hi."]));
        var queuedIn = watch.Elapsed;
        await core.DeliverQueuedMailAsync(TimeSpan.FromSeconds(20));

        var mail = await core.WithDbAsync(db => db.OutboxMails.AsNoTracking().SingleAsync());
        output.WriteLine($"Silent server: queued in {queuedIn.TotalMilliseconds:0} ms; after the timeout: {mail.Status}, {mail.Attempts} tries, {mail.LastError}");
        Assert.True(queuedIn < TimeSpan.FromSeconds(1));
        Assert.Equal((OutboxStatus.Waiting, 1), (mail.Status, mail.Attempts));
        Assert.Contains("Timeout", mail.LastError, StringComparison.OrdinalIgnoreCase);
        silent.Stop();
        await accepting;
        foreach (var client in accepted) client.Dispose();
    }

    [Fact]
    public async Task ARecipientRefusedForGoodFailsAtOnceAndOneRefusedForNowIsTriedAgain()
    {
        await using var core = await CoreServices.StartAsync(smtp, QuickRetries);
        var outbox = core.Get<MailOutbox>();
        var refused = TestAddresses.New(SmtpServerFixture.RefusedPrefix + "gone");
        var later = TestAddresses.New(SmtpServerFixture.LaterPrefix + "grey");
        var fine = TestAddresses.New("fine");

        foreach (var to in new[] { refused, later, fine }) await outbox.SendAsync(EmailTemplates.Build(to, "Hello", "You", ["Hi."]));
        await core.DeliverQueuedMailAsync();

        var mails = (await core.WithDbAsync(db => db.OutboxMails.AsNoTracking().ToListAsync())).ToDictionary(m => m.To);
        Assert.Equal((OutboxStatus.Failed, 1), (mails[refused].Status, mails[refused].Attempts));
        Assert.Contains("550", mails[refused].LastError, StringComparison.Ordinal);
        Assert.Equal((OutboxStatus.Waiting, 1), (mails[later].Status, mails[later].Attempts));
        Assert.Contains("451", mails[later].LastError, StringComparison.Ordinal);
        Assert.Equal(OutboxStatus.Sent, mails[fine].Status);
        Assert.Single(smtp.Mailbox.MailTo(fine));

        // The next try comes after its delay; the refusal for good is never tried again.
        core.Clock.Advance(TimeSpan.FromMinutes(1));
        await core.DeliverQueuedMailAsync();
        mails = (await core.WithDbAsync(db => db.OutboxMails.AsNoTracking().ToListAsync())).ToDictionary(m => m.To);
        Assert.Equal((OutboxStatus.Failed, 1), (mails[refused].Status, mails[refused].Attempts));
        Assert.Equal((OutboxStatus.Waiting, 2), (mails[later].Status, mails[later].Attempts));
    }

    [Fact]
    public async Task AMailStillRefusedAfterTheLastTryIsFailedAndAnAdminCanQueueItAgain()
    {
        var settings = new Dictionary<string, string?>(QuickRetries) { ["ChatCrm:Email:Outbox:MaxAttempts"] = "2" };
        await using var core = await CoreServices.StartAsync(smtp, settings);
        var admin = new Actor((await core.CreateUserAsync("Ada Admin", TestAddresses.New("ada"), null, Roles.Admin)).Id, Roles.Admin);
        var agent = new Actor((await core.CreateUserAsync("Alex Agent", TestAddresses.New("alex"), null, Roles.Agent)).Id, Roles.Agent);
        var later = TestAddresses.New(SmtpServerFixture.LaterPrefix + "twice");
        await core.Get<MailOutbox>().SendAsync(EmailTemplates.Build(later, "Try twice", "You", ["Hi."]));
        await core.DeliverQueuedMailAsync();
        core.Clock.Advance(TimeSpan.FromMinutes(1));
        await core.DeliverQueuedMailAsync();

        var queue = core.Get<MailOutboxAdmin>();
        var counts = await queue.CountsAsync(admin);
        var failed = Assert.Single((await queue.ListAsync(admin, OutboxStatus.Failed, new(0, 50))).Items);
        Assert.Equal((1, later, 2), (counts[OutboxStatus.Failed], failed.To, failed.Attempts));
        Assert.Contains("451", failed.LastError, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ChatCrm.Core.Common.ForbiddenException>(() => queue.ListAsync(agent, null, new(0, 50)));
        await Assert.ThrowsAsync<ChatCrm.Core.Common.ForbiddenException>(() => queue.RetryAsync(agent, failed.Id));

        Assert.True((await queue.RetryAsync(admin, failed.Id)).Succeeded);
        Assert.False((await queue.RetryAsync(admin, failed.Id)).Succeeded); // no longer failed
        await core.DeliverQueuedMailAsync();
        var retried = Assert.Single((await queue.ListAsync(admin, null, new(0, 50, later))).Items);
        Assert.Equal((OutboxStatus.Waiting, 1), (retried.Status, retried.Attempts));
    }

    [Fact]
    public async Task ACodeMailIsQueuedOnlyWithItsCode()
    {
        await using var core = await CoreServices.StartAsync(smtp);
        var codes = core.Get<EmailCodeService>();
        var person = await core.CreateUserAsync("Cody", TestAddresses.New("cody"), null);

        // A code for an account deleted a moment ago cannot be saved (its user is gone): its mail goes nowhere either.
        await Assert.ThrowsAsync<DbUpdateException>(() => codes.IssueAsync(Guid.NewGuid(), CodePurpose.SignIn, person.Email!,
            code => EmailTemplates.Build(person.Email!, "Your code", "Cody", ["Your code:"], code)));
        Assert.Equal(0, await core.WithDbAsync(db => db.OutboxMails.CountAsync()));

        await codes.IssueAsync(person.Id, CodePurpose.SignIn, person.Email!, code => EmailTemplates.Build(person.Email!, "Your code", "Cody", ["Your code:"], code));
        var code = Mailbox.ExtractCode(await smtp.Mailbox.WaitForMailAsync(person.Email!));
        Assert.True((await codes.VerifyAsync(person.Id, CodePurpose.SignIn, code)).IsValid);
    }

    [Fact]
    public async Task SentMailKeepsNoBodyAndLeavesTheListAfterItsRetention()
    {
        var settings = new Dictionary<string, string?> { ["ChatCrm:Email:Outbox:SentRetentionDays"] = "1" };
        await using var core = await CoreServices.StartAsync(smtp, settings);
        var to = TestAddresses.New("kept");
        await core.Get<MailOutbox>().SendAsync(EmailTemplates.Build(to, "Your code", "Kim", ["Your code:"], "123456"));
        await core.DeliverQueuedMailAsync();

        var sent = await core.WithDbAsync(db => db.OutboxMails.AsNoTracking().SingleAsync());
        Assert.Equal((OutboxStatus.Sent, to, "", ""), (sent.Status, sent.To, sent.TextBody, sent.HtmlBody));

        core.Clock.Advance(TimeSpan.FromDays(2));
        await core.Get<MailDeliveryWorker>().RunDueAsync(CancellationToken.None);
        Assert.Equal(0, await core.WithDbAsync(db => db.OutboxMails.CountAsync()));
    }

    private static async Task AcceptForeverAsync(TcpListener listener, List<TcpClient> accepted)
    {
        try
        {
            while (true) accepted.Add(await listener.AcceptTcpClientAsync());
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException or InvalidOperationException)
        {
            // Stopped by the test.
        }
    }
}
