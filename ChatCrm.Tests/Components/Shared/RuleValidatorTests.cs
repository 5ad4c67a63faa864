using System.ComponentModel.DataAnnotations;
using Bunit;
using ChatCrm.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace ChatCrm.Tests.Components.Shared;

/// <summary>
/// The one validator: Core's rule sentences and the model's annotations beside their fields, through MudBlazor inputs,
/// one field at a time while typing and all at once on submit; what the service refused shows until the field changes.
/// </summary>
public sealed class RuleValidatorTests
{
    private sealed class Input
    {
        [StringLength(10, ErrorMessage = "Code is longer than 10 characters.")]
        public string? Code { get; set; }

        public string? Name { get; set; }
    }

    // A stand-in for a Core rule function (as LeadValidation.Validate is): field name → sentence.
    private static Dictionary<string, string> Rules(Input input)
    {
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(input.Name)) errors[nameof(Input.Name)] = "Name is required.";
        return errors;
    }

    private static async Task<(IRenderedComponent<EditForm> Form, RuleValidator<Input> Validator)> RenderAsync(BunitContext context, Input input, Action<EditContext> onValid)
    {
        context.Services.AddMudServices();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        RuleValidator<Input>? validator = null;
        var form = context.Render<EditForm>(p => p
            .Add(f => f.Model, input)
            .Add(f => f.OnValidSubmit, EventCallback.Factory.Create<EditContext>(input, onValid))
            .Add(f => f.ChildContent, (RenderFragment<EditContext>)(_ => builder =>
            {
                builder.OpenComponent<RuleValidator<Input>>(0);
                builder.AddAttribute(1, nameof(RuleValidator<Input>.Rules), (Func<Input, IReadOnlyDictionary<string, string>>)Rules);
                builder.AddComponentReferenceCapture(2, v => validator = (RuleValidator<Input>)v);
                builder.CloseComponent();
                builder.OpenComponent<MudTextField<string?>>(3);
                builder.AddAttribute(4, "Label", "Name");
                builder.AddAttribute(5, "Value", input.Name);
                builder.AddAttribute(6, "ValueChanged", EventCallback.Factory.Create<string?>(input, v => input.Name = v));
                builder.AddAttribute(7, "For", (System.Linq.Expressions.Expression<Func<string?>>)(() => input.Name));
                builder.CloseComponent();
                builder.OpenComponent<MudTextField<string?>>(8);
                builder.AddAttribute(9, "Label", "Code");
                builder.AddAttribute(10, "Value", input.Code);
                builder.AddAttribute(11, "ValueChanged", EventCallback.Factory.Create<string?>(input, v => input.Code = v));
                builder.AddAttribute(12, "For", (System.Linq.Expressions.Expression<Func<string?>>)(() => input.Code));
                builder.CloseComponent();
                builder.AddMarkupContent(13, "<button type=\"submit\">Save</button>");
            })));
        await Task.Yield();
        return (form, validator!);
    }

    [Fact]
    public async Task OnSubmitEveryRuleAndAnnotationShowsBesideItsFieldAndNothingIsSaved()
    {
        await using var context = new BunitContext();
        var input = new Input { Code = "far-too-long-code" };
        var saved = false;
        var (form, _) = await RenderAsync(context, input, _ => saved = true);

        await form.Find("form").SubmitAsync();

        Assert.False(saved);
        form.WaitForAssertion(() =>
        {
            var messages = form.FindAll(".mud-input-helper-text.mud-input-error, .mud-input-error .mud-input-helper-text")
                .Select(e => e.TextContent.Trim()).Where(t => t.Length > 0).ToList();
            Assert.Contains("Name is required.", messages);
            Assert.Contains("Code is longer than 10 characters.", messages);
        });
    }

    [Fact]
    public async Task TypingIntoOneFieldJudgesOnlyThatField()
    {
        await using var context = new BunitContext();
        var input = new Input();
        var (form, _) = await RenderAsync(context, input, _ => { });

        // The code is fine; the name (not reached yet) is not judged while the person types elsewhere.
        await form.FindAll("input")[1].ChangeAsync(new ChangeEventArgs { Value = "ok" });

        Assert.DoesNotContain("Name is required.", form.Markup);
        await form.FindAll("input")[1].ChangeAsync(new ChangeEventArgs { Value = "much-too-long-a-code" });
        form.WaitForAssertion(() => Assert.Contains("Code is longer than 10 characters.", form.Markup));
        Assert.DoesNotContain("Name is required.", form.Markup);
    }

    [Fact]
    public async Task WhatTheServiceRefusedShowsBesideTheFieldUntilTheFieldChanges()
    {
        await using var context = new BunitContext();
        var input = new Input { Name = "Ada" };
        var (form, validator) = await RenderAsync(context, input, _ => { });

        await form.InvokeAsync(() => validator.Show(new Dictionary<string, string> { [nameof(Input.Name)] = "A lead with this name already exists." }));
        form.WaitForAssertion(() => Assert.Contains("A lead with this name already exists.", form.Markup));

        await form.FindAll("input")[0].ChangeAsync(new ChangeEventArgs { Value = "Ada Lovelace" });
        form.WaitForAssertion(() => Assert.DoesNotContain("A lead with this name already exists.", form.Markup));
    }

    [Fact]
    public async Task OutsideAFormItSaysWhereItBelongs()
    {
        await using var context = new BunitContext();
        var error = Assert.Throws<InvalidOperationException>(() => context.Render<RuleValidator<Input>>());
        Assert.Contains("inside an EditForm", error.Message);
    }
}
