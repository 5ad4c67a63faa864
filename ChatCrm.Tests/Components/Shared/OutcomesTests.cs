using Bunit;
using ChatCrm.Web.Components.Shared;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace ChatCrm.Tests.Components.Shared;

/// <summary>The one outcome reporter: success fades by itself, a refusal stays until closed, a warning can carry its fix.</summary>
public sealed class OutcomesTests
{
    [Fact]
    public async Task SuccessFadesButARefusalAndAWarningStayUntilClosed()
    {
        await using var context = new BunitContext();
        // Short-lived snackbars, so the test sees one fade without waiting the app's five seconds.
        context.Services.AddMudServices(o =>
        {
            o.SnackbarConfiguration.VisibleStateDuration = 100;
            o.SnackbarConfiguration.ShowTransitionDuration = 0;
            o.SnackbarConfiguration.HideTransitionDuration = 0;
        });
        context.Services.AddScoped<Outcomes>();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        var provider = context.Render<MudSnackbarProvider>();
        var snackbars = context.Services.GetRequiredService<ISnackbar>();
        var outcomes = context.Services.GetRequiredService<Outcomes>();

        await provider.InvokeAsync(() =>
        {
            outcomes.Succeeded("Lead saved.");
            outcomes.Refused("You do not have access to that.");
            outcomes.Warned("Someone else saved this lead first.");
        });

        // The sticky ones are still there however long the machine took to get here; the success is not asked
        // about: with a 100 ms life it may already be gone (its severity is checked below with the default life).
        var severities = snackbars.ShownSnackbars.ToDictionary(s => s.Message ?? "", s => s.Severity);
        Assert.Equal(Severity.Error, severities["You do not have access to that."]);
        Assert.Equal(Severity.Warning, severities["Someone else saved this lead first."]);
        provider.WaitForAssertion(() => Assert.DoesNotContain("Lead saved.", provider.Markup), TimeSpan.FromSeconds(5));
        Assert.Contains("You do not have access to that.", provider.Markup);
        Assert.Contains("Someone else saved this lead first.", provider.Markup);
    }

    [Fact]
    public async Task ASuccessIsReportedAsSuccess()
    {
        await using var context = new BunitContext();
        context.Services.AddMudServices();
        context.Services.AddScoped<Outcomes>();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        var snackbars = context.Services.GetRequiredService<ISnackbar>();

        context.Services.GetRequiredService<Outcomes>().Succeeded("Lead saved.");

        Assert.Equal(Severity.Success, Assert.Single(snackbars.ShownSnackbars).Severity);
    }

    [Fact]
    public async Task AWarningsFixRunsFromItsButton()
    {
        await using var context = new BunitContext();
        context.Services.AddMudServices();
        context.Services.AddScoped<Outcomes>();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        var provider = context.Render<MudSnackbarProvider>();
        var outcomes = context.Services.GetRequiredService<Outcomes>();
        var reloaded = false;

        await provider.InvokeAsync(() => outcomes.Warned("Someone else saved this lead first.", "Reload", () =>
        {
            reloaded = true;
            return Task.CompletedTask;
        }));

        provider.WaitForAssertion(() => Assert.Contains("Someone else saved this lead first.", provider.Markup));
        // The snackbar re-renders as it shows itself; a click on a superseded render is retried on the next one.
        provider.WaitForAssertion(() =>
        {
            provider.FindAll("button").Single(b => b.TextContent.Trim() == "Reload").Click();
            Assert.True(reloaded);
        });
    }
}
