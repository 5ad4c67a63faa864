using Bunit;
using ChatCrm.Core.Chat;
using ChatCrm.Web.Components.Pages.Chat;

namespace ChatCrm.Tests.Components.Chat;

/// <summary>
/// One message as the page shows it: whatever a person writes stays text (nothing in a message becomes markup or a
/// script), and only web links become links, opened apart from the chat.
/// </summary>
public sealed class MessageItemTests
{
    private static MessageRow Row(string text, bool mine = false, bool canEdit = false) => new(
        new MessageView(Guid.NewGuid(), Guid.NewGuid(), 7, Guid.NewGuid(), "Bea Client", MessageKind.Text, text, null,
            DateTimeOffset.UtcNow, null, false),
        Mine: mine, InGroup: false, ShowSender: false, SenderHasAvatar: false, Clock: "14:05", Tick: mine ? "Sent" : null, ReadBy: null,
        CanEdit: canEdit, CanDelete: false);

    [Fact]
    public async Task MarkupInAMessageIsShownAsText()
    {
        await using var context = new BunitContext();
        const string text = "See <b>this</b> <img src=x onerror=alert(1)> <script>alert(1)</script> & <a href=\"javascript:alert(1)\">click</a>";

        var item = context.Render<MessageItem>(p => p.Add(m => m.Row, Row(text)));

        var body = item.Find(".msg-text");
        Assert.Equal(text, body.TextContent);
        Assert.Empty(body.QuerySelectorAll("b, img, script, a"));
        Assert.Empty(item.FindAll("script"));
    }

