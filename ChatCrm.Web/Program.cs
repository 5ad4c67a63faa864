using ChatCrm.Core;
using ChatCrm.Web;
using ChatCrm.Web.Components;

var builder = WebApplication.CreateBuilder(args);
// Serve package assets (MudBlazor's CSS and JS) from the build output in every environment, not only Development;
// a published app has them in wwwroot and this does nothing.
builder.WebHost.UseStaticWebAssets();

builder.Services.AddChatCrmCore(builder.Configuration, builder.Environment);
builder.Services.AddChatCrmWeb(builder.Configuration);

var app = builder.Build();

await app.InitializeChatCrmAsync();
app.UseChatCrmPipeline();
app.MapChatCrmEndpoints<App>();

await app.RunAsync();

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
