using Bunit;
using ChatCrm.Core.Chat;
using ChatCrm.Tests.Integration.Chat;
using ChatCrm.Web.Components.Pages.Chat;

namespace ChatCrm.Tests.Components.Chat;

/// <summary>
/// The offer to turn on notifications: only once it is asked for (after a message is sent), only where the browser
/// has not been asked (alerts.js's mayOffer), never for a person who switched notifications off; and each answer is
/// handed to the browser.
/// </summary>
public sealed class NotificationOfferTests : ChatTestBase
{
    private static IRenderedComponent<NotificationOffer> Render(BunitContext context, bool browserMayBeAsked)
    {
        var alerts = context.JSInterop.SetupModule();
        alerts.Setup<bool>("mayOffer").SetResult(browserMayBeAsked);
        alerts.Setup<string>("ask").SetResult("granted");
        alerts.SetupVoid("declineOffer").SetVoidResult();
        return context.Render<NotificationOffer>();
    }

    [Fact]
    public async Task OfferedAfterTheFirstSendAndTurnOnAsksTheBrowser()
    {
        await using var context = new BunitContext();
        context.UseChat(Chat, Ann);
        var offer = Render(context, browserMayBeAsked: true);
        Assert.Empty(offer.FindAll(".notification-offer"));

        await offer.InvokeAsync(offer.Instance.ConsiderAsync);
        Assert.Contains("Get a notification when a message comes", offer.Find(".notification-offer").TextContent, StringComparison.Ordinal);

        await offer.InvokeAsync(() => ScreenContext.Button(offer.Find(".notification-offer"), "Turn on").Click());
        Assert.Empty(offer.FindAll(".notification-offer"));
        Assert.Single(context.JSInterop.Invocations["ask"]);
    }

    [Fact]
    public async Task NotNowIsRememberedAndTheOfferComesOncePerPage()
    {
        await using var context = new BunitContext();
        context.UseChat(Chat, Ann);
        var offer = Render(context, browserMayBeAsked: true);

        await offer.InvokeAsync(offer.Instance.ConsiderAsync);
        await offer.InvokeAsync(() => ScreenContext.Button(offer.Find(".notification-offer"), "Not now").Click());
        await offer.InvokeAsync(offer.Instance.ConsiderAsync);

        Assert.Empty(offer.FindAll(".notification-offer"));
        Assert.Single(context.JSInterop.Invocations["declineOffer"]);
        Assert.Single(context.JSInterop.Invocations["mayOffer"]);
    }

    [Fact]
    public async Task NoOfferWhereTheBrowserWasAskedOrForAPersonWhoSwitchedThemOff()
    {
        await using (var context = new BunitContext())
        {
            context.UseChat(Chat, Ann);
            var offer = Render(context, browserMayBeAsked: false);
            await offer.InvokeAsync(offer.Instance.ConsiderAsync);
            Assert.Empty(offer.FindAll(".notification-offer"));
        }

        await Chat.Core.Get<AlertService>().SetSettingsAsync(Bob.Actor, new AlertSettings(Desktop: false, Sound: true, DigestMail: true));
        await using (var context = new BunitContext())
        {
            context.UseChat(Chat, Bob);
            var offer = Render(context, browserMayBeAsked: true);
            await offer.InvokeAsync(offer.Instance.ConsiderAsync);
            Assert.Empty(offer.FindAll(".notification-offer"));
            Assert.Empty(context.JSInterop.Invocations["mayOffer"]);
        }
    }
}
