using System.Globalization;
using ChatCrm.Core.Accounts;
using ChatCrm.Core.Common;
using ChatCrm.Core.Email;
using ChatCrm.Core.Meetings;
using Microsoft.EntityFrameworkCore;
using ChatCrm.Tests.Fixtures;

namespace ChatCrm.Tests.Integration.Meetings;

/// <summary>Participants hear about a meeting through the real SMTP server: invited, updated, removed, cancelled.</summary>
[Collection(SmtpServerGroup.Name)]
public sealed class MeetingMailTests(SmtpServerFixture smtp) : MeetingTestBase(smtp)
{
    private readonly Mailbox _mailbox = smtp.Mailbox;

    private Mailbox Mailbox => _mailbox;

    [Fact]
    public async Task ParticipantsGetAnInvitationInTheirOwnZoneWithTitleTimeAndPlaceButNotTheOrganizer()
    {
        // Kolkata is +05:30 all year: 14:00 UTC is 19:30 there, the same day. A lead has no account, so no zone: UTC.
        Assert.True((await Get<ProfileService>().SetTimeZoneAsync(Client, "Asia/Kolkata")).Succeeded);
        var lead = await AddLeadAsync("Lara Lead", TestAddresses.New("lara"), "Acme");
        var saved = await Meetings.CreateAsync(Agent,
            new MeetingInput("Pricing review", At(14), At(15, 30), "https://meet.example.com/pricing", "Bring the numbers.",
                [Person(Client), LeadRef(lead), Person(Agent)]));
        Assert.True(saved.Succeeded);

        var toClient = await Mailbox.WaitForMailAsync(Emails[Client.UserId], "Invitation: Pricing review");
        var toLead = await Mailbox.WaitForMailAsync(lead.Email, "Invitation: Pricing review");
        var longDay = Day.ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture);
        var shortDay = Day.ToString("d MMM yyyy", CultureInfo.InvariantCulture);
        Assert.Equal($"Invitation: Pricing review, {shortDay}, 19:30", toClient.Subject);
        Assert.Contains($"When: {longDay}, 19:30–21:00 (Asia/Kolkata)", toClient.TextBody, StringComparison.Ordinal);
        Assert.Contains($"When: {longDay}, 19:30–21:00 (Asia/Kolkata)", System.Net.WebUtility.HtmlDecode(toClient.HtmlBody!), StringComparison.Ordinal);
        Assert.Equal($"Invitation: Pricing review, {shortDay}, 14:00", toLead.Subject);
        Assert.Contains($"When: {longDay}, 14:00–15:30 (UTC)", toLead.TextBody, StringComparison.Ordinal);
        foreach (var mail in new[] { toClient, toLead })
        {
            Assert.Contains("Alex Agent invited you", mail.TextBody, StringComparison.Ordinal);
            Assert.Contains("What: Pricing review", mail.TextBody, StringComparison.Ordinal);
            Assert.Contains("Where: https://meet.example.com/pricing", mail.TextBody, StringComparison.Ordinal);
            Assert.Contains("Notes: Bring the numbers.", mail.TextBody, StringComparison.Ordinal);
            Assert.Contains("Organizer: Alex Agent", mail.TextBody, StringComparison.Ordinal);
        }
        await Core.DeliverQueuedMailAsync();
        Assert.Empty(Mailbox.MailTo(Emails[Agent.UserId]));
    }

    [Fact]
    public async Task AnInvitationAcrossMidnightInTheRecipientsZoneNamesBothDays()
    {
        // 23:00–01:00 in Chatham (+12:45 or +13:45): whichever, the meeting starts one day and ends the next there.
        Assert.True((await Get<ProfileService>().SetTimeZoneAsync(Client, "Pacific/Chatham")).Succeeded);
        var chatham = ReaderTime.For("Pacific/Chatham");
        var start = chatham.ToUtc(Day.UtcDateTime.AddHours(23));
        await BookAsync("Late call", start, start.AddHours(2), Person(Client));

        var mail = await Mailbox.WaitForMailAsync(Emails[Client.UserId], "Invitation: Late call");

        var (first, next) = (Day.ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture), Day.AddDays(1).ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture));
        Assert.Contains($"When: {first}, 23:00 – {next}, 01:00 (Pacific/Chatham)", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MovingAMeetingMailsAnUpdateAddedPeopleAnInvitationAndRemovedPeopleACancellation()
    {
        var id = await BookAsync("Review", At(10), At(11), Person(Client), Person(OtherClient));
        await Mailbox.WaitForMailAsync(Emails[Client.UserId], "Invitation: Review");
        await Mailbox.WaitForMailAsync(Emails[OtherClient.UserId], "Invitation: Review");
        var loaded = (await Meetings.GetAsync(Agent, id))!;

        var moved = await Meetings.UpdateAsync(Agent, id, Input("Review", At(13), At(14), Person(Client), Person(OtherAgent)), loaded.Version);

        Assert.True(moved.Succeeded);
        var update = await Mailbox.WaitForMailAsync(Emails[Client.UserId], "Updated: Review");
        Assert.Contains("13:00–14:00 (UTC)", update.TextBody, StringComparison.Ordinal);
        Assert.Contains("Before the change: Review,", update.TextBody, StringComparison.Ordinal);
        Assert.Contains("10:00–11:00 (UTC)", update.TextBody, StringComparison.Ordinal);
        await Mailbox.WaitForMailAsync(Emails[OtherAgent.UserId], "Invitation: Review");
        await Mailbox.WaitForMailAsync(Emails[OtherClient.UserId], "Cancelled for you: Review");
    }

    [Fact]
    public async Task ANotesOnlyEditMailsNobodyAndDeletingMailsACancellation()
    {
        var id = await BookAsync("Review", At(10), At(11), Person(Client));
        await Mailbox.WaitForMailAsync(Emails[Client.UserId], "Invitation: Review");
        var loaded = (await Meetings.GetAsync(Agent, id))!;

        var edited = await Meetings.UpdateAsync(Agent, id, Input("Review", At(10), At(11), Person(Client)) with { Notes = "New agenda" }, loaded.Version);
        var deleted = await Meetings.DeleteAsync(Agent, id, edited.Version);

        Assert.True(deleted.Succeeded);
        var cancelled = await Mailbox.WaitForMailAsync(Emails[Client.UserId], "Cancelled: Review");
        Assert.Contains("Alex Agent cancelled this meeting.", cancelled.TextBody, StringComparison.Ordinal);
        await Core.DeliverQueuedMailAsync();
        Assert.Equal(2, Mailbox.MailTo(Emails[Client.UserId]).Count);
    }
}