    [Fact]
    public async Task OnlyWebLinksBecomeLinksAndTheyOpenApartWithoutReferrerOrEndorsement()
    {
        await using var context = new BunitContext();
        const string text = "Docs at https://example.com/docs?a=1&b=2. Old one: http://intranet.test/x, not javascript:alert(1), " +
                            "data:text/html,<script>alert(1)</script>, ftp://files.test/y or //evil.test/z";

        var item = context.Render<MessageItem>(p => p.Add(m => m.Row, Row(text)));

        var body = item.Find(".msg-text");
        Assert.Equal(text, body.TextContent);
        var links = body.QuerySelectorAll("a");
        Assert.Equal(["https://example.com/docs?a=1&b=2", "http://intranet.test/x"], links.Select(a => a.GetAttribute("href")));
        Assert.All(links, a =>
        {
            Assert.Equal("_blank", a.GetAttribute("target"));
            Assert.Equal("noopener noreferrer", a.GetAttribute("rel"));
        });
        Assert.DoesNotContain(item.FindAll("a"), a => a.GetAttribute("href")?.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase) == true);
    }

    [Fact]
    public async Task IconsAreInlineSvgAndTheEditorTakesCoresLimit()
    {
        await using var context = new BunitContext();

        var item = context.Render<MessageItem>(p => p.Add(m => m.Row, Row("Meet at noon", mine: true, canEdit: true)));

        // The tick's icon is markup in the message, not a component (and not an icon font).
        var tick = item.Find(".msg-tick");
        Assert.NotNull(tick.QuerySelector("svg[aria-hidden=true]"));
        Assert.Contains("Sent", tick.TextContent, StringComparison.Ordinal);
        Assert.Empty(item.FindAll("i, .rzi"));

        await item.Find("button[aria-label='Message actions']").ClickAsync();
        await item.FindAll("button").Single(b => b.TextContent.Trim() == "Edit").ClickAsync();

        var editor = item.Find("textarea[aria-label='Edit message']");
        Assert.Equal(Message.TextMax.ToString(System.Globalization.CultureInfo.InvariantCulture), editor.GetAttribute("maxlength"));
        Assert.Equal("Meet at noon", editor.GetAttribute("value") ?? editor.TextContent);
    }

    [Fact]
    public async Task AReplyQuotesItsOriginalAndAClickAsksTheListToShowIt()
    {
        await using var context = new BunitContext();
        var actions = new RecordedActions();
        var quote = new ReplyQuote(Guid.NewGuid(), 3, "Ann Agent", "Can you send the contract?", IsDeleted: false, Hidden: false);
        var row = Row("Sent it") with { Message = Row("Sent it").Message with { ReplyTo = quote } };

        var item = context.Render<MessageItem>(p => p.Add(m => m.Row, row).Add(m => m.Actions, actions));

        var button = item.Find("button.msg-quote");
        Assert.Equal(("Ann Agent", "Can you send the contract?"), (button.QuerySelector(".msg-quote-sender")!.TextContent, button.QuerySelector(".msg-quote-text")!.TextContent));
        await button.ClickAsync();
        Assert.Equal([3L], actions.Jumps);

        // A quote of what the reader may not see says only that there was one.
        var hidden = row with { Message = row.Message with { ReplyTo = quote.ForReaderFrom(10) } };
        item.Render(p => p.Add(m => m.Row, hidden));
        Assert.True(item.Find("button.msg-quote").HasAttribute("disabled"));
        Assert.DoesNotContain("contract", item.Find("button.msg-quote").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReactionsShowCountsNamesAndTheReadersOwnAsPressedAndAClickTogglesIt()
    {
        await using var context = new BunitContext();
        var actions = new RecordedActions();
        var reader = Guid.NewGuid();
        var reactions = new List<ReactionView>
        {
            new("👍", [Guid.NewGuid(), reader], ["Ann Agent", "Bea Client"]),
            new("😂", [Guid.NewGuid()], ["Ann Agent"]),
        };
        var row = Row("We won") with { Message = Row("We won").Message with { Reactions = reactions }, Reader = reader, CanAnswer = true };

        var item = context.Render<MessageItem>(p => p.Add(m => m.Row, row).Add(m => m.Actions, actions));

        var chips = item.FindAll(".msg-reactions button");
        Assert.Equal(["👍 2: Ann Agent, Bea Client", "😂 1: Ann Agent"], chips.Select(c => c.GetAttribute("aria-label")));
        Assert.Equal(["true", "false"], chips.Select(c => c.GetAttribute("aria-pressed")));
        await chips[1].ClickAsync();
        Assert.Equal(["😂"], actions.Reactions);

        // From the menu: every offered emoji, reply, and pin only where the reader may.
        await item.Find("button[aria-label='Message actions']").ClickAsync();
        Assert.Equal(ReactionService.Choices.Select(e => $"React {e}"), item.FindAll(".msg-react-choices button").Select(b => b.GetAttribute("aria-label")));
        Assert.DoesNotContain(item.FindAll(".msg-actions-menu button"), b => b.TextContent.Trim() == "Pin");
    }

    [Fact]
    public async Task OnlyTheStoredMentionsHighlightTheReadersOwnMoreAndThePinShows()
    {
        await using var context = new BunitContext();
        var reader = Guid.NewGuid();
        var message = Row("").Message with { Text = "@ann.lee and @bob: call @someone", Mentions = [reader, Guid.NewGuid()], Pinned = true };
        var row = Row("") with { Message = message, Reader = reader, Mentioned = new MentionNames(["ann.lee", "bob"], "ann.lee") };

        var item = context.Render<MessageItem>(p => p.Add(m => m.Row, row));

        Assert.Equal(["@ann.lee", "@bob"], item.FindAll(".msg-text .mention").Select(m => m.TextContent));
        Assert.Equal("@ann.lee", item.Find(".msg-text .mention.me").TextContent);
        Assert.Contains("mentions-me", item.Find("li.msg").ClassList);
        Assert.Contains("pinned", item.Find(".msg-pinned").TextContent, StringComparison.Ordinal);
    }

    private sealed class RecordedActions : IMessageActions
    {
        public List<long> Jumps { get; } = [];

        public List<string> Reactions { get; } = [];

        public Task<bool> EditAsync(MessageView message, string text) => Task.FromResult(true);

        public Task DeleteAsync(MessageView message) => Task.CompletedTask;

        public Task ReplyAsync(MessageView message) => Task.CompletedTask;

        public Task ReactAsync(MessageView message, string emoji)
        {
            Reactions.Add(emoji);
            return Task.CompletedTask;
        }

        public Task SetPinnedAsync(MessageView message, bool pinned) => Task.CompletedTask;

        public Task ShowPersonAsync(Guid userId) => Task.CompletedTask;

        public Task JumpToAsync(long seq)
        {
            Jumps.Add(seq);
            return Task.CompletedTask;
        }
    }
}
