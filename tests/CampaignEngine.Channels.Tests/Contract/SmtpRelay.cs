using System.Net;
using System.Net.Sockets;
using CampaignEngine.Plugins.Testing;

namespace CampaignEngine.Channels.Tests.Contract;

/// <summary>
/// A TCP front for the real SMTP server whose behaviour can change after the channel is configured (the
/// channel's host and port are fixed at load): Working passes bytes through to aiosmtpd, Hanging accepts
/// and never greets, Failing greets with 421 (service not available) and hangs up, as a busy server does.
/// </summary>
internal sealed class SmtpRelay : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stopping = new();
    private readonly int _serverPort;

    public SmtpRelay(int serverPort)
    {
        _serverPort = serverPort;
        _listener.Start();
        _ = Task.Run(AcceptAsync);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public ProviderBehaviour Behaviour { get; set; } = ProviderBehaviour.Working;

    public void Dispose()
    {
        _stopping.Cancel();
        _listener.Stop();
    }

    private async Task AcceptAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stopping.Token);
            }
            catch (Exception) when (_stopping.IsCancellationRequested)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(client, Behaviour));
        }
    }

    private async Task ServeAsync(TcpClient client, ProviderBehaviour behaviour)
    {
        using var _ = client;
        try
        {
            var stream = client.GetStream();
            switch (behaviour)
            {
                case ProviderBehaviour.Hanging:
                    await Task.Delay(Timeout.Infinite, _stopping.Token);
                    break;
                case ProviderBehaviour.Failing:
                    await stream.WriteAsync("421 4.3.2 Service not available, try again later\r\n"u8.ToArray(), _stopping.Token);
                    break;
                default:
                    using (var server = new TcpClient())
                    {
                        await server.ConnectAsync(IPAddress.Loopback, _serverPort, _stopping.Token);
                        var upstream = server.GetStream();
                        await Task.WhenAny(stream.CopyToAsync(upstream, _stopping.Token), upstream.CopyToAsync(stream, _stopping.Token));
                    }

                    break;
            }
        }
        catch (Exception)
        {
            // The client hung up or the relay is stopping.
        }
    }
}
