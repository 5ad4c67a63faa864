using System.Net;
using System.Text.RegularExpressions;

namespace ChatCrm.Tests.Fixtures;

/// <summary>
/// Posts the static account forms as a browser does: it loads the page first, takes the anti-forgery token from the
/// form, and sends the fields with the form's handler name. Cookies persist across calls.
/// </summary>
public sealed partial class FormClient(HttpClient http, CookieContainer cookies) : IDisposable
{
    public HttpClient Http { get; } = http;

    public CookieContainer Cookies { get; } = cookies;

    public async Task<PageResponse> GetAsync(string path)
    {
        using var response = await Http.GetAsync(path);
        return await PageResponse.ReadAsync(response);
    }

    /// <summary>Loads the page, then posts the named form with the given fields and the page's anti-forgery token.</summary>
    public Task<PageResponse> SubmitAsync(string path, string formName, Dictionary<string, string> fields) =>
        SubmitAsync(path, path, formName, fields);

    /// <summary>Takes the anti-forgery token from one page and posts to another address (as the sign-out button does).</summary>
    public async Task<PageResponse> SubmitAsync(string pagePath, string path, string formName, Dictionary<string, string> fields) =>
        await PostAsync(path, await FillFormAsync(pagePath, formName, fields));

    /// <summary>Loads the page and fills the named form as SubmitAsync does, without posting it (to post it twice, as a replay would).</summary>
    public async Task<Dictionary<string, string>> FillFormAsync(string pagePath, string formName, Dictionary<string, string> fields)
    {
        var page = await GetAsync(pagePath);
        Assert.True(page.Status == HttpStatusCode.OK, $"GET {pagePath} answered {(int)page.Status}: {page.Text[..Math.Min(300, page.Text.Length)]}");
        var token = AntiforgeryToken().Match(page.Html);
        Assert.True(token.Success, $"No anti-forgery token on {pagePath}");
        var form = new Dictionary<string, string>(fields)
        {
            ["_handler"] = formName,
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
        };
        return form;
    }

    public async Task<PageResponse> PostAsync(string path, Dictionary<string, string> form)
    {
        using var content = new FormUrlEncodedContent(form);
        using var response = await Http.PostAsync(path, content);
        return await PageResponse.ReadAsync(response);
    }

    public void Dispose() => Http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}

/// <summary>What came back: status, where a redirect points, and the page's visible text.</summary>
public sealed partial record PageResponse(HttpStatusCode Status, string? RedirectPath, string Html)
{
    /// <summary>The page's text without tags, whitespace folded: what a person reads.</summary>
    public string Text { get; } = Regex.Replace(WebUtility.HtmlDecode(Tags().Replace(Html, " ")), @"\s+", " ").Trim();

    public override string ToString() => $"{(int)Status} {RedirectPath} {Text[..Math.Min(600, Text.Length)]}";

    public static async Task<PageResponse> ReadAsync(HttpResponseMessage response)
    {
        var location = response.Headers.Location;
        var path = location is null ? null : location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
        var pathOnly = path?.Split('?')[0];
        return new PageResponse(response.StatusCode, pathOnly, await response.Content.ReadAsStringAsync());
    }

    [GeneratedRegex("<script.*?</script>|<[^>]+>", RegexOptions.Singleline)]
    private static partial Regex Tags();
}
