using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace CampaignEngine.Channels.Tests.Support;

/// <summary>A self-signed certificate for 127.0.0.1, written as PEM files for the test SMTP server.</summary>
public sealed record SelfSignedCertificate(string CertificatePath, string KeyPath)
{
    public static SelfSignedCertificate Write(string folder)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true));
        var now = DateTimeOffset.UtcNow;
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(1));

        var written = new SelfSignedCertificate(Path.Combine(folder, "server.crt"), Path.Combine(folder, "server.key"));
        File.WriteAllText(written.CertificatePath, certificate.ExportCertificatePem());
        File.WriteAllText(written.KeyPath, key.ExportPkcs8PrivateKeyPem());
        return written;
    }
}
