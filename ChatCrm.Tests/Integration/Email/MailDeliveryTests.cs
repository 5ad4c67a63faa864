using System.Net.Mail;
using System.Net.Mime;
using System.Text;
using ChatCrm.Core.Email;
using ChatCrm.Tests.Fixtures;

namespace ChatCrm.Tests.Integration.Email;

/// <summary>
/// The app's mail sender against the real SMTP server, and the test mailbox's decoding with it: what a person reads
/// must be exactly what the template wrote, accents, long lines and all.
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

        await _core.Get<IEmailSender>().SendAsync(message);
        var mail = await smtp.Mailbox.WaitForMailAsync(to);

        Assert.Equal("Zoë’s welcome — ✓", mail.Subject);
        Assert.Equal(message.TextBody.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd(), mail.TextBody.TrimEnd());
        Assert.Equal(message.HtmlBody, mail.HtmlBody?.TrimEnd());
        Assert.Equal("042917", Mailbox.ExtractCode(mail));
    }

    [Fact]
    public async Task EachMailIsHandedOutOnceInTheOrderSent()
    {
        var to = TestAddresses.New("queue");
        var sender = _core.Get<IEmailSender>();
        foreach (var n in new[] { "first", "second" }) await sender.SendAsync(EmailTemplates.Build(to, n, "Q", ["Hi."]));

        Assert.Equal("first", (await smtp.Mailbox.WaitForMailAsync(to)).Subject);
        Assert.Equal("second", (await smtp.Mailbox.WaitForMailAsync(to)).Subject);
        await Assert.ThrowsAsync<TimeoutException>(() => smtp.Mailbox.WaitForMailAsync(to, timeout: TimeSpan.FromMilliseconds(200)));
        Assert.Equal(2, smtp.Mailbox.MailTo(to).Count);
    }

    [Fact]
    public async Task QuotedPrintablePartsDecodeToo()
    {
        // The app's sender happens to choose base64; a mail with quoted-printable parts keeps that path of the
        // mailbox honest for whoever sends differently.
        var to = TestAddresses.New("qp");
        var text = "Grüße aus Köln: " + string.Join(' ', Enumerable.Repeat("equals = sign, tab\there", 8)) + "\nCode: 314159\n";
        using var mail = new MailMessage("sender@example.test", to) { Subject = "Quoted" };
        mail.AlternateViews.Add(View(text, MediaTypeNames.Text.Plain));
        mail.AlternateViews.Add(View("<p>Grüße</p>", MediaTypeNames.Text.Html));
        using (var client = new SmtpClient(SmtpServerFixture.Host, smtp.Port)) await client.SendMailAsync(mail);

        var received = await smtp.Mailbox.WaitForMailAsync(to);

        Assert.Equal(text, received.TextBody);
        Assert.Equal("<p>Grüße</p>", received.HtmlBody);
        Assert.Equal("314159", Mailbox.ExtractCode(received));
    }

    private static AlternateView View(string content, string mediaType)
    {
        var view = AlternateView.CreateAlternateViewFromString(content, Encoding.UTF8, mediaType);
        view.TransferEncoding = TransferEncoding.QuotedPrintable;
        return view;
    }
}
