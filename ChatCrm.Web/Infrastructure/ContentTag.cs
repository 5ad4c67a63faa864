using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace ChatCrm.Web.Infrastructure;

/// <summary>The ETag of content the app serves from memory (the Blazor script, the theme stylesheets): its hash.</summary>
internal static class ContentTag
{
    /// <param name="variant">Told apart in the tag, as the same content compressed another way must be.</param>
    public static EntityTagHeaderValue Of(ReadOnlySpan<byte> content, string? variant = null) =>
        new($"\"{Convert.ToHexString(SHA256.HashData(content))[..16]}{variant}\"");
}
