using Bunit;
using ChatCrm.Tests.Fixtures;
using ChatCrm.Web.Components.Account;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace ChatCrm.Tests.Components.Account;

/// <summary>The account forms' password box: it binds what is typed but never renders a password into the page.</summary>
public sealed class PasswordInputTests
{
    private sealed class Form
    {
        public string? Password { get; set; }
    }

    [Fact]
    public async Task ABoundPasswordIsNeverRenderedIntoThePage()
    {
        await using var context = new BunitContext();
        var typed = TestPasswords.New();
        var form = new Form { Password = typed };
        var editContext = new EditContext(form);

        var box = context.Render<CascadingValue<EditContext>>(parameters => parameters
            .Add(p => p.Value, editContext)
            .AddChildContent<PasswordInput>(input => input
                .Add(p => p.Value, form.Password)
                .Add(p => p.ValueExpression, () => form.Password)
                .AddUnmatched("id", "password")
                .AddUnmatched("autocomplete", "current-password")));

        var element = box.Find("input");
        Assert.Equal("password", element.GetAttribute("type"));
        Assert.Equal("password", element.GetAttribute("id"));
        Assert.Equal("current-password", element.GetAttribute("autocomplete"));
        Assert.Null(element.GetAttribute("value"));
        Assert.DoesNotContain(typed, box.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhatIsTypedReachesTheModel()
    {
        await using var context = new BunitContext();
        var typed = TestPasswords.New();
        var form = new Form();
        var editContext = new EditContext(form);

        var box = context.Render<CascadingValue<EditContext>>(parameters => parameters
            .Add(p => p.Value, editContext)
            .AddChildContent<PasswordInput>(input => input
                .Add(p => p.Value, form.Password)
                .Add(p => p.ValueChanged, EventCallback.Factory.Create<string?>(this, value => form.Password = value))
                .Add(p => p.ValueExpression, () => form.Password)));

        box.Find("input").Change(typed);

        Assert.Equal(typed, form.Password);
        Assert.True(editContext.IsModified());
        Assert.DoesNotContain(typed, box.Markup, StringComparison.Ordinal);
    }
}
