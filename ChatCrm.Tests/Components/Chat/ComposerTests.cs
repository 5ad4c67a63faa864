using System.Globalization;
using Bunit;
using ChatCrm.Core.Accounts;
using ChatCrm.Core.Chat;
using ChatCrm.Tests.Integration.Chat;
using ChatCrm.Web.Components.Pages.Chat;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;

namespace ChatCrm.Tests.Components.Chat;

/// <summary>
/// The composer's limits are Core's (the message length, ChatOptions' file sizes and count): the page says them and
/// refuses what Core would refuse before a byte is sent, in Core's words, through the outcome snackbar.
/// </summary>
public sealed class ComposerTests() : ChatTestBase(new Dictionary<string, string?>
{
    ["ChatCrm:Chat:ImageMaxBytes"] = "2048",
    ["ChatCrm:Chat:FilesAtOnceMax"] = "2",
})
{
    private async Task<(IRenderedComponent<Composer> Composer, Guid Chat, List<MessageView> Sent)> RenderAsync(BunitContext context)
    {
        context.UseChat(Chat, Ann);
        var chat = await Chat.DirectAsync(Ann, Bob);
        var sent = new List<MessageView>();
        var composer = context.Render<Composer>(p => p.Add(c => c.ConversationId, chat).Add(c => c.Sent, m => sent.Add(m)));
        return (composer, chat, sent);
    }

    [Fact]
    public async Task TheBoxAndTheAttachButtonCarryCoresLimits()
    {
        await using var context = new BunitContext();
        var (composer, _, _) = await RenderAsync(context);

        Assert.Equal(Message.TextMax.ToString(CultureInfo.InvariantCulture), composer.Find("textarea[aria-label=Message]").GetAttribute("maxlength"));
        Assert.Equal("Attach files: pictures up to 2 KB, videos up to 100 MB, other files up to 25 MB",
            composer.Find("button[aria-label='Attach files']").GetAttribute("title"));
        Assert.NotNull(composer.Find("button[aria-label=Send]"));
    }

    [Fact]
    public async Task FilesCoreWouldRefuseAreRefusedBeforeUploadingInCoresWords()
    {
        await using var context = new BunitContext();
        var (composer, chat, sent) = await RenderAsync(context);
        var input = composer.FindComponent<InputFile>();

        input.UploadFiles(Png("a.png", 100), Png("b.png", 100), Png("c.png", 100));
        composer.WaitForAssertion(() => Assert.Contains("Attach at most 2 files at a time.", context.Outcomes()));

        input.UploadFiles(Png("big.png", 3 * 1024), InputFileContent.CreateFromBinary([1, 2, 3], "setup.exe", null, "application/octet-stream"));
        composer.WaitForAssertion(() => Assert.Contains(
            "big.png is too large (3 KB): pictures can be at most 2 KB. setup.exe: files of type .exe cannot be sent.", context.Outcomes()));
        Assert.Empty(await Chat.StoredMessagesAsync(chat));
        Assert.Empty(Chat.StoredFiles());
        Assert.Empty(sent);

        // Within the limits, the picture goes, and the conversation is handed the message to show at once.
        input.UploadFiles(InputFileContent.CreateFromBinary(ChatHarness.Png, "dot.png", null, "image/png"));
        composer.WaitForAssertion(() => Assert.Single(sent));
        Assert.Equal(MessageKind.Image, Assert.Single(await Chat.StoredMessagesAsync(chat)).Kind);
    }

    [Fact]
    public async Task TextCoreRefusesGoesBackIntoTheBoxWithCoresReason()
    {
        await using var context = new BunitContext();
        var (composer, chat, sent) = await RenderAsync(context);
        var admin = await Chat.PersonAsync("Ada", Roles.Admin);
        Assert.True((await Chat.Core.Get<AdminAccountService>().DeleteAsync(admin.Actor, Bob.Id)).Succeeded);

        await composer.InvokeAsync(() => composer.Instance.Send("Are you still there?"));

        composer.WaitForAssertion(() => Assert.Contains(ChatAccess.AccountDeleted, context.Outcomes()));
        Assert.Empty(sent);
        Assert.Empty(await Chat.StoredMessagesAsync(chat));
        // Nothing written is lost: it is back in the box (chat.js) and kept as the chat's draft.
        Assert.Equal("Are you still there?", context.Services.GetRequiredService<ChatDrafts>().Get(chat));
    }

    private static InputFileContent Png(string name, int size)
    {
        var bytes = new byte[size];
        ChatHarness.Png.CopyTo(bytes, 0);
        return InputFileContent.CreateFromBinary(bytes, name, null, "image/png");
    }
}
