using System.Text.RegularExpressions;
using ChatCrm.Core.Chat;
using ChatCrm.Core.Email;
using ChatCrm.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Tests.Integration.Chat;

/// <summary>
/// Digest mails for messages left unread (Core/Chat/ChatDigest), with the defaults: a message unread 15 minutes goes
/// into a digest, at most one digest an hour, each message in one digest at most, through the mail queue.
/// </summary>
public sealed partial class ChatDigestTests : ChatTestBase
{
    private ChatDigest Digest => Chat.Core.Get<ChatDigest>();

    [Fact]
    public async Task AMessageUnreadForTheDelayBringsOneDigestListingEveryChatWithItsFirstLinesAndLinks()
    {
        var direct = await Chat.DirectAsync(Ann, Bob);
        var group = await Chat.GroupAsync(Cy, "Launch", Bob);
        await Chat.SayAsync(Ann, direct, "Can you call the client?");
        await Chat.SayAsync(Ann, direct, "They asked about the invoice");
        await Chat.SendPngAsync(Cy, group, "plan.png");

        Chat.Clock.Advance(TimeSpan.FromMinutes(14));
        Assert.Equal(0, await Digest.SendDueAsync());
        Chat.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, await Digest.SendDueAsync());

        var bob = await EmailOfAsync(Bob);
        var mail = await Delivered.WaitForMailAsync(bob);
        Assert.Single(await QueuedAsync());
        Assert.Equal("3 unread messages in 2 chats", mail.Subject);
        Assert.Contains($"{Ann.Name}: 2 unread", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains($"{Ann.Name}: Can you call the client?", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains($"{Ann.Name}: They asked about the invoice", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Launch: 1 unread", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains($"{Cy.Name}: 📷 plan.png", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains($"/chat/{direct}", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains($"href=\"http://localhost:5000/chat/{group}\"", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Matches(UnsubscribeLink(), mail.TextBody);

        // Not again this hour, and never again for the same messages.
        Assert.Equal(0, await Digest.SendDueAsync());
        Chat.Clock.Advance(TimeSpan.FromHours(3));
        Assert.Equal(0, await Digest.SendDueAsync());

        // A newer message, once it has waited, brings a digest of just that one.
        await Chat.SayAsync(Ann, direct, "Still there?");
        Chat.Clock.Advance(TimeSpan.FromMinutes(15));
        Assert.Equal(1, await Digest.SendDueAsync());
        var second = await Delivered.WaitForMailAsync(bob);
        Assert.Equal($"1 unread message in {Ann.Name}", second.Subject);
        Assert.DoesNotContain("invoice", second.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoDigestForWhatWasReadAMutedChatOwnMessagesSomeoneWhoSwitchedItOffOrALockedAccount()
    {
        var group = await Chat.GroupAsync(Ann, "Sales", Bob, Cy);
        var dee = await Chat.PersonAsync("Dee");
        var withDee = await Chat.DirectAsync(Ann, dee);
        var eve = await Chat.PersonAsync("Eve");
        var withEve = await Chat.DirectAsync(Ann, eve);
        var read = await Chat.SayAsync(Ann, group, "Morning all");
        await Chat.SayAsync(Ann, withDee, "Hello Dee");
        await Chat.SayAsync(Ann, withEve, "Hello Eve");
        // An admin locked Eve's account.
        await Chat.Core.WithUsersAsync(async users => await users.SetLockoutEndDateAsync((await users.FindByIdAsync(eve.Id.ToString()))!, DateTimeOffset.MaxValue));

        await Chat.Messages.MarkReadAsync(Bob.Actor, group, read.Seq);
        await Chat.Core.Get<AlertService>().SetMutedAsync(Cy.Actor, group, muted: true);
        await Chat.Core.Get<AlertService>().SetSettingsAsync(dee.Actor, new AlertSettings(Desktop: true, Sound: true, DigestMail: false));
        Chat.Clock.Advance(TimeSpan.FromHours(1));

        Assert.Equal(0, await Digest.SendDueAsync());
        Assert.Empty(await QueuedAsync());
    }

    [Fact]
    public async Task TheMailsUnsubscribeLinkStopsDigestsAndOnlyForItsOwnPerson()
    {
        var direct = await Chat.DirectAsync(Ann, Bob);
        await Chat.SayAsync(Ann, direct, "Ping");
        Chat.Clock.Advance(TimeSpan.FromMinutes(20));
        await Digest.SendDueAsync();
        var link = UnsubscribeLink().Match((await Delivered.WaitForMailAsync(await EmailOfAsync(Bob))).TextBody);
        var (person, token) = (Guid.Parse(link.Groups["person"].Value), link.Groups["token"].Value);
        Assert.Equal(Bob.Id, person);

        var alerts = Chat.Core.Get<AlertService>();
        Assert.False(await alerts.StopDigestAsync(Ann.Id, token));
        Assert.False(await alerts.StopDigestAsync(Bob.Id, token[..^2] + "AA"));
        // A campaign unsubscribe token for the same id is no digest token.
        Assert.False(await alerts.StopDigestAsync(Bob.Id, Chat.Core.Get<Core.Campaigns.UnsubscribeTokens>().TokenFor(Bob.Id)));
        Assert.True((await alerts.GetSettingsAsync(Bob.Actor)).DigestMail);

        Assert.True(await alerts.StopDigestAsync(Bob.Id, token));
        Assert.False((await alerts.GetSettingsAsync(Bob.Actor)).DigestMail);
        await Chat.SayAsync(Ann, direct, "Ping again");
        Chat.Clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(0, await Digest.SendDueAsync());
    }

    // The mail as delivered (the queue's sender runs, and clears a sent mail's bodies from its row).
    private Outbox Delivered => field ??= new Outbox(Path.Combine(Chat.Core.DataFolder, "outbox"));

    private Task<List<OutboxMail>> QueuedAsync() =>
        Chat.Core.WithDbAsync(db => db.OutboxMails.AsNoTracking().OrderBy(m => m.CreatedAt).ToListAsync());

    private async Task<string> EmailOfAsync(Person person) =>
        (await Chat.Core.WithDbAsync(db => db.Users.AsNoTracking().Where(u => u.Id == person.Id).Select(u => u.Email).FirstAsync()))!;

    [GeneratedRegex(@"http://localhost:5000/unsubscribe\?person=(?<person>[0-9a-f-]{36})&token=(?<token>[A-Za-z0-9_-]+)")]
    private static partial Regex UnsubscribeLink();
}