/// <summary>A mail server that is down neither holds up nor undoes the save: the invitation waits in the queue.</summary>
public sealed class MeetingMailFailureTests() : MeetingTestBase(settings: DeadSmtp)
{
    /// <summary>SMTP pointed at a port nobody listens on.</summary>
    private static readonly Dictionary<string, string?> DeadSmtp = new()
    {
        ["ChatCrm:Email:Smtp:Host"] = "127.0.0.1",
        ["ChatCrm:Email:Smtp:Port"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["ChatCrm:Email:Smtp:StartTls"] = "false",
    };

    [Fact]
    public async Task AnInvitationTheServerCannotTakeWaitsInTheQueueAndTheMeetingStands()
    {
        var saved = await Meetings.CreateAsync(Agent, Input("Review", At(10), At(11), Person(Client)));

        Assert.True(saved.Succeeded);
        Assert.NotNull(await Meetings.GetAsync(Client, saved.MeetingId!.Value));
        await Core.DeliverQueuedMailAsync();
        var queued = await Core.WithDbAsync(db => db.OutboxMails.AsNoTracking().SingleAsync());
        Assert.Equal((Emails[Client.UserId], OutboxStatus.Waiting, 1), (queued.To, queued.Status, queued.Attempts));
        Assert.Contains("Invitation: Review", queued.Subject, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(queued.LastError));
    }
}
