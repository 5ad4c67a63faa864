using System.Net;
using ChatCrm.Tests.Fixtures;

namespace ChatCrm.Tests.Integration.AccountPages;

[Collection(AccountPagesGroup.Name)]
public sealed class AntiforgeryAndHealthTests(SmtpServerFixture smtp) : AccountPagesTestBase(smtp)
{
    [Theory]
    [InlineData("/account/login", "login")]
    [InlineData("/account/register", "register")]
    [InlineData("/account/login/email", "login-email")]
    public async Task APostWithoutTheAntiforgeryTokenIsRejected(string path, string formName)
    {
        using var client = App.CreateFormClient();
        await client.GetAsync(path); // has the anti-forgery cookie, but a forged form has no token
        var forged = await client.PostAsync(path, new() { ["_handler"] = formName, ["Input.Email"] = "victim@example.test", ["Input.Password"] = TestPasswords.New() });
        Assert.Equal(HttpStatusCode.BadRequest, forged.Status);
        await App.DeliverQueuedMailAsync();
        Assert.Empty(Mailbox.MailTo("victim@example.test"));
    }

    [Fact]
    public async Task SignOutWithoutTheTokenIsRejected()
    {
        using var client = await App.SignedInClientAsync(App.AdminEmail, ChatCrmAppFactory.AdminPassword);
        var forged = await client.PostAsync("/account/logout", new() { ["returnUrl"] = "/" });
        Assert.Equal(HttpStatusCode.BadRequest, forged.Status);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).Status);
    }

    [Theory]
    [InlineData("/account/login", "login")]
    [InlineData("/account/register", "register")]
    public async Task AFormPostedAsUtf7Answers415NotA500(string path, string formName)
    {
        using var client = App.CreateFormClient();
        var form = await client.FillFormAsync(path, formName, new() { ["Input.Email"] = "+ADw-script+AD4-@example.test" });
        using var content = new FormUrlEncodedContent(form);
        content.Headers.ContentType!.CharSet = "utf-7";

        using var response = await client.Http.PostAsync(path, content);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task HealthIs200WhenTheDatabaseAnswers()
    {
        using var client = App.CreateFormClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).Status);
    }

    [Fact]
    public async Task BlazorScriptIsServed()
    {
        using var client = App.CreateFormClient();
        var script = await client.Http.GetAsync("/_framework/blazor.web.js");
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
        Assert.True((await script.Content.ReadAsByteArrayAsync()).Length > 100_000);
    }
}
