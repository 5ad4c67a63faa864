using Bunit;
using ChatCrm.Core.Chat;
using ChatCrm.Tests.Integration.Chat;
using ChatCrm.Web.Components.Pages.Chat;

namespace ChatCrm.Tests.Components.Chat;

/// <summary>
/// The composer's reply bar and mention list, and the pinned list, over the real chat services: what each shows, what
/// its buttons do, and that the pinned list follows pins live.
/// </summary>
public sealed class ConversationToolComponentsTests : ChatTestBase
{
    [Fact]
    public async Task TheComposerShowsWhatIsAnsweredSendsTheAnswerWithItAndCancelEndsIt()
    {
        await using var context = new BunitContext();
        context.UseChat(Chat, Ann);
        var chat = await Chat.DirectAsync(Ann, Bob);
        var question = await Chat.SayAsync(Bob, chat, "Did the contract go out?");
        var done = 0;
        var sent = new List<MessageView>();
        var composer = context.Render<Composer>(p => p.Add(c => c.ConversationId, chat).Add(c => c.ReplyTo, question)
            .Add(c => c.ReplyDone, () => done++).Add(c => c.Sent, m => sent.Add(m)));

        Assert.Equal($"Replying to {Bob.Name}", composer.Find(".composer-reply-sender").TextContent);
        Assert.Equal("Did the contract go out?", composer.Find(".composer-reply-text").TextContent);
        await composer.InvokeAsync(() => composer.Instance.Send("Yes, this morning"));
        Assert.Equal(1, done);
        Assert.Equal(question.Id, Assert.Single(sent).ReplyTo?.MessageId);

        composer.Render(p => p.Add(c => c.ReplyTo, question));
        await composer.Find("button[aria-label='Cancel reply']").ClickAsync();
        Assert.Equal(2, done);
        composer.Render(p => p.Add(c => c.ReplyTo, null));
        Assert.Empty(composer.FindAll(".composer-reply"));
    }

    [Fact]
    public async Task InAGroupTheMentionListOffersTheMatchingMembersWithTheFirstChosenAndClosesWhenTheNameIsDone()
    {
        await using var context = new BunitContext();
        context.UseChat(Chat, Ann);
        var group = await Chat.GroupAsync(Ann, "Sales", Bob, Cy);
        var composer = context.Render<Composer>(p => p.Add(c => c.ConversationId, group).Add(c => c.InGroup, true));

        // "c": the first word of "Cy …" and the last of "Bob C" (the harness names people "First X").
        await composer.InvokeAsync(() => composer.Instance.MentionQuery(Bob.Name[^1..].ToLowerInvariant()));
        var options = composer.FindAll("[data-mention-list] [role=option]");
        Assert.Equal([Bob.Name, Cy.Name], options.Select(o => o.QuerySelector(".mention-name")!.TextContent).Order());
        Assert.Equal(["true", "false"], options.Select(o => o.GetAttribute("aria-selected")));
        Assert.All(options, o => Assert.StartsWith("@", o.QuerySelector(".mention-user")!.TextContent, StringComparison.Ordinal));

        await composer.InvokeAsync(() => composer.Instance.MentionQuery(null));
        Assert.Empty(composer.FindAll("[data-mention-list]"));
    }

    [Fact]
    public async Task ThePinnedListShowsThePinsOffersUnpinToThoseWhoMayAndFollowsANewPinLive()
    {
        await using var context = new BunitContext();
        context.UseChat(Chat, Bob);
        var group = await Chat.GroupAsync(Ann, "Launch", Bob);
        var plan = await Chat.SayAsync(Ann, group, "Plan is in the drive");
        var pins = Chat.Core.Get<PinService>();
        await pins.SetPinnedAsync(Ann.Actor, plan.Id, pinned: true);
        var shown = new List<long>();

        var panel = context.Render<PinnedMessages>(p => p.Add(c => c.ConversationId, group).Add(c => c.MayPin, false).Add(c => c.Show, seq => shown.Add(seq)));

        panel.WaitForAssertion(() => Assert.Contains("Plan is in the drive", panel.Find(".pinned-text").TextContent, StringComparison.Ordinal));
        Assert.Empty(panel.FindAll("button[aria-label^='Unpin']"));
        await panel.Find(".pinned-show").ClickAsync();
        Assert.Equal([plan.Seq], shown);

        // Ann pins another: Bob's open list shows it first, without being opened again.
        var budget = await Chat.SayAsync(Ann, group, "Budget approved");
        Chat.Clock.Advance(TimeSpan.FromSeconds(5));
        await pins.SetPinnedAsync(Ann.Actor, budget.Id, pinned: true);
        panel.WaitForAssertion(() => Assert.Equal(["Budget approved", "Plan is in the drive"], panel.FindAll(".pinned-text").Select(t => t.TextContent)));
    }
}
