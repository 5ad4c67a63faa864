using System.Net;
using ChatCrm.Core.Campaigns;
using ChatCrm.Core.Leads;
using ChatCrm.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Tests.Integration.Campaigns;

/// <summary>The anonymous unsubscribe page through HTTP, as a person opening the link from a campaign mail.</summary>
[Collection(SmtpServerGroup.Name)]
public sealed class UnsubscribePageTests(SmtpServerFixture smtp) : IDisposable
{
    private readonly ChatCrmAppFactory _app = new(smtp);

    private Task<Lead> LeadAsync(string name) => CampaignArrange.LeadAsync(_app.Services, name);

    private Task<DateTimeOffset?> UnsubscribedAtAsync(Guid leadId) =>
        CampaignArrange.WithDbAsync(_app.Services, db => db.Leads.Where(l => l.Id == leadId).Select(l => l.UnsubscribedAt).SingleAsync());

    [Fact]
    public async Task TheLinkShowsAConfirmPageAndThePostUnsubscribes()
    {
        var lead = await LeadAsync("Page Lead");
        var link = $"/unsubscribe?lead={lead.Id}&token={_app.Get<UnsubscribeTokens>().TokenFor(lead.Id)}";
        using var client = _app.CreateFormClient();

        var page = await client.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Stop getting campaign mails", page.Text);
        Assert.Null(await UnsubscribedAtAsync(lead.Id)); // opening the link alone changes nothing

        var done = await client.SubmitAsync(link, "unsubscribe", new() { ["Input.Lead"] = lead.Id.ToString(), ["Input.Token"] = _app.Get<UnsubscribeTokens>().TokenFor(lead.Id) });
        Assert.Equal(HttpStatusCode.OK, done.Status);
        Assert.Contains("You will get no more campaign mails", done.Text);
        Assert.NotNull(await UnsubscribedAtAsync(lead.Id));
    }

    [Fact]
    public async Task ABadTokenGetsAClearMessageAndChangesNothing()
    {
        var lead = await LeadAsync("Guarded Lead");
        var other = await LeadAsync("Other Lead");
        var othersToken = _app.Get<UnsubscribeTokens>().TokenFor(other.Id);
        using var client = _app.CreateFormClient();

        foreach (var link in new[] { $"/unsubscribe?lead={lead.Id}&token={othersToken}", $"/unsubscribe?lead={lead.Id}&token=abc", "/unsubscribe", "/unsubscribe?lead=x&token=y" })
        {
            var page = await client.GetAsync(link);
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Contains("This unsubscribe link is not valid", page.Text);
        }

        // A form filled from a good page but carrying another lead's token is refused the same way.
        var tampered = await client.SubmitAsync($"/unsubscribe?lead={other.Id}&token={othersToken}", "unsubscribe",
            new() { ["Input.Lead"] = lead.Id.ToString(), ["Input.Token"] = othersToken });
        Assert.Equal(HttpStatusCode.OK, tampered.Status);
        Assert.Contains("not valid", tampered.Text);
        Assert.Null(await UnsubscribedAtAsync(lead.Id));
        Assert.Null(await UnsubscribedAtAsync(other.Id));
    }

    [Fact]
    public async Task APostWithoutTheAntiforgeryTokenIsRejected()
    {
        var lead = await LeadAsync("Forged Lead");
        var token = _app.Get<UnsubscribeTokens>().TokenFor(lead.Id);
        using var client = _app.CreateFormClient();
        await client.GetAsync($"/unsubscribe?lead={lead.Id}&token={token}");
        var forged = await client.PostAsync("/unsubscribe", new() { ["_handler"] = "unsubscribe", ["Input.Lead"] = lead.Id.ToString(), ["Input.Token"] = token });
        Assert.Equal(HttpStatusCode.BadRequest, forged.Status);
        Assert.Null(await UnsubscribedAtAsync(lead.Id));
    }

    [Fact]
    public async Task AChatDigestLinkStopsDigestMailsForItsPersonAndNoOneElse()
    {
        var bea = await _app.CreateUserAsync("Bea Digest", TestAddresses.New("bea"), TestPasswords.New());
        var tokens = _app.Get<UnsubscribeTokens>();
        var link = $"/unsubscribe?person={bea.Id}&token={tokens.TokenFor(bea.Id, MailList.ChatDigest)}";
        using var client = _app.CreateFormClient();

        // A campaign token for the same id does not open the digest's page.
        var wrongList = await client.GetAsync($"/unsubscribe?person={bea.Id}&token={tokens.TokenFor(bea.Id)}");
        Assert.Contains("This unsubscribe link is not valid", wrongList.Text);

        var page = await client.GetAsync(link);
        Assert.Contains("Stop getting mails about chat messages you have not read?", page.Text);
        Assert.True(await DigestMailAsync(bea.Id));

        var done = await client.SubmitAsync(link, "unsubscribe",
            new() { ["Input.Person"] = bea.Id.ToString(), ["Input.Token"] = tokens.TokenFor(bea.Id, MailList.ChatDigest) });
        Assert.Equal(HttpStatusCode.OK, done.Status);
        Assert.Contains("You will get no more mails about unread chat messages", done.Text);
        Assert.False(await DigestMailAsync(bea.Id));
    }

    private Task<bool> DigestMailAsync(Guid userId) =>
        CampaignArrange.WithDbAsync(_app.Services, db => db.Users.Where(u => u.Id == userId).Select(u => u.DigestMail).SingleAsync());

    public void Dispose() => _app.Dispose();
}
