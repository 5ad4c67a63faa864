using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;
using ChatCrm.Web.Infrastructure;
using Microsoft.Net.Http.Headers;

namespace ChatCrm.Web.Components.Layout;

/// <summary>
/// Serves the theme stylesheets the pages link (<c>theme/light.css</c>, <c>theme/dark.css</c>).
/// <para>
/// Each is exactly what <see cref="MudThemeProvider"/> renders for <see cref="AppTheme.Theme"/>, rendered once
/// per start and served as a file instead of a provider in every page: the provider puts its whole theme (about 15 KB
/// of CSS variables) into each circuit's render tree, kept on the server for the life of every open page, and a file
/// is cached by the browser. It also styles the static account pages, which have no circuit. wwwroot/js/theme.js
/// swaps the links when the person switches theme.
/// </para>
/// Each file is made once, compressed once on first request, and cached for good: the address carries the kit's
/// version, so an upgrade gets a new address.
/// </summary>
internal static partial class ThemeStylesheetEndpoint
{
    // Bumped when what is served changes (AppTheme's colours), so browsers holding the old file fetch the new one.
    private const string Revision = "3";

    private static readonly string Version = $"{typeof(MudThemeProvider).Assembly.GetName().Version}-{Revision}";

    /// <summary>The address of a theme's stylesheet: one of <see cref="AppTheme"/>'s names.</summary>
    public static string Href(string theme) => $"theme/{theme}.css?v={Version}";

    public static IEndpointConventionBuilder MapThemeStylesheets(this IEndpointRouteBuilder endpoints)
    {
        var services = endpoints.ServiceProvider;
        var stylesheets = new Dictionary<string, Lazy<Task<Stylesheet>>>(StringComparer.Ordinal)
        {
            [AppTheme.Light] = new(() => MudThemeCssAsync(services, dark: false)),
            [AppTheme.Dark] = new(() => MudThemeCssAsync(services, dark: true)),
        };

        // HEAD too, as for any static file (link checkers and caches ask it); Kestrel sends the headers without the body.
        return endpoints.MapMethods("/theme/{theme}.css", [HttpMethods.Get, HttpMethods.Head], async (string theme, HttpContext context) =>
        {
            if (!stylesheets.TryGetValue(theme, out var stylesheet)) return Results.NotFound();
            context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
            context.Response.Headers.Vary = HeaderNames.AcceptEncoding;
            var variant = (await stylesheet.Value).For(context.Request.GetTypedHeaders().AcceptEncoding);
            if (variant.Encoding is not null) context.Response.Headers.ContentEncoding = variant.Encoding;
            return TypedResults.Bytes(variant.Body, "text/css; charset=utf-8", entityTag: variant.Tag);
        }).AllowAnonymous().ShortCircuit();
    }

    /// <summary>The CSS <see cref="MudThemeProvider"/> renders for ChatCrm's theme in one mode: the contents of its style elements.</summary>
    internal static async Task<Stylesheet> MudThemeCssAsync(IServiceProvider services, bool dark)
    {
        await using var scope = services.CreateAsyncScope();
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, scope.ServiceProvider.GetRequiredService<ILoggerFactory>());
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync<MudThemeProvider>(ParameterView.FromDictionary(new Dictionary<string, object?>
            {
                [nameof(MudThemeProvider.Theme)] = AppTheme.Theme,
                [nameof(MudThemeProvider.IsDarkMode)] = dark,
                // The file is fixed per mode; the person's own switch chooses between the two.
                [nameof(MudThemeProvider.ObserveSystemDarkModeChange)] = false,
            }));
            return output.ToHtmlString();
        });
        var css = string.Join(Environment.NewLine, StyleElement().Matches(html).Select(m => m.Groups["css"].Value.Trim()));
        if (css.Length == 0) throw new InvalidOperationException("MudThemeProvider rendered no style; has MudBlazor changed how it draws its theme?");
        return Stylesheet.Of(css);
    }

    [GeneratedRegex("<style[^>]*>(?<css>.*?)</style>", RegexOptions.Singleline)]
    private static partial Regex StyleElement();

    // One encoding of a stylesheet, with its own tag: a cache must not answer a gzip request with Brotli bytes.
    internal sealed record Variant(byte[] Body, string? Encoding)
    {
        public EntityTagHeaderValue Tag { get; } = ContentTag.Of(Body, Encoding);
    }

    internal sealed record Stylesheet(Variant Plain, Variant Brotli, Variant Gzip)
    {
        public static Stylesheet Of(string css)
        {
            var plain = Encoding.UTF8.GetBytes(css);
            return new Stylesheet(new Variant(plain, null), new Variant(CompressBrotli(plain), "br"), new Variant(CompressGzip(plain), "gzip"));
        }

        public Variant For(IList<StringWithQualityHeaderValue> accepted)
        {
            bool Accepts(string encoding) => accepted.Any(a => a.Value.Equals(encoding, StringComparison.OrdinalIgnoreCase) && (a.Quality ?? 1) > 0);
            return Accepts("br") ? Brotli : Accepts("gzip") ? Gzip : Plain;
        }

        // Quality 9: 72 KB in about 40 ms for the 763 KB theme. 11 saves another 12 KB but takes 1.4 s, paid by the
        // first page after every start; the default level (4) gives 89 KB, more than gzip.
        private static byte[] CompressBrotli(byte[] data)
        {
            var output = new byte[BrotliEncoder.GetMaxCompressedLength(data.Length)];
            if (!BrotliEncoder.TryCompress(data, output, out var written, quality: 9, window: 22))
                throw new InvalidOperationException("Brotli could not compress the theme stylesheet.");
            return output[..written];
        }

        private static byte[] CompressGzip(byte[] data)
        {
            using var output = new MemoryStream();
            using (var gzip = new GZipStream(output, CompressionLevel.Optimal)) gzip.Write(data);
            return output.ToArray();
        }
    }
}
