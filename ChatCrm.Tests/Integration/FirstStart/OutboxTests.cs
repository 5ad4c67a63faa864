using System.Net;
using ChatCrm.Tests.Fixtures;

namespace ChatCrm.Tests.Integration.FirstStart;

/// <summary>A first run without a mail server: code mails land as .eml files in the data folder's outbox.</summary>
public sealed class OutboxTests : AppProcessTestBase
{
    [Fact]
    public async Task WithoutAnSmtpHostTheCodeMailIsAnEmlFileInTheOutboxAndItsCodeWorks()
    {
        var email = TestAddresses.New("outbox-admin");
        var password = TestPasswords.New();
        var (app, data) = NewApp(new Dictionary<string, string?>
        {
            ["ChatCrm:Bootstrap:AdminEmail"] = email,
            ["ChatCrm:Bootstrap:AdminPassword"] = password,
            // The "written to the outbox" line is informational; show it to check the operator is told.
            ["Logging:LogLevel:ChatCrm.Core.Email"] = "Information",
        });
        await StartAsync(app);
        var outbox = new Outbox(Path.Combine(data, "outbox"));

        using var client = app.CreateFormClient();
        await client.SignInAsync(email, password, () => outbox.WaitForCodeAsync(email, "sign-in code"));

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/accounts")).Status);
        Assert.Contains($"No SMTP server configured: mail to {email}", app.Output, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(data, "outbox"), app.Output, StringComparison.Ordinal);
    }
}
