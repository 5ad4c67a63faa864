using ChatCrm.Web.Components.Pages.Chat;

namespace ChatCrm.Tests.Unit.Chat;

public sealed class MessageTokensTests
{
    [Fact]
    public void WebLinksBecomeLinkTokensAndTheRestStaysText()
    {
        var tokens = MessageTokens.Split("See https://example.com/a?b=1 and http://test.local/x now");
        Assert.Equal(
            [new("See ", false), new("https://example.com/a?b=1", true), new(" and ", false), new("http://test.local/x", true), new(" now", false)],
            tokens);
    }

    [Fact]
    public void SentencePunctuationAndAnUnopenedBracketAreNotPartOfTheLink()
    {
        Assert.Equal(
            [new("(look: ", false), new("https://example.com/page", true), new(").", false)],
            MessageTokens.Split("(look: https://example.com/page)."));
        Assert.Contains(new TextToken("https://en.wikipedia.org/wiki/Foo_(bar)", true), MessageTokens.Split("https://en.wikipedia.org/wiki/Foo_(bar), ok"));
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    [InlineData("<a href=\"x\">click</a> <script>alert(1)</script>")]
    [InlineData("ftp://example.com/file")]
    [InlineData("www.example.com")]
    [InlineData("https://")]
    public void AnythingButAWebLinkStaysPlainText(string text)
    {
        Assert.All(MessageTokens.Split(text), t => Assert.False(t.IsLink));
        Assert.Equal(text, string.Concat(MessageTokens.Split(text).Select(t => t.Text)));
    }

    [Fact]
    public void NothingIsLostOrAdded()
    {
        const string text = "a https://x.example/1, b\nhttps://y.example/2!";
        Assert.Equal(text, string.Concat(MessageTokens.Split(text).Select(t => t.Text)));
    }
}
