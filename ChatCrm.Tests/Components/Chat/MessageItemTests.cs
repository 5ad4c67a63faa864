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
}
