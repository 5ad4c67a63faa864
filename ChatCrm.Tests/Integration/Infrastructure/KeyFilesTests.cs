using System.Net;
using System.Runtime.Versioning;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ChatCrm.Core.Data;
using ChatCrm.Tests.Fixtures;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ChatCrm.Tests.Integration.AccountPages;

namespace ChatCrm.Tests.Integration.Infrastructure;

/// <summary>
/// The keys: the data folder's keys/ (ChatCrm.Core/Common/PrivateFiles) readable by the app's user only; the key ring
/// in the database (ChatCrm.Web/Infrastructure/KeyRing), moved there from an older version's folder, and optionally
/// encrypted at rest with a certificate from configuration.
/// </summary>
[Collection(AccountPagesGroup.Name)]
public sealed class KeyFilesTests(SmtpServerFixture smtp) : IDisposable
{
    private readonly TempFolder _folder = new("keys");

    private string DataPath => _folder.Combine("data");

    private string KeysPath => _folder.Combine("data", "keys");

    [Fact]
    [UnsupportedOSPlatform("windows")] // Unix file modes; the suite runs on Debian
    public async Task KeyFilesAreReadableByTheAppsUserOnlyIncludingOnesThatWereThereBefore()
    {
        // An older install: the folder and a key in it readable by everyone.
        Directory.CreateDirectory(KeysPath);
        File.SetUnixFileMode(KeysPath, (UnixFileMode)0b111_101_101);
        await File.WriteAllTextAsync(Path.Combine(KeysPath, "unsubscribe.key"), Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        File.SetUnixFileMode(Path.Combine(KeysPath, "unsubscribe.key"), (UnixFileMode)0b110_100_100);

        using var app = NewApp();
        using var client = app.CreateFormClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/login")).Status); // issues a token: the key ring has a key

        Assert.Equal(PrivateFolder, File.GetUnixFileMode(KeysPath));
        var files = Directory.GetFiles(KeysPath).Select(Path.GetFileName).ToList();
        Assert.Contains("email-code.key", files);
        Assert.Contains("unsubscribe.key", files);
        Assert.All(Directory.GetFiles(KeysPath), file => Assert.True(File.GetUnixFileMode(file) == PrivateFile, $"{file}: {File.GetUnixFileMode(file)}"));
        // The key ring is not a file any more: it is in the database, where every server finds it.
        Assert.DoesNotContain(files, f => f!.StartsWith("key-", StringComparison.Ordinal));
        Assert.NotEmpty(await KeyRingRowsAsync(app));
    }

    [Fact]
    public async Task AKeyRingAnOlderVersionKeptInTheDataFolderMovesIntoTheDatabaseAndStillReadsWhatItProtected()
    {
        // An older version's ring: key files in keys/, and something it protected (a cookie, a token) out in the world.
        var older = new ServiceCollection().AddDataProtection().SetApplicationName("ChatCrm")
            .PersistKeysToFileSystem(new DirectoryInfo(KeysPath)).Services.BuildServiceProvider();
        var protectedBefore = older.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("still readable");
        var keyFile = Path.GetFileNameWithoutExtension(Assert.Single(Directory.GetFiles(KeysPath, "key-*.xml")));

        using var app = NewApp();
        using var client = app.CreateFormClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/login")).Status);

        Assert.Equal([keyFile], (await KeyRingRowsAsync(app)).Select(k => k.FriendlyName));
        var provider = app.Services.GetRequiredService<IDataProtectionProvider>();
        Assert.Equal("still readable", provider.CreateProtector("test").Unprotect(protectedBefore));
    }

    [Fact]
    public async Task WithACertificateTheKeyRingIsEncryptedOnDiskAndASecondServerReadsTheFirstsCookiesAndTokens()
    {
        // Made for this run, as a real one would come from the environment.
        var pfxPassword = TestPasswords.New();
        var certificate = WritePfx("chatcrm-keys.pfx", pfxPassword, withPrivateKey: true);
        var settings = new Dictionary<string, string?>
        {
            ["ChatCrm:DataProtection:CertificatePath"] = certificate,
            ["ChatCrm:DataProtection:CertificatePassword"] = pfxPassword,
        };
        using var first = NewApp(settings);
        using var person = await first.SignedInClientAsync(first.AdminEmail, ChatCrmAppFactory.AdminPassword);
        var signOut = await person.FillFormAsync("/account/manage/password", "", []);

        var keyXml = Assert.Single(await KeyRingRowsAsync(first)).Xml;
        Assert.Contains("EncryptedData", keyXml, StringComparison.Ordinal);
        Assert.DoesNotContain("<masterKey", keyXml, StringComparison.Ordinal);

        // Another server on the same database and certificate: the cookie signs in, the token is accepted.
        using var second = NewApp(settings);
        using var sameBrowser = second.CreateFormClient(person.Cookies);
        Assert.Equal(HttpStatusCode.OK, (await sameBrowser.GetAsync("/admin/accounts")).Status);
        signOut.Remove("_handler");
        signOut["returnUrl"] = "/account/login";
        var signedOut = await sameBrowser.PostAsync("/account/logout", signOut);
        Assert.Equal((HttpStatusCode.Redirect, "/account/login"), (signedOut.Status, signedOut.RedirectPath));
    }

    [Theory]
    [InlineData(false, "no file at")]
    [InlineData(true, "has no private key")]
    public void ABadCertificateSettingStopsTheStartNamingTheKey(bool fileExists, string problem)
    {
        var pfxPassword = TestPasswords.New();
        var path = fileExists ? WritePfx("public-only.pfx", pfxPassword, withPrivateKey: false) : _folder.Combine("missing.pfx");
        using var app = NewApp(new Dictionary<string, string?>
        {
            ["ChatCrm:DataProtection:CertificatePath"] = path,
            ["ChatCrm:DataProtection:CertificatePassword"] = pfxPassword,
        });

        var failure = Assert.ThrowsAny<Exception>(() => app.CreateFormClient());

        var message = failure.ToString();
        Assert.Contains("ChatCrm:DataProtection:CertificatePath", message, StringComparison.Ordinal);
        Assert.Contains(problem, message, StringComparison.Ordinal);
    }

    private const UnixFileMode PrivateFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode PrivateFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private static async Task<List<DataProtectionKey>> KeyRingRowsAsync(ChatCrmAppFactory app)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<ChatCrmDbContext>>().CreateDbContextAsync();
        return await db.DataProtectionKeys.AsNoTracking().ToListAsync();
    }

    private ChatCrmAppFactory NewApp(Dictionary<string, string?>? settings = null)
    {
        settings ??= [];
        settings["ChatCrm:DataDirectory"] = DataPath;
        return new ChatCrmAppFactory(smtp, settings);
    }

    /// <summary>A self-signed RSA certificate as a .pfx, with or without its private key.</summary>
    private string WritePfx(string name, string password, bool withPrivateKey)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=ChatCrm key ring (test)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        using var exported = withPrivateKey ? certificate : X509CertificateLoader.LoadCertificate(certificate.Export(X509ContentType.Cert));
        var path = _folder.Combine(name);
        File.WriteAllBytes(path, exported.Export(X509ContentType.Pkcs12, password));
        return path;
    }

    public void Dispose() => _folder.Dispose();
}
