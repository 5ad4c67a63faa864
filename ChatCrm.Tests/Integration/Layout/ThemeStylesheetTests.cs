using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using ChatCrm.Tests.Fixtures;
using ChatCrm.Tests.Integration.AccountPages;
using ChatCrm.Web.Components.Layout;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MudBlazor;

namespace ChatCrm.Tests.Integration.Layout;

/// <summary>
/// The theme stylesheets as ChatCrm serves them (Components/Layout/ThemeStylesheetEndpoint): MudBlazor's, exactly what
/// MudThemeProvider draws for ChatCrm's theme in each mode; compressed, cacheable, and the one the page links.
/// </summary>
[Collection(AccountPagesGroup.Name)]
public sealed partial class ThemeStylesheetTests(SmtpServerFixture smtp) : AccountPagesTestBase(smtp)
{
    [Theory]
    [InlineData("light", "rgba(67,64,210,1)", false)]
    [InlineData("dark", "rgba(143,140,255,1)", true)]
    public async Task TheMudBlazorThemeIsWhatMudThemeProviderDrawsForChatCrmsThemeInThatMode(string mode, string primary, bool dark)
    {
        using var client = App.CreateFormClient();
        using var response = await GetAsync(client, $"/theme/{mode}.css", acceptEncoding: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/css", response.Content.Headers.ContentType?.MediaType);
        var served = await response.Content.ReadAsStringAsync();
        Assert.Contains($"--mud-palette-primary: {primary};", served);
        Assert.DoesNotContain("<style", served);
        // The same text the provider renders in a page, with nothing of ours added or lost.
        var drawn = await RenderThemeProviderAsync(dark);
        foreach (var block in StyleContents().Matches(drawn).Select(m => m.Groups["css"].Value.Trim()))
            Assert.Contains(block, served);
    }

    [Theory]
    [InlineData("gzip, deflate, br", "br")]
    [InlineData("gzip, br;q=0", "gzip")]
    [InlineData("identity", null)]
    public async Task TheThemeComesCompressedAsTheBrowserAccepts(string acceptEncoding, string? expected)
    {
        using var client = App.CreateFormClient();
        using var plain = await GetAsync(client, "/theme/light.css", acceptEncoding: null);
        var plainBytes = await plain.Content.ReadAsByteArrayAsync();

        using var response = await GetAsync(client, "/theme/light.css", acceptEncoding);
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(expected, response.Content.Headers.ContentEncoding.SingleOrDefault());
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
        Assert.Equal(plainBytes, Decompress(body, expected));
        if (expected is not null) Assert.True(body.Length < plainBytes.Length / 4, $"{expected}: {body.Length} of {plainBytes.Length} bytes");
    }

    [Fact]
    public async Task TheThemeIsCachedAndRevalidatedByItsTag()
    {
        using var client = App.CreateFormClient();
        using var first = await GetAsync(client, "/theme/light.css", "br");
        Assert.Contains("immutable", first.Headers.CacheControl?.ToString());
        var tag = first.Headers.ETag;
        Assert.NotNull(tag);

        using var again = new HttpRequestMessage(HttpMethod.Get, "/theme/light.css");
        again.Headers.AcceptEncoding.ParseAdd("br");
        again.Headers.IfNoneMatch.Add(tag);
        using var revalidated = await client.Http.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
    }

    // Only the app's own endpoint: blazor.web.js is now the framework's static asset, whose HEAD answer
    // (MapStaticAssets) carries no Content-Length; its HEAD is checked below.
    [Theory]
    [InlineData("/theme/dark.css")]
    [InlineData("/theme/light.css")]
    public async Task HeadAnswersWithTheHeadersOfGetAndNoBody(string path)
    {
        using var client = App.CreateFormClient();
        using var get = await client.Http.GetAsync(path);
        using var head = await client.Http.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(get.Content.Headers.ContentType, head.Content.Headers.ContentType);
        Assert.Equal(get.Content.Headers.ContentLength, head.Content.Headers.ContentLength);
        Assert.Equal(get.Headers.ETag, head.Headers.ETag);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("/theme/standard.css")]
    [InlineData("/theme/material.css")]
    [InlineData("/theme/..%2Fapp.css")]
    public async Task OnlyChatCrmsTwoThemesAreServed(string path)
    {
        using var client = App.CreateFormClient();
        using var response = await GetAsync(client, path, acceptEncoding: null);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData(null, "light")]
    [InlineData("dark", "dark")]
    [InlineData("something-else", "light")]
    public async Task ThePageLinksTheThemeOfTheCookie(string? cookie, string mode)
    {
        using var client = App.CreateFormClient();
        if (cookie is not null) client.Cookies.Add(new Uri("http://localhost"), new Cookie("ChatCrm.Theme", cookie));

        var page = await client.GetAsync("/account/login");

        Assert.Contains($"<html lang=\"en\" data-theme=\"{mode}\">", page.Html);
        var links = ThemeLink().Matches(page.Html);
        var link = Assert.Single(links);
        Assert.StartsWith($"theme/{mode}.css?v=", link.Groups["href"].Value);
        // Both addresses ride along, for the switch in wwwroot/js/theme.js.
        Assert.StartsWith("theme/light.css?v=", link.Groups["light"].Value);
        Assert.StartsWith("theme/dark.css?v=", link.Groups["dark"].Value);
        Assert.DoesNotContain("Radzen", page.Html);
        // No provider draws the theme into the page itself: the file is the theme.
        Assert.DoesNotContain("mud-theme-provider", page.Html);
    }

    private async Task<string> RenderThemeProviderAsync(bool dark)
    {
        await using var scope = App.Services.CreateAsyncScope();
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, scope.ServiceProvider.GetRequiredService<ILoggerFactory>());
        return await renderer.Dispatcher.InvokeAsync(async () => (await renderer.RenderComponentAsync<MudThemeProvider>(ParameterView.FromDictionary(new Dictionary<string, object?>
        {
            [nameof(MudThemeProvider.Theme)] = AppTheme.Theme,
            [nameof(MudThemeProvider.IsDarkMode)] = dark,
            [nameof(MudThemeProvider.ObserveSystemDarkModeChange)] = false,
        }))).ToHtmlString());
    }

