using System.Net;
using ChatCrm.Core.Accounts;
using ChatCrm.Tests.Fixtures;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChatCrm.Tests.Integration.AccountPages;

/// <summary>
/// Addresses that pass a loose form check but that the mailer cannot use (EmailAddresses, MimeKit's parser): every
/// account form shows a message beside the field, answers 200 like any other form mistake, and writes nothing.
/// </summary>
[Collection(AccountPagesGroup.Name)]
public sealed class MailableAddressTests(SmtpServerFixture smtp) : AccountPagesTestBase(smtp)
{
    public static readonly TheoryData<string> Unmailable =
    [
        "x@x.test' --",
        "Ann Lee <ann@example.test>",
        "ann@example.test (Ann)",
        "<@relay.example.test:ann@example.test>",
        "ann@example.test, bob@example.test",
        "ann",
    ];

    [Theory]
    [MemberData(nameof(Unmailable))]
    public async Task SignUpWithAnAddressTheMailerCannotUseSaysSoByTheFieldAndStoresNothing(string address)
    {
        var before = await UserCountAsync();
        using var client = App.CreateFormClient();

        var page = await client.SubmitAsync("/account/register", "register", new()
        {
            ["Input.DisplayName"] = "Una Mailable",
            ["Input.Email"] = address,
            ["Input.Password"] = GoodPassword,
            ["Input.ConfirmPassword"] = GoodPassword,
        });

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Null(page.RedirectPath);
        // Beside the field (its ValidationMessage), not only in the status line.
        Assert.Contains($"class=\"account-error\">{WebUtility.HtmlEncode(EmailAddresses.InvalidMessage)}</div>", page.Html, StringComparison.Ordinal);
        Assert.Equal(before, await UserCountAsync());
    }

    [Theory]
    [InlineData("/account/login", "login")]
    [InlineData("/account/login/email", "login-email")]
    [InlineData("/account/forgot", "forgot")]
    public async Task EveryAnonymousFormThatTakesAnAddressRefusesOneTheMailerCannotUse(string path, string form)
    {
        using var client = App.CreateFormClient();
        foreach (var address in Unmailable)
        {
            var page = await client.SubmitAsync(path, form, new() { ["Input.Email"] = address, ["Input.Password"] = TestPasswords.New() });

            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Null(page.RedirectPath);
            Assert.Contains(EmailAddresses.InvalidMessage, page.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ChangingTheEmailToAnAddressTheMailerCannotUseIsRefusedAndNothingIsMailed()
    {
        var email = UniqueEmail("changer");
        await App.CreateUserAsync("Cam Changer", email, GoodPassword);
        using var client = await App.SignedInClientAsync(email, GoodPassword);
        await App.DeliverQueuedMailAsync();
        var mailsBefore = Mailbox.MailTo(email).Count;

        var page = await client.SubmitAsync("/account/manage/email", "email-new", new() { ["Input.Email"] = "x@x.test' --" });

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(EmailAddresses.InvalidMessage, page.Text, StringComparison.Ordinal);
        await App.DeliverQueuedMailAsync();
        Assert.Equal(mailsBefore, Mailbox.MailTo(email).Count);
    }

    [Fact]
    public async Task AnAdminCreatingAnAccountWithAnAddressTheMailerCannotUseIsRefusedAndNothingIsStored()
    {
        var admin = await AdminActorAsync();
        var before = await UserCountAsync();

        var results = new List<Core.Common.Result>();
        foreach (var address in Unmailable)
        {
            results.Add(await App.Get<AdminAccountService>().CreateAsync(admin, "Ivy Invalid", address, Roles.Agent));
        }

        Assert.All(results, r => Assert.Equal(EmailAddresses.InvalidMessage, r.Error));
        Assert.Equal(before, await UserCountAsync());
    }

    private async Task<int> UserCountAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().Users.CountAsync();
    }
}
