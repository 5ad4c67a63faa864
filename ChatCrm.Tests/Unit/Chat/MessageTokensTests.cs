using ChatCrm.Web.Components.Pages.Chat;

namespace ChatCrm.Tests.Unit.Chat;

public sealed class MessageTokensTests
{
    [Fact]
    public void WebLinksBecomeLinkTokensAndTheRestStaysText()
    {
        var tokens = MessageTokens.Split("See https://example.com/a?b=1 and http://test.local/x now");
        Assert.Equal(
            [new("See ", TextTokenKind.Plain), new("https://example.com/a?b=1", TextTokenKind.Link), new(" and ", TextTokenKind.Plain), new("http://test.local/x", TextTokenKind.Link), new(" now", TextTokenKind.Plain)],
            tokens);
    }

    [Fact]
    public void SentencePunctuationAndAnUnopenedBracketAreNotPartOfTheLink()
    {
        Assert.Equal(
            [new("(look: ", TextTokenKind.Plain), new("https://example.com/page", TextTokenKind.Link), new(").", TextTokenKind.Plain)],
            MessageTokens.Split("(look: https://example.com/page)."));
        Assert.Contains(new TextToken("https://en.wikipedia.org/wiki/Foo_(bar)", TextTokenKind.Link), MessageTokens.Split("https://en.wikipedia.org/wiki/Foo_(bar), ok"));
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

    [Fact]
    public void OnlyTheMentionsTheMessageStoredHighlightAndTheReadersOwnMoreStrongly()
    {
        Assert.Equal(
            [new("Hi ", TextTokenKind.Plain), new("@Ann.Lee", TextTokenKind.MentionOfReader), new(", ", TextTokenKind.Plain), new("@bob", TextTokenKind.Mention),
                new(" and @stranger, see ", TextTokenKind.Plain), new("https://x.test/@bob", TextTokenKind.Link), new(".", TextTokenKind.Plain)],
            MessageTokens.Split("Hi @Ann.Lee, @bob and @stranger, see https://x.test/@bob.", ["ann.lee", "bob"], reader: "ann.lee"));
        Assert.All(MessageTokens.Split("Hi @bob"), t => Assert.Equal(TextTokenKind.Plain, t.Kind));
    }
}
