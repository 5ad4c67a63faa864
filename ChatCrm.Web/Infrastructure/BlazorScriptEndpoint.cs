namespace ChatCrm.Web.Infrastructure;

/// <summary>
/// Serves _framework/blazor.web.js, embedded at build time by build/BlazorScript.targets (see there and the README
/// for why the script comes from the 9.0.22 runtime pack). Remove with that file once the .NET 10 package is served.
/// </summary>
internal static class BlazorScriptEndpoint
{
    private const string ResourceName = "_framework/blazor.web.js";

    public static IEndpointConventionBuilder MapBlazorScript(this IEndpointRouteBuilder endpoints)
    {
        var script = LoadScript();
        var etag = ContentTag.Of(script);
        // HEAD too, as for the static file this stands in for.
        return endpoints.MapMethods("/" + ResourceName, [HttpMethods.Get, HttpMethods.Head], (HttpContext context) =>
        {
            context.Response.Headers.CacheControl = "no-cache";
            return TypedResults.Bytes(script, "text/javascript", entityTag: etag);
        }).AllowAnonymous().ShortCircuit();
    }

    private static byte[] LoadScript()
    {
        using var stream = typeof(BlazorScriptEndpoint).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing; rebuild ChatCrm.Web.");
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }
}
