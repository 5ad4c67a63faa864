using System.IO.Compression;
using System.Text;
using ChatCrm.Web.Infrastructure;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace ChatCrm.Web.Components.Layout;

/// <summary>
/// Serves Radzen's light and dark theme stylesheets with one rule rewritten, in place of the files RadzenTheme links.
/// <para>
/// Why: the theme sets the page's base font and colours under <c>:root:has(.rz-layout)</c>, a <c>:has()</c> that looks
/// at every descendant of the root element. With it Chromium restyles far more than it must on every change to the
/// page: measured on the chat page, style recalculation took 5–12 ms per message on each of the two pages and
/// 0.4–1.4 ms with the selector written as plain <c>:root</c> (the rest of the 765 KB theme unchanged). Every ChatCrm
/// page wants that base anyway, whether or not it has the layout, so the plain selector changes no page's look.
/// </para>
/// Its fonts are linked where Radzen keeps them. The files are read from the static web assets Radzen ships, changed
/// once, compressed once on first request, and cached for good: the address carries Radzen's version, so an upgrade
/// gets a new address.
/// </summary>
internal static class ThemeStylesheetEndpoint
{
    private const string RootScopedToLayout = ":root:has(.rz-layout)";

    // The theme finds its fonts beside it (css/../fonts/); served from theme/ it must look in Radzen's folder instead.
    // Relative still, so the app works under a path base.
    private const string FontsBesideTheTheme = "url(\"../fonts/";
    private const string RadzensFonts = "url(\"../_content/Radzen.Blazor/fonts/";

    // Bumped when the rewrite changes, so browsers holding the old file fetch the new one.
    private const string RewriteRevision = "1";

    private static readonly string Version = $"{typeof(Radzen.Colors).Assembly.GetName().Version}-{RewriteRevision}";

    /// <summary>The address of a theme's stylesheet; <paramref name="theme"/> is one of <see cref="AppTheme"/>'s.</summary>
    public static string Href(string theme) => $"theme/{theme}.css?v={Version}";

    public static IEndpointConventionBuilder MapThemeStylesheets(this IEndpointRouteBuilder endpoints)
    {
        var files = endpoints.ServiceProvider.GetRequiredService<IWebHostEnvironment>().WebRootFileProvider;
        var stylesheets = new[] { AppTheme.Light, AppTheme.Dark }
            .ToDictionary(theme => theme, theme => new Lazy<Stylesheet>(() => Stylesheet.Load(files, theme)), StringComparer.Ordinal);

        // HEAD too, as for any static file (link checkers and caches ask it); Kestrel sends the headers without the body.
        return endpoints.MapMethods("/theme/{theme}.css", [HttpMethods.Get, HttpMethods.Head], (string theme, HttpContext context) =>
        {
            if (!stylesheets.TryGetValue(theme, out var stylesheet)) return Results.NotFound();
            context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
            context.Response.Headers.Vary = HeaderNames.AcceptEncoding;
            var variant = stylesheet.Value.For(context.Request.GetTypedHeaders().AcceptEncoding);
            if (variant.Encoding is not null) context.Response.Headers.ContentEncoding = variant.Encoding;
            return TypedResults.Bytes(variant.Body, "text/css; charset=utf-8", entityTag: variant.Tag);
        }).AllowAnonymous().ShortCircuit();
    }

    private static string Rewrite(string radzenTheme) => radzenTheme
        .Replace(RootScopedToLayout, ":root", StringComparison.Ordinal)
        .Replace(FontsBesideTheTheme, RadzensFonts, StringComparison.Ordinal);

    // One encoding of a stylesheet, with its own tag: a cache must not answer a gzip request with Brotli bytes.
    private sealed record Variant(byte[] Body, string? Encoding)
    {
        public EntityTagHeaderValue Tag { get; } = ContentTag.Of(Body, Encoding);
    }

    private sealed record Stylesheet(Variant Plain, Variant Brotli, Variant Gzip)
    {
        public static Stylesheet Load(IFileProvider files, string theme)
        {
            // The file RadzenTheme links for this theme.
            var path = $"_content/Radzen.Blazor/css/{theme}-base.css";
            var file = files.GetFileInfo(path);
            if (!file.Exists) throw new InvalidOperationException($"Radzen's {path} is not among the static web assets; is Radzen.Blazor restored?");
            string text;
            using (var reader = new StreamReader(file.CreateReadStream(), Encoding.UTF8)) text = reader.ReadToEnd();
            // If a Radzen upgrade drops the selector there is nothing to rewrite: serve the file as it is.
            var plain = Encoding.UTF8.GetBytes(Rewrite(text));
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
