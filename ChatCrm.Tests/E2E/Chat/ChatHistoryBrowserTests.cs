using ChatCrm.Tests.Fixtures;
using Microsoft.Playwright;

namespace ChatCrm.Tests.E2E.Chat;

[Collection(BrowserGroup.Name)]
public sealed class ChatHistoryBrowserTests(BrowserFixture browser, SmtpServerFixture smtp) : ChatBrowserTestBase(browser, smtp)
{
    private const int Sent = 60; // more than one page (50)

    [Fact]
    public async Task ScrollingToTheTopLoadsTheOlderPageWithoutMovingWhatIsOnScreenAndNewMessagesFollowAtTheBottom()
    {
        var jo = await SignUpClientAsync("Jo Reader");
        var admin = await AdminStartsChatWithAsync("Jo Reader");
        for (var i = 1; i <= Sent; i++)
        {
            await MessageBox(admin).FillAsync($"Numbered {i:00}");
            await MessageBox(admin).PressAsync("Enter");
        }
        await Assertions.Expect(Message(admin, $"Numbered {Sent:00}")).ToBeVisibleAsync();

        // The newest page opens scrolled to the bottom; the oldest ten are not loaded yet.
        await OpenChatPageAsync(jo);
        await OpenChatAsync(jo, AdminName);
        await Assertions.Expect(Message(jo, $"Numbered {Sent:00}")).ToBeInViewportAsync();
        await Assertions.Expect(Message(jo, "Numbered 11")).ToHaveCountAsync(1);
        await Assertions.Expect(Message(jo, "Numbered 10")).ToHaveCountAsync(0);
        // Fifty messages scroll inside the history; the page itself stays the screen's size.
        await AssertPageDoesNotScrollAsync(jo);

        // To the top: the older page arrives above, and the message that was first on screen stays where it was.
        var before = await jo.EvaluateAsync<double>(@"() => {
            const list = document.querySelector('.messages-scroll');
            list.scrollTop = 0;
            return [...list.querySelectorAll('li.msg')].find(li => li.innerText.includes('Numbered 11')).getBoundingClientRect().top;
        }");
        await Assertions.Expect(Message(jo, "Numbered 01")).ToHaveCountAsync(1);
        var after = await Message(jo, "Numbered 11").EvaluateAsync<double>("li => li.getBoundingClientRect().top");
        Assert.InRange(after - before, -2, 2);
        var texts = await jo.GetByRole(AriaRole.List, new() { Name = "Messages" }).Locator(".msg-text").AllInnerTextsAsync();
        Assert.Equal(Enumerable.Range(1, Sent).Select(i => $"Numbered {i:00}"), texts);

        // Back at the bottom, a new message comes into view by itself.
        await jo.EvaluateAsync("() => { const list = document.querySelector('.messages-scroll'); list.scrollTop = list.scrollHeight; }");
        await SendAsync(admin, "One more at the bottom");
        await Assertions.Expect(Message(jo, "One more at the bottom")).ToBeInViewportAsync();
    }
}
