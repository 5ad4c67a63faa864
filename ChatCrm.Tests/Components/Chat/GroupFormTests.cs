using System.Globalization;
using Bunit;
using ChatCrm.Core.Chat;
using ChatCrm.Tests.Integration.Chat;
using ChatCrm.Web.Components.Pages.Chat;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace ChatCrm.Tests.Components.Chat;

/// <summary>
/// The group forms (new group, group info) check the name by Core's rule (<see cref="GroupRules"/>): the sentence shows
/// beside the field, nothing is saved until the name will do, and the field's limit is Core's.
/// </summary>
public sealed class GroupFormTests : ChatTestBase
{
    private static (IRenderedComponent<MudDialogProvider> Dialogs, IDialogService Service) RenderDialogs(BunitContext context)
    {
        context.Render<MudPopoverProvider>();
        return (context.Render<MudDialogProvider>(), context.Services.GetRequiredService<IDialogService>());
    }

    [Fact]
    public async Task ANewGroupWithABlankNameGetsCoresSentenceBesideTheFieldAndIsNotCreated()
    {
        await using var context = new BunitContext();
        context.UseChat(Chat, Ann);
        var (dialogs, service) = RenderDialogs(context);

        await dialogs.InvokeAsync(() => service.ShowAsync<NewGroupDialog>("New group"));
        dialogs.WaitForAssertion(() => Assert.NotNull(dialogs.Find("form#new-group")));
        var name = dialogs.Find("form#new-group input[maxlength]");
        Assert.Equal(ChatCrm.Core.Chat.Conversation.NameMax.ToString(CultureInfo.InvariantCulture), name.GetAttribute("maxlength"));

        await name.InputAsync(new ChangeEventArgs { Value = "   " });
        await dialogs.Find("form#new-group").SubmitAsync();

        dialogs.WaitForAssertion(() => Assert.Contains(GroupRules.NameRule, dialogs.Markup));
        Assert.Empty(await Chat.Chats.ListAsync(Ann.Actor));
    }

    [Fact]
    public async Task RenamingIsRefusedBesideTheFieldUntilTheNameWillDoThenSaved()
    {
        await using var context = new BunitContext();
        context.UseChat(Chat, Ann);
        var group = await Chat.GroupAsync(Ann, "Launch", Bob);
        var (dialogs, service) = RenderDialogs(context);

        await dialogs.InvokeAsync(() => service.ShowAsync<GroupDialog>("Group info",
            new DialogParameters<GroupDialog> { { d => d.ConversationId, group } }));
        dialogs.WaitForAssertion(() => Assert.NotNull(dialogs.Find("form.group-rename input")));

        await dialogs.Find("form.group-rename input").InputAsync(new ChangeEventArgs { Value = new string('x', ChatCrm.Core.Chat.Conversation.NameMax + 1) });
        await dialogs.Find("form.group-rename").SubmitAsync();
        dialogs.WaitForAssertion(() => Assert.Contains(GroupRules.NameRule, dialogs.Markup));
        Assert.Equal("Launch", (await Chat.Chats.GetDetailsAsync(Ann.Actor, group)).Title);

        await dialogs.Find("form.group-rename input").InputAsync(new ChangeEventArgs { Value = "Launch team" });
        dialogs.WaitForAssertion(() => Assert.DoesNotContain(GroupRules.NameRule, dialogs.Markup));
        await dialogs.Find("form.group-rename").SubmitAsync();

        dialogs.WaitForAssertion(() => Assert.Contains("The group is renamed.", context.Outcomes()));
        Assert.Equal("Launch team", (await Chat.Chats.GetDetailsAsync(Ann.Actor, group)).Title);
    }
}
