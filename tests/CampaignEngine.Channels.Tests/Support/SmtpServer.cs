using System.Diagnostics;
using System.Net.Sockets;
using MimeKit;

namespace CampaignEngine.Channels.Tests.Support;

/// <summary>
/// A real SMTP server process on 127.0.0.1: Debian's python3-aiosmtpd delivering into a Maildir. Its handler
/// is aiosmtpd's Mailbox with one addition so refusals can be tested: recipients starting <c>nobody@</c>
/// get 550 (unknown user, permanent), <c>busy@</c> get 451 (try later, transient).
/// </summary>
public sealed class SmtpServer : IDisposable
{
    private const string Handler = """
        from aiosmtpd.handlers import Mailbox

        class PickyMailbox(Mailbox):
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
    {
        Maildir = Path.Combine(_root, "maildir");
        foreach (var folder in new[] { "tmp", "new", "cur" })
        {
            Directory.CreateDirectory(Path.Combine(Maildir, folder));
        }

        File.WriteAllText(Path.Combine(_root, "picky.py"), Handler);
        Port = FreePort.Find();
        var start = new ProcessStartInfo("/usr/bin/python3", ["-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{Port}", "-c", "picky.PickyMailbox", Maildir])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.Environment["PYTHONPATH"] = _root;
        _process = Process.Start(start) ?? throw new InvalidOperationException("could not start /usr/bin/python3 -m aiosmtpd (apt-get install python3-aiosmtpd)");
        WaitUntilListening();
    }

    public int Port { get; }

    public string Maildir { get; }

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
