using ChatCrm.Core.Email;
using ChatCrm.Tests.Fixtures;

namespace ChatCrm.Tests.Integration.Email;

/// <summary>
/// The app's mail (MimeKit messages through MailKit) against the real SMTP server: what a person reads must be exactly
/// what the template wrote, accents, long lines and all, as text and HTML alternatives.
/// </summary>
[Collection(SmtpServerGroup.Name)]
public sealed class MailDeliveryTests(SmtpServerFixture smtp) : IAsyncLifetime
{
    private CoreServices _core = null!;

    public async Task InitializeAsync() => _core = await CoreServices.StartAsync(smtp);

    public async Task DisposeAsync() => await _core.DisposeAsync();

    [Fact]
    public async Task TextAndHtmlArriveAsWritten()
    {
        var to = TestAddresses.New("zoe");
        var longLine = string.Join(' ', Enumerable.Repeat("Ångström café naïve ✓", 12));
        var message = EmailTemplates.Build(to, "Zoë’s welcome — ✓", "Zoë Ångström", [longLine, "Your code:"], "042917");

        await _core.Get<MailOutbox>().SendAsync(message);
        var mail = await smtp.Mailbox.WaitForMailAsync(to);

        Assert.Equal("Zoë’s welcome — ✓", mail.Subject);
        Assert.Equal(message.TextBody.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd(), mail.TextBody.TrimEnd());
        Assert.Equal(message.HtmlBody, mail.HtmlBody?.TrimEnd());
        Assert.Equal("042917", Mailbox.ExtractCode(mail));
        Assert.EndsWith("@chatcrm.local", mail.MessageId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EachMailIsHandedOutOnceInTheOrderSent()
    {
        var to = TestAddresses.New("queue");
        var sender = _core.Get<MailOutbox>();
        foreach (var n in new[] { "first", "second" }) await sender.SendAsync(EmailTemplates.Build(to, n, "Q", ["Hi."]));

        Assert.Equal("first", (await smtp.Mailbox.WaitForMailAsync(to)).Subject);
        Assert.Equal("second", (await smtp.Mailbox.WaitForMailAsync(to)).Subject);
        await Assert.ThrowsAsync<TimeoutException>(() => smtp.Mailbox.WaitForMailAsync(to, timeout: TimeSpan.FromMilliseconds(200)));
        await _core.DeliverQueuedMailAsync();
        Assert.Equal(2, smtp.Mailbox.MailTo(to).Count);
    }
}
