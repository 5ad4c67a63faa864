using System.Net;
using System.Text;
using ChatCrm.Tests.Fixtures;
using Xunit.Abstractions;

namespace ChatCrm.Tests.Integration.AccountPages;

/// <summary>
/// Odd requests to every static account form answer 4xx (or the form's own reply), never 5xx, and never echo what was
/// sent unescaped: malformed, oversized, odd-unicode, null-byte, wrong content type, bad charset, duplicated field and
/// missing token posts, each to each form. The per-IP post limit is high (the base class) so the forms themselves
/// answer, not the rate limiter.
/// </summary>
[Collection(AccountPagesGroup.Name)]
public sealed class AccountFormFuzzTests(SmtpServerFixture smtp, ITestOutputHelper output)
    // Sign-out posts that work end the session; the test signs in again each time, so codes to one address must not run out.
    : AccountPagesTestBase(smtp, new Dictionary<string, string?> { ["ChatCrm:Accounts:CodesPerAddressPerHour"] = "1000" })
{
    // Markers that would break out of markup or an attribute if a page wrote them back raw.
    private const string ScriptMarker = "<script>fuzz('x')</script>";
    private const string AttributeMarker = "\"><b data-fuzz=\"x\" onmouseover=\"fuzz()";

    /// <param name="TokenFrom">A page with a form whose anti-forgery token this client may use, when the form's own page
    /// shows none (setup once an admin exists; sign-out, a button on every signed-in page).</param>
    private sealed record Form(string Path, string? Handler, string[] Fields, FormClient Client, string? TokenFrom = null);

    [Fact]
    public async Task MalformedPostsToEveryAccountFormAnswerWithoutAServerErrorOrARawEcho()
    {
        var user = UniqueEmail("fuzz");
        await App.CreateUserAsync("Fuzz Target", user, GoodPassword);
        using var anonymous = App.CreateFormClient();
        using var pendingSignIn = App.CreateFormClient();
        await pendingSignIn.SubmitAsync("/account/login", "login", new() { ["Input.Email"] = user, ["Input.Password"] = GoodPassword });
        using var pendingSignUp = App.CreateFormClient();
        await pendingSignUp.SubmitAsync("/account/register", "register", new()
        {
            ["Input.FirstName"] = "New", ["Input.LastName"] = "Person", ["Input.UserName"] = "new.person." + Guid.NewGuid().ToString("N")[..8], ["Input.Email"] = UniqueEmail("new"), ["Input.Password"] = GoodPassword, ["Input.ConfirmPassword"] = GoodPassword,
        });
        using var signedIn = await App.SignedInClientAsync(App.AdminEmail, ChatCrmAppFactory.AdminPassword);

        Form[] forms =
        [
            new("/account/login", "login", ["Input.Email", "Input.Password", "Input.RememberMe"], anonymous),
            new("/account/login/email", "login-email", ["Input.Email"], anonymous),
            new("/account/login/code", "login-code", ["Input.Code"], pendingSignIn),
            new("/account/login/code", "login-resend", ["resend"], pendingSignIn),
            new("/account/register", "register", ["Input.FirstName", "Input.LastName", "Input.UserName", "Input.Mobile", "Input.Email", "Input.Password", "Input.ConfirmPassword"], anonymous),
            new("/account/register/confirm", "confirm-code", ["Input.Code"], pendingSignUp),
            new("/account/register/confirm", "confirm-resend", ["resend"], pendingSignUp),
            new("/account/forgot", "forgot", ["Input.Email"], anonymous),
            new("/account/reset", "reset", ["Input.Email", "Input.Code", "Input.Password"], anonymous),
            new("/account/reset", "reset-resend", ["resend"], anonymous),
            new("/setup", "setup", ["token", "Input.DisplayName", "Input.Email", "Input.Password"], anonymous, TokenFrom: "/account/login"),
            new("/account/manage/password", "change-password", ["Input.CurrentPassword", "Input.NewPassword", "Input.EndOtherSessions"], signedIn),
            new("/account/manage/email", "email-new", ["Input.Email"], signedIn),
            new("/account/manage/email", "email-code", ["Code.Code"], signedIn),
            new("/account/logout", null, ["returnUrl"], signedIn, TokenFrom: "/account/manage/password"),
        ];

        var failures = new List<string>();
        var total = 0;
        foreach (var form in forms)
        {
            var client = form.Client;
            // A token this client's cookie accepts; every form of the app takes any of them.
            var token = await TokenAsync(client, form);
            var statuses = new SortedDictionary<int, int>();
            foreach (var (name, request) in Mutations(form, token))
            {
                var (status, body) = await SendAsync(client, request);
                statuses[status] = statuses.GetValueOrDefault(status) + 1;
                total++;
                if (status >= 500)
                    failures.Add($"{form.Path} [{form.Handler}] {name}: {status} {Shorten(body)}");
                if (body.Contains(ScriptMarker, StringComparison.Ordinal) || body.Contains(AttributeMarker, StringComparison.Ordinal))
                    failures.Add($"{form.Path} [{form.Handler}] {name}: the input came back unescaped");
                // A sign-out that went through ended the session: sign in again, so the next post is a real sign-out too.
                if (form.Handler is null) await KeepSignedInAsync(client);
            }
            output.WriteLine($"{form.Path} [{form.Handler ?? "-"}]: {statuses.Values.Sum()} requests, statuses {string.Join(", ", statuses.Select(s => $"{s.Key}×{s.Value}"))}");
        }
        output.WriteLine($"Total: {total} requests to {forms.Length} forms.");
        foreach (var failure in failures) output.WriteLine(failure);

        Assert.True(total >= 300, $"Only {total} requests were made.");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private async Task KeepSignedInAsync(FormClient client)
    {
        if ((await client.GetAsync("/account/manage/password")).Status == HttpStatusCode.OK) return;
        App.Clock.Advance(TimeSpan.FromSeconds(2)); // past the resend cooldown
        await client.SignInAsync(App.AdminEmail, ChatCrmAppFactory.AdminPassword, () => Mailbox.WaitForCodeAsync(App.AdminEmail, "sign-in code"));
    }

    /// <summary>
    /// The status and body; an exception the in-memory server lets through (it rethrows what a real server would turn
    /// into a bare 500) counts as a 500, so that one such case does not hide the others.
    /// </summary>
    private static async Task<(int Status, string Body)> SendAsync(FormClient client, HttpRequestMessage request)
    {
        using (request)
        {
            try
            {
                using var response = await client.Http.SendAsync(request);
                return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
            }
            catch (Exception e) when (e is not HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError })
            {
                return (500, $"threw {e.GetType().Name}: {e.Message}");
            }
        }
    }

    private static async Task<string> TokenAsync(FormClient client, Form form) =>
        (await client.FillFormAsync(form.TokenFrom ?? form.Path, form.Handler ?? "", []))["__RequestVerificationToken"];

    /// <summary>Each odd request, named for the report. Well-formed field values stand in where a test varies something else.</summary>
    private static IEnumerable<(string Name, HttpRequestMessage Request)> Mutations(Form form, string token)
    {
        List<KeyValuePair<string, string>> Fields(string value, bool withToken = true, bool withHandler = true)
        {
            var fields = form.Fields.Select(f => KeyValuePair.Create(f, value)).ToList();
            if (withHandler && form.Handler is not null) fields.Add(KeyValuePair.Create("_handler", form.Handler));
            if (withToken) fields.Add(KeyValuePair.Create("__RequestVerificationToken", token));
            return fields;
        }
        HttpRequestMessage Post(HttpContent? content) => new(HttpMethod.Post, form.Path) { Content = content };
        HttpRequestMessage Encoded(IEnumerable<KeyValuePair<string, string>> fields) => Post(new FormUrlEncodedContent(fields));
        HttpRequestMessage Raw(byte[] body, string? contentType)
        {
            var content = new ByteArrayContent(body);
            if (contentType is not null) content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            return Post(content);
        }
        HttpRequestMessage RawText(string body, string? contentType) => Raw(Encoding.UTF8.GetBytes(body), contentType);
        string Query(IEnumerable<KeyValuePair<string, string>> fields) =>
            string.Join("&", fields.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}"));
        const string urlEncoded = "application/x-www-form-urlencoded";

        // Values: markup and attribute breakers, odd unicode, control characters, sizes.
        var values = new Dictionary<string, string>
        {
            ["script marker"] = ScriptMarker,
            ["attribute marker"] = AttributeMarker,
            ["both markers in an address"] = $"{AttributeMarker}@example.test{ScriptMarker}",
            ["RTL override"] = "admin\u202Egnp.exe@example.test",
            ["bidi isolates"] = "\u2066\u2067\u2068abc\u2069@example.test",
            ["combining marks"] = "a" + new string('\u0301', 500) + "@example.test",
            ["zero-width characters"] = "ad\u200Bmin\u200D@exa\uFEFFmple.test",
            ["emoji and astral"] = "👩‍💻🏳️‍🌈𝕏@example.test",
            ["null byte"] = "admin\0@example.test",
            ["control characters"] = "\u0001\u0007\u001b[31m\r\n\t",
            ["only whitespace"] = "   \t  ",
            ["empty"] = "",
            ["long (10 KB)"] = new string('a', 10_000),
            ["long (1 MB)"] = new string('b', 1_000_000),
            ["digits with full-width forms"] = "１２３４５６",
            ["arabic digits"] = "١٢٣٤٥٦",
            ["SQL-ish"] = "' OR 1=1; DROP TABLE users; --",
            ["path-ish"] = "../../../../etc/passwd",
            ["format string"] = "{0}{1}%s%n%x",
            ["a URL"] = "https://evil.example/\\\\evil",
        };
        foreach (var (name, value) in values) yield return ($"value: {name}", Encoded(Fields(value)));
        // Lone surrogates cannot travel through UTF-8 encoders; send their (invalid) UTF-8 bytes and percent forms.
        // Every field's value "x" swapped for raw bytes: lone surrogates cannot travel through a UTF-8 encoder.
        HttpRequestMessage EveryValue(string encoded) => RawText(Query(Fields("x")).Replace("=x", "=" + encoded, StringComparison.Ordinal), urlEncoded);
        yield return ("value: lone high surrogate, raw bytes", Raw([.. Encoding.ASCII.GetBytes(Query(Fields("x")) + "&Input.Email="), 0xED, 0xA0, 0x80], urlEncoded));
        yield return ("value: lone surrogates, percent-encoded", EveryValue("%ED%A0%80%ED%B0%80"));
        yield return ("value: invalid UTF-8 bytes", Raw([.. Encoding.ASCII.GetBytes(Query(Fields("x")) + "&Input.Email="), 0xC3, 0x28, 0xFF, 0xFE], urlEncoded));
        yield return ("value: overlong UTF-8 slash", EveryValue("%C0%AF"));
        yield return ("value: percent-encoded nulls", EveryValue("%00%00"));
        yield return ("value: percent-encoded markers", EveryValue(Uri.EscapeDataString(ScriptMarker)));
        yield return ("value: broken percent escapes", EveryValue("%zz%4&%=%"));
        yield return ("value: not a boolean", Encoded(Fields("x").Append(KeyValuePair.Create("Input.RememberMe", "maybe")).Append(KeyValuePair.Create("Input.EndOtherSessions", "2"))));
        yield return ("value: indexer-style names", Encoded(Fields("x").Append(KeyValuePair.Create("Input.Email[0]", "a")).Append(KeyValuePair.Create("Input[Email]", "b")).Append(KeyValuePair.Create("Input..Email", "c"))));
        yield return ("value: unknown fields", Encoded(Fields("x").Append(KeyValuePair.Create("Input.IsAdmin", "true")).Append(KeyValuePair.Create("Input.Role", "Admin"))));

        // Token and handler.
        yield return ("token missing", Encoded(Fields("x", withToken: false)));
        yield return ("token garbage", Encoded(Fields("x", withToken: false).Append(KeyValuePair.Create("__RequestVerificationToken", "garbage"))));
        yield return ("token with markers", Encoded(Fields("x", withToken: false).Append(KeyValuePair.Create("__RequestVerificationToken", ScriptMarker))));
        yield return ("token twice, different", Encoded(Fields("x").Append(KeyValuePair.Create("__RequestVerificationToken", "other"))));
        yield return ("token twice, same", Encoded(Fields("x").Append(KeyValuePair.Create("__RequestVerificationToken", token))));
        yield return ("token 100 KB", Encoded(Fields("x", withToken: false).Append(KeyValuePair.Create("__RequestVerificationToken", new string('A', 100_000)))));
        yield return ("handler missing", Encoded(Fields("x", withHandler: false)));
        yield return ("handler unknown", Encoded(Fields("x", withHandler: false).Append(KeyValuePair.Create("_handler", "no-such-form"))));
        yield return ("handler with markers", Encoded(Fields("x", withHandler: false).Append(KeyValuePair.Create("_handler", ScriptMarker))));
        yield return ("handler twice, different", Encoded(Fields("x").Append(KeyValuePair.Create("_handler", "register"))));
        yield return ("handler twice, same", Encoded(Fields("x").Concat(Fields("x").Where(f => f.Key == "_handler"))));
        yield return ("every field twice", Encoded(Fields("first").Concat(Fields("second"))));
        yield return ("every field 50 times", Encoded(Enumerable.Range(0, 50).SelectMany(_ => Fields("again"))));

        // Shape of the body.
        yield return ("2,000 fields", Encoded(Fields("x").Concat(Enumerable.Range(0, 2_000).Select(i => KeyValuePair.Create($"f{i}", "v")))));
        yield return ("a 5,000-character field name", Encoded(Fields("x").Append(KeyValuePair.Create(new string('k', 5_000), "v"))));
        yield return ("a 5 MB value", Encoded(Fields("x").Append(KeyValuePair.Create("Input.Email", new string('c', 5_000_000)))));
        var padding = new byte[40_000_000];
        Array.Fill(padding, (byte)'d');
        yield return ("a 40 MB body", Raw([.. Encoding.ASCII.GetBytes(Query(Fields("x")) + "&pad="), .. padding], urlEncoded));
        yield return ("empty body", RawText("", urlEncoded));
        yield return ("no body at all", Post(null));
        yield return ("only ampersands and equals", RawText("&&&===&=&", urlEncoded));
        yield return ("binary noise", Raw([.. Enumerable.Range(0, 4096).Select(i => (byte)(i * 7919 % 256))], urlEncoded));

        // Content types and charsets.
        var body = Query(Fields("x"));
        foreach (var contentType in new[]
        {
            "application/x-www-form-urlencoded; charset=utf-7",
            "application/x-www-form-urlencoded; charset=UTF-7",
            "application/x-www-form-urlencoded; charset=\"utf-7\"",
            "application/x-www-form-urlencoded; charset=bogus-charset",
            "application/x-www-form-urlencoded; charset=",
            "application/x-www-form-urlencoded; charset=utf-32",
            "application/x-www-form-urlencoded; charset=utf-16",
            "application/x-www-form-urlencoded; charset=ebcdic-cp-us",
            "application/x-www-form-urlencoded; charset=iso-8859-1",
            "application/x-www-form-urlencoded; charset=utf-8; charset=utf-7",
            "application/x-www-form-urlencoded;;;",
            "application/x-www-form-urlencoded; =",
            "application/x-www-form-urlencoded; boundary=x",
            "APPLICATION/X-WWW-FORM-URLENCODED",
            "multipart/form-data",
            "multipart/form-data; boundary=",
            "multipart/form-data; boundary=abc",
            "multipart/form-data; boundary=" + new string('b', 200),
            "multipart/form-data; boundary=abc; charset=utf-7",
            "text/plain",
            "text/plain; charset=utf-7",
            "application/json",
            "application/xml",
            "application/octet-stream",
            "image/png",
            "*/*",
            "garbage",
            "application/x-www-form-urlencoded\0",
        })
        {
            yield return ($"content type: {contentType}", RawText(body, contentType));
        }
        yield return ("no content type", Raw(Encoding.UTF8.GetBytes(body), null));
        yield return ("JSON body", RawText("{\"Input\":{\"Email\":\"" + ScriptMarker.Replace("\"", "\\\"", StringComparison.Ordinal) + "\"}}", "application/json"));
        yield return ("multipart, unterminated", RawText("--abc\r\nContent-Disposition: form-data; name=\"Input.Email\"\r\n\r\nx", "multipart/form-data; boundary=abc"));
        yield return ("multipart, with a token", RawText(
            string.Concat(Fields("x").Select(f => $"--abc\r\nContent-Disposition: form-data; name=\"{f.Key}\"\r\n\r\n{f.Value}\r\n")) + "--abc--\r\n",
            "multipart/form-data; boundary=abc"));
        yield return ("multipart, a file where a field goes", RawText(
            "--abc\r\nContent-Disposition: form-data; name=\"Input.Email\"; filename=\"../../x.exe\"\r\nContent-Type: application/x-msdownload\r\n\r\nMZ\0\0\r\n--abc--\r\n",
            "multipart/form-data; boundary=abc"));
        yield return ("multipart, header without a name", RawText("--abc\r\nContent-Disposition: form-data\r\n\r\nx\r\n--abc--\r\n", "multipart/form-data; boundary=abc"));
        yield return ("utf-16 body with a utf-16 charset", Raw(Encoding.Unicode.GetBytes(body), "application/x-www-form-urlencoded; charset=utf-16"));
    }

    private static string Shorten(string body) => body.Length <= 300 ? body : body[..300];
}
