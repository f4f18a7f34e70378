using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CampaignEngine.Plugins.Shared;

namespace CampaignEngine.Plugins.Email.Delivery;

/// <summary>
/// A certificate the operator trusts for the mail server besides the system's roots (setting
/// <c>trusted_certificate</c>: a PEM file) — an in-house relay with its own CA or a self-signed certificate.
/// The server's certificate must chain to it and carry the server's name; nothing else is relaxed.
/// </summary>
internal sealed class TrustedCertificate(X509Certificate2 root)
{
    public static TrustedCertificate? Read(ChannelSettings settings)
    {
        if (settings.Optional("trusted_certificate") is not { } path)
        {
            return null;
        }

        try
        {
            return new TrustedCertificate(X509Certificate2.CreateFromPem(File.ReadAllText(path)));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException or ArgumentException)
        {
            throw settings.Problem($"setting 'trusted_certificate' is '{path}', which is not a readable PEM certificate ({e.Message.Trim()})");
        }
    }

    public bool Accepts(X509Certificate? certificate, SslPolicyErrors errors)
    {
        if (errors == SslPolicyErrors.None)
        {
            return true;
        }

        if (certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch) || errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(root);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var presented = new X509Certificate2(certificate);
        return chain.Build(presented);
    }
}
