using Bunit;
using ChatCrm.Core.Leads;
using ChatCrm.Web.Components.Pages.Leads;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace ChatCrm.Tests.Components.Leads;

/// <summary>The lead form shows Core's own sentences (LeadValidation, the service's refusals) beside the fields they are about.</summary>
public sealed class LeadFormTests
{
    private static readonly LeadOwner Alex = new(Guid.NewGuid(), "Alex Agent");

    [Fact]
    public async Task AnEmptyFormIsNotSavedAndSaysBesideNameAndEmailThatTheyAreRequired()
    {
        await using var context = new BunitContext();
        context.UseMudBlazor();
        var saves = 0;
        var form = RenderForm(context, new LeadInput(), () => saves++);

        form.Find("form").Submit();

        Assert.Equal("Name is required.", form.MessageBeside("Name"));
        Assert.Equal("Email is required.", form.MessageBeside("Email"));
        Assert.Null(form.MessageBeside("Company"));
        Assert.Equal(0, saves);
    }

    [Fact]
    public async Task AFieldSaysWhatIsWrongWithItAsSoonAsItChangesAndForgetsItOnceFixed()
    {
        await using var context = new BunitContext();
        context.UseMudBlazor();
        var form = RenderForm(context, new LeadInput { Name = "Bob Broken" }, () => { });

        form.Input("Email").Change("bob@");
        form.WaitForAssertion(() => Assert.Equal("Email 'bob@' is not a valid address.", form.MessageBeside("Email")));
        form.Input("Phone").Change("call me");
        form.WaitForAssertion(() => Assert.StartsWith("Phone 'call me' is not a valid number", form.MessageBeside("Phone")));
        // Only the field that changed is checked: the name, which is fine, and untouched fields say nothing.
        Assert.Null(form.MessageBeside("Name"));

        form.Input("Email").Change("bob@example.test");
        form.WaitForAssertion(() => Assert.Null(form.MessageBeside("Email")));
    }

    [Fact]
    public async Task TagsAreCheckedByCoreAndTheirMessageSitsUnderTheTagBox()
    {
        await using var context = new BunitContext();
        context.UseMudBlazor();
        var input = new LeadInput { Name = "Tia Tags", Email = "tia@example.test" };
        var form = RenderForm(context, input, () => { });

        var tooLong = new string('x', LeadTag.ValueMax + 1);
        form.Input("Tags").Change("vip, " + tooLong);

        Assert.Equal(["vip", tooLong], input.Tags);
        // Core's own sentence for these tags, not one the form wrote.
        var expected = LeadValidation.Validate(input)[nameof(LeadInput.Tags)];
        Assert.Contains($"longer than {LeadTag.ValueMax} characters", expected, StringComparison.Ordinal);
        form.WaitForAssertion(() => Assert.Equal(expected, form.MessageBeside("Tags")));
    }

    [Fact]
    public async Task WhatTheServiceRefusesOnSaveShowsBesideItsField()
    {
        await using var context = new BunitContext();
        context.UseMudBlazor();
        var form = RenderForm(context, new LeadInput { Name = "Olga Owner", Email = "olga@example.test", OwnerId = Guid.NewGuid() }, () => { });

        await form.InvokeAsync(() => form.Instance.Show(new Dictionary<string, string>
        {
            [nameof(LeadInput.OwnerId)] = "Choose an owner from the list of agents and admins.",
        }));

        form.WaitForAssertion(() => Assert.Equal("Choose an owner from the list of agents and admins.", form.MessageBeside("Owner")));
    }

    [Fact]
    public async Task AFormThatPassesCoresChecksIsSavedOnce()
    {
        await using var context = new BunitContext();
        context.UseMudBlazor();
        var saves = 0;
        var form = RenderForm(context, new LeadInput { Name = "Vera Valid", Email = "vera@example.test", OwnerId = Alex.Id }, () => saves++);

        Assert.Equal("Alex Agent", form.Input("Owner").GetAttribute("value"));
        form.Find("form").Submit();

        Assert.Equal(1, saves);
        Assert.Empty(form.FindAll(".mud-input-error"));
    }

    private static IRenderedComponent<LeadForm> RenderForm(BunitContext context, LeadInput input, Action save)
    {
        context.Render<MudPopoverProvider>();
        return context.Render<LeadForm>(p => p
            .Add(f => f.Input, input)
            .Add(f => f.Owners, [Alex])
            .Add(f => f.Creating, true)
            .Add(f => f.Save, EventCallback.Factory.Create(new object(), save)));
    }
}
