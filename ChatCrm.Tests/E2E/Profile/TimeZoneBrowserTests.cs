using System.Globalization;
using ChatCrm.Tests.E2E.Chat;
using ChatCrm.Tests.Fixtures;
using Microsoft.Playwright;

namespace ChatCrm.Tests.E2E.Profile;

/// <summary>
/// A new account takes its browser's time zone on its first live page and reads every time in it; choosing another on
/// the profile changes what the screens show. The expected clock readings come from .NET's own zone conversion of the
/// instant the page itself states (the message's machine-readable datetime), so no minute boundary can race the test.
/// </summary>
[Collection(BrowserGroup.Name)]
public sealed class TimeZoneBrowserTests(BrowserFixture browser, SmtpServerFixture smtp) : ChatBrowserTestBase(browser, smtp)
{
    [Fact]
    public async Task ANewAccountReadsTimesInItsBrowsersZoneUntilItChoosesAnotherOnItsProfile()
    {
        const string text = "Does three o'clock suit you?";
        // Neither New York nor Kolkata is this machine's zone, and they are ten and a half hours apart.
        var client = await SignUpClientAsync("Nadia Ortiz", timeZone: "America/New_York");
        var admin = await AdminStartsChatWithAsync("Nadia Ortiz");
        await SendAsync(admin, text);

        await OpenChatPageAsync(client);
        await OpenChatAsync(client, AdminName);
        var stamp = Message(client, text).Locator("time");
        var sentAt = DateTimeOffset.Parse((await stamp.GetAttributeAsync("datetime"))!, CultureInfo.InvariantCulture);
        await Assertions.Expect(stamp).ToHaveTextAsync(ClockIn("America/New_York", sentAt));

        // The profile names the zone the browser gave the account.
        await client.GotoAsync("/account/profile");
        await WaitForCircuitAsync(client);
        var zoneSection = client.GetByRole(AriaRole.Region, new() { Name = "Time zone" });
        await Assertions.Expect(zoneSection.GetByRole(AriaRole.Status)).ToContainTextAsync("Times show in America/New_York");

        var zoneBox = zoneSection.GetByRole(AriaRole.Combobox, new() { Name = "Time zone" });
        await zoneBox.ClickAsync();
        await zoneBox.FillAsync("");
        // Typed key by key, as a person does: the list filters on key presses. Picking only once it has filtered keeps
        // the click off an item the filtering is about to replace (seen on a loaded machine: the click was lost).
        await zoneBox.PressSequentiallyAsync("Kolkata");
        await Assertions.Expect(client.GetByRole(AriaRole.Option)).ToHaveCountAsync(1);
        await client.GetByRole(AriaRole.Option, new() { Name = "Asia/Kolkata (UTC+05:30)", Exact = true }).ClickAsync();
        await Assertions.Expect(client.GetByRole(AriaRole.Option)).ToBeHiddenAsync();
        await zoneSection.GetByRole(AriaRole.Button, new() { Name = "Save time zone" }).ClickAsync();
        await Assertions.Expect(zoneSection.GetByRole(AriaRole.Status)).ToContainTextAsync("Time zone saved. Times show in Asia/Kolkata");

        // The same live page, through the menu: the message now reads on Kolkata's clock.
        await client.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { NameRegex = new("^Chat") }).ClickAsync();
        await OpenChatAsync(client, AdminName);
        await Assertions.Expect(Message(client, text).Locator("time")).ToHaveTextAsync(ClockIn("Asia/Kolkata", sentAt));

        // And so does a page loaded afresh, though the browser still says New York: the account's choice stands.
        await client.ReloadAsync();
        await WaitForCircuitAsync(client);
        await ComposerReadyAsync(client);
        await Assertions.Expect(Message(client, text).Locator("time")).ToHaveTextAsync(ClockIn("Asia/Kolkata", sentAt));
    }

    private static string ClockIn(string zone, DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, TimeZoneInfo.FindSystemTimeZoneById(zone)).ToString("HH:mm", CultureInfo.InvariantCulture);
}
