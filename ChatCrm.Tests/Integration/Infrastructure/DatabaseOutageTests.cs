using System.Net;
using ChatCrm.Tests.Fixtures;
using ChatCrm.Tests.Integration.PostgreSql;

namespace ChatCrm.Tests.Integration.Infrastructure;

/// <summary>
/// The database going down while people are signed in: pages answer a friendly 503 (not a 500, no stack trace),
/// /health answers 503, nobody is signed out, and the app recovers by itself when the database is back.
/// </summary>
[Collection(PostgreSqlAppGroup.Name)]
public sealed class DatabaseOutageTests(SmtpServerFixture smtp)
{
    private const string OutageText = "ChatCrm cannot reach its database; nothing you saved is lost";

    [Fact]
    public async Task WhileTheDatabaseIsDownPagesAnswerAFriendly503AndTheAppRecoversWithoutSigningAnyoneOut()
    {
        // A cluster of this test's own: stopping it must not pull the database from under other tests.
        using var postgres = new PostgresFixture();
        await postgres.InitializeAsync();
        using var app = new ChatCrmAppFactory(smtp, await postgres.SettingsAsync());
        using var admin = await app.SignedInClientAsync(app.AdminEmail, ChatCrmAppFactory.AdminPassword);
        using var monitor = app.CreateFormClient();
        // The same person over HTTPS by a host name (HSTS leaves localhost out): the error page keeps HSTS too.
        using var secure = app.CreateFormClient(baseAddress: new Uri("https://chatcrm.example.test"));
        app.Clock.Advance(TimeSpan.FromSeconds(61)); // past the resend cooldown of the first sign-in
        await secure.SignInAsync(app.AdminEmail, ChatCrmAppFactory.AdminPassword,
            () => app.Mailbox.WaitForCodeAsync(app.AdminEmail, "sign-in code"));
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin/accounts")).Status);

        postgres.Stop();
        try
        {
            foreach (var path in new[] { "/admin/accounts", "/", "/leads", "/no-such-page" })
            {
                using var response = await admin.Http.GetAsync(path);
                var page = await PageResponse.ReadAsync(response);
                Assert.True(page.Status == HttpStatusCode.ServiceUnavailable, $"GET {path} while the database is down: {page}");
                Assert.Contains(OutageText, page.Text, StringComparison.Ordinal);
                Assert.DoesNotContain("Exception", page.Html, StringComparison.Ordinal);
                Assert.DoesNotContain(" at ChatCrm", page.Html, StringComparison.Ordinal);
                // An outage signs nobody out: the sign-in cookie is neither cleared nor replaced.
                Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("ChatCrm.Auth", StringComparison.Ordinal)),
                    $"GET {path} touched the sign-in cookie while the database was down");
                SecurityHeadersTests.AssertStrictHeaders(response);
            }
            using (var secureOutage = await secure.Http.GetAsync("/admin/accounts"))
            {
                Assert.Equal(HttpStatusCode.ServiceUnavailable, secureOutage.StatusCode);
                Assert.StartsWith("max-age=", Assert.Single(secureOutage.Headers.GetValues("Strict-Transport-Security")), StringComparison.Ordinal);
            }
            var health = await monitor.GetAsync("/health");
            Assert.Equal((HttpStatusCode.ServiceUnavailable, "Unhealthy"), (health.Status, health.Text));
        }
        finally
        {
            postgres.Restart();
        }

        // Back without restarting the app: the same cookie works again (the first requests may still meet connections
        // the pool held from before the outage, so allow a few seconds).
        var deadline = DateTime.UtcNow.AddSeconds(30);
        PageResponse again;
        while ((again = await admin.GetAsync("/admin/accounts")).Status != HttpStatusCode.OK && DateTime.UtcNow < deadline)
            await Task.Delay(250);
        Assert.True(again.Status == HttpStatusCode.OK, $"After the database came back: {again}");
        // Still signed in: the shell's account menu. (The page body of an account that has no time zone yet waits for
        // the live page, Shared/ReaderZone, so the shell is what a prerendered page reliably shows here.)
        Assert.Contains("Sign out", again.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await monitor.GetAsync("/health")).Status);
    }
}
