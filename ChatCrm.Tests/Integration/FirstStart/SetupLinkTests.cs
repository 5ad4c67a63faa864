using System.Net;
using System.Text.RegularExpressions;
using ChatCrm.Tests.Fixtures;

namespace ChatCrm.Tests.Integration.FirstStart;

/// <summary>
/// An empty database and no bootstrap settings: the only way to the first Admin is the setup link the console prints,
/// read from the console as the operator reads it.
/// </summary>
[Collection(FirstStartGroup.Name)]
public sealed partial class SetupLinkTests(SmtpServerFixture smtp) : AppProcessTestBase
{
    private static readonly string AdminPassword = TestPasswords.New();

    [Fact]
    public async Task SetupPageShowsTheFormOnlyForTheLinkThisStartPrinted()
    {
        var (app, _) = NewApp(smtp.Settings);
        var firstToken = SetupToken(await StartAsync(app));
        using (var client = app.CreateFormClient())
        {
            var bare = await client.GetAsync("/setup");
            Assert.Equal(HttpStatusCode.OK, bare.Status);
            Assert.Contains("Setup link needed", bare.Text, StringComparison.Ordinal);
            AssertNoSetupForm(bare);

            var wrong = await client.GetAsync($"/setup?token={new string('0', firstToken.Length)}");
            Assert.Contains("Setup link needed", wrong.Text, StringComparison.Ordinal);
            AssertNoSetupForm(wrong);

            var right = await client.GetAsync($"/setup?token={firstToken}");
            Assert.Contains("Create the first admin", right.Text, StringComparison.Ordinal);
        }

        // Still no admin: the next start prints a new link, and the old one is dead.
        var secondToken = SetupToken(await RestartAsync(app));
        Assert.NotEqual(firstToken, secondToken);
        using var afterRestart = app.CreateFormClient();
        var old = await afterRestart.GetAsync($"/setup?token={firstToken}");
        Assert.Contains("Setup link needed", old.Text, StringComparison.Ordinal);
        AssertNoSetupForm(old);
        Assert.Contains("Create the first admin", (await afterRestart.GetAsync($"/setup?token={secondToken}")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SetupLinkCreatesTheAdminOnceAndARestartPrintsNoNewLink()
    {
        var (app, _) = NewApp(smtp.Settings);
        var token = SetupToken(await StartAsync(app));
        var email = TestAddresses.New("first-admin");
        var setupPage = $"/setup?token={token}";

        using (var client = app.CreateFormClient())
        {
            // A password the rules refuse leaves the link usable.
            var weak = await client.SubmitAsync(setupPage, "setup", new()
            {
                ["Input.DisplayName"] = "Ada Admin",
                ["Input.Email"] = email,
                ["Input.Password"] = "password1234",
                ["token"] = token,
            });
            Assert.True(weak.Status == HttpStatusCode.OK && weak.RedirectPath is null, $"A refused password did not keep the form: {weak}");
            Assert.Contains("Create the first admin", weak.Text, StringComparison.Ordinal);
            Assert.Contains("That password is too common", weak.Text, StringComparison.Ordinal);

            var form = await client.FillFormAsync(setupPage, "setup", new()
            {
                ["Input.DisplayName"] = "Ada Admin",
                ["Input.Email"] = email,
                ["Input.Password"] = AdminPassword,
                ["token"] = token,
            });
            var created = await client.PostAsync(setupPage, form);
            Assert.True(created.RedirectPath == "/account/login", $"Setup did not go to sign-in: {created}");

            // The same link posted again (a replay, here for another address) creates nothing.
            var intruder = TestAddresses.New("second-admin");
            form["Input.Email"] = intruder;
            var replay = await client.PostAsync(setupPage, form);
            // The page no longer renders the form, so the server refuses the post for it.
            Assert.True(replay.Status == HttpStatusCode.BadRequest, $"A replayed setup post was not refused: {replay}");
            Assert.Contains("Setup is done", (await client.GetAsync(setupPage)).Text, StringComparison.Ordinal);
            var intruderSignIn = await client.SubmitAsync("/account/login", "login", new() { ["Input.Email"] = intruder, ["Input.Password"] = AdminPassword });
            Assert.Contains("Wrong email or password.", intruderSignIn.Text, StringComparison.Ordinal);
            Assert.Empty(smtp.Mailbox.MailTo(intruder));
        }

        using (var admin = app.CreateFormClient())
        {
            await admin.SignInAsync(email, AdminPassword, () => smtp.Mailbox.WaitForCodeAsync(email, "sign-in code"));
            Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin/accounts")).Status);
        }

        var restart = await RestartAsync(app);
        Assert.DoesNotContain("No admin exists yet", restart, StringComparison.Ordinal);
        using var later = app.CreateFormClient();
        var done = await later.GetAsync(setupPage);
        Assert.Contains("Setup is done", done.Text, StringComparison.Ordinal);
        AssertNoSetupForm(done);
    }

    private static string SetupToken(string startOutput)
    {
        var line = SetupLine().Matches(startOutput);
        Assert.True(line.Count == 1, $"Expected one setup line in the start's output, found {line.Count}:\n{startOutput}");
        return line[0].Groups["token"].Value;
    }

    private static void AssertNoSetupForm(PageResponse page)
    {
        Assert.DoesNotContain("name=\"token\"", page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("Create admin", page.Text, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"No admin exists yet\. Create one at /setup\?token=(?<token>[0-9a-f]+)")]
    private static partial Regex SetupLine();
}
