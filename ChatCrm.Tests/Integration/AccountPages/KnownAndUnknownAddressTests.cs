using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using ChatCrm.Tests.Fixtures;
using Xunit.Abstractions;

namespace ChatCrm.Tests.Integration.AccountPages;

/// <summary>
/// Every account form answers a known and an unknown address alike: the same status, the same page (once the
/// per-request anti-forgery token and the typed address itself are set aside) and about the same time. Each form is
/// posted several times for each, taking turns; the first pair warms up and is not timed. The medians are printed.
/// </summary>
[Collection(AccountPagesGroup.Name)]
public sealed partial class KnownAndUnknownAddressTests(SmtpServerFixture smtp, ITestOutputHelper output) : AccountPagesTestBase(smtp, new Dictionary<string, string?>
{
    // Timing many tries must not run into the lock or the hourly code cap, which would end the comparison early.
    ["ChatCrm:Accounts:MaxFailedAccessAttempts"] = "100",
    ["ChatCrm:Accounts:CodesPerAddressPerHour"] = "1000",
})
{
    private const int Tries = 7;
    /// <summary>The slower median may be at most this many times the faster one.</summary>
    private const double MaxFactor = 4;
    private static readonly string WrongPassword = TestPasswords.New();
    private static readonly string NewPassword = TestPasswords.New();

    [Fact]
    public async Task SignInWithAPasswordAnswersAKnownAndAnUnknownAddressAlike()
    {
        var (known, unknown) = await AddressesAsync("signin");
        await CompareAsync("sign-in with password", (client, address) => PostAsync(client, "/account/login", "login",
            new() { ["Input.Email"] = address, ["Input.Password"] = WrongPassword }), known, unknown);
    }

    [Fact]
    public async Task EmailMeACodeAnswersAKnownAndAnUnknownAddressAlike()
    {
        var (known, unknown) = await AddressesAsync("emailme");
        await CompareAsync("email me a code", (client, address) =>
        {
            App.Clock.Advance(TimeSpan.FromSeconds(2)); // past the resend wait, so every try really asks for a code
            return PostAsync(client, "/account/login/email", "login-email", new() { ["Input.Email"] = address });
        }, known, unknown);
    }

    [Fact]
    public async Task CodeSignInAnswersAKnownAndAnUnknownAddressAlike()
    {
        var (known, unknown) = await AddressesAsync("code");
        // Not right, not right, then no longer works: the same words in the same order for both. The known address's
        // code is not "000000" and "111111" both, so at least one is a wrong code; it stays wrong for every try.
        var wrong = "";
        await CompareAsync("code sign-in", async (client, address) =>
        {
            if (wrong.Length == 0)
            {
                var code = await Mailbox.WaitForCodeAsync(known, "sign-in code");
                wrong = OtherCode(code);
            }
            return await PostAsync(client, "/account/login/code", "login-code", new() { ["Input.Code"] = wrong }, address);
        }, known, unknown, prepare: RequestSignInCodeAsync);
    }

    [Fact]
    public async Task SignUpAnswersAKnownAndANewAddressAlike()
    {
        var (known, _) = await AddressesAsync("signup");
        // One user name per round, the same for both addresses (so the pages can match): the known address makes no
        // account, so the name is still free for the new one, and the next round takes another.
        var (run, round) = (Guid.NewGuid().ToString("N")[..8], 0);
        var fields = (string address) => new Dictionary<string, string>
        {
            ["Input.FirstName"] = "Sid",
            ["Input.LastName"] = "Signup",
            ["Input.UserName"] = $"sid.{run}.{round}",
            ["Input.Email"] = address,
            ["Input.Password"] = NewPassword,
            ["Input.ConfirmPassword"] = NewPassword,
        };
        await CompareAsync("sign-up", (client, address) =>
        {
            App.Clock.Advance(TimeSpan.FromSeconds(2));
            // A new address each time: a new address is only new once.
            var to = address == known ? known : UniqueEmail("newcomer");
            if (address == known) round++;
            return PostAsync(client, "/account/register", "register", fields(to), to);
        }, known, "new");
    }

    [Fact]
    public async Task ForgotPasswordAnswersAKnownAndAnUnknownAddressAlike()
    {
        var (known, unknown) = await AddressesAsync("forgot");
        await CompareAsync("forgot password", (client, address) =>
        {
            App.Clock.Advance(TimeSpan.FromSeconds(2));
            return PostAsync(client, "/account/forgot", "forgot", new() { ["Input.Email"] = address });
        }, known, unknown);
    }

    [Fact]
    public async Task ResetPasswordAnswersAKnownAndAnUnknownAddressAlike()
    {
        var (known, unknown) = await AddressesAsync("reset");
        // A weak password is refused first for both, then a wrong code: the order of the checks is the same.
        await CompareAsync("reset password (weak password)", (client, address) => PostAsync(client, "/account/reset", "reset",
            new() { ["Input.Email"] = address, ["Input.Code"] = "000000", ["Input.Password"] = "qwertyuiop123" }), known, unknown);
        await CompareAsync("reset password (wrong code)", (client, address) => PostAsync(client, "/account/reset", "reset",
            new() { ["Input.Email"] = address, ["Input.Code"] = "000000", ["Input.Password"] = NewPassword }), known, unknown);
    }

    [Fact]
    public async Task SendANewCodeAnswersAKnownAndAnUnknownAddressAlike()
    {
        var (known, unknown) = await AddressesAsync("resend");
        await CompareAsync("send a new code", (client, address) =>
        {
            App.Clock.Advance(TimeSpan.FromSeconds(2));
            return PostAsync(client, "/account/login/code", "login-resend", new() { ["resend"] = "1" }, address);
        }, known, unknown, prepare: RequestSignInCodeAsync);
    }

    private async Task<(string Known, string Unknown)> AddressesAsync(string form)
    {
        var known = UniqueEmail(form);
        await App.CreateUserAsync("Kit Known", known, GoodPassword);
        return (known, UniqueEmail(form + "x"));
    }

    private static async Task<Timed> PostAsync(FormClient client, string path, string form, Dictionary<string, string> fields, string? address = null)
    {
        var filled = await client.FillFormAsync(path, form, fields);
        var watch = Stopwatch.StartNew();
        var page = await client.PostAsync(path, filled);
        return new Timed(page, watch.Elapsed.TotalMilliseconds, address ?? fields.GetValueOrDefault("Input.Email"));
    }

    /// <summary>Posts for each address in turns, each from a browser of its own (prepared first if need be).</summary>
    private async Task CompareAsync(string form, Func<FormClient, string, Task<Timed>> post, string known, string unknown,
        Func<FormClient, string, Task<PageResponse>>? prepare = null)
    {
        using var knownClient = App.CreateFormClient();
        using var unknownClient = App.CreateFormClient();
        if (prepare is not null)
        {
            await prepare(knownClient, known);
            await prepare(unknownClient, unknown);
        }
        var knownTimes = new List<double>();
        var unknownTimes = new List<double>();
        for (var i = 0; i <= Tries; i++)
        {
            var forKnown = await post(knownClient, known);
            var forUnknown = await post(unknownClient, unknown);
            Assert.True(forKnown.Page.Status < HttpStatusCode.InternalServerError, forKnown.Page.ToString());
            Assert.Equal(forKnown.Page.Status, forUnknown.Page.Status);
            Assert.Equal(forKnown.Page.RedirectPath, forUnknown.Page.RedirectPath);
            Assert.Equal(Comparable(forKnown), Comparable(forUnknown));
            if (i == 0) continue;
            knownTimes.Add(forKnown.Milliseconds);
            unknownTimes.Add(forUnknown.Milliseconds);
        }
        var (k, u) = (Median(knownTimes), Median(unknownTimes));
        var factor = Math.Max(k, u) / Math.Min(k, u);
        output.WriteLine($"{form}: median known {k:0.0} ms, unknown {u:0.0} ms, factor {factor:0.00} (limit {MaxFactor})");
        Assert.True(factor < MaxFactor, $"{form}: known {k:0.0} ms vs unknown {u:0.0} ms");
    }

    private static string Comparable(Timed timed)
    {
        var html = PerRequest().Replace(timed.Page.Html, "per-request");
        return timed.Address is null ? html : html.Replace(WebUtility.HtmlEncode(timed.Address), "{address}", StringComparison.Ordinal);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private sealed record Timed(PageResponse Page, double Milliseconds, string? Address);

    // New on every request: the anti-forgery token, the encrypted component state Blazor appends to every page, and
    // the encrypted copy of a redirect's address (the address itself is compared as RedirectPath).
    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"[^\"]+\"|<!--Blazor-Server-Component-State:[^>]*-->|opaque-redirect\\?url=[^<\"]+")]
    private static partial Regex PerRequest();
}
