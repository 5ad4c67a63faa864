using System.Security.Claims;
using Bunit;
using ChatCrm.Core.Accounts;
using ChatCrm.Core.Chat;
using ChatCrm.Tests.Integration.Chat;
using ChatCrm.Web.Components.Account;
using ChatCrm.Web.Components.Pages.Chat;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChatCrm.Tests.Components.Chat;

/// <summary>
/// A bUnit context for the chat's components with their real services: Core over a SQLite file (the integration tests'
/// <see cref="ChatHarness"/>), MudBlazor, the page services the app registers per circuit, signed in as one person.
/// chat.js is answered loosely (bUnit has no browser), so the components start as they do on a page.
/// </summary>
internal static class ChatComponents
{
    public static void UseChat(this BunitContext context, ChatHarness chat, Person signedIn)
    {
        context.Services.AddLogging();
        context.UseMudBlazor();
        var chatScript = context.JSInterop.SetupModule();
        chatScript.SetupModule("attachComposer", _ => true);
        chatScript.SetupModule("attachList", _ => true);
        // alerts.js: the browser was asked about notifications already, unless a test says otherwise.
        chatScript.Setup<bool>("mayOffer").SetResult(false);

        var core = chat.Core;
        context.Services.AddSingleton(core.Get<ConversationService>());
        context.Services.AddSingleton(core.Get<MessageService>());
        context.Services.AddSingleton(core.Get<ChatEvents>());
        context.Services.AddSingleton(core.Get<AlertService>());
        context.Services.AddSingleton(core.Get<ReactionService>());
        context.Services.AddSingleton(core.Get<PinService>());
        context.Services.AddSingleton(core.Get<Mentions>());
        context.Services.AddSingleton(core.Get<PersonCards>());
        context.Services.AddSingleton(core.Get<Core.Contacts.ChatContacts>());
        context.Services.AddSingleton(core.Get<PresenceTracker>());
        context.Services.AddSingleton(core.Get<ChatFileStore>());
        context.Services.AddSingleton(core.Get<AvatarStore>());
        context.Services.AddSingleton(core.Get<IOptions<ChatOptions>>());
        context.Services.AddSingleton<TimeProvider>(core.Clock);
        context.Services.AddScoped<CurrentActor>();
        context.Services.AddScoped<ChatDrafts>();
        context.Services.AddScoped<ChatInView>();

        var authorization = context.AddAuthorization();
        authorization.SetAuthorized(signedIn.Name);
        // Claims last: as the auth cookie carries them (the roles set before them would otherwise replace them).
        authorization.SetRoles(signedIn.Actor.Role);
        authorization.SetClaims(new Claim(ClaimTypes.NameIdentifier, signedIn.Id.ToString()));
    }
}