    [GeneratedRegex("<style[^>]*>(?<css>.*?)</style>", RegexOptions.Singleline)]
    private static partial Regex StyleContents();

    private static async Task<HttpResponseMessage> GetAsync(FormClient client, string path, string? acceptEncoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (acceptEncoding is not null) request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        return await client.Http.SendAsync(request);
    }

    private static byte[] Decompress(byte[] body, string? encoding)
    {
        if (encoding is null) return body;
        using var input = new MemoryStream(body);
        using Stream decompressor = encoding == "br" ? new BrotliStream(input, CompressionMode.Decompress) : new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        decompressor.CopyTo(output);
        return output.ToArray();
    }

    [GeneratedRegex("""url\("(?<url>[^"]+)"\)""")]
    private static partial Regex CssUrls();

    [GeneratedRegex("""<link rel="stylesheet" data-theme-stylesheet href="(?<href>[^"]+)"\s+data-light="(?<light>[^"]+)" data-dark="(?<dark>[^"]+)" />""")]
    private static partial Regex ThemeLink();

    [Fact]
    public async Task ThePageScriptAnswersHeadWithItsTypeAndTagAndNoBody()
    {
        using var client = App.CreateFormClient();
        using var get = await client.Http.GetAsync("/_framework/blazor.web.js");
        using var head = await client.Http.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/_framework/blazor.web.js"));

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(get.Content.Headers.ContentType, head.Content.Headers.ContentType);
        Assert.Equal(get.Headers.ETag, head.Headers.ETag);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }
}
