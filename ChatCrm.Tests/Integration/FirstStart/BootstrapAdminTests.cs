using System.Net;
using ChatCrm.Tests.Fixtures;

namespace ChatCrm.Tests.Integration.FirstStart;

/// <summary>Automated installs: the first Admin comes from ChatCrm:Bootstrap, and a bad one stops the start.</summary>
[Collection(FirstStartGroup.Name)]
public sealed class BootstrapAdminTests(SmtpServerFixture smtp) : AppProcessTestBase
{
    [Fact]
    public async Task BootstrapSettingsCreateAConfirmedAdminWhoCanSignIn()
    {
        var email = TestAddresses.New("bootstrap");
        var password = TestPasswords.New();
        var (app, _) = NewApp(new Dictionary<string, string?>(smtp.Settings)
        {
            ["ChatCrm:Bootstrap:AdminEmail"] = email,
            ["ChatCrm:Bootstrap:AdminPassword"] = password,
        });

        var output = await StartAsync(app);

        Assert.DoesNotContain("No admin exists yet", output, StringComparison.Ordinal);
        using var admin = app.CreateFormClient();
        Assert.Contains("Setup is done", (await admin.GetAsync("/setup")).Text, StringComparison.Ordinal);
        // Confirmed: the password step goes straight to the sign-in code, not to confirming the address.
        await admin.SignInAsync(email, password, () => smtp.Mailbox.WaitForCodeAsync(email, "sign-in code"));
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin/accounts")).Status);
    }

    [Fact]
    public async Task BootstrapPasswordThatBreaksTheRulesStopsTheStart()
    {
        var (app, _) = NewApp(new Dictionary<string, string?>(smtp.Settings)
        {
            ["ChatCrm:Bootstrap:AdminEmail"] = TestAddresses.New("weak-bootstrap"),
            ["ChatCrm:Bootstrap:AdminPassword"] = "password1234",
        });

        var exitCode = await app.StartExpectingExitAsync();

        Assert.NotEqual(0, exitCode);
        Assert.Contains("ChatCrm:Bootstrap could not create the first admin", app.Output, StringComparison.Ordinal);
        Assert.Contains("too common", app.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("No admin exists yet", app.Output, StringComparison.Ordinal);
    }
}
