using System.Net.Sockets;
using System.Text;
using TradingBot.Exchange.Simulator.Server.Streams;
using TradingBot.Exchange.Simulator.Tests.Support;

namespace TradingBot.Exchange.Simulator.Tests.Server;

public sealed class PingTests
{
    [Fact]
    public async Task Server_sends_ping_frames_and_drops_a_peer_that_never_answers_pong()
    {
        await using var sim = await SimulatorFixture.StartAsync(o => o with
        {
            Streams = new StreamOptions { PingInterval = TimeSpan.FromMilliseconds(200), PongTimeout = TimeSpan.FromMilliseconds(600) },
        });

        // A hand-made WebSocket peer (ClientWebSocket would answer pings by itself).
        using var tcp = new TcpClient();
        await tcp.ConnectAsync("127.0.0.1", sim.Instance.Port);
        var stream = tcp.GetStream();
        var handshake = "GET /market/ws/btcusdt@kline_1m HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
                        "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(handshake));
        var buffer = new byte[4096];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var read = await stream.ReadAsync(buffer, timeout.Token);
        Encoding.ASCII.GetString(buffer, 0, read).Should().StartWith("HTTP/1.1 101");

        var sawPing = false;
        var closed = false;
        try
        {
            while (!timeout.IsCancellationRequested)
            {
                read = await stream.ReadAsync(buffer, timeout.Token);
                if (read == 0)
                {
                    closed = true;
                    break;
                }

                sawPing |= (buffer[0] & 0x0F) == 0x9;
            }
        }
        catch (IOException)
        {
            closed = true;
        }

        sawPing.Should().BeTrue("the server pings on its own interval");
        closed.Should().BeTrue("no pong within the timeout drops the connection");
    }
}
