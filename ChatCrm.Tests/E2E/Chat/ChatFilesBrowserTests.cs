using System.Net;
using ChatCrm.Tests.Fixtures;
using Microsoft.Playwright;

namespace ChatCrm.Tests.E2E.Chat;

[Collection(BrowserGroup.Name)]
public sealed class ChatFilesBrowserTests(BrowserFixture browser, SmtpServerFixture smtp) : ChatBrowserTestBase(browser, smtp)
{
    private static readonly string ImageSelector = "img[src^='/files/chat/']";

    [Fact]
    public async Task UploadedImageShowsInlineOnBothSides()
    {
        var gus = await SignUpClientAsync("Gus Client");
        await OpenChatPageAsync(gus);
        var admin = await AdminStartsChatWithAsync("Gus Client");
        await SendAsync(admin, "A picture is coming");
        await OpenChatAsync(gus, AdminName);

        await AttachAsync(admin, "ramp.png", TestImages.Png(64, 40));

        foreach (var page in new[] { admin, gus })
        {
            var image = page.GetByRole(AriaRole.List, new() { Name = "Messages" }).Locator(ImageSelector);
            await Assertions.Expect(image).ToHaveCountAsync(1);
            await Assertions.Expect(image).ToHaveAttributeAsync("alt", "ramp.png");
            // Loaded for real (the endpoint served the bytes to this person), not a broken picture.
            await page.WaitForFunctionAsync($"() => {{ const i = document.querySelector(\"{ImageSelector}\"); return i && i.complete && i.naturalWidth === 64; }}");
        }
    }

    [Fact]
    public async Task SomeoneOutsideTheChatGetsNotFoundForItsFileAndCannotOpenIt()
    {
        var hal = await SignUpClientAsync("Hal Client");
        var admin = await AdminStartsChatWithAsync("Hal Client");
        await SendAsync(admin, "Private words for Hal");
        await AttachAsync(admin, "private.png", TestImages.Png(16, 16));
        var image = admin.Locator(ImageSelector);
        await Assertions.Expect(image).ToHaveCountAsync(1);
        var fileUrl = await image.GetAttributeAsync("src");
        var chatPath = new Uri(admin.Url).AbsolutePath;

        // Hal, a participant, gets the file.
        Assert.Equal((int)HttpStatusCode.OK, (await hal.Context.APIRequest.GetAsync(fileUrl!)).Status);

        var ivy = await SignUpClientAsync("Ivy Outsider");
        var response = await ivy.Context.APIRequest.GetAsync(fileUrl!);
        Assert.Equal((int)HttpStatusCode.NotFound, response.Status);

        await ivy.GotoAsync(chatPath);
        await WaitForCircuitAsync(ivy);
        await Assertions.Expect(ivy.GetByText("That chat does not exist or you are not in it.")).ToBeVisibleAsync();
        await Assertions.Expect(ivy.GetByText("Private words for Hal")).ToHaveCountAsync(0);
        await Assertions.Expect(ivy.GetByRole(AriaRole.Heading, new() { Name = "Hal Client" })).ToHaveCountAsync(0);
        await Assertions.Expect(ivy.Locator(ImageSelector)).ToHaveCountAsync(0);
        await Assertions.Expect(MessageBox(ivy)).ToHaveCountAsync(0);
    }
}
