using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.Components.Rendering;

namespace ChatCrm.Web.Components.Account;

/// <summary>
/// A password box that binds like <see cref="InputText"/> but never writes the password back into the page: a form
/// answered with a validation message would otherwise carry the typed password in its HTML (in caches, saved pages and
/// anything that logs responses). The person types it again, as on most sign-in pages.
/// </summary>
public sealed class PasswordInput : InputText
{
    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        builder.OpenElement(0, "input");
        builder.AddMultipleAttributes(1, AdditionalAttributes);
        builder.AddAttribute(2, "type", "password");
        builder.AddAttribute(3, "name", NameAttributeValue);
        builder.AddAttribute(4, "class", CssClass);
        builder.AddAttribute(5, "onchange", EventCallback.Factory.CreateBinder<string?>(this, value => CurrentValueAsString = value, null));
        builder.AddElementReferenceCapture(6, element => Element = element);
        builder.CloseElement();
    }
}
