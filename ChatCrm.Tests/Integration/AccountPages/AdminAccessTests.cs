using System.Net;
using ChatCrm.Core.Accounts;
using ChatCrm.Core.Common;
using ChatCrm.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace ChatCrm.Tests.Integration.AccountPages;

[Collection(AccountPagesGroup.Name)]
public sealed class AdminAccessTests(SmtpServerFixture smtp) : AccountPagesTestBase(smtp)
{
    public static TheoryData<string> AdminPages => ["/admin/accounts", "/admin/accounts/new"];

    [Theory]
    [MemberData(nameof(AdminPages))]
    public async Task AgentAndClientGet403OnAdminPages(string path)
    {
        foreach (var role in new[] { Roles.Agent, Roles.Client })
        {
            var email = UniqueEmail(role.ToLowerInvariant());
            await App.CreateUserAsync($"Not An Admin {role}", email, GoodPassword, role);
            using var client = await App.SignedInClientAsync(email, GoodPassword);
            var page = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.Forbidden, page.Status);
            Assert.Contains("Not allowed", page.Text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(AdminPages))]
    public async Task AnonymousIsSentToSignInAndAdminGetsThePage(string path)
    {
        using var anonymous = App.CreateFormClient();
        Assert.Equal("/account/login", (await anonymous.GetAsync(path)).RedirectPath);
        using var admin = await App.SignedInClientAsync(App.AdminEmail, ChatCrmAppFactory.AdminPassword);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(path)).Status);
    }

    [Fact]
    public async Task EveryAdminActionRefusesANonAdminCaller()
    {
        var target = await App.CreateUserAsync("Tina Target", UniqueEmail("target"), GoodPassword);
        var admin = App.Get<AdminAccountService>();
        foreach (var role in new[] { Roles.Agent, Roles.Client })
        {
            var caller = new Actor(Guid.NewGuid(), role);
            var actions = new Func<Task>[]
            {
                () => admin.ListAsync(caller, new PageRequest(0, 10)),
                () => admin.CreateAsync(caller, "X", UniqueEmail("x"), Roles.Admin),
                () => admin.SetRoleAsync(caller, target.Id, Roles.Admin),
                () => admin.LockAsync(caller, target.Id),
                () => admin.UnlockAsync(caller, target.Id),
                () => admin.EndSessionsAsync(caller, target.Id),
                () => admin.DeleteAsync(caller, target.Id),
            };
            foreach (var action in actions) await Assert.ThrowsAsync<ForbiddenException>(action);
        }
    }

    [Fact]
    public async Task AnInvitedPersonChoosesAPasswordWithTheCodeFromTheInvitation()
    {
        var admin = new Actor((await App.Get<ProfileService>().GetViewAsync(await AdminIdAsync()))!.Id, Roles.Admin);
        var email = UniqueEmail("invited");
        Assert.True((await App.Get<AdminAccountService>().CreateAsync(admin, "Ivy Invited", email, Roles.Agent)).Succeeded);
        var invitation = await Mailbox.WaitForMailAsync(email, "Your new ChatCrm account");

        var chosenPassword = TestPasswords.New();
        using var client = App.CreateFormClient();
        var set = await client.SubmitAsync("/account/reset", "reset", new()
        {
            ["Input.Email"] = email,
            ["Input.Code"] = Mailbox.ExtractCode(invitation),
            ["Input.Password"] = chosenPassword,
        });
        Assert.Equal("/account/login", set.RedirectPath);
        using var signedIn = await App.SignedInClientAsync(email, chosenPassword);
        Assert.Equal(HttpStatusCode.OK, (await signedIn.GetAsync("/leads")).Status);
    }
}
