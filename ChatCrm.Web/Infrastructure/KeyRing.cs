using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;

namespace ChatCrm.Web.Infrastructure;

/// <summary>
/// The data-protection key ring that signs and encrypts cookies and anti-forgery tokens. It lives in the database
/// (<c>data_protection_keys</c>), so cookies survive a restart and every server of one ChatCrm shares it with nothing
/// to copy by hand; a key ring an older version kept in the data folder's keys/ is moved there at start
/// (<c>FolderKeys</c>). With ChatCrm:DataProtection:CertificatePath set, each key is also encrypted at rest with that
/// certificate: a copy of the database (a backup) is then useless for forging cookies without the certificate's
/// private key.
/// </summary>
internal static class KeyRing
{
    public const string Section = "ChatCrm:DataProtection";

    public static IServiceCollection AddChatCrmKeyRing(this IServiceCollection services, IConfiguration configuration)
    {
        var keyRing = services.AddDataProtection(); // the ring itself is Core's (in the database)

        var section = configuration.GetSection(Section);
        if (section["CertificatePath"] is { Length: > 0 } path)
        {
            var certificate = LoadCertificate(path, section["CertificatePassword"]);
            // Unprotect with this certificate too, not only with ones in the machine's certificate store: on Linux
            // that store is empty, and a second server with the same file must read the first one's keys.
            keyRing.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
        }
        return services;
    }

    private static X509Certificate2 LoadCertificate(string path, string? password)
    {
        if (!File.Exists(path)) throw Invalid($"{Section}:CertificatePath: no file at {Path.GetFullPath(path)}.");
        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet);
        }
        catch (CryptographicException e)
        {
            throw Invalid($"{Section}:CertificatePath: {path} could not be read as a PKCS#12 (.pfx) file with " +
                $"{Section}:CertificatePassword ({e.Message}).");
        }
        if (!certificate.HasPrivateKey)
            throw Invalid($"{Section}:CertificatePath: {path} has no private key; the key ring needs one to read its keys back.");
        return certificate;
    }

    private static OptionsValidationException Invalid(string message) =>
        new(Section, typeof(KeyManagementOptions), [message]);
}
