using System.Diagnostics;
using System.Net.Sockets;
using MimeKit;

namespace CampaignEngine.Channels.Tests.Support;

/// <summary>
/// A real SMTP server process on 127.0.0.1: Debian's python3-aiosmtpd delivering into a Maildir. Its handler
/// is aiosmtpd's Mailbox with two additions: recipients starting <c>nobody@</c> get 550 (unknown user,
/// permanent), <c>busy@</c> get 451 (try later, transient); and AUTH PLAIN/LOGIN accepts
/// <see cref="User"/> with <see cref="Password"/> (aiosmtpd offers AUTH only over TLS, see <see cref="SmtpTls"/>).
/// </summary>
public class SmtpServer : IDisposable
{
    public const string User = "care@shop.example";
    public const string Password = "smtp-pässword-42";

    private const string Handler = """
        import base64, os
        from aiosmtpd.handlers import Mailbox
        from aiosmtpd.smtp import AuthResult, MISSING

        def _accepts(login, password):
            return login == os.environ['CE_SMTP_USER'].encode() and password == os.environ['CE_SMTP_PASSWORD'].encode()

        class PickyMailbox(Mailbox):
            async def auth_PLAIN(self, server, args):
                data = base64.b64decode(args[1]) if len(args) > 1 else await server.challenge_auth('')
                if data is MISSING:
                    return AuthResult(success=False, handled=False)
                _, login, password = data.split(b'\0')
                return AuthResult(success=_accepts(login, password), handled=False)

            async def auth_LOGIN(self, server, args):
                login = base64.b64decode(args[1]) if len(args) > 1 else await server.challenge_auth('User Name\0')
                password = await server.challenge_auth('Password\0')
                if login is MISSING or password is MISSING:
                    return AuthResult(success=False, handled=False)
                return AuthResult(success=_accepts(login, password), handled=False)

            async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
                if address.startswith('nobody@'):
                    return '550 5.1.1 <%s>: Recipient address rejected: User unknown' % address
                if address.startswith('busy@'):
                    return '451 4.3.0 <%s>: Mailbox busy, try again later' % address
                envelope.rcpt_tos.append(address)
                return '250 OK'
        """;

    private readonly string _root = Directory.CreateTempSubdirectory("ce-smtp-").FullName;
    private readonly Process _process;

    public SmtpServer()
        : this(SmtpTls.None)
    {
    }

    protected SmtpServer(SmtpTls tls)
    {
        Maildir = Path.Combine(_root, "maildir");
        foreach (var folder in new[] { "tmp", "new", "cur" })
        {
            Directory.CreateDirectory(Path.Combine(Maildir, folder));
        }

        File.WriteAllText(Path.Combine(_root, "picky.py"), Handler);
        Port = FreePort.Find();
        var arguments = new List<string> { "-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{Port}" };
        if (tls != SmtpTls.None)
        {
            Certificate = SelfSignedCertificate.Write(_root);
            arguments.AddRange(tls == SmtpTls.StartTls
                ? ["--tlscert", Certificate.CertificatePath, "--tlskey", Certificate.KeyPath]
                : ["--smtpscert", Certificate.CertificatePath, "--smtpskey", Certificate.KeyPath]);
        }

        arguments.AddRange(["-c", "picky.PickyMailbox", Maildir]);
        var start = new ProcessStartInfo("/usr/bin/python3", arguments)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.Environment["PYTHONPATH"] = _root;
        start.Environment["CE_SMTP_USER"] = User;
        start.Environment["CE_SMTP_PASSWORD"] = Password;
        _process = Process.Start(start) ?? throw new InvalidOperationException("could not start /usr/bin/python3 -m aiosmtpd (apt-get install python3-aiosmtpd)");
        WaitUntilListening();
    }

    public int Port { get; }

    public string Maildir { get; }

    /// <summary>The server's self-signed certificate when it speaks TLS.</summary>
    public SelfSignedCertificate? Certificate { get; }

    /// <summary>The delivered message with this Message-ID, read back from the Maildir (waits briefly for the file).</summary>
    public MimeMessage Delivered(string messageId)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(Maildir, "new")).Concat(Directory.EnumerateFiles(Path.Combine(Maildir, "cur"))))
            {
                var message = MimeMessage.Load(file);
                if (message.MessageId == messageId)
                {
                    return message;
                }
            }

            Thread.Sleep(50);
        }

        throw new InvalidOperationException($"no message <{messageId}> in {Maildir}");
    }

    public int DeliveredCount(string messageId)
        => Directory.EnumerateFiles(Path.Combine(Maildir, "new")).Count(file => MimeMessage.Load(file).MessageId == messageId);

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }

        _process.Dispose();
        Directory.Delete(_root, recursive: true);
    }

    private void WaitUntilListening()
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(20))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"aiosmtpd exited with {_process.ExitCode}: {_process.StandardError.ReadToEnd()}");
            }

            try
            {
                using var probe = new TcpClient();
                probe.Connect("127.0.0.1", Port);
                return;
            }
            catch (SocketException)
            {
                Thread.Sleep(100);
            }
        }

        throw new InvalidOperationException($"aiosmtpd did not listen on 127.0.0.1:{Port} within 20 s");
    }
}

public enum SmtpTls
{
    None,
    /// <summary>Plain connection upgraded with STARTTLS (port 587 style).</summary>
    StartTls,
    /// <summary>TLS from the first byte (SMTPS, port 465 style).</summary>
    Implicit,
}

/// <summary>An SMTP server offering STARTTLS and AUTH.</summary>
public sealed class StartTlsSmtpServer() : SmtpServer(SmtpTls.StartTls);

/// <summary>An SMTP server speaking TLS from the first byte, with AUTH.</summary>
public sealed class SmtpsServer() : SmtpServer(SmtpTls.Implicit);
