using System.Net;
using ChatCrm.Core.Accounts;
using ChatCrm.Tests.Fixtures;
using ChatCrm.Tests.Integration.AccountPages;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace ChatCrm.Tests.Integration.Infrastructure;

/// <summary>
/// Every answer carries the strict headers (ChatCrm.Web/Infrastructure/SecurityHeaders): pages, files, /health, the
/// error and status-code pages, and answers cut short by anti-forgery or the rate limiter.
/// </summary>
[Collection(AccountPagesGroup.Name)]
public sealed class SecurityHeadersTests : AccountPagesTestBase
{
    private readonly SmtpServerFixture _smtp;

    public SecurityHeadersTests(SmtpServerFixture smtp) : base(smtp) => _smtp = smtp;

    [Theory]
    [InlineData("/account/login", HttpStatusCode.OK)]
    [InlineData("/health", HttpStatusCode.OK)]
    [InlineData("/app.css", HttpStatusCode.OK)]
    [InlineData("/favicon.svg", HttpStatusCode.OK)]
    [InlineData("/_framework/blazor.web.js", HttpStatusCode.OK)]
    [InlineData("/theme/light.css", HttpStatusCode.OK)]
    [InlineData("/no-such-page", HttpStatusCode.NotFound)]
    [InlineData("/files/avatars/0199e000-0000-7000-8000-000000000000", HttpStatusCode.Found)] // signed out: to sign-in
    public async Task AnonymousAnswersCarryTheStrictHeaders(string path, HttpStatusCode expected)
    {
        using var client = App.CreateFormClient();
        using var response = await client.Http.GetAsync(path);

        Assert.Equal(expected, response.StatusCode);
        AssertStrictHeaders(response);
    }

    [Fact]
    public async Task AvatarsAndSignedInPagesCarryTheStrictHeaders()
    {
        using var admin = await App.SignedInClientAsync(App.AdminEmail, ChatCrmAppFactory.AdminPassword);
        var adminId = await AdminIdAsync();
        await App.Get<ProfileService>().SetAvatarAsync(new Actor(adminId, Roles.Admin), new MemoryStream(TestImages.Png(8, 8)));

        foreach (var (path, expected) in new[]
        {
            ($"/files/avatars/{adminId}", HttpStatusCode.OK),
            ($"/files/avatars/{Guid.CreateVersion7()}", HttpStatusCode.NotFound),
            ($"/files/chat/{Guid.CreateVersion7()}", HttpStatusCode.NotFound),
            ("/", HttpStatusCode.OK),
            ("/admin/accounts", HttpStatusCode.OK),
        })
        {
            using var response = await admin.Http.GetAsync(path);
            Assert.True(expected == response.StatusCode, $"GET {path} answered {(int)response.StatusCode}");
            AssertStrictHeaders(response);
        }
    }

    [Fact]
    public async Task AFormRejectedByAntiforgeryCarriesTheStrictHeaders()
    {
        using var client = App.CreateFormClient();
        await client.GetAsync("/account/login");
        using var forged = await client.Http.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["_handler"] = "login" }));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        AssertStrictHeaders(forged);
    }

    [Fact]
    public async Task AFormPostStoppedByTheRateLimiterCarriesTheStrictHeaders()
    {
        using var limited = new ChatCrmAppFactory(_smtp, new Dictionary<string, string?> { ["ChatCrm:Accounts:AccountPostsPerIpPerMinute"] = "1" });
        using var client = limited.CreateFormClient();
        var fields = new Dictionary<string, string> { ["Input.Email"] = "nobody@example.test", ["Input.Password"] = TestPasswords.New() };
        await client.SubmitAsync("/account/login", "login", fields);

        using var content = new FormUrlEncodedContent(await client.FillFormAsync("/account/login", "login", fields));
        using var refused = await client.Http.PostAsync("/account/login", content);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        AssertStrictHeaders(refused);
    }

    [Fact]
    public async Task HstsIsSentOverHttpsOnlyOutsideDevelopment()
    {
        // The factory runs as Production. localhost is left out by default (a developer's machine), so ask by name.
        using var https = App.CreateDefaultClient(new Uri("https://chatcrm.example.test"));
        using var http = App.CreateDefaultClient(new Uri("http://chatcrm.example.test"));

        using var secure = await https.GetAsync("/account/login");
        using var plain = await http.GetAsync("/account/login");

        Assert.StartsWith("max-age=", Assert.Single(secure.Headers.GetValues("Strict-Transport-Security")), StringComparison.Ordinal);
        Assert.False(plain.Headers.Contains("Strict-Transport-Security"));
    }

    internal static void AssertStrictHeaders(HttpResponseMessage response)
    {
        var where = $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.PathAndQuery} ({(int)response.StatusCode})";
        Assert.True(Header(response, "X-Content-Type-Options") == "nosniff", $"{where}: no nosniff");
        var csp = Header(response, "Content-Security-Policy");
        Assert.True(csp is not null, $"{where}: no Content-Security-Policy");
        Assert.Contains("script-src 'self';", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.Contains("frame-ancestors 'self'", csp);
        Assert.Contains("object-src 'none'", csp);
        Assert.True(Header(response, "Referrer-Policy") == "same-origin", $"{where}: no Referrer-Policy");
        Assert.Contains("camera=()", Header(response, "Permissions-Policy") ?? "");
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : null;
}
